import Foundation
import QuireCore
import QuireTestSupport
import QuireZip
import Testing

@testable import QuireEPUB

/// Series, subjects, description, publisher and rights; `--metadata` files; `--css` and `--embed-font`.
@Suite struct BookMetadataTests {
    static let serif = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
    static let serifBold = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"
    static var hasFonts: Bool { FileManager.default.fileExists(atPath: serif) && FileManager.default.fileExists(atPath: serifBold) }

    static let userCSS = "body { font-family: \"DejaVu Serif\", serif; }\nh1 { color: #802020; }\n"

    /// Every metadata setting given on the command line's way: repeated subjects appended.
    static func everySetting(css: String? = nil, fonts: [String] = []) -> ConversionOptions {
        var options = ConversionOptions([
            "date": "1700000000", "author": "Quire Tests", "series": "Earmark Collected", "series-index": "2.50",
            "description": "Summaries of <Earmark> episodes & their quotes.", "publisher": "Quire Press", "rights": "CC BY 4.0",
        ])
        options.append("podcasts", for: "subject")
        options.append("design & craft", for: "subject")
        if let css { options["css"] = css }
        for font in fonts { options.append(font, for: "embed-font") }
        return options
    }

    static func write(_ collection: EpisodeCollection, _ options: ConversionOptions) throws -> ([UInt8], Diagnostics) {
        var diagnostics = Diagnostics()
        let bytes = try EPUBWriter().write(collection, options: options, diagnostics: &diagnostics)
        return (bytes, diagnostics)
    }

    static func failure(_ collection: EpisodeCollection, _ options: ConversionOptions) -> [Diagnostic] {
        do {
            _ = try write(collection, options)
            Issue.record("expected the book to fail")
        } catch let failure as ConversionFailure {
            return failure.diagnostics
        } catch {
            Issue.record("unexpected \(error)")
        }
        return []
    }

