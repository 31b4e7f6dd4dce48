import QuireCore
import QuireXML
import QuireZip

/// The parts of an EPUB container the reader needs: the package document's metadata, manifest and
/// spine, with every href resolved to an entry path.
struct PackageContents {
    struct Item {
        var id: String
        /// The entry path in the archive.
        var path: String
        var mediaType: String
        var properties: [String]
    }

    var packagePath: String
    var title: String?
    var languages: [String]
    var manifest: [String: Item]
    /// Manifest items in reading order, `linear="no"` items included.
    var spine: [Item]
    /// Entry paths the EPUB 2 guide names as cover or title page (calibre marks its cover page so).
    var frontMatterPaths: Set<String> = []

    /// Reads `META-INF/container.xml` and the package document it names.
    static func read(_ archive: ZipArchive, entries: [String: ZipEntry], input: InputFile, diagnostics: inout Diagnostics) throws -> PackageContents {
        if let mimetype = archive.entries.first, mimetype.path == "mimetype" {
            if String(decoding: mimetype.bytes, as: UTF8.self) != "application/epub+zip" {
                diagnostics.report(.warning("epub.mimetype", "the mimetype entry does not say application/epub+zip", at: input.location(entry: "mimetype")))
            }
        } else {
            diagnostics.report(
                .warning("epub.mimetype", "the archive does not start with a mimetype entry; reading it as an EPUB anyway", at: input.location()))
        }
        let containerPath = "META-INF/container.xml"
        guard let container = entries[containerPath] else {
            throw ConversionFailure(.error("epub.container.missing", "the archive has no META-INF/container.xml; it is not an EPUB", at: input.location()))
        }
        let containerRoot = try parse(container, input: input)
        let rootfiles = containerRoot.descendants(named: "rootfile")
        guard let rootfile = rootfiles.first(where: { $0.attribute("media-type") == "application/oebps-package+xml" }) ?? rootfiles.first,
            let packagePath = rootfile.attribute("full-path"), !packagePath.isEmpty
        else {
            throw ConversionFailure(
                .error("epub.container.rootfile", "container.xml names no package document", at: input.location(line: containerRoot.line, entry: containerPath))
            )
        }
        guard let packageEntry = entries[packagePath] else {
            throw ConversionFailure(
                .error(
                    "epub.package.missing", "the package document '\(packagePath)' named by container.xml is not in the archive",
                    at: input.location(entry: containerPath)))
        }
        let package = try parse(packageEntry, input: input)
        let folder = packagePath.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        var contents = PackageContents(packagePath: packagePath, title: nil, languages: [], manifest: [:], spine: [])
        if let metadata = package.child(named: "metadata") {
            contents.title = metadata.children.first { $0.name == "title" }?.text
            contents.languages = metadata.children.filter { $0.name == "language" }.map(\.text)
        }
        for element in package.child(named: "manifest")?.children(named: "item") ?? [] {
            guard let id = element.attribute("id"), let href = element.attribute("href") else {
                diagnostics.report(
                    .warning(
                        "epub.manifest.item", "a manifest item lacks an id or href; it is skipped", at: input.location(line: element.line, entry: packagePath)))
                continue
            }
            guard let path = ZipEntryPath.resolve(href, against: folder) else {
                diagnostics.report(
                    .warning(
                        "epub.manifest.href", "manifest item '\(id)' points outside the container ('\(href)'); it is skipped",
                        at: input.location(line: element.line, entry: packagePath)))
                continue
            }
            contents.manifest[id] = Item(
                id: id, path: path, mediaType: element.attribute("media-type") ?? "",
                properties: (element.attribute("properties") ?? "").split(separator: " ").map(String.init))
        }
        for itemref in package.child(named: "spine")?.children(named: "itemref") ?? [] {
            guard let idref = itemref.attribute("idref"), let item = contents.manifest[idref] else {
                diagnostics.report(
                    .warning(
                        "epub.spine.idref", "a spine entry names no manifest item ('\(itemref.attribute("idref") ?? "")'); it is skipped",
                        at: input.location(line: itemref.line, entry: packagePath)))
                continue
            }
            contents.spine.append(item)
        }
        for reference in package.child(named: "guide")?.children(named: "reference") ?? [] {
            guard let type = reference.attribute("type")?.lowercased(), ["cover", "title-page", "titlepage"].contains(type),
                let href = reference.attribute("href"), let path = ZipEntryPath.resolve(href, against: folder)
            else { continue }
            contents.frontMatterPaths.insert(path)
        }
        return contents
    }

    /// `keepingWhitespace` for content documents: the white space between inline elements is text
    /// (`<em>a</em> <em>b</em>`), which the package files do not have.
    static func parse(_ entry: ZipEntry, input: InputFile, keepingWhitespace: Bool = false) throws -> XMLElement {
        do {
            let root = try SafeXMLParser.parse(
                InputFile(name: input.name, bytes: entry.bytes), entry: entry.path, prefix: "epub", keepingWhitespace: keepingWhitespace)
            return KoboMarkupUnwrapping.unwrapped(root, bytes: entry.bytes)
        } catch {
            throw ConversionFailure(error.diagnostics)
        }
    }
}
