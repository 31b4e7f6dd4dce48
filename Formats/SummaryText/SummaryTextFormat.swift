import QuireCore

/// The podcast-summary site's own text format (docs/summary-text-format.md).
public struct SummaryTextFormat: FormatPlugin {
    public static let id: FormatID = "summary"

    public init() {}
    public var name: String { "built-in" }

    public func register(in registry: inout FormatRegistry) throws {
        try registry.add(
            FormatDescriptor(
                id: Self.id, displayName: "Summary text", aliases: ["summary-text", "txt", "text"], fileExtensions: ["txt", "summary"],
                mediaTypes: ["text/plain"], settings: SummaryTextSettings.all,
                sniffer: { sample in
                    guard let text = sample.text else { return nil }
                    return text.contains("## [") ? .likely : .possible
                }))
        try registry.addReader(SummaryTextReader(), for: Self.id)
        // Summary text has no escape for some markup in quote and entity lines, nor for line breaks in
        // one-line fields: the writer warns about each such text.
        try registry.addWriter(
            SummaryTextWriter(), for: Self.id,
            loss: .lossy(
                "text the format cannot escape (some quote and entity lines, line breaks in titles, white space at line ends), transcripts, entity roles and pages; each is warned about"
            ))
    }
}