    static func file(_ directory: TemporaryDirectory, _ name: String, _ text: String) throws -> String {
        let path = directory.path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func packageDocumentWithEveryFieldMatchesGolden() throws {
        let directory = try TemporaryDirectory()
        var options = Self.everySetting()
        options["metadata"] = try Self.file(directory, "book.yaml", "date: 2024-05-01\n")
        let (bytes, diagnostics) = try Self.write(ModelSamples.everyField, options)
        #expect(diagnostics.all.filter { $0.id.rawValue.hasPrefix("epub.metadata") }.isEmpty)
        let opf = try #require(try Book.entries(bytes)["EPUB/package.opf"]).replacing(/urn:uuid:[0-9a-f-]{36}/, with: "urn:uuid:(content identifier)")
        try Golden.expect(opf, matches: "Tests/EPUBFormatTests/Fixtures/package-metadata.golden.opf", "package.opf")
        for line in [
            "<meta property=\"belongs-to-collection\" id=\"series\">Earmark Collected</meta>",
            "<meta refines=\"#series\" property=\"group-position\">2.5</meta>",
            "<meta name=\"calibre:series\" content=\"Earmark Collected\"/>", "<meta name=\"calibre:series_index\" content=\"2.5\"/>",
            "<dc:subject>podcasts</dc:subject>", "<dc:subject>design &amp; craft</dc:subject>", "<dc:publisher>Quire Press</dc:publisher>",
            "<dc:rights>CC BY 4.0</dc:rights>", "<dc:description>Summaries of &lt;Earmark&gt; episodes &amp; their quotes.</dc:description>",
            "<dc:date>2024-05-01</dc:date>",
        ] {
            #expect(opf.contains(line), "\(line)")
        }
    }

    @Test func theSeriesSettingOverridesTheChannelsSeries() throws {
        var collection = ModelSamples.everyField
        collection.episodes = collection.episodes.map {
            var episode = $0; episode.channel = "Earmark"; return episode
        }
        let plain = try Book.entries(try Self.write(collection, ConversionOptions(Book.fixedDate)).0)["EPUB/package.opf"]!
        #expect(plain.contains("<meta property=\"belongs-to-collection\" id=\"series\">Earmark</meta>"))
        // The channel's series is what it was before: no index, no calibre meta.
        #expect(!plain.contains("calibre:series") && !plain.contains("group-position"))
        let named = try Book.entries(try Self.write(collection, ConversionOptions(["date": "1", "series": "Other", "series-index": "3"])).0)[
            "EPUB/package.opf"]!
        #expect(named.contains("<meta property=\"belongs-to-collection\" id=\"series\">Other</meta>"))
        #expect(!named.contains(">Earmark</meta>"))
        #expect(named.contains("<meta name=\"calibre:series_index\" content=\"3\"/>"))
    }

    @Test func seriesIndexMustBeANumber() {
        #expect(BookMetadata.seriesIndex("007") == "7")
        #expect(BookMetadata.seriesIndex("1.50") == "1.5")
        #expect(BookMetadata.seriesIndex("2.0") == "2")
        #expect(BookMetadata.seriesIndex("0") == "0")
        for bad in ["", "-1", "1.", ".5", "one", "1e3", "1.5.2"] { #expect(BookMetadata.seriesIndex(bad) == nil, "\(bad)") }
        let diagnostics = Self.failure(ModelSamples.everyField, ConversionOptions(["series-index": "second"]))
        #expect(diagnostics.map(\.message) == ["setting 'series-index' takes a number of 0 or more such as 2 or 1.5, not 'second'"])
    }

    @Test func userStylesheetIsLinkedAfterQuiresFromEveryDocument() throws {
        let directory = try TemporaryDirectory()
        let css = try Self.file(directory, "mine.css", Self.userCSS)
        let entries = try Book.entries(try Self.write(ModelSamples.everyField, ConversionOptions(["date": "1", "css": css])).0)
        #expect(entries["EPUB/user.css"] == Self.userCSS)
        let documents = entries.filter { $0.key.hasSuffix(".xhtml") }
        #expect(documents.count >= 5)
        for (path, text) in documents {
            let links = text.matches(of: /<link rel="stylesheet" type="text\/css" href="([^"]+)"\/>/).map { String($0.1) }
            #expect(links == ["style.css", "user.css"], "\(path)")
        }
        #expect(entries["EPUB/package.opf"]!.contains("<item id=\"user-style\" href=\"user.css\" media-type=\"text/css\"/>"))
    }

    @Test(.enabled(if: hasFonts, "needs the DejaVu fonts (fonts-dejavu-core)"))
    func embeddedFontsAreListedWithFontFaceRules() throws {
        let options = Self.everySetting(fonts: [Self.serif, Self.serifBold])
        let (bytes, _) = try Self.write(ModelSamples.everyField, options)
        let archive = try ZipReader.read(InputFile(name: "book.epub", bytes: bytes), prefix: "test")
        let fonts = archive.entries.filter { $0.path.hasPrefix("EPUB/fonts/") }
        #expect(fonts.map(\.path) == ["EPUB/fonts/DejaVuSerif.ttf", "EPUB/fonts/DejaVuSerif-Bold.ttf"])
        #expect(fonts.first?.bytes == Array(try Data(contentsOf: URL(fileURLWithPath: Self.serif))))
        let entries = try Book.entries(bytes)
        let opf = entries["EPUB/package.opf"]!
        #expect(opf.contains("<item id=\"font-1\" href=\"fonts/DejaVuSerif.ttf\" media-type=\"font/ttf\"/>"))
        #expect(opf.contains("<item id=\"font-2\" href=\"fonts/DejaVuSerif-Bold.ttf\" media-type=\"font/ttf\"/>"))
        let css = try #require(entries["EPUB/fonts.css"])
        // The family comes from the fonts' name tables: the bold file joins the regular one's family.
        #expect(css.contains("@font-face { font-family: \"DejaVu Serif\"; font-weight: 400; font-style: normal; src: url(\"fonts/DejaVuSerif.ttf\"); }"))
        #expect(css.contains("@font-face { font-family: \"DejaVu Serif\"; font-weight: 700; font-style: normal; src: url(\"fonts/DejaVuSerif-Bold.ttf\"); }"))
        let title = entries["EPUB/title.xhtml"]!
        #expect(title.contains("href=\"style.css\"/>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"fonts.css\"/>"))
    }

    @Test func fontsAreRecognizedByTheirSignatures() throws {
        let directory = try TemporaryDirectory()
        func font(_ name: String, _ bytes: [UInt8]) throws -> String {
            let path = directory.path(name)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return path
        }
        let woff = try EmbeddedFont.load(try font("Reading Face.woff", Array("wOFF".utf8) + [UInt8](repeating: 0, count: 40)))
        #expect((woff.mediaType, woff.fileName, woff.family) == ("font/woff", "Reading-Face.woff", "Reading Face"))
        let woff2 = try EmbeddedFont.load(try font("x.bin", Array("wOF2".utf8) + [UInt8](repeating: 0, count: 40)))
        #expect((woff2.mediaType, woff2.fileName) == ("font/woff2", "x.woff2"))
        let sfnt = try EmbeddedFont.load(try font("hand.otf", HandmadeFont.bytes(signature: "OTTO", family: "Hand Sans", weight: 600, italic: true)))
        #expect((sfnt.mediaType, sfnt.family, sfnt.weight, sfnt.isItalic) == ("font/otf", "Hand Sans", 600, true))
        // Two files of one name get distinct entries.
        let twice = try EmbeddedFont.load([directory.path("hand.otf"), directory.path("hand.otf")])
        #expect(twice.map(\.fileName) == ["hand.otf", "hand-2.otf"])

        for (name, bytes, message) in [
            ("notes.ttf", Array("hello, not a font".utf8), "the file is not a TrueType, OpenType, WOFF or WOFF2 font"),
            ("fonts.ttc", Array("ttcf".utf8) + [0, 1, 0, 0], "the font is a TrueType collection, which EPUB cannot embed; extract one font from it"),
        ] {
            let path = try font(name, bytes)
            #expect(throws: ConversionFailure.self) { _ = try EmbeddedFont.load(path) }
            let diagnostics = Self.failure(ModelSamples.everyField, ConversionOptions(["embed-font": path]))
            #expect(diagnostics.map(\.message) == [message])
            #expect(diagnostics.first?.location?.file == path)
        }
        let missing = Self.failure(ModelSamples.everyField, ConversionOptions(["css": directory.path("absent.css")]))
        #expect(missing.first?.id == "epub.css.unreadable")
    }

    @Test func damagedNameTablesGiveNoFamilyAndNoCrash() {
        var bytes = HandmadeFont.bytes(signature: "true", family: "Hand", weight: 400, italic: false)
        for cut in stride(from: 0, to: bytes.count, by: 3) { _ = SFNTTables(Array(bytes.prefix(cut))) }
        // A name record pointing past the end.
        bytes[bytes.count - 1 - 4 * 2] = 0xFF
        _ = SFNTTables(bytes)
        #expect(SFNTTables([]).family == nil)
    }

    @Test(.enabled(if: EPUBCheck.isAvailable && hasFonts, "needs epubcheck, Java and the DejaVu fonts"))
    func bookWithEveryExtraPassesEPUBCheck() throws {
        let directory = try TemporaryDirectory()
        let options = Self.everySetting(css: try Self.file(directory, "mine.css", Self.userCSS), fonts: [Self.serif, Self.serifBold])
        let (bytes, diagnostics) = try Self.write(try Book.samplePage(), options)
        #expect(diagnostics.all.filter { $0.severity == .error }.isEmpty)
        #expect(try EPUBCheck.problems(bytes) == [])
    }

    /// The stream writer renders episode documents before the book's end: they link the same stylesheets.
    @Test func streamedBooksWithMetadataAreTheSameBytes() throws {
        let directory = try TemporaryDirectory()
        var options = Self.everySetting(css: try Self.file(directory, "mine.css", Self.userCSS))
        options["metadata"] = try Self.file(directory, "book.yaml", "language: en\nisbn: 1\n")
        if Self.hasFonts { options.append(Self.serif, for: "embed-font") }
        let (whole, wholeDiagnostics) = try Self.write(try Book.samplePage(), options)
        let streamed = try #require(try StreamingHarness.streamedBytes(EPUBWriter(), collection: try Book.samplePage(), options: options, batchSize: 2))
        #expect(streamed.bytes == whole)
        #expect(streamed.diagnostics.all == wholeDiagnostics.all)
        #expect(wholeDiagnostics.all.map(\.id) == ["epub.metadata.unknown-key"])
    }

    @Test func aBookWithMetadataReadsBackWithoutNewDiagnostics() throws {
        let directory = try TemporaryDirectory()
        let plain = try Book.read(try Book.write(ModelSamples.everyField).0)
        let rich = try Book.read(
            try Self.write(ModelSamples.everyField, Self.everySetting(css: try Self.file(directory, "mine.css", Self.userCSS))).0)
        #expect(rich.1.all.map(\.message) == plain.1.all.map(\.message))
        #expect(firstDifference(rich.0.episodes, plain.0.episodes) == nil)
    }

    // MARK: Metadata files

    static let yaml = """
        # The book's metadata
        title: Listening Notes
        author: [Ada Writer, Ben Editor]
        language: en
        date: 2024-05
        series: Earmark Collected
        series-index: 2.5
        subject:
          - podcasts
          - design & craft
        description: "Summaries of <Earmark> episodes & their quotes."
        publisher: Quire Press
        rights: CC BY 4.0
        css: mine.css

        """

    static let json = """
        {
          "title": "Listening Notes", "author": ["Ada Writer", "Ben Editor"], "language": "en", "date": "2024-05",
          "series": "Earmark Collected", "series-index": 2.5, "subject": ["podcasts", "design & craft"],
          "description": "Summaries of <Earmark> episodes & their quotes.", "publisher": "Quire Press", "rights": "CC BY 4.0", "css": "mine.css"
        }

        """

    @Test func yamlAndJSONFilesGiveTheSameBookAsTheFlags() throws {
        let directory = try TemporaryDirectory()
        let css = try Self.file(directory, "mine.css", Self.userCSS)
        let fromYAML = try Self.write(ModelSamples.everyField, ConversionOptions(["date": "1", "metadata": try Self.file(directory, "book.yaml", Self.yaml)]))
        let fromJSON = try Self.write(ModelSamples.everyField, ConversionOptions(["date": "1", "metadata": try Self.file(directory, "book.json", Self.json)]))
        // The same file without its extension is still recognized as JSON.
        let bareJSON = try Self.write(
            ModelSamples.everyField, ConversionOptions(["date": "1", "metadata": try Self.file(directory, "book-metadata", Self.json)]))
        var flags = ConversionOptions([
            "date": "1", "series": "Earmark Collected", "series-index": "2.5", "description": "Summaries of <Earmark> episodes & their quotes.",
            "publisher": "Quire Press", "rights": "CC BY 4.0", "css": css, "language": "en", "author": "Ada Writer, Ben Editor",
            "metadata": try Self.file(directory, "rest.yaml", "title: Listening Notes\ndate: 2024-05\nauthor: [Ada Writer, Ben Editor]\n"),
        ])
        flags.append("podcasts", for: "subject")
        flags.append("design & craft", for: "subject")
        let fromFlags = try Self.write(ModelSamples.everyField, flags)
        #expect(fromYAML.1.all.isEmpty && fromJSON.1.all.isEmpty)
        #expect(fromYAML.0 == fromJSON.0)
        #expect(fromYAML.0 == bareJSON.0)
        let opf = try Book.entries(fromYAML.0)["EPUB/package.opf"]!
        #expect(opf.contains("<dc:title id=\"book-title\">Listening Notes</dc:title>"))
        #expect(opf.contains("<dc:creator id=\"creator-1\">Ada Writer</dc:creator>\n<dc:creator id=\"creator-2\">Ben Editor</dc:creator>"))
        #expect(opf.contains("<dc:date>2024-05</dc:date>"))
        #expect(try Book.entries(fromYAML.0)["EPUB/user.css"] == Self.userCSS)
        // The flags' book differs only in its creators: `author` is one name on the command line.
        let flagsOPF = try Book.entries(fromFlags.0)["EPUB/package.opf"]!
        for line in opf.split(separator: "\n") where !line.contains("dc:creator") && !line.contains("dc:identifier") {
            #expect(flagsOPF.contains(line), "\(line)")
        }
    }

    @Test func commandLineSettingsWinOverTheFile() throws {
        let directory = try TemporaryDirectory()
        var options = ConversionOptions(["date": "1", "metadata": try Self.file(directory, "book.yaml", Self.yaml), "series": "Flag Series", "language": "de"])
        options.append("only-tag", for: "subject")
        options["css"] = try Self.file(directory, "other.css", "p { margin: 0; }\n")
        _ = try Self.file(directory, "mine.css", Self.userCSS)
        let entries = try Book.entries(try Self.write(ModelSamples.everyField, options).0)
        let opf = entries["EPUB/package.opf"]!
        #expect(opf.contains(">Flag Series</meta>") && !opf.contains("Earmark Collected"))
        #expect(opf.contains("<dc:subject>only-tag</dc:subject>") && !opf.contains("<dc:subject>podcasts</dc:subject>"))
        #expect(opf.contains("xml:lang=\"de\""))
        // What the flags do not name still comes from the file.
        #expect(opf.contains("<dc:publisher>Quire Press</dc:publisher>"))
        #expect(entries["EPUB/user.css"] == "p { margin: 0; }\n")
    }

    @Test func badMetadataFilesAreReportedAtTheirLineAndColumn() throws {
        let directory = try TemporaryDirectory()
        func failure(_ name: String, _ text: String) throws -> Diagnostic? {
            Self.failure(ModelSamples.everyField, ConversionOptions(["metadata": try Self.file(directory, name, text)])).first
        }
        let yamlSyntax = try #require(try failure("syntax.yaml", "title: Notes\nseries: [unclosed\nrights: x\n"))
        #expect(yamlSyntax.id == "epub.metadata.syntax")
        #expect(yamlSyntax.location?.file == directory.path("syntax.yaml"))
        #expect(yamlSyntax.location?.line == 3)
        #expect(yamlSyntax.location?.column != nil)

        let jsonSyntax = try #require(try failure("syntax.json", "{\n  \"title\": \"Notes\",\n  \"series\": }\n"))
        #expect(jsonSyntax.id == "epub.metadata.syntax")
        #expect((jsonSyntax.location?.line, jsonSyntax.location?.column) == (3, 13))

        let wrongType = try #require(try failure("type.yaml", "title: Notes\nseries-index: second\n"))
        #expect(wrongType.message == "'series-index' takes a number such as 2 or 1.5, not a string")
        #expect((wrongType.location?.line, wrongType.location?.column) == (2, 15))

        let listForText = try #require(try failure("list.json", "{\"publisher\": [\"a\", \"b\"]}"))
        #expect(listForText.message == "'publisher' takes text, not a list")
        #expect((listForText.location?.line, listForText.location?.column) == (1, 15))

        let nested = try #require(try failure("nested.yaml", "subject:\n  - podcasts\n  - {name: x}\n"))
        #expect(nested.message == "'subject' takes text or a list of text, not a mapping")
        #expect(nested.location?.line == 3)

        let notMapping = try #require(try failure("list.yaml", "- title\n- series\n"))
        #expect(notMapping.message == "a metadata file holds a mapping of keys to values, not a list")

        let badDate = try #require(try failure("date.yaml", "date: May 2024\n"))
        #expect(badDate.message == "'date' takes a date such as 2024, 2024-05 or 2024-05-01, not 'May 2024'")

        let badLanguage = try #require(try failure("language.yaml", "language: not a tag\n"))
        #expect(badLanguage.id == "epub.metadata.value")
    }

    @Test func unknownKeysAreWarningsNamingTheKey() throws {
        let directory = try TemporaryDirectory()
        let path = try Self.file(directory, "book.yaml", "series: Earmark\nseries_index: 2\nisbn: 978-3-16-148410-0\n")
        let (bytes, diagnostics) = try Self.write(ModelSamples.everyField, ConversionOptions(["date": "1", "metadata": path]))
        let warnings = diagnostics.all.filter { $0.id == "epub.metadata.unknown-key" }
        #expect(
            warnings.map(\.message) == ["unknown key 'series_index' in the metadata file is ignored", "unknown key 'isbn' in the metadata file is ignored"])
        #expect(warnings.map { "\($0.location!.line ?? 0):\($0.location!.column ?? 0)" } == ["2:15", "3:7"])
        #expect(try Book.entries(bytes)["EPUB/package.opf"]!.contains(">Earmark</meta>"))
    }

