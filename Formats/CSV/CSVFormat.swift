import QuireCore

/// CSV (RFC 4180, UTF-8, a header row): one table of a collection for Notion, Airtable or a
/// spreadsheet, chosen with setting `csv`. Write only: a table keeps a slice of the model.
public struct CSVFormat: FormatPlugin {
    public static let id: FormatID = "csv"

    public init() {}
    public var name: String { "built-in" }

    public func register(in registry: inout FormatRegistry) throws {
        try registry.add(
            FormatDescriptor(id: Self.id, displayName: "CSV table", fileExtensions: ["csv"], mediaTypes: ["text/csv"], settings: CSVSettings.all))
        try registry.addWriter(
            CSVWriter(), for: Self.id,
            loss: .lossy(
                "everything outside the chosen table (\(CSVSettings.table.mention)): the collection's title, preamble and channel details, transcripts, quote times and the fields the table has no column for"
            ))
    }
}
