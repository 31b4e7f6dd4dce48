import Foundation
import QuireCore
import QuireTestSupport
import Testing

/// The book's title when the collection has none: its one channel, its one episode, the site's brand
/// in the page chrome, and only then the localized "Podcast episode summaries".
@Suite struct BookTitleFallbackTests {
    private let episodes = [Episode(title: "First", channel: "A"), Episode(title: "Second", channel: "B")]
    private let chrome = ["EarmarkListen once, remember twice.", "Browse channels"]

    private func bookTitle(_ collection: EpisodeCollection) throws -> (title: String, titlePage: String, cover: String) {
        let entries = try Book.entries(try Book.write(collection).0)
        let package = try #require(entries["EPUB/package.opf"])
        let title = try #require(package.firstMatch(of: /<dc:title[^>]*>([^<]*)<\/dc:title>/)).1
        return (String(title), try #require(entries["EPUB/title.xhtml"]), try #require(entries["EPUB/cover.xhtml"]))
    }

    @Test func theSitesBrandNamesABookOfManyChannels() throws {
        let collection = EpisodeCollection(preamble: chrome, channels: [Channel(title: "A"), Channel(title: "B")], episodes: episodes)
        let book = try bookTitle(collection)
        #expect(book.title == "Earmark")
        #expect(book.titlePage.contains(#"<h1 class="book-title">Earmark</h1>"#))
        // The cover is a PNG drawn from the title; its page names it for screen readers.
        #expect(book.cover.contains(#"alt="Earmark""#), "\(book.cover)")
        // The chrome itself stays on the title page, under the label that says where it came from.
        #expect(book.titlePage.contains("EarmarkListen once, remember twice."))
        // Still untitled in the model: the book reads back without a title.
        let (back, _) = try Book.read(try Book.write(collection).0)
        #expect(back.title == nil && back.preamble == chrome)
    }

    @Test func aTitleOrOneChannelComesFirst() throws {
        #expect(try bookTitle(EpisodeCollection(title: "My shows", preamble: chrome, episodes: episodes)).title == "My shows")
        let oneChannel = EpisodeCollection(preamble: chrome, channels: [Channel(title: "A")], episodes: episodes)
        #expect(try bookTitle(oneChannel).title == "A")
    }

    @Test func withNothingOfferedTheLocalizedFallbackStays() throws {
        #expect(try bookTitle(EpisodeCollection(preamble: ["Browse channels"], episodes: episodes)).title == "Podcast episode summaries")
        let korean = episodes.map { episode -> Episode in
            var episode = episode
            episode.language = "ko"
            return episode
        }
        #expect(try bookTitle(EpisodeCollection(preamble: ["채널 둘러보기"], episodes: korean)).title == "팟캐스트 요약")
    }
}