    @Test func aliasBombsInMetadataFilesFail() throws {
        let directory = try TemporaryDirectory()
        var text = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let name = String(UnicodeScalar(UInt8(97 + level))), previous = String(UnicodeScalar(UInt8(96 + level)))
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        let diagnostics = Self.failure(ModelSamples.everyField, ConversionOptions(["metadata": try Self.file(directory, "bomb.yaml", text)]))
        #expect(diagnostics.first?.id == "epub.metadata.syntax")
    }

    @Test(.enabled(if: ExternalTool.isAvailable("ebook-meta"), "needs calibre's ebook-meta"))
    func calibreReadsTheSeriesAndTags() throws {
        let directory = try TemporaryDirectory()
        let (bytes, _) = try Self.write(ModelSamples.everyField, Self.everySetting())
        let path = try Book.save(bytes, in: directory, as: "book.epub")
        let result = try ExternalTool.run("ebook-meta", [path])
        #expect(result.output.contains(/Series\s*:\s*Earmark Collected #2\.5/), "\(result.output)")
        #expect(result.output.contains(/Tags\s*:\s*podcasts, design & craft/), "\(result.output)")
        #expect(result.output.contains(/Publisher\s*:\s*Quire Press/), "\(result.output)")
    }
}

/// A minimal TrueType/OpenType file: the offset table and the `name` and `OS/2` tables a font's
/// family, weight and style are read from, laid out as the OpenType specification says.
enum HandmadeFont {
    static func bytes(signature: String, family: String, weight: Int, italic: Bool) -> [UInt8] {
        func u16(_ value: Int) -> [UInt8] { [UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
        func u32(_ value: Int) -> [UInt8] { u16(value >> 16) + u16(value & 0xFFFF) }
        var os2 = [UInt8](repeating: 0, count: 78)
        os2.replaceSubrange(4..<6, with: u16(weight))
        os2.replaceSubrange(62..<64, with: u16(italic ? 0x01 : 0x40))
        let utf16 = family.utf16.flatMap { u16(Int($0)) }
        let mac = Array("Legacy \(family)".utf8)
        // Two records: a Macintosh family (nameID 1) and a Windows typographic family (16), which wins.
        var name = u16(0) + u16(2) + u16(6 + 2 * 12)
        name += u16(1) + u16(0) + u16(0) + u16(1) + u16(mac.count) + u16(0)
        name += u16(3) + u16(1) + u16(0x409) + u16(16) + u16(utf16.count) + u16(mac.count)
        name += mac + utf16
        let tableStart = 12 + 2 * 16
        var bytes = Array(signature.utf8) + u16(2) + u16(32) + u16(1) + u16(0)
        bytes += Array("OS/2".utf8) + u32(0) + u32(tableStart) + u32(os2.count)
        bytes += Array("name".utf8) + u32(0) + u32(tableStart + os2.count) + u32(name.count)
        return bytes + os2 + name
    }
}
