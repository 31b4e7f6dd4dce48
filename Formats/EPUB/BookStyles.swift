import QuireCore

/// The stylesheets and fonts a user adds to the book (`--css`, `--embed-font`), after Quire's own.
enum BookStyles {
    /// Adds the embedded fonts with their `@font-face` stylesheet, then the user's stylesheet, and
    /// reports what reading the metadata file found. A file that cannot be read or is no font fails
    /// the book: it would not look as asked.
    static func add(_ metadata: BookMetadata, to book: PackageAssembly, diagnostics: inout Diagnostics) throws {
        for warning in metadata.fileWarnings { diagnostics.report(warning) }
        let fonts = try EmbeddedFont.load(metadata.fontPaths)
        if !fonts.isEmpty {
            try book.add(PackageLayout.fontStylesheet, text: EmbeddedFont.stylesheet(fonts))
            for (index, font) in fonts.enumerated() { try book.add(PackageLayout.font(index + 1, font), bytes: font.bytes) }
        }
        if let path = metadata.cssPath { try book.add(PackageLayout.userStylesheet, text: try userStylesheet(path)) }
    }

    /// A stylesheet is text; a bigger file is not what the user meant.
    static let maximumStylesheetBytes = 4 << 20

    /// The user's stylesheet as UTF-8 text.
    static func userStylesheet(_ path: String) throws(ConversionFailure) -> String {
        let location = SourceLocation(file: path)
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(path)
        } catch {
            throw ConversionFailure(.error("epub.css.unreadable", "cannot read the stylesheet: \(error.reason)", at: location))
        }
        guard bytes.count <= maximumStylesheetBytes else {
            throw ConversionFailure(.error("epub.css.size", "the stylesheet is larger than \(maximumStylesheetBytes >> 20) MiB", at: location))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConversionFailure(.error("epub.css.encoding", "the stylesheet is not UTF-8 text", at: location))
        }
        return text
    }
}

extension Array {
    /// The array, or `nil` when it is empty: `a.nonEmpty ?? b`.
    var nonEmpty: Self? { isEmpty ? nil : self }
}
