import QuireCore
import QuireXHTML
import QuireXML
import Testing

/// The timeline at the top of an article: drawn when asked for and the episode has timed chapters,
/// linked to the chapters it shows, and never there otherwise.
@Suite struct ArticleTimelineTests {
    private let timed = Episode(
        title: "Timed", language: "en",
        chapters: [Chapter(start: 0, title: "Open"), Chapter(start: 90, title: "Middle <part>", quotes: [Quote(text: "q", time: 100)])],
        metadata: EpisodeMetadata(duration: 300))

    @Test func theTimelineIsDrawnOnlyWhenAsked() throws {
        let with = try EpisodeArticle.render(timed, channel: nil, idPrefix: "e1-", options: ArticleOptions(timeline: true))
        #expect(with.contains(#"<figure class="timeline" id="e1-timeline">"#), "\(with)")
        #expect(with.components(separatedBy: "class=\"timeline-segment\"").count == 3)
        #expect(with.contains(##"xlink:href="#e1-chapter-2""##))
        #expect(with.contains("Middle &lt;part&gt;"))
        let without = try EpisodeArticle.render(timed, channel: nil, idPrefix: "e1-", options: ArticleOptions())
        #expect(!without.contains("<svg"))
        #expect(!without.contains("timeline"))
    }

    @Test func anEpisodeWithoutTimedChaptersHasNoTimeline() throws {
        let untimed = Episode(title: "Untimed", chapters: [Chapter(start: nil, title: "A"), Chapter(start: nil, title: "B")])
        let article = try EpisodeArticle.render(untimed, channel: nil, idPrefix: "e1-", options: ArticleOptions(timeline: true))
        #expect(!article.contains("<svg"))
        #expect(!article.contains("class=\"timeline\""))
    }

    /// The drawing is part of the article's XHTML: it parses, and reads back to the same episode.
    @Test func anArticleWithATimelineReadsBackToTheEpisode() throws {
        let article = try EpisodeArticle.render(timed, channel: nil, idPrefix: "e1-", options: ArticleOptions(timeline: true))
        let document = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\(article)</body></html>"
        let input = InputFile(name: "page.xhtml", bytes: Array(document.utf8))
        let root = try SafeXMLParser.parse(input, prefix: "test", keepingWhitespace: true)
        var diagnostics = Diagnostics()
        #expect(EpisodeArticle.read(from: root, input: input, diagnostics: &diagnostics) == [timed])
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
    }
}
