import Foundation
import QuireCore
import QuireTestSupport
import Testing

/// A podcast's feed fields in a book: the show's author, artwork and categories on the title page,
/// each episode's audio, numbering and transcript in its document, the transcript in the contents;
/// read back exactly and clean under epubcheck.
@Suite struct EPUBFeedFieldsTests {
    static func segments(_ count: Int) -> [TranscriptSegment] {
        (0..<count).map { index in
            TranscriptSegment(
                start: index * 4_250, end: index.isMultiple(of: 5) ? nil : index * 4_250 + 4_000, speaker: ["Ana", "Ben", "민지"][index % 3],
                text: index.isMultiple(of: 7) ? "Line \(index) & <more>\nsecond line" : "Line \(index).")
        }
    }

    static let show = EpisodeCollection(
        channels: [
            Channel(
                title: "Night Shift", siteURL: "https://night.example", image: "https://night.example/art.jpg", author: "Ana\tBen",
                categories: ["Society & Culture/History", "multi\nline", "", "a, b"]),
            Channel(title: "밤 근무", image: "not a web address", author: "", categories: ["기술"]),
        ],
        episodes: [
            Episode(
                title: "Lighthouses", channel: "Night Shift", language: "en", summary: "Keepers and lamps.",
                chapters: [Chapter(start: 0, title: "Cold open"), Chapter(start: 95, title: "The lamp")],
                entities: [Entity(name: "Ana", type: "Person", description: "Keeper.", role: "host", url: "https://night.example/ana")],
                metadata: EpisodeMetadata(
                    duration: 1_300, guid: "night-12",
                    enclosure: Enclosure(url: "https://cdn.night.example/12.mp3", mediaType: "audio/mpeg", length: 20_000_000),
                    image: "https://night.example/12.jpg", season: 1, number: 12, explicit: false,
                    chaptersLink: MediaLink(url: "https://night.example/12/chapters.json", mediaType: "application/json+chapters"),
                    transcriptLinks: [MediaLink(url: "https://night.example/12.vtt", mediaType: "text/vtt", language: "en", rel: "captions")]),
                transcript: Transcript(segments: segments(300))),
            Episode(
                title: "등대", channel: "밤 근무", language: "ko", metadata: EpisodeMetadata(number: 3, explicit: true),
                transcript: Transcript(segments: [TranscriptSegment(start: 1_000, end: 2_500, speaker: "민지", text: "안녕하세요.")])),
            Episode(title: "No transcript", channel: "Night Shift", language: "en", chapters: [Chapter(start: nil, title: "Only part")]),
        ])

    @Test func theBookReadsBackExactly() throws {
        let (bytes, writeDiagnostics) = try Book.write(Self.show)
        #expect(writeDiagnostics.isEmpty, "\(writeDiagnostics.all)")
        let (back, diagnostics) = try Book.read(bytes)
        #expect(back == Self.show, "\(firstDifference(back, Self.show) ?? "")")
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
    }

    @Test func theTranscriptIsASectionOfItsEpisodeAndHasAContentsEntry() throws {
        let entries = try Book.entries(try Book.write(Self.show).0)
        let first = try #require(entries["EPUB/episode-0001.xhtml"])
        #expect(first.contains("<section class=\"transcript\" id=\"transcript\">\n<h3 class=\"transcript-heading\">Transcript</h3>"))
        #expect(!first.contains("<details"))
        #expect(
            first.contains(
                "<li class=\"transcript-segment\" data-start=\"97750\" data-end=\"101750\"><a class=\"segment-time\" href=\"https://cdn.night.example/12.mp3#t=97.75\"><time datetime=\"PT1M37.75S\">01:37</time></a> <span class=\"segment-speaker\">민지</span> <span class=\"segment-text\">Line 23.</span></li>"
            ))
        // After the chapters, in the document and in both tables of contents.
        #expect(try #require(first.range(of: "id=\"chapter-2\"")).upperBound < (try #require(first.range(of: "id=\"transcript\""))).lowerBound)
        let nav = try #require(entries["EPUB/nav.xhtml"])
        #expect(
            nav.contains(
                "<li><a href=\"episode-0001.xhtml#chapter-2\">01:35 The lamp</a></li>\n<li><a href=\"episode-0001.xhtml#transcript\">Transcript</a></li>\n</ol>"
            ))
        // An episode with a transcript but no chapters gets a level of its own for it; one without, none.
        #expect(nav.contains("<li><a href=\"episode-0002.xhtml\">등대</a>\n<ol>\n<li><a href=\"episode-0002.xhtml#transcript\">Transcript</a></li>\n</ol>"))
        #expect(!nav.contains("episode-0003.xhtml#transcript"))
        #expect(try #require(entries["EPUB/toc.ncx"]).contains("<text>Transcript</text></navLabel><content src=\"episode-0002.xhtml#transcript\"/>"))
        // The episode labels its own parts in its language.
        #expect(try #require(entries["EPUB/episode-0002.xhtml"]).contains("<h3 class=\"transcript-heading\">대본</h3>"))
    }

    @Test func theTitlePageShowsTheShowAndRecordsItExactly() throws {
        let title = try #require(try Book.entries(try Book.write(Self.show).0)["EPUB/title.xhtml"])
        #expect(title.contains("data-quire-image=\"https://night.example/art.jpg\" data-quire-author=\"Ana&#9;Ben\""))
        #expect(title.contains("<a class=\"channel-image\" href=\"https://night.example/art.jpg\">artwork</a>"))
        #expect(title.contains("<span class=\"channel-category\" data-quire-category=\"multi&#10;line\">multi\nline</span>"))
        // An address that is not a web address is recorded, not linked.
        #expect(title.contains("data-quire-image=\"not a web address\""))
        #expect(!title.contains("href=\"not a web address\""))
    }

    @Test(.enabled(if: EPUBCheck.isAvailable, "epubcheck (apt package epubcheck) or java is not installed"))
    func epubcheckFindsNothing() throws {
        let (bytes, _) = try Book.write(Self.show)
        #expect(try EPUBCheck.problems(bytes) == [])
    }
}
