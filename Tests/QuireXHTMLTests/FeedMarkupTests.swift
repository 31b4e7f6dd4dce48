import QuireCore
import QuireXML
import Testing

@testable import QuireXHTML

/// The feed fields in the shared episode markup: what a reader of the page sees (season and number,
/// explicit, a Listen link, the transcript with time links into the audio) and that every field
/// reads back exactly, through both the XML parser (EPUB) and the HTML parser (HTML).
@Suite struct FeedMarkupTests {
    static let audio = Enclosure(url: "https://cdn.example.org/show/7.mp3", mediaType: "audio/mpeg", length: 31_457_280)

    static let episode = Episode(
        title: "Seven", language: "en",
        entities: [Entity(name: "Ada", type: "", description: "", role: "guest", url: "https://example.org/ada")],
        metadata: EpisodeMetadata(
            guid: "tag:example.org,2026:7", enclosure: audio, season: 3, number: 7, explicit: true,
            chaptersLink: MediaLink(url: "https://example.org/7.json", mediaType: "application/json+chapters"),
            transcriptLinks: [MediaLink(url: "https://example.org/7.srt", mediaType: "application/x-subrip", language: "de", rel: "captions")]),
        transcript: Transcript(segments: [
            TranscriptSegment(start: 0, end: 1_250, speaker: "Ada", text: "Hello."),
            TranscriptSegment(start: 61_040, end: 3_723_999, speaker: "", text: "  two\nlines, <tags> & \"quotes\"\r\n\tand a tab "),
            TranscriptSegment(start: 3_723_999, end: nil, speaker: nil, text: ""),
        ]))

    private func render(_ episode: Episode, collapsible: Bool = true) throws -> String {
        try EpisodeArticle.render(episode, channel: nil, idPrefix: "e1-", options: ArticleOptions(collapsibleTranscript: collapsible))
    }

    /// The article in a page, read back through the parser the format uses.
    private func readBack(_ article: String, asXHTML: Bool) throws -> ([Episode], Diagnostics) {
        var diagnostics = Diagnostics()
        if asXHTML {
            let document =
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head><body>\n"
                + article + "</body></html>"
            let input = InputFile(name: "e.xhtml", bytes: Array(document.utf8))
            let root = try SafeXMLParser.parse(input, prefix: "epub", keepingWhitespace: true)
            return (EpisodeArticle.readArticles(from: root, input: input, diagnostics: &diagnostics), diagnostics)
        }
        let document = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>t</title></head><body>\n" + article + "</body></html>"
        let input = InputFile(name: "e.html", bytes: Array(document.utf8))
        let root = try SafeHTMLParser.parse(input, prefix: "html").root
        return (EpisodeArticle.readArticles(from: root, input: input, diagnostics: &diagnostics), diagnostics)
    }

    @Test func aReaderSeesSeasonNumberRatingAndAListenLink() throws {
        let article = try render(Self.episode)
        #expect(
            article.contains(
                "<dd class=\"episode-numbering\"><span class=\"episode-season\" data-season=\"3\">Season 3</span> · <span class=\"episode-number\" data-number=\"7\">Episode 7</span></dd>"
            ))
        #expect(article.contains("<dd class=\"episode-explicit\" data-explicit=\"true\">Explicit</dd>"))
        #expect(article.contains("<a href=\"https://cdn.example.org/show/7.mp3\">Listen</a> <span class=\"enclosure-details\">(audio/mpeg, 31.5 MB)</span>"))
        #expect(article.contains("<span class=\"media-details\">(application/x-subrip · de · captions)</span>"))
        #expect(article.contains("<dd class=\"entity-role\">guest</dd>"))
        #expect(!article.contains("entity-empty"))

        var chinese = Self.episode
        chinese.language = "zh"
        chinese.metadata.number = nil
        chinese.metadata.explicit = false
        let zh = try render(chinese)
        #expect(zh.contains("<dd class=\"episode-numbering\"><span class=\"episode-season\" data-season=\"3\">第 3 季</span></dd>"))
        #expect(zh.contains("data-explicit=\"false\">无露骨内容</dd>"))
        #expect(zh.contains("<summary class=\"transcript-heading\">文字稿</summary>"))

