import Foundation
import QuireBuiltinFormats
import QuireCore
import QuireEPUB
import QuireKEPUB
import QuireSummaryText
import QuireTestSupport
import QuireXML
import QuireZip
import Testing

/// Whole books: Quire's EPUB of real pages made into a KEPUB, checked span by span, read back, and
/// checked by epubcheck; the graph's routes to and from it; archives that are not EPUBs.
struct KEPUBBookTests {
    static let options = ConversionOptions(["date": "1700000000"])

    static func summary(_ input: InputFile) throws -> EpisodeCollection {
        var diagnostics = Diagnostics()
        return try SummaryTextReader().read(input, options: ConversionOptions(), diagnostics: &diagnostics)
    }

    static func epub(_ collection: EpisodeCollection) throws -> [UInt8] {
        var diagnostics = Diagnostics()
        return try EPUBWriter().write(collection, options: options, diagnostics: &diagnostics)
    }

    static func kepub(_ epub: [UInt8], name: String = "book.epub") throws -> [UInt8] {
        var diagnostics = Diagnostics()
        return try KEPUBWriter().convert(InputFile(name: name, bytes: epub), options: ConversionOptions(), diagnostics: &diagnostics)
    }

    static func read(_ bytes: [UInt8], name: String) throws -> EpisodeCollection {
        var diagnostics = Diagnostics()
        return try EPUBReader().read(InputFile(name: name, bytes: bytes), options: ConversionOptions(), diagnostics: &diagnostics)
    }

    static func entries(_ bytes: [UInt8]) throws -> [ZipEntry] {
        try ZipReader.read(InputFile(name: "book", bytes: bytes), prefix: "test").entries
    }

    /// Examples/sample-page.txt merged with the shared corpus page.
    static func samplePage() throws -> EpisodeCollection {
        var collection = try summary(try Fixtures.input("Examples/sample-page.txt"))
        if let url = Fixtures.sharedCorpus("sample-channel-page.txt") {
            collection.merge(try summary(try Fixtures.input(at: url, name: "sample-channel-page.txt")))
        }
        return collection
    }

    /// Text inside the body that is not inside a koboSpan (inline SVG aside), with where it is.
    static func unspannedText(in element: XMLElement, path: String) -> [String] {
        if element.name == "svg" || element.name == "math" { return [] }
        if element.name == "span", element.attribute("class") == "koboSpan" { return [] }
        var found: [String] = []
        for index in 0...element.children.count {
            let run = element.textRun(before: index)
            if run.contains(where: { !$0.isWhitespace }) { found.append("\(path)/\(element.name): \(run)") }
        }
        for child in element.children { found += unspannedText(in: child, path: path + "/" + element.name) }
        return found
    }

    static func allText(_ element: XMLElement) -> String {
        element.name == "svg" ? "" : element.text + element.children.map(allText).joined()
    }

    @Test(.needsSharedCorpus)
    func everyTextParagraphOfEveryEpisodeCarriesSpans() throws {
        let kepub = try Self.kepub(try Self.epub(try Self.samplePage()))
        let episodes = try Self.entries(kepub).filter { $0.path.hasPrefix("EPUB/episode-") }
        #expect(episodes.count > 10)
        var paragraphs = 0
        for entry in episodes {
            let root = try SafeXMLParser.parse(InputFile(name: "kepub", bytes: entry.bytes), entry: entry.path, prefix: "test", keepingWhitespace: true)
            let body = try #require(root.child(named: "body"))
            #expect(body.children.map(\.name) == ["div"] && body.children.first?.attribute("id") == "book-columns", "\(entry.path)")
            #expect(Self.unspannedText(in: body, path: entry.path) == [])
            for block in ["p", "li", "h2", "blockquote", "figcaption"].flatMap({ body.descendants(named: $0) }) {
                let spans = block.descendants(named: "span").filter { $0.attribute("class") == "koboSpan" }
                if Self.allText(block).contains(where: { !$0.isWhitespace }) {
                    paragraphs += 1
                    #expect(!spans.isEmpty, "\(entry.path): <\(block.name)> without spans")
                }
            }
            // Ids are unique within a document.
            let ids = body.descendants(named: "span").compactMap { $0.attribute("id") }
            #expect(Set(ids).count == ids.count)
        }
        #expect(paragraphs > 100)
    }

