import QuireCore
import QuireZip

/// Kobo EPUB: an EPUB whose content documents carry Kobo's sentence spans and column wrappers, which
/// Kobo readers use for reading statistics, highlights and faster page turns. Written from an EPUB
/// (so the route from the model is model → epub → kepub, with every EPUB setting), read by removing
/// that markup again.
public struct KEPUBFormat: FormatPlugin {
    public static let id: FormatID = "kepub"
    /// The EPUB format this one converts to and from; registered before it.
    static let epub: FormatID = "epub"

    public init() {}
    public var name: String { "built-in" }

    public func register(in registry: inout FormatRegistry) throws {
        // No sniffer: a KEPUB starts like any EPUB, and its extension is what tells them apart.
        try registry.add(
            FormatDescriptor(
                id: Self.id, displayName: "Kobo EPUB", fileExtensions: ["kepub.epub"], mediaTypes: ["application/kepub+zip"],
                settings: ZipLimits.settings))
        try registry.addConverter(
            KEPUBWriter(), from: Self.epub, to: Self.id, cost: 1,
            reason: "Kobo's sentence spans and column wrappers are added to the content documents of an EPUB")
        try registry.addConverter(
            KEPUBStripper(), from: Self.id, to: Self.epub, cost: 1, reason: "a KEPUB is read as the EPUB it is without Kobo's markup")
    }
}

/// `epub → kepub`: adds Kobo's markup to every spine document but the navigation document and the
/// cover page; every other entry is copied unchanged.
public struct KEPUBWriter: DirectConverter {
    public init() {}

    public func convert(_ input: InputFile, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> [UInt8] {
        let book = try KEPUBBook.open(input, options: options)
        return try book.rewritten(book.spannedDocuments, input: input) { document throws(MarkupScanner.Malformed) in
            try KoboMarkup.adding(to: document)
        }
    }
}

/// `kepub → epub`: removes exactly the markup `KEPUBWriter` adds (and kepubify's), from every XHTML
/// document of the manifest.
public struct KEPUBStripper: DirectConverter {
    public init() {}

    public func convert(_ input: InputFile, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> [UInt8] {
        let book = try KEPUBBook.open(input, options: options)
        return try book.rewritten(book.contentDocuments, input: input) { document throws(MarkupScanner.Malformed) in
            try KoboMarkup.removing(from: document)
        }
    }
}
