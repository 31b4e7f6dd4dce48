import Foundation
import PropertyBased
import QuireCore
import QuireTestSupport
import QuireZip
import Testing

@testable import QuireEPUB

/// Collections at the edges of what a book holds.
enum EdgeCases {
    /// One episode of 30 chapters (untimed, recovered, quotes without time) and no entities.
    static let longEpisode = EpisodeCollection(
        title: "Thirty chapters",
        episodes: [
            Episode(
                title: "A very long conversation", language: "en", summary: "Everything, in order.",
                chapters: (0..<30).map { index in
                    Chapter(
                        start: index == 7 ? nil : index * 125, title: "Part \(index + 1)", body: index % 5 == 0 ? "" : "Body of part \(index + 1).",
                        quotes: index % 3 == 0 ? [Quote(text: "Said in part \(index + 1).", time: index % 2 == 0 ? nil : index * 125 + 3)] : [],
                        isRecovered: index == 29)
                })
        ])

    /// Chinese, Korean and English episodes in one book, entities with empty fields.
    static let mixedLanguages = EpisodeCollection(
        title: "三种语言 · 세 언어 · Three languages",
        channels: [Channel(title: "多语频道", feedURL: "https://example.org/multi.xml", siteURL: "", description: "")],
        episodes: [
            Episode(
                title: "人工智能的下一步", channel: "多语频道", language: "zh", summary: "本期讨论大型语言模型的发展，以及它们对软件工程的影响。",
                chapters: [Chapter(start: 0, title: "开场", body: "主持人介绍嘉宾和今天的话题。", quotes: [Quote(text: "模型只是开始。", time: 42)])],
                entities: [Entity(name: "张伟", type: "人物", description: ""), Entity(name: "深度求索", type: "公司", description: "一家研究公司")]),
            Episode(
                title: "한국어 에피소드", channel: "多语频道", language: "ko", summary: "한국어로 된 요약입니다. 줄바꿈 규칙을 확인합니다.",
                chapters: [Chapter(start: 30, title: "시작", body: "진행자가 인사합니다.")],
                entities: [Entity(name: "김민수", type: "인물", description: "진행자"), Entity(name: "", type: "", description: "")]),
            Episode(
                title: "An English episode", channel: "多语频道", language: "en", summary: "Plain English.",
                chapters: [Chapter(start: nil, title: "Untimed", body: "", quotes: [Quote(text: "No time here.")])],
                entities: [Entity(name: "Kubernetes", type: "product", description: ""), Entity(name: "Ada", type: "", description: "No type.")]),
        ])
}

@Suite struct EPUBRoundTripTests {
    @Test func everyFieldRoundTripsExactly() throws {
        let (bytes, diagnostics) = try Book.write(ModelSamples.everyField)
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
        let (back, readDiagnostics) = try Book.read(bytes)
        #expect(back == ModelSamples.everyField)
        #expect(readDiagnostics.isEmpty, "\(readDiagnostics.all)")
    }

    @Test(arguments: ["Examples/sample-page.txt", "Examples/episode.txt"])
    func examplesRoundTripExactly(path: String) throws {
        let model = try Book.summaryText(try Fixtures.input(path))
        let (back, diagnostics) = try Book.read(try Book.write(model).0)
        #expect(back == model)
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
    }

    @Test func samplePageWithCorpusRoundTripsExactly() throws {
        let sample = try Book.samplePage()
        #expect(sample.episodes.count > 10)
        let (back, diagnostics) = try Book.read(try Book.write(sample).0)
        #expect(back == sample)
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
    }

    @Test func edgeCasesRoundTripExactly() throws {
        for model in [EdgeCases.longEpisode, EdgeCases.mixedLanguages, EpisodeCollection(), EpisodeCollection(preamble: ["", "  spaced  "])] {
            let (back, _) = try Book.read(try Book.write(model).0)
            #expect(back == model)
        }
    }

