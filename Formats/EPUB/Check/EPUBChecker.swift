import QuireCore
import QuireXML
import QuireZip

/// `quire check` for EPUB: the container and package rules every reading system relies on, and
/// with `--profile kindle` what Send to Kindle accepts (`KindleChecks`).
///
/// Identifiers are `epub.check.*` for the general checks and `kindle.*` for the profile's; the
/// reader's own identifiers (`epub.zip.*`, `epub.container.*`, `epub.xml`) come through unchanged
/// when the archive or its package document cannot be opened at all.
public struct EPUBChecker: FormatChecker {
    public static let kindle = CheckProfile(
        "kindle", summary: "what Send to Kindle accepts: a JPEG or PNG cover, a language Kindle supports, no scripts or forms, size limits")
    public static let profiles = [kindle]

    public init() {}

    public func check(_ input: InputFile, profile: String?, options: ConversionOptions, diagnostics: inout Diagnostics) {
        Self.checkMimetype(input, diagnostics: &diagnostics)
        guard let book = CheckedBook.open(input, limits: ZipLimits(options: options), diagnostics: &diagnostics) else { return }
        Self.checkManifest(book, diagnostics: &diagnostics)
        Self.checkSpine(book, diagnostics: &diagnostics)
        Self.checkNavigation(book, diagnostics: &diagnostics)
        Self.checkMetadata(book, diagnostics: &diagnostics)
        Self.checkContentDocuments(book, diagnostics: &diagnostics)
        if book.coverItem == nil {
            diagnostics.report(
                .warning(
                    "epub.check.cover.missing",
                    "the book has no cover image (no manifest item with properties=\"cover-image\", no <meta name=\"cover\">); library views show a blank",
                    at: book.packageLocation(line: book.package.child(named: "manifest")?.line)))
        }
        if profile == Self.kindle.name { KindleChecks.run(book, diagnostics: &diagnostics) }
    }

