import QuireCore

/// The book's descriptive metadata beyond title and author: series, subjects, description,
/// publisher, rights, and the reader-facing extras (a user stylesheet, embedded fonts). Given as
/// settings, or in a metadata file (`metadata`, YAML or JSON, `BookMetadataFile`) whose values the
/// settings override.
struct BookMetadata: Sendable, Hashable {
    static let series = FormatSetting(
        "series", .text(valueName: "name"),
        help: "The series the book belongs to (EPUB 3 collection and calibre's series); a book of one channel is that channel's series.")
    static let seriesIndex = FormatSetting(
        "series-index", .text(valueName: "number"), help: "The book's place in its series: a number of 0 or more, decimals allowed (1, 2, 1.5).")
    static let subject = FormatSetting("subject", .text(valueName: "tag"), repeatable: true, help: "A subject or tag of the book (dc:subject).")
    static let description = FormatSetting("description", .text(valueName: "text"), help: "The book's description (dc:description).")
    static let publisher = FormatSetting("publisher", .text(valueName: "name"), help: "The book's publisher (dc:publisher).")
    static let rights = FormatSetting("rights", .text(valueName: "text"), help: "A rights statement (dc:rights).")
    static let metadata = FormatSetting(
        "metadata", .path(valueName: "file"),
        help:
            "A YAML or JSON file of book metadata (title, author, language, date, series, series-index, subject, description, publisher, rights, css, embed-font); settings given on the command line win."
    )
    static let css = FormatSetting(
        "css", .path(valueName: "file"), help: "A stylesheet added to the book and linked from every page after Quire's, so its rules win.")
    static let embedFont = FormatSetting(
        "embed-font", .path(valueName: "font"), repeatable: true,
        help: "A TrueType, OpenType, WOFF or WOFF2 font to embed, with an @font-face rule naming its family for --css to use.")

    static let settings = [series, seriesIndex, subject, description, publisher, rights, metadata, css, embedFont]

    /// Replaces the input's title (the book is what the file describes).
    var title: String?
    var authors: [String] = []
    var language: String?
    /// The publication date, `dc:date` (W3C date: `2024`, `2024-05`, `2024-05-01` or a full timestamp).
    var date: String?
    var series: String?
    /// As written (`2`, `1.5`): calibre and EPUB readers parse it as a decimal number.
    var seriesIndex: String?
    var subjects: [String] = []
    var description: String?
    var publisher: String?
    var rights: String?
    /// Paths as given on the command line, or resolved against the metadata file's folder.
    var cssPath: String?
    var fontPaths: [String] = []
    /// What reading the metadata file had to say (unknown keys), reported when the book is written.
    var fileWarnings: [Diagnostic] = []

    init() {}

    /// The settings over the metadata file, if one is given; a bad value in either fails naming it.
    init(_ options: ConversionOptions) throws(ConversionFailure) {
        if let path = options.value(Self.metadata) { self = try BookMetadataFile.read(path) }
        if let series = options.value(Self.series) { self.series = series }
        if let text = options.value(Self.seriesIndex) {
            guard let index = Self.seriesIndex(text) else { throw ConversionFailure(Self.seriesIndexFailure(text)) }
            seriesIndex = index
        }
        let subjects = options.values(Self.subject)
        if !subjects.isEmpty { self.subjects = subjects }
        if let description = options.value(Self.description) { self.description = description }
        if let publisher = options.value(Self.publisher) { self.publisher = publisher }
        if let rights = options.value(Self.rights) { self.rights = rights }
        if let css = options.value(Self.css) { cssPath = css }
        let fonts = options.values(Self.embedFont)
        if !fonts.isEmpty { fontPaths = fonts }
    }

    /// `text` as a series index (digits, optionally a decimal point and more digits), normalized
    /// (`01` is `1`), or `nil` when it is not one.
    static func seriesIndex(_ text: String) -> String? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCIIDigit),
            parts.count == 1 || (!parts[1].isEmpty && parts[1].allSatisfy(\.isASCIIDigit))
        else { return nil }
        let integer = String(whole.drop { $0 == "0" })
        let fraction = parts.count == 2 ? String(parts[1].reversed().drop { $0 == "0" }.reversed()) : ""
        return (integer.isEmpty ? "0" : integer) + (fraction.isEmpty ? "" : "." + fraction)
    }

    static func seriesIndexFailure(_ text: String, at location: SourceLocation? = nil) -> Diagnostic {
        .error(
            "setting.value", "\(seriesIndex.mention) takes a number of 0 or more such as 2 or 1.5, not '\(text)'", at: location,
            notes: [Diagnostic.Note(seriesIndex.help)])
    }

    /// The stylesheets every page links, in cascade order: Quire's, the fonts', the user's.
    var stylesheetHrefs: [String] {
        [PackageLayout.stylesheet.href] + (fontPaths.isEmpty ? [] : [PackageLayout.fontStylesheet.href])
            + (cssPath == nil ? [] : [PackageLayout.userStylesheet.href])
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
