import QuireCore
import QuireXML
import QuireZip

/// An EPUB container opened for rewriting: its entries, and which of them are content documents.
/// The archive is untrusted: it is read within `ZipLimits`, hrefs that leave the container are
/// ignored, and the package files are parsed without entities or network.
struct KEPUBBook {
    var entries: [ZipEntry]
    /// Entry paths of the XHTML documents in the manifest, and which of them the spine reads.
    var contentDocuments: Set<String>
    /// Spine documents that get Kobo's markup: not the navigation document, not the cover page.
    var spannedDocuments: Set<String>

    static func open(_ input: InputFile, options: ConversionOptions) throws -> KEPUBBook {
        let archive = try ZipReader.read(input, limits: ZipLimits(options: options), prefix: "kepub")
        var byPath: [String: ZipEntry] = [:]
        for entry in archive.entries { byPath[entry.path] = entry }
        let containerPath = "META-INF/container.xml"
        guard let container = byPath[containerPath] else {
            throw ConversionFailure(
                .error("kepub.container.missing", "the archive has no META-INF/container.xml; it is not an EPUB", at: input.location(entry: containerPath)))
        }
        let containerRoot = try parse(container, input: input)
        let rootfiles = containerRoot.descendants(named: "rootfile")
        guard let rootfile = rootfiles.first(where: { $0.attribute("media-type") == "application/oebps-package+xml" }) ?? rootfiles.first,
            let packagePath = rootfile.attribute("full-path"), let packageEntry = byPath[packagePath]
        else {
            throw ConversionFailure(
                .error("kepub.package.missing", "container.xml names no package document in the archive", at: input.location(entry: containerPath)))
        }
        let package = try parse(packageEntry, input: input)
        let folder = packagePath.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        var manifest: [String: (path: String, mediaType: String, properties: [Substring])] = [:]
        for item in package.child(named: "manifest")?.children(named: "item") ?? [] {
            guard let id = item.attribute("id"), let href = item.attribute("href"), let path = ZipEntryPath.resolve(href, against: folder) else { continue }
            manifest[id] = (path, item.attribute("media-type") ?? "", (item.attribute("properties") ?? "").split(separator: " "))
        }
        // The cover page: EPUB 2's guide names it, Quire's books and many others give it the id `cover`.
        var covers: Set<String> = manifest["cover"].map { [$0.path] } ?? []
        for reference in package.child(named: "guide")?.children(named: "reference") ?? [] where reference.attribute("type")?.lowercased() == "cover" {
            if let href = reference.attribute("href"), let path = ZipEntryPath.resolve(href, against: folder) { covers.insert(path) }
        }
        let documents = manifest.values.filter { $0.mediaType == "application/xhtml+xml" }
        var spanned: Set<String> = []
        for itemref in package.child(named: "spine")?.children(named: "itemref") ?? [] {
            guard let idref = itemref.attribute("idref"), let item = manifest[idref], item.mediaType == "application/xhtml+xml",
                !item.properties.contains("nav"), !covers.contains(item.path)
            else { continue }
            spanned.insert(item.path)
        }
        return KEPUBBook(entries: archive.entries, contentDocuments: Set(documents.map(\.path)), spannedDocuments: spanned)
    }

    /// The archive with `rewrite` applied to the documents in `paths`, on all cores; the others are
    /// copied unchanged. `mimetype` comes first and stored, as OCF requires; the bytes depend only
    /// on the input.
    func rewritten(
        _ paths: Set<String>, input: InputFile, _ rewrite: @Sendable ([UInt8]) throws(MarkupScanner.Malformed) -> [UInt8]
    ) throws -> [UInt8] {
        let entries = self.entries.filter { $0.path != "mimetype" && !$0.isDirectory }
        let compressed = try concurrentMap(count: entries.count) { (index: Int) throws(ConversionFailure) -> ZipWriter.PrecompressedEntry? in
            let entry = entries[index]
            guard paths.contains(entry.path) else { return nil }
            let bytes: [UInt8]
            do throws(MarkupScanner.Malformed) {
                bytes = try rewrite(entry.bytes)
            } catch {
                let position = error.position(in: entry.bytes)
                throw ConversionFailure(
                    .error(
                        "kepub.xhtml.malformed", "the document is not well-formed XHTML: \(error.message)",
                        at: input.location(line: position.line, column: position.column, entry: entry.path)))
            }
            return try .deflate(entry.path, text: String(decoding: bytes, as: UTF8.self), level: 1)
        }
        let writer = ZipWriter()
        try writer.add("mimetype", text: "application/epub+zip", compression: .stored)
        for (entry, rewritten) in zip(entries, compressed) {
            if let rewritten {
                try writer.add(rewritten)
            } else {
                // Images stay stored, text is deflated at the level the EPUB writer uses.
                try writer.add(entry.path, bytes: entry.bytes, compression: entry.isStored ? .stored : .deflate(level: 1))
            }
        }
        return try writer.finish()
    }

    private static func parse(_ entry: ZipEntry, input: InputFile) throws -> XMLElement {
        do {
            return try SafeXMLParser.parse(InputFile(name: input.name, bytes: entry.bytes), entry: entry.path, prefix: "kepub")
        } catch {
            throw ConversionFailure(error.diagnostics)
        }
    }
}