    /// OCF 3.3 §4.3: the first entry is `mimetype`, stored uncompressed, saying `application/epub+zip`.
    /// Read from the local header, before the archive is opened, so a book whose zip is refused is still told.
    static func checkMimetype(_ input: InputFile, diagnostics: inout Diagnostics) {
        let bytes = input.bytes
        guard bytes.count >= 30, bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return }
        let method = Int(bytes[8]) | Int(bytes[9]) << 8
        let nameLength = Int(bytes[26]) | Int(bytes[27]) << 8
        let name = String(decoding: bytes[30..<min(bytes.count, 30 + nameLength)], as: UTF8.self)
        guard name == "mimetype" else {
            diagnostics.report(
                .error(
                    "epub.check.mimetype", "the first entry of the archive is '\(name)', not 'mimetype'; reading systems and Send to Kindle rely on it",
                    at: input.location(entry: name)))
            return
        }
        if method != 0 {
            diagnostics.report(.error("epub.check.mimetype", "the mimetype entry is compressed; it must be stored", at: input.location(entry: "mimetype")))
            return
        }
        let extraLength = Int(bytes[28]) | Int(bytes[29]) << 8
        let start = 30 + nameLength + extraLength, expected = Array("application/epub+zip".utf8)
        guard bytes.count >= start + expected.count, Array(bytes[start..<start + expected.count]) == expected else {
            diagnostics.report(.error("epub.check.mimetype", "the mimetype entry does not say application/epub+zip", at: input.location(entry: "mimetype")))
            return
        }
    }

    /// Every manifest item is in the archive, and every content file in the archive is listed.
    static func checkManifest(_ book: CheckedBook, diagnostics: inout Diagnostics) {
        var ids = Set<String>()
        for item in book.manifest {
            let location = book.packageLocation(line: item.line)
            if item.id.isEmpty || item.href.isEmpty {
                diagnostics.report(.error("epub.check.manifest.item", "a manifest item lacks an id or an href", at: location))
                continue
            }
            if !ids.insert(item.id).inserted {
                diagnostics.report(.error("epub.check.manifest.duplicate", "manifest id '\(item.id)' is used twice", at: location))
            }
            guard item.href.contains(":") == false else { continue }  // a remote resource is not in the archive
            guard let path = item.path else {
                diagnostics.report(.error("epub.check.manifest.href", "manifest item '\(item.id)' points outside the container ('\(item.href)')", at: location))
                continue
            }
            if book.entries[path] == nil {
                diagnostics.report(
                    .error("epub.check.manifest.missing", "manifest item '\(item.id)' names '\(path)', which is not in the archive", at: location))
            }
        }
        let listed = Set(book.manifest.compactMap(\.path))
        let containerFiles: Set<String> = ["mimetype", book.packagePath]
        for entry in book.archive.entries
        where !entry.isDirectory && !entry.path.hasPrefix("META-INF/") && !containerFiles.contains(entry.path) && !listed.contains(entry.path) {
            diagnostics.report(
                .warning(
                    "epub.check.manifest.unlisted", "'\(entry.path)' is in the archive but not in the manifest; reading systems ignore it",
                    at: book.location(entry: entry.path)))
        }
    }

    static func checkSpine(_ book: CheckedBook, diagnostics: inout Diagnostics) {
        if book.spine.isEmpty {
            diagnostics.report(
                .error("epub.check.spine.empty", "the spine lists no documents; there is nothing to read", at: book.packageLocation(line: book.package.line)))
        }
        for entry in book.spine {
            guard let item = book.item(id: entry.idref) else {
                diagnostics.report(
                    .error("epub.check.spine.idref", "spine entry '\(entry.idref)' names no manifest item", at: book.packageLocation(line: entry.line)))
                continue
            }
            if !["application/xhtml+xml", "image/svg+xml"].contains(item.mediaType) {
                diagnostics.report(
                    .warning(
                        "epub.check.spine.media-type", "spine entry '\(entry.idref)' is \(item.mediaType), not an XHTML or SVG content document",
                        at: book.packageLocation(line: entry.line)))
            }
        }
    }

    /// EPUB 3 books need a navigation document (EPUB 3.3 §5.4.1.2); EPUB 2 books have their NCX.
    static func checkNavigation(_ book: CheckedBook, diagnostics: inout Diagnostics) {
        guard book.version.hasPrefix("3") else { return }
        let navigation = book.manifest.filter { $0.properties.contains("nav") }
        if navigation.isEmpty {
            diagnostics.report(
                .error(
                    "epub.check.nav.missing", "the book has no navigation document (a manifest item with properties=\"nav\")",
                    at: book.packageLocation(line: book.package.child(named: "manifest")?.line)))
        }
    }

    /// `dc:identifier`, `dc:title`, well-formed `dc:language` and, for EPUB 3, `dcterms:modified`.
    static func checkMetadata(_ book: CheckedBook, diagnostics: inout Diagnostics) {
        let metadataLine = book.metadata?.line ?? book.package.line
        for name in ["identifier", "title"] where book.dublinCore(name).allSatisfy({ $0.text.trimmingWhitespace().isEmpty }) {
            diagnostics.report(
                .error(DiagnosticID(rawValue: "epub.check.\(name)"), "the package metadata has no dc:\(name)", at: book.packageLocation(line: metadataLine)))
        }
        let languages = book.dublinCore("language")
        if languages.isEmpty {
            diagnostics.report(.error("epub.check.language", "the package metadata has no dc:language", at: book.packageLocation(line: metadataLine)))
        }
        for language in languages where !LanguageTag.isWellFormed(language.text.trimmingWhitespace()) {
            diagnostics.report(
                .error(
                    "epub.check.language", "dc:language '\(language.text)' is not a well-formed BCP 47 language tag (en, zh-Hans, ko-KR)",
                    at: book.packageLocation(line: language.line)))
        }
        guard book.version.hasPrefix("3") else { return }
        let modified = book.metaProperties("dcterms:modified")
        if modified.isEmpty {
            diagnostics.report(
                .error("epub.check.modified", "the package metadata has no dcterms:modified date", at: book.packageLocation(line: metadataLine)))
        }
        for element in modified where !isModificationDate(element.text.trimmingWhitespace()) {
            diagnostics.report(
                .error(
                    "epub.check.modified", "dcterms:modified '\(element.text)' is not of the form CCYY-MM-DDThh:mm:ssZ",
                    at: book.packageLocation(line: element.line)))
        }
    }

    /// `2026-12-04T12:00:00Z`, the one form EPUB 3.3 allows.
    static func isModificationDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 else { return false }
        let pattern = Array("dddd-dd-ddTdd:dd:ddZ".utf8)
        return zip(bytes, pattern).allSatisfy { byte, expected in
            expected == UInt8(ascii: "d") ? (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) : byte == expected
        }
    }

    /// Every XHTML document in the manifest is well-formed XML, parsed safely (no entities, no network).
    static func checkContentDocuments(_ book: CheckedBook, diagnostics: inout Diagnostics) {
        for item in book.manifest where item.mediaType == "application/xhtml+xml" {
            guard let path = item.path, let entry = book.entries[path] else { continue }
            do {
                _ = try SafeXMLParser.parse(InputFile(name: book.input.name, bytes: entry.bytes), entry: path, prefix: "epub", keepingWhitespace: true)
            } catch {
                let first = error.diagnostics.first
                diagnostics.report(
                    .error(
                        "epub.check.xhtml.malformed", "'\(path)' is not well-formed XHTML: \(first?.message ?? "parse error")",
                        at: first?.location ?? book.location(entry: path)))
            }
        }
    }
}
