import QuireCore
import QuireXHTML
import QuireXML
import QuireZip

/// Reads EPUB: Quire's own books back into the exact model they were written from, and other
/// books (pandoc's, novels) as one episode per spine document with chapters from its headings.
///
/// The archive is untrusted: it is read within `ZipLimits` (overridable with the `zip-max-*`
/// options), entry paths are checked, and every XML part is parsed without entities or network.
public struct EPUBReader: FormatReader {
    public init() {}

    public func read(_ input: InputFile, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> EpisodeCollection {
        let archive = try ZipReader.read(input, limits: ZipLimits(options: options), prefix: "epub")
        var entries: [String: ZipEntry] = [:]
        for entry in archive.entries { entries[entry.path] = entry }
        let package = try PackageContents.read(archive, entries: entries, input: input, diagnostics: &diagnostics)

        let titlePage = package.manifest[PackageLayout.titlePage.id].flatMap { item in
            entries[item.path].flatMap { try? PackageContents.parse($0, input: input) }.flatMap(TitlePage.record)
        }
        // Quire's own parts other than episodes carry nothing the title page does not.
        let ownParts: Set<String> =
            titlePage == nil
            ? [] : [PackageLayout.coverPage.id, PackageLayout.titlePage.id, PackageLayout.overview.id, PackageLayout.entityIndex.id]
        var episodes: [Episode] = []
        var preamble: [String] = []
        var foreignDocuments = 0
        for item in package.spine where item.mediaType == "application/xhtml+xml" && !ownParts.contains(item.id) && !item.properties.contains("nav") {
            guard let entry = entries[item.path] else {
                diagnostics.report(
                    .warning(
                        "epub.spine.missing", "spine document '\(item.path)' is not in the archive; it is skipped",
                        at: input.location(entry: package.packagePath)))
                continue
            }
            let root = try Self.parseDocument(entry, input: input, diagnostics: &diagnostics)
            if titlePage == nil, package.frontMatterPaths.contains(item.path) || FrontMatter.isTitlePageOrCover(root) {
                // Another tool's title page repeats the book's metadata: its lines are kept, not made an episode.
                let lines = FrontMatter.lines(of: root)
                preamble += lines
                if !lines.isEmpty {
                    diagnostics.report(
                        .note("epub.titlepage", "the title page's text is kept in the collection's preamble", at: input.location(entry: item.path)))
                }
                continue
            }
            var local = Diagnostics()
            var read = EpisodeArticle.read(from: root, input: InputFile(name: input.name, bytes: entry.bytes), diagnostics: &local)
            for var diagnostic in local.all {
                // One notice that the book is not Quire's is enough, not one per chapter file.
                if diagnostic.id == "html.foreign" {
                    foreignDocuments += 1
                    if foreignDocuments > 1 { continue }
                }
                // EpisodeArticle knows the document, not the archive: name the entry it came from.
                if diagnostic.range == nil {
                    diagnostic.range = SourceRange(input.location(entry: item.path))
                } else if diagnostic.range?.start.entry == nil {
                    diagnostic.range?.start.entry = item.path
                }
                diagnostics.report(diagnostic)
            }
            if titlePage == nil {
                read = read.filter { !Self.isEmpty($0) }
                let language = root.attribute("xml:lang") ?? root.attribute("lang") ?? package.languages.first
                for index in read.indices where read[index].language == nil { read[index].language = language }
            }
            episodes += read
        }

        guard let record = titlePage else {
            if foreignDocuments > 1 {
                diagnostics.report(
                    .note(
                        "epub.foreign", "\(foreignDocuments) documents of this book were not written by Quire; each was read as one episode",
                        at: input.location()))
            }
            return EpisodeCollection(title: package.title, preamble: preamble, episodes: episodes)
        }
        var collection = record.collection
        collection.episodes = episodes
        if let order = record.inputOrder {
            // The book was reordered (`--order`, `--group-by`): put episodes back in input order.
            if order.count == episodes.count, Set(order) == Set(episodes.indices) {
                var restored = episodes
                for (position, index) in order.enumerated() { restored[index] = episodes[position] }
                collection.episodes = restored
            } else {
                diagnostics.report(
                    .warning(
                        "epub.input-order", "the title page's input order does not match the book's \(episodes.count) episodes; keeping reading order",
                        at: input.location(entry: package.manifest[PackageLayout.titlePage.id]?.path)))
            }
        }
        return collection
    }

    /// A content document as a tree. Not well-formed XHTML (a hand-edited or badly converted book) is
    /// read with the forgiving HTML parser instead, with a warning, so its text is not lost; a
    /// document declaring entities is still refused.
    private static func parseDocument(_ entry: ZipEntry, input: InputFile, diagnostics: inout Diagnostics) throws -> XMLElement {
        do {
            return try PackageContents.parse(entry, input: input, keepingWhitespace: true)
        } catch let failure as ConversionFailure where failure.diagnostics.allSatisfy({ $0.id == "epub.xml" }) {
            let parsed: SafeHTMLParser.Parsed
            do {
                parsed = try SafeHTMLParser.parse(InputFile(name: input.name, bytes: entry.bytes), entry: entry.path, prefix: "epub.html")
            } catch {
                throw ConversionFailure(failure.diagnostics + error.diagnostics)
            }
            let first = failure.diagnostics.first
            diagnostics.report(
                .warning(
                    "epub.xhtml.malformed", "the document is not well-formed XHTML (\(first?.message ?? "parse error")); read as HTML instead",
                    at: first?.location ?? input.location(entry: entry.path)))
            return KoboMarkupUnwrapping.unwrapped(parsed.root, bytes: entry.bytes)
        }
    }

    /// A document with nothing to read (a cover image, a blank page) yields no episode.
    private static func isEmpty(_ episode: Episode) -> Bool {
        episode.title.isEmpty && episode.summary.isEmpty && episode.chapters.isEmpty && episode.entities.isEmpty
    }
}
