import Foundation
import QuireCore
import QuireTestSupport
import QuireZip
import Testing

@testable import QuireEPUB

@Suite struct EPUBReaderTests {
    @Test func readsPandocBookAsEpisodesPerSpineDocument() throws {
        let bytes = Array(try Data(contentsOf: Fixtures.url("Tests/EPUBFormatTests/Fixtures/pandoc-novel.epub")))
        let (collection, diagnostics) = try Book.read(bytes, name: "pandoc-novel.epub")
        #expect(collection.title == "The Lighthouse Keeper")
        #expect(collection.preamble == ["The Lighthouse Keeper", "A. Writer"])
        #expect(collection.episodes.map(\.title) == ["The Storm", "The Ship", "再会"])
        #expect(collection.episodes[0].chapters.map(\.title) == ["The Lamp"])
        #expect(collection.episodes[0].chapters.first?.start == nil)
        #expect(collection.episodes.allSatisfy { $0.language == "en" })
        #expect(diagnostics.all.map(\.id) == ["epub.titlepage", "html.foreign", "epub.foreign"])
        #expect(diagnostics.all[1].location?.entry == "EPUB/text/ch001.xhtml")
    }

    @Test func readsCalibreBookSkippingItsCoverPage() throws {
        let bytes = Array(try Data(contentsOf: Fixtures.url("Tests/EPUBFormatTests/Fixtures/calibre-novel.epub")))
        let (collection, diagnostics) = try Book.read(bytes, name: "calibre-novel.epub")
        #expect(collection.title == "Lamp Light")
        // No headings: the document's title names the episode and its paragraphs are the summary.
        #expect(collection.episodes.map(\.title) == ["novel"])
        #expect(collection.episodes.first?.summary.contains("The wind rose before dawn.") == true)
        #expect(collection.episodes.first?.summary.contains("A ship came out of the rain") == true)
        #expect(diagnostics.all.map(\.id) == ["html.foreign"])
    }

    @Test func readsAMinimalForeignBook() throws {
        let (collection, _) = try Book.read(HandmadeZip.epub().bytes)
        #expect(collection.title == "Small")
        #expect(collection.episodes.map(\.title) == ["Chapter One"])
        #expect(collection.episodes.first?.chapters.map(\.title) == ["Morning"])
    }

    @Test func malformedXHTMLIsReadAsHTMLWithAWarning() throws {
        var zip = HandmadeZip.epub()
        zip.entries[3].data = Array("<html><body><h1>Broken & open<p>Still <b>here</p>\n<h2>Later</h2><p>More".utf8)
        let (collection, diagnostics) = try Book.read(zip.bytes, name: "broken.epub")
        #expect(collection.episodes.map(\.title) == ["Broken & open"])
        #expect(collection.episodes.first?.chapters.map(\.title) == ["Later"])
        let warning = try #require(diagnostics.all.first)
        #expect(warning.id == "epub.xhtml.malformed")
        #expect(warning.location?.entry == "OEBPS/chapter.xhtml")
        #expect(warning.location?.line == 1)
    }

    @Test func aMissingContainerIsReported() throws {
        var zip = HandmadeZip()
        zip.add("mimetype", "application/epub+zip")
        let diagnostics = Book.failure(zip.bytes, name: "empty.epub")
        #expect(diagnostics.map(\.description) == ["empty.epub: error: the archive has no META-INF/container.xml; it is not an EPUB [epub.container.missing]"])
    }
}

/// Archives built to attack the reader; each must fail with a diagnostic naming the entry.
@Suite struct HostileArchiveTests {
    private func ids(_ bytes: [UInt8], options: [String: String] = [:]) -> [String] {
        Book.failure(bytes, options: options).map(\.id.rawValue)
    }

    @Test func zipBombByRatioIsRefused() throws {
        // 4 MB of zeros deflate to a few kilobytes: over 1000 to 1.
        let writer = ZipWriter()
        try writer.add("mimetype", text: "application/epub+zip", compression: .stored)
        try writer.add("EPUB/bomb.xhtml", bytes: [UInt8](repeating: 0x20, count: 4 << 20), compression: .deflate(level: 9))
        let diagnostics = Book.failure(try writer.finish())
        #expect(diagnostics.map(\.id) == ["epub.zip.ratio"])
        #expect(diagnostics.first?.location?.entry == "EPUB/bomb.xhtml")
        #expect(diagnostics.first?.description.contains("looks like a zip bomb") == true)
    }

    @Test func zipBombByAbsoluteSizeIsRefused() throws {
        // Sizes that lie: the central directory declares what inflating would produce.
        var one = HandmadeZip.epub()
        one.entries.append(.init(name: "EPUB/huge.xhtml", data: [0x03, 0x00], method: 8, declaredSize: 300 << 20))
        #expect(ids(one.bytes) == ["epub.zip.entry-too-large"])
        var many = HandmadeZip.epub()
        for index in 0..<5 { many.entries.append(.init(name: "EPUB/part\(index).xhtml", data: [0x03, 0x00], method: 8, declaredSize: 250 << 20)) }
        let diagnostics = Book.failure(many.bytes)
        #expect(diagnostics.map(\.id) == ["epub.zip.too-large"])
        #expect(diagnostics.first?.location?.entry == "EPUB/part4.xhtml")
    }

