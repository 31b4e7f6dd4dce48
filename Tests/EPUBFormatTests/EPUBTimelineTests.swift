import Foundation
import QuireCore
import QuireTestSupport
import Testing

/// Timelines in books: each episode document with timed chapters draws one (inline SVG, declared in
/// the manifest), an overview page after the title page draws them all, and `no-timeline` leaves both out.
@Suite struct EPUBTimelineTests {
    @Test func episodesWithTimedChaptersDrawTheirTimelineAndDeclareIt() throws {
        let (bytes, _) = try Book.write(ModelSamples.everyField)
        let entries = try Book.entries(bytes)
        let package = try #require(entries["EPUB/package.opf"])
        // Episodes 1 and 2 have timed chapters; episode 3's only chapter is untimed.
        #expect(package.contains(#"<item id="episode-0001" href="episode-0001.xhtml" media-type="application/xhtml+xml" properties="svg"/>"#))
        #expect(package.contains(#"<item id="episode-0003" href="episode-0003.xhtml" media-type="application/xhtml+xml"/>"#))
        #expect(try #require(entries["EPUB/episode-0001.xhtml"]).contains(#"<svg xmlns="http://www.w3.org/2000/svg""#))
        #expect(try #require(entries["EPUB/episode-0003.xhtml"]).contains("<svg") == false)
        // Every segment links to its chapter's anchor in the same document.
        #expect(try #require(entries["EPUB/episode-0001.xhtml"]).contains(##"<a xlink:href="#chapter-2" class="timeline-segment">"##))
    }

    @Test func theOverviewListsEveryEpisodeInReadingOrder() throws {
        let (bytes, _) = try Book.write(ModelSamples.everyField)
        let entries = try Book.entries(bytes)
        let overview = try #require(entries["EPUB/overview.xhtml"])
        let links = ["episode-0001.xhtml", "episode-0002.xhtml", "episode-0003.xhtml"].map { overview.range(of: "href=\"\($0)\"")?.lowerBound }
        #expect(links.allSatisfy { $0 != nil })
        #expect(links.compactMap { $0 } == links.compactMap { $0 }.sorted())
        // Two small drawings: the third episode has no timed chapter.
        #expect(overview.components(separatedBy: "class=\"timeline-compact\"").count - 1 == 2)
        let package = try #require(entries["EPUB/package.opf"])
        #expect(package.contains(#"<itemref idref="title-page"/>"#) && package.contains(#"<itemref idref="overview"/>"#))
        #expect(package.range(of: #"idref="title-page""#)!.lowerBound < package.range(of: #"idref="overview""#)!.lowerBound)
    }

    @Test func noTimelineLeavesBothOut() throws {
        let (bytes, _) = try Book.write(ModelSamples.everyField, options: Book.fixedDate.merging(["no-timeline": "true"]) { $1 })
        let entries = try Book.entries(bytes)
        #expect(entries["EPUB/overview.xhtml"] == nil)
        #expect(!(try #require(entries["EPUB/package.opf"])).contains("properties=\"svg\""))
        // (The drawn cover is an SVG image of its own, not inline in a document.)
        #expect(!entries.contains { $0.key.hasSuffix(".xhtml") && $0.value.contains("<svg") })
        // And the book reads back the same either way.
        #expect(try Book.read(bytes).0 == ModelSamples.everyField)
    }
}