        // A video is watched.
        var video = Self.episode
        video.metadata.enclosure = Enclosure(url: "https://cdn.example.org/7.mp4", mediaType: "video/mp4")
        #expect(try render(video).contains("<a href=\"https://cdn.example.org/7.mp4\">Watch</a> <span class=\"enclosure-details\">(video/mp4)</span>"))
    }

    @Test func transcriptTimesLinkIntoTheAudioWithAMediaFragment() throws {
        let article = try render(Self.episode)
        #expect(article.contains("<details class=\"transcript\" id=\"e1-transcript\">\n<summary class=\"transcript-heading\">Transcript</summary>"))
        #expect(
            article.contains(
                "<li class=\"transcript-segment\" data-start=\"61040\" data-end=\"3723999\"><a class=\"segment-time\" href=\"https://cdn.example.org/show/7.mp3#t=61.04\"><time datetime=\"PT1M1.04S\">01:01</time></a> <span class=\"segment-speaker\"></span> <span class=\"segment-text\">  two\nlines, &lt;tags&gt; &amp; &quot;quotes&quot;&#13;\n\tand a tab </span></li>"
            ))
        #expect(article.contains("href=\"https://cdn.example.org/show/7.mp3#t=3723.999\"><time datetime=\"PT1H2M3.999S\">1:02:03</time>"))

        // Without audio, or with an address a browser must not follow, the time is not a link.
        for enclosure in [nil, Enclosure(url: "javascript:alert(1)")] {
            var episode = Self.episode
            episode.metadata.enclosure = enclosure
            let plain = try render(episode)
            #expect(plain.contains("<time class=\"segment-time\" datetime=\"PT0S\">00:00</time> <span class=\"segment-speaker\">Ada</span>"))
            #expect(!plain.contains("<a class=\"segment-time\""))
            #expect(!plain.contains("href=\"javascript:"))
        }
    }

    @Test func anEBookGetsASectionWithAHeadingInsteadOfDetails() throws {
        let article = try render(Self.episode, collapsible: false)
        #expect(
            article.contains(
                "<section class=\"transcript\" id=\"e1-transcript\">\n<h3 class=\"transcript-heading\">Transcript</h3>\n<ol class=\"transcript-segments\">"))
        #expect(!article.contains("<details"))
        #expect(EpisodeArticle.transcriptID(idPrefix: "e1-") == "e1-transcript")
    }

    @Test(arguments: [true, false])
    func everyFeedFieldReadsBackExactly(asXHTML: Bool) throws {
        var cases = [Self.episode]
        var empty = Self.episode
        empty.transcript = Transcript(segments: [])
        empty.metadata = EpisodeMetadata(enclosure: Enclosure(url: "javascript:x", mediaType: "", length: 0), number: 0, explicit: false)
        cases.append(empty)
        var negative = Self.episode
        negative.transcript = Transcript(segments: [TranscriptSegment(start: -500, end: -1, speaker: "Who?", text: "before the start")])
        negative.entities = [Entity(name: "Bare", type: "", description: "", role: "", url: "")]
        cases.append(negative)
        var none = Self.episode
        none.transcript = nil
        cases.append(none)
        for (index, episode) in cases.enumerated() {
            for collapsible in [true, false] {
                let (back, diagnostics) = try readBack(try render(episode, collapsible: collapsible), asXHTML: asXHTML)
                #expect(back == [episode], "case \(index), collapsible \(collapsible)")
                #expect(diagnostics.isEmpty, "\(diagnostics.all)")
            }
        }
    }

    @Test func attributesQuireCannotReadAreReportedWithTheirLine() throws {
        let article = """
            <article class="episode">
            <h2 class="episode-title">Edited</h2>
            <dl class="episode-metadata">
            <dt>Series</dt><dd class="episode-numbering"><span class="episode-season" data-season="two">Season two</span></dd>
            <dt>Rating</dt><dd class="episode-explicit" data-explicit="maybe">Maybe</dd>
            </dl>
            <details class="transcript"><ol>
            <li class="transcript-segment" data-start="soon" data-end="9000"><span class="segment-text">Still kept.</span></li>
            </ol></details>
            </article>

            """
        let (episodes, diagnostics) = try readBack(article, asXHTML: true)
        #expect(episodes.first?.metadata.season == nil)
        #expect(episodes.first?.metadata.explicit == nil)
        #expect(episodes.first?.transcript == Transcript(segments: [TranscriptSegment(start: 0, end: 9000, text: "Still kept.")]))
        #expect(diagnostics.all.map(\.id) == ["html.number", "html.explicit", "html.number"])
        // Lines of the document: the article starts on its third.
        #expect(diagnostics.all.map { $0.location?.line } == [6, 7, 10])
        #expect(diagnostics.all.allSatisfy { $0.location?.file == "e.xhtml" })
    }

    @Test func sizesTimesAndFragmentsAreSpelledAsPeopleAndBrowsersExpect() {
        #expect(FeedMarkup.byteCount(999) == "999 B")
        #expect(FeedMarkup.byteCount(1_500) == "1.5 kB")
        #expect(FeedMarkup.byteCount(49_201_152) == "49.2 MB")
        #expect(FeedMarkup.byteCount(2_000_000_000) == "2.0 GB")
        #expect(FeedMarkup.isoDuration(milliseconds: 0) == "PT0S")
        #expect(FeedMarkup.isoDuration(milliseconds: 4_500) == "PT4.5S")
        #expect(FeedMarkup.isoDuration(milliseconds: 60_000) == "PT1M")
        #expect(FeedMarkup.isoDuration(milliseconds: 3_723_040) == "PT1H2M3.04S")
        #expect(FeedMarkup.isoDuration(milliseconds: -1) == nil)
        #expect(FeedMarkup.seconds(milliseconds: 12_000) == "12")
        #expect(FeedMarkup.seconds(milliseconds: 4_050) == "4.05")
        #expect(FeedMarkup.clock(milliseconds: 3_599_999) == "59:59")
        #expect(FeedMarkup.audioLink(Enclosure(url: "https://a.example/x.mp3#start"), milliseconds: 1_500) == "https://a.example/x.mp3#t=1.5")
        #expect(FeedMarkup.audioLink(Enclosure(url: "https://a.example/x.mp3?a=1&b=2"), milliseconds: 0) == "https://a.example/x.mp3?a=1&amp;b=2#t=0")
        #expect(FeedMarkup.audioLink(Enclosure(url: "javascript:alert(1)"), milliseconds: 0) == nil)
        #expect(FeedMarkup.audioLink(Self.audio, milliseconds: -1) == nil)
        #expect(FeedMarkup.enclosureDetails(Enclosure(url: "u")) == nil)
        #expect(FeedMarkup.linkDetails(MediaLink(url: "u", mediaType: "text/vtt", language: "", rel: "captions")) == "text/vtt · captions")
    }
}
