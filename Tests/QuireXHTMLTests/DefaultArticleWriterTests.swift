import Foundation
import PropertyBased
import QuireCore
import QuireSummaryText
import QuireTestSupport
import Testing

@testable import QuireXHTML

/// The hand-compiled shipped templates write exactly what Mustache renders from them: byte for byte,
/// on every example and on generated episodes, with and without timelines and raw HTML, with the
/// transcript collapsible (HTML) or as a section (EPUB).
@Suite struct DefaultArticleWriterTests {
    private func check(_ collection: EpisodeCollection, label: String) throws {
        for options in [
            ArticleOptions(), ArticleOptions(timeline: true), ArticleOptions(unsafeHTML: true, timeline: true),
            ArticleOptions(timeline: true, collapsibleTranscript: false),
        ] {
            for (index, episode) in collection.episodes.enumerated() {
                let channel = episode.channel.flatMap { collection.channel(named: $0) }
                let prefix = index.isMultiple(of: 2) ? "e\(index + 1)-" : ""
                let direct = DefaultArticleWriter.render(episode, channel: channel, idPrefix: prefix, options: options)
                let mustache = try EpisodeArticle.renderWithTemplates(episode, channel: channel, idPrefix: prefix, options: options)
                #expect(direct == mustache, "\(label), episode \(index + 1), timeline \(options.timeline)")
                if direct != mustache { return }
            }
        }
    }

    @Test func examplesAreWrittenAsTheTemplatesWriteThem() throws {
        try check(ModelSamples.everyField, label: "everyField")
        var diagnostics = Diagnostics()
        for path in ["Examples/episode.txt", "Examples/sample-page.txt"] {
            try check(try SummaryTextReader().read(try Fixtures.input(path), options: ConversionOptions(), diagnostics: &diagnostics), label: path)
        }
    }

    @Test(.needsSharedCorpus) func theSharedCorpusPageIsWrittenAsTheTemplatesWriteIt() throws {
        let corpus = try #require(Fixtures.sharedCorpus("sample-channel-page.txt"))
        var diagnostics = Diagnostics()
        try check(
            try SummaryTextReader().read(try Fixtures.input(at: corpus, name: "corpus"), options: ConversionOptions(), diagnostics: &diagnostics),
            label: "corpus")
    }

    @Test func generatedEpisodesAreWrittenAsTheTemplatesWriteThem() async {
        await propertyCheck(count: 100, input: Gen.int(in: 0...Int.max)) { seed in
            var generator = ModelGenerator(seed: UInt64(seed), options: .init(controlCharacters: true, untrimmedText: true, longFields: false))
            do {
                try check(generator.collection(), label: "seed \(seed)")
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }

    @Test func aReplacedTemplateIsRenderedByMustache() throws {
        let templates = try EpisodeTemplates.defaults.adding(["chapter": "<section class=\"chapter\">{{{title}}}</section>\n"])
        #expect(EpisodeTemplates.defaults.hasShippedArticleTemplates)
        #expect(!templates.hasShippedArticleTemplates)
        let article = try EpisodeArticle.render(ModelSamples.everyField.episodes[0], channel: nil, idPrefix: "", options: ArticleOptions(templates: templates))
        #expect(article.contains("<section class=\"chapter\">Intro</section>"))
    }
}
