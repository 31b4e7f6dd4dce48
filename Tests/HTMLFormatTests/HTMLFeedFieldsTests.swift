import Foundation
import QuireCore
import QuireTestSupport
import Testing

/// A podcast as feeds describe it, on a page: the show's author, artwork and categories, each
/// episode's audio, numbering and transcript, shown to people and read back exactly.
@Suite struct HTMLFeedFieldsTests {
    static let show = EpisodeCollection(
        title: "Subscriptions",
        channels: [
            Channel(
                title: "Night Shift", feedURL: "https://night.example/feed.xml", image: "https://night.example/art.jpg", author: "Ana & Ben",
                categories: ["Society & Culture/History", "News", "a, b", ""]),
            Channel(title: "No Links", author: "", categories: ["Arts"]),
        ],
        episodes: [
            Episode(
                title: "Lighthouses", channel: "Night Shift", language: "en", summary: "Keepers and lamps.",
                chapters: [Chapter(start: 0, title: "Cold open"), Chapter(start: 95, title: "The lamp")],
                entities: [Entity(name: "Ana", type: "Person", description: "", role: "host", url: "https://night.example/ana")],
                metadata: EpisodeMetadata(
                    guid: "night-12", enclosure: Enclosure(url: "https://cdn.night.example/12.m4a?src=feed&x=1", mediaType: "audio/x-m4a", length: 812_345),
                    image: "https://night.example/12.jpg", season: 1, number: 12, explicit: false,
                    transcriptLinks: [MediaLink(url: "https://night.example/12.json", mediaType: "application/json")]),
                transcript: Transcript(segments: [
                    TranscriptSegment(start: 0, end: 2_000, speaker: "Ana", text: "Good evening."),
                    TranscriptSegment(start: 95_500, end: 99_000, speaker: "Ben", text: "The lamp turns\nall night."),
                ])),
            Episode(title: "Trailer", channel: "No Links", metadata: EpisodeMetadata(number: 0, explicit: true), transcript: Transcript()),
        ])

    @Test func thePageReadsBackExactly() throws {
        let (html, writeDiagnostics) = try writeHTML(Self.show)
        #expect(writeDiagnostics.isEmpty)
        let (back, diagnostics) = try readHTML(html)
        #expect(back == Self.show, "\(firstDifference(back, Self.show))")
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
    }

    @Test func eachPageOfASiteReadsBackWithItsChannelsDetails() throws {
        let (files, _) = try writeSite(Self.show)
        let page = try readHTML(String(decoding: files[1].bytes, as: UTF8.self), name: files[1].path).0
        #expect(page.channels == [Self.show.channels[0]])
        #expect(page.episodes == [Self.show.episodes[0]])
        let index = try readHTML(String(decoding: files[0].bytes, as: UTF8.self), name: "index.html").0
        #expect(index.channels == Self.show.channels)
    }

    @Test func theShowAndTheEpisodeAreShownAsAListenerExpects() throws {
        let (html, _) = try writeHTML(Self.show)
        #expect(html.contains("<dt>Author</dt><dd class=\"channel-author\">Ana &amp; Ben</dd>"))
        #expect(
            html.contains("<dt>Categories</dt>\n<dd class=\"channel-category\">Society &amp; Culture/History</dd>\n<dd class=\"channel-category\">News</dd>"))
        #expect(
            html.contains(
                "<span class=\"episode-season\" data-season=\"1\">Season 1</span> · <span class=\"episode-number\" data-number=\"12\">Episode 12</span>"))
        #expect(
            html.contains(
                "<a href=\"https://cdn.night.example/12.m4a?src=feed&amp;x=1\">Listen</a> <span class=\"enclosure-details\">(audio/x-m4a, 812.3 kB)</span>"))
        #expect(html.contains("<span class=\"episode-number\" data-number=\"0\">Episode 0</span>"))
        #expect(html.contains("data-explicit=\"true\">Explicit</dd>"))
        // The transcript comes after the last chapter and before the people.
        let lastChapter = try #require(html.range(of: "id=\"e1-chapter-2\""))
        let transcript = try #require(html.range(of: "<details class=\"transcript\" id=\"e1-transcript\">"))
        let entities = try #require(html.range(of: "id=\"e1-entities\""))
        #expect(lastChapter.upperBound < transcript.lowerBound && transcript.upperBound < entities.lowerBound)
        #expect(html.contains("href=\"https://cdn.night.example/12.m4a?src=feed&amp;x=1#t=95.5\"><time datetime=\"PT1M35.5S\">01:35</time></a>"))
        // The contents lead to the transcript too, after the chapters.
        #expect(
            html.contains(
                "<li><a href=\"#e1-chapter-2\"><time datetime=\"PT1M35S\">01:35</time> The lamp</a></li>\n<li><a href=\"#e1-transcript\">Transcript</a></li>\n</ol>"
            ))
        // An empty transcript is still a (empty) section: the model tells it from no transcript.
        #expect(
            html.contains(
                "<details class=\"transcript\" id=\"e2-transcript\">\n<summary class=\"transcript-heading\">Transcript</summary>\n<ol class=\"transcript-segments\">\n</ol>\n</details>"
            ))
    }

    @Test func templatesGetTheTranscriptAndTheAudio() throws {
        let folder = try TemporaryDirectory()
        let episode = """
            <article class="episode" id="{{{id}}}"><h2 class="episode-title">{{{title}}}</h2>
            {{#metadata.enclosure}}<audio controls="" src="{{{href}}}"></audio>{{/metadata.enclosure}}
            {{#transcript}}<div class="mine">{{#segments}}<p>[{{{clock}}}] {{{speaker}}}: {{{text}}}</p>{{/segments}}</div>{{/transcript}}
            </article>

            """
        try Data(episode.utf8).write(to: folder.url.appendingPathComponent("episode.mustache"))
        let (html, _) = try writeHTML(Self.show, options: ["template": folder.url.path])
        #expect(html.contains("<audio controls=\"\" src=\"https://cdn.night.example/12.m4a?src=feed&amp;x=1\"></audio>"))
        #expect(html.contains("<div class=\"mine\"><p>[00:00] Ana: Good evening.</p><p>[01:35] Ben: The lamp turns\nall night.</p></div>"))
    }

    @Test(.enabled(if: ExternalTool.isAvailable("pandoc"), "needs pandoc (apt-get install pandoc)"))
    func pandocReadsTheTranscriptAndTheListenLink() throws {
        let (html, _) = try writeHTML(Self.show)
        let result = try ExternalTool.run("pandoc", ["-f", "html", "-t", "plain", "--wrap=none"], input: Data(html.utf8))
        #expect(result.status == 0, "\(result.error)")
        for text in ["Listen", "Season 1 · Episode 12", "Good evening.", "Ben The lamp turns", "Transcript"] {
            #expect(result.output.contains(text), "\(text) in \(result.output)")
        }
    }
}
