import QuireCore
import QuireTestSupport
import Testing

@testable import QuireMarkdown

/// The Markdown Quire writes, byte for byte, for the hand-built sample and a real episode.
@Suite struct WriterGoldenTests {
    static let variants: [(name: String, options: [String: String])] = [
        ("list", [:]), ("table", ["entities": "table"]), ("list.front-matter", ["front-matter": "true"]),
        ("table.front-matter", ["entities": "table", "front-matter": "true"]),
    ]

    @Test(arguments: variants.map(\.name))
    func everyFieldSampleMatchesGolden(variant: String) throws {
        let options = Self.variants.first { $0.name == variant }!.options
        let (text, diagnostics) = try writeMarkdown(ModelSamples.everyField, options: options)
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
        try Golden.expect(text, matches: "Tests/MarkdownFormatTests/Fixtures/every-field.\(variant).golden.md")
    }

    @Test(arguments: variants.map(\.name))
    func episodeExampleMatchesGolden(variant: String) throws {
        let options = Self.variants.first { $0.name == variant }!.options
        let (text, diagnostics) = try writeMarkdown(try summaryModel("Examples/episode.txt"), options: options)
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
        try Golden.expect(text, matches: "Tests/MarkdownFormatTests/Fixtures/episode.\(variant).golden.md")
    }

    @Test func chapterHeadingsKeepTheirTimestampsAndQuotesTheirTimes() throws {
        let (text, _) = try writeMarkdown(ModelSamples.everyField)
        #expect(text.contains("\n## [01:36] Steam – the hidden lever\n"))
        #expect(text.contains("\n> [00:12] Bread is a *slow* explosion.\n"))
        #expect(text.contains("\n> Open the oven and you lose it.\n"))
        #expect(text.contains("\n## 머리말\n"))
        #expect(text.hasPrefix("---\ncollection-title: Quire sample collection\n"))
        #expect(
            text.contains(
                "\n# 面包为什么会膨胀\n\n```yaml\nchannel: Kitchen Physics\nlanguage: zh\nguid: urn:uuid:5b1f0c1e-7a0e-4a57-9f0a-3c1d2e4f5a6b\nexplicit: true\n```\n"))
    }

    @Test func frontMatterIsLeftOutWhenTheBodyCarriesEverything() throws {
        let episode = Episode(title: "Plain", summary: "Just text.", chapters: [Chapter(start: 5, title: "Start", body: "Body.")])
        let (text, _) = try writeMarkdown(EpisodeCollection(episodes: [episode]))
        #expect(text == "# Plain\n\nJust text.\n\n## [00:05] Start\n\nBody.\n")
        let (forced, _) = try writeMarkdown(EpisodeCollection(episodes: [episode]), options: ["front-matter": "true"])
        #expect(forced.hasPrefix("---\ntitle: Plain\n---\n\n# Plain\n"))
    }

    @Test func anUnknownEntitiesStyleIsAnError() {
        #expect(throws: ConversionFailure.self) { try writeMarkdown(ModelSamples.everyField, options: ["entities": "cards"]) }
    }
}
