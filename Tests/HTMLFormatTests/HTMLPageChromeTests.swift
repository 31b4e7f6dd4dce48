import Foundation
import QuireCore
import QuireTestSupport
import Testing

/// What a reader sees at the top of a page: the best title the collection offers, and the scraped
/// page chrome folded away under a label that says it is the source's text, not Quire's.
@Suite struct HTMLPageChromeTests {
    private let chrome = ["EarmarkListen once, remember twice.", "Browse channels"]
    private let episodes = [Episode(title: "First"), Episode(title: "Second")]

    @Test func anUntitledPageIsNamedAfterTheSitesBrandAndReadsBackUntitled() throws {
        let collection = EpisodeCollection(preamble: chrome, episodes: episodes)
        let (html, _) = try writeHTML(collection)
        #expect(html.contains(#"<h1 class="collection-title" data-untitled="true">Earmark</h1>"#))
        #expect(html.contains("<title>Earmark</title>"))
        let (back, _) = try readHTML(html)
        #expect(back.title == nil && back.preamble == chrome)
    }

    @Test func theChromeIsFoldedUnderALocalizedLabel() throws {
        let (html, _) = try writeHTML(EpisodeCollection(title: "Mine", preamble: chrome, episodes: episodes))
        #expect(html.contains(#"<h1 class="collection-title">Mine</h1>"#))
        let details = try #require(
            html.firstMatch(
                of: /<details class="preamble source-chrome">\n<summary>([^<]*)<\/summary>\n<p class="preamble-line">EarmarkListen once, remember twice.<\/p>/))
        #expect(details.1 == "Text from the source page")
        var korean = episodes
        for index in korean.indices { korean[index].language = "ko" }
        let (koreanHTML, _) = try writeHTML(EpisodeCollection(preamble: chrome, episodes: korean))
        #expect(koreanHTML.contains("<summary>원본 페이지의 텍스트</summary>"))
    }

    @Test func oneChannelNamesThePageAndNothingFallsBackToTheDefault() throws {
        let oneChannel = EpisodeCollection(preamble: chrome, channels: [Channel(title: "Bread Talk")], episodes: episodes)
        #expect(try writeHTML(oneChannel).0.contains(#"data-untitled="true">Bread Talk</h1>"#))
        #expect(try writeHTML(EpisodeCollection(preamble: ["Browse channels"], episodes: episodes)).0.contains(#"data-untitled="true">Podcast summaries</h1>"#))
    }
}