    @Test(arguments: [
        ("../evil.xhtml", "epub.zip.path.parent"), ("EPUB/../../evil.xhtml", "epub.zip.path.parent"), ("/etc/passwd", "epub.zip.path.absolute"),
        ("C:/evil.xhtml", "epub.zip.path.absolute"), ("EPUB\\evil.xhtml", "epub.zip.path.backslash"),
    ])
    func unsafeEntryPathsAreRefused(path: String, id: String) throws {
        let zip = HandmadeZip.epub(extra: [.init(name: path, data: Array("x".utf8))])
        let diagnostics = Book.failure(zip.bytes)
        #expect(diagnostics.map(\.id.rawValue) == [id])
        #expect(diagnostics.first?.location?.entry == path)
    }

    @Test func duplicateEntriesAreRefused() throws {
        let zip = HandmadeZip.epub(extra: [.init(name: "OEBPS/chapter.xhtml", data: Array("<html/>".utf8))])
        let diagnostics = Book.failure(zip.bytes)
        #expect(diagnostics.map(\.id) == ["epub.zip.duplicate"])
        #expect(
            diagnostics.first?.description
                == "hostile.epub(OEBPS/chapter.xhtml): error: entry 'OEBPS/chapter.xhtml' appears twice; which one is meant is ambiguous, so the archive is refused [epub.zip.duplicate]"
        )
    }

    @Test func encryptedEntriesAreRefused() throws {
        let zip = HandmadeZip.epub(extra: [.init(name: "EPUB/secret.xhtml", data: Array(repeating: 0x41, count: 24), flags: 0x0801)])
        let diagnostics = Book.failure(zip.bytes)
        #expect(diagnostics.map(\.id) == ["epub.zip.encrypted"])
        #expect(diagnostics.first?.location?.entry == "EPUB/secret.xhtml")
    }

    @Test func tooManyEntriesAreRefused() throws {
        var zip = HandmadeZip.epub()
        for index in 0..<ZipLimits.default.maxEntries { zip.entries.append(.init(name: "EPUB/f\(index)", data: [])) }
        #expect(ids(zip.bytes) == ["epub.zip.too-many-entries"])
        // The limit is an option.
        #expect(ids(HandmadeZip.epub().bytes, options: ["zip-max-entries": "3"]) == ["epub.zip.too-many-entries"])
    }

    @Test func aFileThatIsNotAZipIsRefused() throws {
        let diagnostics = Book.failure(Array("<html>not a book</html>".utf8), name: "fake.epub")
        #expect(diagnostics.map(\.description) == ["fake.epub: error: not a zip archive (an EPUB is a zip file starting with 'PK') [epub.zip.not-zip]"])
        #expect(Book.failure([], name: "empty.epub").map(\.id) == ["epub.zip.not-zip"])
    }

    static let billionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
        <!ENTITY lol "lol">
        <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
        ]>
        """

    @Test func billionLaughsInThePackageDocumentIsRefused() throws {
        let package =
            Self.billionLaughs
            + HandmadeZip.minimalPackage.replacingOccurrences(of: "<?xml version=\"1.0\"?>\n", with: "")
            .replacingOccurrences(of: "<dc:title>Small</dc:title>", with: "<dc:title>&lol3;</dc:title>")
        let diagnostics = Book.failure(HandmadeZip.epub(package: package).bytes)
        #expect(diagnostics.map(\.id) == ["epub.entities"])
        #expect(diagnostics.first?.location?.entry == "OEBPS/content.opf")
        #expect(diagnostics.first?.location?.line == 3)
    }

    @Test func billionLaughsInTheContainerIsRefused() throws {
        let container = Self.billionLaughs + HandmadeZip.minimalContainer.replacingOccurrences(of: "<?xml version=\"1.0\"?>\n", with: "")
        let diagnostics = Book.failure(HandmadeZip.epub(container: container).bytes)
        #expect(diagnostics.map(\.id) == ["epub.entities"])
        #expect(diagnostics.first?.location?.entry == "META-INF/container.xml")
    }

    @Test func externalEntitiesAreRefused() throws {
        let container = """
            <?xml version="1.0"?>
            <!DOCTYPE container [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
            <rootfiles><rootfile full-path="&xxe;" media-type="application/oebps-package+xml"/></rootfiles>
            </container>
            """
        let diagnostics = Book.failure(HandmadeZip.epub(container: container).bytes)
        #expect(diagnostics.map(\.id) == ["epub.entities"])
        #expect(diagnostics.first?.location?.entry == "META-INF/container.xml")
        let package = HandmadeZip.minimalPackage.replacingOccurrences(
            of: "<package", with: "<!DOCTYPE package [<!ENTITY xxe SYSTEM \"http://example.org/x\">]>\n<package")
        #expect(ids(HandmadeZip.epub(package: package).bytes) == ["epub.entities"])
    }

    @Test func malformedXMLNamesTheEntryLineAndColumn() throws {
        let diagnostics = Book.failure(HandmadeZip.epub(package: "<package>\n<metadata></package>").bytes)
        #expect(diagnostics.first?.id == "epub.xml")
        #expect(diagnostics.first?.location?.entry == "OEBPS/content.opf")
        #expect(diagnostics.first?.location?.line == 2)
    }
}

@Suite struct EPUBRegistrationTests {
    @Test func registersReaderWriterAndRecognizesBooksByContent() throws {
        let registry = try FormatRegistry(plugins: [EPUBFormat()])
        #expect(registry.readers(of: "epub").count == 1 && registry.writers(of: "epub").count == 1)
        #expect(registry.format(forPath: "book.EPUB")?.id == "epub")
        let (bytes, _) = try Book.write(ModelSamples.everyField)
        #expect(registry.sniff(ContentSample(bytes))?.id == "epub")
        // Any other zip is not an EPUB.
        var zip = HandmadeZip()
        zip.add("readme.txt", "hello")
        #expect(registry.sniff(ContentSample(zip.bytes)) == nil)
    }
}