    @Test(.needsSharedCorpus)
    func readingTheKEPUBOrItsStrippedEPUBGivesThePlainEPUBsModel() throws {
        let epub = try Self.epub(try Self.samplePage())
        let kepub = try Self.kepub(epub)
        let plain = try Self.read(epub, name: "book.epub")
        #expect(try Self.read(kepub, name: "book.kepub.epub") == plain)
        var diagnostics = Diagnostics()
        let stripped = try KEPUBStripper().convert(InputFile(name: "book.kepub.epub", bytes: kepub), options: ConversionOptions(), diagnostics: &diagnostics)
        #expect(try Self.read(stripped, name: "stripped.epub") == plain)
        // Removing the markup gives back every entry byte for byte.
        let original = try Self.entries(epub), restored = try Self.entries(stripped)
        #expect(original.map(\.path) == restored.map(\.path))
        for (before, after) in zip(original, restored) { #expect(before.bytes == after.bytes, "\(before.path)") }
    }

    @Test func theOutputDependsOnlyOnTheInputAndKeepsTheContainerRules() throws {
        let epub = try Self.epub(try Self.summary(try Fixtures.input("Examples/episode.txt")))
        let kepub = try Self.kepub(epub)
        #expect(try Self.kepub(epub) == kepub)
        let entries = try Self.entries(kepub)
        #expect(entries.first?.path == "mimetype" && entries.first?.isStored == true)
        // The navigation document and the cover page are left alone.
        let original = Dictionary(uniqueKeysWithValues: try Self.entries(epub).map { ($0.path, $0.bytes) })
        for entry in entries where entry.path == "EPUB/nav.xhtml" || entry.path == "EPUB/cover.xhtml" || !entry.path.hasSuffix(".xhtml") {
            #expect(entry.bytes == original[entry.path], "\(entry.path)")
        }
    }

    @Test func oneEpisodeDocumentMatchesItsGoldenFile() throws {
        let epub = try Self.epub(try Self.summary(try Fixtures.input("Examples/episode.txt")))
        let entry = try #require(try Self.entries(try Self.kepub(epub)).first { $0.path == "EPUB/episode-0001.xhtml" })
        try Golden.expect(String(decoding: entry.bytes, as: UTF8.self), matches: "Tests/KEPUBFormatTests/Fixtures/episode-0001.golden.xhtml")
    }

    @Test(.enabled(if: EPUBCheck.isAvailable, "epubcheck (apt package epubcheck) or java is not installed"))
    func epubcheckFindsNothingInTheExamples() throws {
        for example in ["Examples/episode.txt", "Examples/sample-page.txt"] {
            let kepub = try Self.kepub(try Self.epub(try Self.summary(try Fixtures.input(example))))
            #expect(try EPUBCheck.problems(kepub, name: "book.kepub.epub") == [], "\(example)")
        }
    }

    @Test(.needsSharedCorpus, .enabled(if: EPUBCheck.isAvailable, "epubcheck (apt package epubcheck) or java is not installed"))
    func epubcheckFindsNothingInTheSamplePage() throws {
        #expect(try EPUBCheck.problems(try Self.kepub(try Self.epub(try Self.samplePage())), name: "book.kepub.epub") == [])
    }

    // MARK: The graph

    @Test func theExtensionAndTheRoutesGoThroughEPUB() throws {
        let registry = try BuiltinFormats.registry()
        #expect(registry.format(forPath: "out/Book.KEPUB.EPUB")?.id == "kepub")
        #expect(registry.format(forPath: "book.epub")?.id == "epub")
        let graph = ConversionGraph(registry: registry)
        let writing = try graph.route(from: .format("summary"), to: .format("kepub"))
        #expect(writing.steps.map(\.description) == ["summary → model", "model → epub", "epub → kepub"])
        let reading = try graph.route(from: .format("kepub"), to: .format("json"))
        #expect(reading.steps.map(\.description) == ["kepub → epub", "epub → model", "model → json"])
    }

    // MARK: Bad input

    static func failure(_ bytes: [UInt8], _ converter: any DirectConverter = KEPUBWriter()) -> [Diagnostic] {
        var diagnostics = Diagnostics()
        do {
            _ = try converter.convert(InputFile(name: "bad.epub", bytes: bytes), options: ConversionOptions(), diagnostics: &diagnostics)
            Issue.record("expected a failure")
        } catch let failure as ConversionFailure {
            return failure.diagnostics
        } catch {
            Issue.record("unexpected \(error)")
        }
        return []
    }

    @Test func aZipThatIsNotAnEPUBNamesTheMissingEntry() {
        var zip = HandmadeZip()
        zip.add("notes.txt", "hello")
        let diagnostics = Self.failure(zip.bytes)
        #expect(diagnostics.map(\.id.rawValue) == ["kepub.container.missing"])
        #expect(diagnostics.first?.location?.entry == "META-INF/container.xml")
        #expect(Self.failure(Array("not a zip".utf8), KEPUBStripper()).map(\.id.rawValue) == ["kepub.zip.not-zip"])
    }

    @Test func aContentDocumentThatIsNotWellFormedNamesItsEntryLineAndColumn() {
        var zip = HandmadeZip()
        zip.add("mimetype", "application/epub+zip")
        zip.add(
            "META-INF/container.xml",
            "<?xml version=\"1.0\"?><container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles>"
                + "<rootfile full-path=\"OEBPS/content.opf\" media-type=\"application/oebps-package+xml\"/></rootfiles></container>")
        zip.add(
            "OEBPS/content.opf",
            "<?xml version=\"1.0\"?><package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\"><manifest>"
                + "<item id=\"c\" href=\"text/chapter%201.xhtml\" media-type=\"application/xhtml+xml\"/></manifest><spine><itemref idref=\"c\"/></spine></package>"
        )
        zip.add("OEBPS/text/chapter 1.xhtml", "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\n<p>One. <em>Two.</p></body></html>")
        let diagnostics = Self.failure(zip.bytes)
        #expect(diagnostics.map(\.id.rawValue) == ["kepub.xhtml.malformed"])
        #expect(diagnostics.first?.location?.entry == "OEBPS/text/chapter 1.xhtml")
        #expect(diagnostics.first?.location?.line == 2 && diagnostics.first?.location?.column == 17)
    }
}