    @Test func generatedModelsRoundTripExactly() async {
        await propertyCheck(count: 100, input: Gen.int(in: 0...Int.max)) { seed in
            var generator = ModelGenerator(seed: UInt64(seed), options: .init(untrimmedText: true))
            let model = generator.collection()
            do {
                let (bytes, _) = try Book.write(model)
                let (back, diagnostics) = try Book.read(bytes)
                #expect(back == model, "seed \(seed): \(firstDifference(back, model) ?? "")")
                #expect(!diagnostics.hasErrors, "seed \(seed)")
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }

    @Test func reorderedBooksReadBackInInputOrder() throws {
        let model = ModelSamples.everyField
        for options in [["order": "published"], ["order": "channel"], ["group-by": "channel"]] {
            let (bytes, _) = try Book.write(model, options: options.merging(Book.fixedDate) { $1 })
            #expect(try Book.read(bytes).0 == model, "\(options)")
        }
    }

    @Test func controlCharactersAreLeftOutWithAWarning() throws {
        let (bytes, diagnostics) = try Book.write(EpisodeCollection(title: "bell\u{07}", episodes: [Episode(title: "E\u{07}")]))
        #expect(diagnostics.all.map(\.id) == ["epub.control-characters"])
        let (back, _) = try Book.read(bytes)
        #expect(back.title == "bell")
        #expect(back.episodes.map(\.title) == ["E"])
    }
}

@Suite struct EPUBWriterTests {
    @Test func mimetypeComesFirstAndStored() throws {
        let (bytes, _) = try Book.write(ModelSamples.everyField)
        // Local header: signature, version, flags, method (0 = stored) at offset 8, name at 30.
        #expect(Array(bytes[0..<4]) == [0x50, 0x4B, 0x03, 0x04])
        #expect(bytes[8] == 0 && bytes[9] == 0)
        #expect(String(decoding: bytes[30..<58], as: UTF8.self) == "mimetypeapplication/epub+zip")
        // No extra field after the name (OCF forbids one on mimetype).
        #expect(bytes[28] == 0 && bytes[29] == 0)
        let archive = try ZipReader.read(InputFile(name: "b.epub", bytes: bytes), prefix: "test")
        #expect(archive.entries.first?.isStored == true)
    }

    @Test func sameInputGivesIdenticalBytes() throws {
        let first = try Book.write(ModelSamples.everyField, options: [:]).0
        let second = try Book.write(ModelSamples.everyField, options: [:]).0
        #expect(first == second)
    }

    @Test func identifierComesFromTheContent() throws {
        func identifier(_ model: EpisodeCollection, _ options: [String: String]) throws -> String {
            let opf = try Book.entries(try Book.write(model, options: options).0)["EPUB/package.opf"]!
            let start = opf.range(of: "<dc:identifier id=\"book-id\">")!.upperBound
            return String(opf[start...].prefix { $0 != "<" })
        }
        let id = try identifier(ModelSamples.everyField, ["date": "1"])
        #expect(id.hasPrefix("urn:uuid:") && id.count == 45)
        #expect(try identifier(ModelSamples.everyField, ["date": "2"]) == id)
        var changed = ModelSamples.everyField
        changed.episodes[0].title += "!"
        #expect(try identifier(changed, ["date": "1"]) != id)
    }

    @Test func packageMetadataMatchesGolden() throws {
        let entries = try Book.entries(try Book.write(ModelSamples.everyField, options: ["date": "1700000000", "author": "Quire Tests"]).0)
        for (entry, golden) in [
            ("EPUB/package.opf", "package.golden.opf"), ("EPUB/nav.xhtml", "nav.golden.xhtml"), ("EPUB/title.xhtml", "title.golden.xhtml"),
            ("EPUB/index.xhtml", "index.golden.xhtml"), ("EPUB/toc.ncx", "toc.golden.ncx"),
        ] {
            // The identifier hashes every document, episode markup included: it has its own test, and is
            // masked here so these goldens change only when these parts do.
            let text = try #require(entries[entry]).replacing(/urn:uuid:[0-9a-f-]{36}/, with: "urn:uuid:(content identifier)")
            try Golden.expect(text, matches: "Tests/EPUBFormatTests/Fixtures/\(golden)", "\(entry)")
        }
        let opf = entries["EPUB/package.opf"]!
        #expect(opf.contains("<dc:creator id=\"creator-1\">Quire Tests</dc:creator>"))
        #expect(opf.contains("<meta property=\"dcterms:modified\">2023-11-14T22:13:20Z</meta>"))
    }

    @Test func modificationDateComesFromContentWithoutADate() throws {
        let opf = try Book.entries(try Book.write(ModelSamples.everyField, options: [:]).0)["EPUB/package.opf"]!
        // The latest publication date in the collection, not the clock.
        #expect(opf.contains("<meta property=\"dcterms:modified\">2026-05-21T00:00:00Z</meta>"))
    }

    @Test func eachEpisodeDocumentCarriesItsLanguage() throws {
        let entries = try Book.entries(try Book.write(EdgeCases.mixedLanguages).0)
        #expect(entries["EPUB/episode-0001.xhtml"]!.contains("lang=\"zh\" xml:lang=\"zh\""))
        #expect(entries["EPUB/episode-0002.xhtml"]!.contains("lang=\"ko\" xml:lang=\"ko\""))
        #expect(entries["EPUB/episode-0003.xhtml"]!.contains("lang=\"en\" xml:lang=\"en\""))
        let opf = entries["EPUB/package.opf"]!
        #expect(opf.contains("<dc:language>zh</dc:language>\n<dc:language>ko</dc:language>\n<dc:language>en</dc:language>"))
    }

    @Test func bookLanguageIsNeverEmptyOrC() throws {
        let untagged = EpisodeCollection(episodes: [Episode(title: "x")])
        let opf = try Book.entries(try Book.write(untagged, options: ["language": "C"]).0)["EPUB/package.opf"]!
        #expect(opf.contains("<dc:language>und</dc:language>"))
        let chosen = try Book.entries(try Book.write(untagged, options: ["language": "ko"]).0)["EPUB/package.opf"]!
        #expect(chosen.contains("<dc:language>ko</dc:language>"))
    }

    @Test func seriesIsTheOneChannel() throws {
        let entries = try Book.entries(try Book.write(EdgeCases.mixedLanguages).0)
        #expect(entries["EPUB/package.opf"]!.contains("<meta property=\"belongs-to-collection\" id=\"series\">多语频道</meta>"))
        let twoChannels = try Book.entries(try Book.write(ModelSamples.everyField).0)
        #expect(!twoChannels["EPUB/package.opf"]!.contains("belongs-to-collection"))
    }

    @Test func orderOptionsReorderTheSpine() throws {
        let model = EpisodeCollection(episodes: [
            Episode(title: "Late", metadata: EpisodeMetadata(published: "2026-03-01")),
            Episode(title: "Undated"),
            Episode(title: "Early", metadata: EpisodeMetadata(published: "2025-01-01")),
        ])
        let entries = try Book.entries(try Book.write(model, options: ["order": "published"]).0)
        #expect(entries["EPUB/episode-0001.xhtml"]!.contains("Early"))
        #expect(entries["EPUB/episode-0002.xhtml"]!.contains("Late"))
        #expect(entries["EPUB/episode-0003.xhtml"]!.contains("Undated"))
        var diagnostics = Diagnostics()
        #expect(throws: ConversionFailure.self) {
            try EPUBWriter().write(model, options: ConversionOptions(["order": "random"]), diagnostics: &diagnostics)
        }
    }

    @Test func groupByChannelPutsChannelsAtTheTopOfTheContents() throws {
        let nav = try Book.entries(try Book.write(ModelSamples.everyField, options: ["group-by": "channel"]).0)["EPUB/nav.xhtml"]!
        #expect(
            nav.contains(
                "<li><a href=\"episode-0001.xhtml\">Kitchen Physics</a>\n<ol>\n<li><a href=\"episode-0001.xhtml\">Why Bread Rises: Yeast &amp; Steam</a>"))
        #expect(nav.contains("<li><a href=\"episode-0003.xhtml\">역사 산책</a>"))
        let plain = try Book.entries(try Book.write(ModelSamples.everyField).0)["EPUB/nav.xhtml"]!
        #expect(plain.contains("<li><a href=\"episode-0001.xhtml#chapter-2\">01:36 Steam – the hidden lever</a></li>"))
        #expect(!plain.contains(">Kitchen Physics</a>"))
    }

