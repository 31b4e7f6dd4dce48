import QuireCore
import QuireXML
import QuireZip

/// An EPUB opened for checking: its entries, and its package document read as it is written, with
/// the line of every manifest item and spine entry so each finding can point at it.
struct CheckedBook {
    struct ManifestItem {
        var id: String
        var href: String
        /// The entry path the href resolves to; `nil` when it leaves the container or is remote.
        var path: String?
        var mediaType: String
        var properties: [String]
        var line: Int?
    }

    struct SpineEntry {
        var idref: String
        var line: Int?
    }

    var input: InputFile
    var archive: ZipArchive
    var entries: [String: ZipEntry]
    var packagePath: String
    var package: XMLElement
    var version: String
    var manifest: [ManifestItem]
    var spine: [SpineEntry]

    var metadata: XMLElement? { package.child(named: "metadata") }

    /// The `dc:` elements of the metadata with this local name (`language`, `identifier`).
    func dublinCore(_ name: String) -> [XMLElement] {
        metadata?.children.filter { $0.name == name } ?? []
    }

    /// `<meta property="…">` (EPUB 3) elements with this property.
    func metaProperties(_ property: String) -> [XMLElement] {
        metadata?.children.filter { $0.name == "meta" && $0.attribute("property") == property } ?? []
    }

    /// `<meta name="…" content="…">` (EPUB 2 style, also what Kindle reads).
    func metaContent(named name: String) -> String? {
        metadata?.children.first { $0.name == "meta" && $0.attribute("name") == name }?.attribute("content")
    }

    func item(id: String) -> ManifestItem? { manifest.first { $0.id == id } }

    /// The cover image: the manifest item marked `cover-image`, else the one EPUB 2's `<meta name="cover">` names.
    var coverItem: ManifestItem? {
        manifest.first { $0.properties.contains("cover-image") } ?? metaContent(named: "cover").flatMap { item(id: $0) }
    }

    func location(entry: String? = nil, line: Int? = nil, column: Int? = nil) -> SourceLocation {
        input.location(line: line, column: column, entry: entry)
    }

    func packageLocation(line: Int?) -> SourceLocation { location(entry: packagePath, line: line) }

    /// Opens the archive within `limits` and reads its package document; what stops the check
    /// (not a zip, over the limits, no package document) is reported and gives `nil`.
    static func open(_ input: InputFile, limits: ZipLimits, diagnostics: inout Diagnostics) -> CheckedBook? {
        let archive: ZipArchive
        do {
            archive = try ZipReader.read(input, limits: limits, prefix: "epub")
        } catch {
            for diagnostic in error.diagnostics { diagnostics.report(diagnostic) }
            return nil
        }
        var entries: [String: ZipEntry] = [:]
        for entry in archive.entries { entries[entry.path] = entry }
        let packagePath: String
        do {
            // The reader's own container walk, so `check` and `convert` agree on which package document a book has.
            var ignored = Diagnostics()
            packagePath = try PackageContents.read(archive, entries: entries, input: input, diagnostics: &ignored).packagePath
        } catch {
            report(error, into: &diagnostics)
            return nil
        }
        let package: XMLElement
        do {
            package = try PackageContents.parse(entries[packagePath]!, input: input)
        } catch {
            report(error, into: &diagnostics)
            return nil
        }
        let folder = packagePath.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let manifest = (package.child(named: "manifest")?.children(named: "item") ?? []).map { element in
            let href = element.attribute("href") ?? ""
            return ManifestItem(
                id: element.attribute("id") ?? "", href: href, path: href.isEmpty ? nil : ZipEntryPath.resolve(href, against: folder),
                mediaType: element.attribute("media-type") ?? "", properties: (element.attribute("properties") ?? "").split(separator: " ").map(String.init),
                line: element.line)
        }
        let spine = (package.child(named: "spine")?.children(named: "itemref") ?? []).map { SpineEntry(idref: $0.attribute("idref") ?? "", line: $0.line) }
        return CheckedBook(
            input: input, archive: archive, entries: entries, packagePath: packagePath, package: package, version: package.attribute("version") ?? "",
            manifest: manifest, spine: spine)
    }

    private static func report(_ error: any Error, into diagnostics: inout Diagnostics) {
        if let failure = error as? ConversionFailure {
            for diagnostic in failure.diagnostics { diagnostics.report(diagnostic) }
        } else {
            diagnostics.report(.error("epub.check.unreadable", "cannot read the book: \(error)"))
        }
    }
}
