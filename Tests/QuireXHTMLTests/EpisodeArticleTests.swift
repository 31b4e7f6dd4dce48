import Foundation
import PropertyBased
import QuireCore
import QuireTestSupport
import QuireXHTML
import QuireXML
import Testing

/// The shared episode markup as EPUB uses it: XHTML articles read back through the XML parser.
@Suite struct EpisodeArticleTests {
    private func xhtmlRoundTrip(_ episodes: [Episode], channels: [Channel] = []) throws -> [Episode] {
        var body = ""
        for (index, episode) in episodes.enumerated() {
            let channel = episode.channel.flatMap { name in channels.first { $0.title == name } }
            body += try EpisodeArticle.render(episode, channel: channel, idPrefix: "x\(index)-", options: ArticleOptions())
        }
        let document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body>\(body)</body></html>
            """
        let input = InputFile(name: "chapter.xhtml", bytes: Array(document.utf8))
        let root = try SafeXMLParser.parse(input, prefix: "epub", keepingWhitespace: true)
        var diagnostics = Diagnostics()
        // A document without articles is someone else's HTML to `read`; only Quire's articles are wanted here.
        let episodes =
            episodes.isEmpty
            ? EpisodeArticle.readArticles(from: root, input: input, diagnostics: &diagnostics)
            : EpisodeArticle.read(from: root, input: input, diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
        return episodes
    }

    @Test func everyFieldSurvivesAsXHTML() throws {
        let model = ModelSamples.everyField
        #expect(try xhtmlRoundTrip(model.episodes, channels: model.channels) == model.episodes)
    }

    @Test func generatedEpisodesSurviveAsXHTML() async {
        await propertyCheck(count: 100, input: Gen.int(in: 0...Int.max)) { seed in
            var generator = ModelGenerator(seed: UInt64(seed), options: .init(untrimmedText: true))
            let model = generator.collection()
            do {
                let back = try xhtmlRoundTrip(model.episodes, channels: model.channels)
                #expect(back == model.episodes, "seed \(seed)")
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }

    @Test func idsCarryThePrefixAndAreXMLNames() throws {
        let html = try EpisodeArticle.render(ModelSamples.everyField.episodes[0], channel: nil, idPrefix: "3 ch/", options: ArticleOptions())
        #expect(html.hasPrefix(#"<article class="episode" id="e3_ch_episode" lang="en">"#))
        #expect(html.contains(#"id="e3_ch_chapter-2""#))
        #expect(EpisodeArticle.chapterID(idPrefix: "3 ch/", index: 1) == "e3_ch_chapter-2")
    }

    @Test func paragraphsThatWouldNotReadBackKeepTheirMarkdown() throws {
        // `\*` renders as `*`, which would read back as `*`: the original is kept in data-md.
        let episode = Episode(title: "T", summary: "plain\n\n5 \\* 3 and *em*\n\n**bold**")
        let html = try EpisodeArticle.render(episode, channel: nil, idPrefix: "a-", options: ArticleOptions())
        #expect(html.contains("<p>plain</p>"))
        #expect(html.contains(#"<p data-md="5 \* 3 and *em*">5 * 3 and <em>em</em></p>"#))
        #expect(html.contains("<p><strong>bold</strong></p>"))
        #expect(try xhtmlRoundTrip([episode]) == [episode])
    }
}