    @Test func entityIndexListsPeopleOrganizationsAndProducts() throws {
        let entries = try Book.entries(try Book.write(EdgeCases.mixedLanguages).0)
        let index = try #require(entries["EPUB/index.xhtml"])
        // The book is in Chinese (its first language on a tie), so is the index's own wording.
        #expect(index.contains("<h1>索引</h1>"))
        #expect(index.contains("<h2>人物</h2>") && index.contains("<h2>机构</h2>") && index.contains("<h2>产品</h2>"))
        #expect(index.contains("<span class=\"index-name\">张伟</span><ul class=\"index-locators\"><li><a href=\"episode-0001.xhtml\">人工智能的下一步</a></li></ul>"))
        #expect(index.contains("Kubernetes"))
        // Untyped entities have no kind and stay out of the index.
        #expect(!index.contains(">Ada<"))
        #expect(try Book.entries(try Book.write(EdgeCases.longEpisode).0)["EPUB/index.xhtml"] == nil)
    }

    @Test func coverImageIsRecognizedByContent() throws {
        let cover = Fixtures.url("Tests/EPUBFormatTests/Fixtures/cover.png").path
        let (bytes, diagnostics) = try Book.write(EdgeCases.longEpisode, options: ["cover": cover])
        #expect(diagnostics.isEmpty)
        let entries = try Book.entries(bytes)
        #expect(entries["EPUB/images/cover.png"] != nil)
        #expect(
            entries["EPUB/package.opf"]!.contains("<item id=\"cover-image\" href=\"images/cover.png\" media-type=\"image/png\" properties=\"cover-image\"/>"))
    }

    @Test func coverKindsAreRecognizedByTheirBytesNotTheirNames() throws {
        let directory = try TemporaryDirectory()
        let files: [(String, [UInt8], String?)] = [
            ("photo.png", [0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 0, count: 16), "images/cover.jpg"),
            ("anim.bin", Array("GIF89a".utf8) + Array(repeating: 0, count: 16), "images/cover.gif"),
            // An SVG goes in rasterized.
            ("art.txt", Array("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 6 9\"/>".utf8), "images/cover.png"),
            ("notes.jpg", Array("just text".utf8), nil),
        ]
        for (name, bytes, expected) in files {
            let path = try Book.save(bytes, in: directory, as: name)
            let (book, diagnostics) = try Book.write(EdgeCases.longEpisode, options: ["cover": path])
            let opf = try Book.entries(book)["EPUB/package.opf"]!
            if let expected {
                #expect(diagnostics.isEmpty, "\(name)")
                #expect(opf.contains("href=\"\(expected)\""), "\(name)")
            } else {
                #expect(diagnostics.all.map(\.id) == ["epub.cover.format"])
                #expect(opf.contains("href=\"images/cover.png\""))
            }
        }
    }

    @Test func missingCoverIsAnErrorAndACoverIsDrawn() throws {
        let (bytes, diagnostics) = try Book.write(EdgeCases.longEpisode, options: ["cover": "/nonexistent/cover.jpg"])
        #expect(diagnostics.all.map(\.id) == ["epub.cover.unreadable"])
        #expect(diagnostics.all.first?.description.hasPrefix("/nonexistent/cover.jpg: error: cannot read the cover image") == true)
        let entries = try Book.entries(bytes)
        #expect(entries["EPUB/images/cover.png"] != nil)
    }

    @Test func drawnCoverShowsTitleAndEpisodeCount() throws {
        let drawn = CoverImage.drawn(title: "Quire sample collection", episodeCount: 3, language: "en", labels: BookLabels(language: "en"))
        let svg = String(decoding: drawn.bytes, as: UTF8.self)
        #expect(svg.contains(">Quire sample</text>\n<text x=\"300\" y=\"384\">collection</text>"))
        #expect(svg.contains(">3 episodes</text>"))
        #expect(CoverImage.wrap("世界模型的下一步是什么问题呢还有更多的字", width: 18, maxLines: 6) == ["世界模型的下一步是", "什么问题呢还有更多", "的字"])
        // Korean breaks between words, as Latin does; a word breaks only when it fills a line.
        #expect(CoverImage.wrap("팟캐스트 요약: 인공지능과 컴퓨터의 미래", width: 18, maxLines: 6) == ["팟캐스트 요약:", "인공지능과", "컴퓨터의 미래"])
        #expect(CoverImage.wrap("가나다라마바사아자차카", width: 18, maxLines: 6) == ["가나다라마바사아자", "차카"])
    }
}
