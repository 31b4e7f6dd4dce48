import Foundation
import PropertyBased
import QuireCore
import QuireTestSupport
import QuireTimedText
import Testing

@testable import QuireRSS

private func write(_ collection: EpisodeCollection, options: [String: String] = ["date": "1700000000"]) throws -> (String, Diagnostics) {
    var diagnostics = Diagnostics()
    let bytes = try RSSWriter().write(collection, options: ConversionOptions(options), diagnostics: &diagnostics)
    return (String(decoding: bytes, as: UTF8.self), diagnostics)
}

private func roundTrip(_ collection: EpisodeCollection) throws -> (back: EpisodeCollection, writeDiagnostics: Diagnostics) {
    let (text, diagnostics) = try write(collection)
    return (try readFeed(InputFile(name: "written.rss", bytes: Array(text.utf8))).0, diagnostics)
}

/// Everything a feed can carry: one channel, no collection title or preamble, no transcript text.
private func carryable(_ collection: EpisodeCollection) -> EpisodeCollection {
    var result = collection
    result.title = nil
    result.preamble = []
    var channel = collection.channels.first ?? Channel(title: "Feed")
    // RSS requires a channel description: an empty one and none are written alike.
    if channel.description?.isEmpty == true { channel.description = nil }
    result.channels = [channel]
    for index in result.episodes.indices {
        result.episodes[index].channel = channel.title
        result.episodes[index].transcript = nil
    }
    return result
}

@Suite struct RSSWriterTests {
    @Test func everyFieldSampleMatchesGolden() throws {
        let (text, _) = try write(ModelSamples.everyField)
        try Golden.expect(text, matches: "Tests/RSSFormatTests/Fixtures/everyField.golden.rss")
    }

    @Test func everyFieldSampleReadsBackWithOnlyTheAnnouncedLosses() throws {
        let (back, diagnostics) = try roundTrip(ModelSamples.everyField)
        var expected = ModelSamples.everyField
        expected.title = nil
        expected.preamble = []
        for index in expected.episodes.indices { expected.episodes[index].transcript = nil }
        #expect(back == expected)
        #expect(ids(diagnostics) == ["rss.loss.title", "rss.loss.preamble", "rss.loss.episode", "rss.loss.episode"])
        #expect(diagnostics.all.filter { $0.id == "rss.loss.episode" }.allSatisfy { $0.message.contains(": transcript will not read back exactly") })
    }

    @Test func whatAFeedCarriesRoundTripsExactlyWithoutAWarning() throws {
        let model = carryable(ModelSamples.everyField)
        let (back, diagnostics) = try roundTrip(model)
        #expect(back == model)
        #expect(diagnostics.isEmpty)
    }

    @Test func generatedModelsRoundTripExactlyInWhatAFeedCarries() async throws {
        await propertyCheck(count: 80, input: Gen.int(in: 0...Int.max)) { seed in
            var generator = ModelGenerator(seed: UInt64(seed))
            let model = carryable(generator.collection())
            do {
                let (back, diagnostics) = try roundTrip(model)
                #expect(back == model, "seed \(seed)")
                #expect(diagnostics.isEmpty, "seed \(seed): \(diagnostics.all)")
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }

    @Test func theSameModelWritesTheSameBytes() throws {
        #expect(try write(ModelSamples.everyField).0 == (try write(ModelSamples.everyField)).0)
        // Without a date setting there is no build date: the output depends on the model alone.
        let (undated, _) = try write(ModelSamples.everyField, options: [:])
        #expect(!undated.contains("lastBuildDate"))
    }

    @Test func feedTagsPodcastAppsRead() throws {
        let (text, _) = try write(ModelSamples.everyField)
        for fragment in [
            "<itunes:duration>1:08:20</itunes:duration>", "<itunes:season>2</itunes:season>", "<itunes:episode>42</itunes:episode>",
            "<itunes:explicit>false</itunes:explicit>", "<guid isPermaLink=\"false\">kitchen-physics-42</guid>",
            "<pubDate>Thu, 21 May 2026 00:00:00 GMT</pubDate>",
            "<enclosure url=\"https://cdn.example.org/kitchen/42.mp3\" length=\"49201152\" type=\"audio/mpeg\"/>",
            "<podcast:person role=\"host\" href=\"https://example.org/people/maya\">Maya Ortiz</podcast:person>",
            "<psc:chapter start=\"00:01:36\" title=\"Steam – the hidden lever\"/>",
            "<podcast:transcript url=\"https://example.org/kitchen/42.vtt\" type=\"text/vtt\" language=\"en\" rel=\"captions\"/>",
            "<itunes:category text=\"Arts\">\n      <itunes:category text=\"Food\"/>", "<source>역사 산책</source>",
            "<atom:link href=\"https://example.org/kitchen.xml\" rel=\"self\" type=\"application/rss+xml\"/>",
        ] {
            #expect(text.contains(fragment), "missing \(fragment)")
        }
    }

    @Test func aBaseURLPublishesChaptersFilesNextToTheFeed() throws {
        var diagnostics = Diagnostics()
        let options = ConversionOptions(["feed-base-url": "https://example.org/feed/", "date": "0"])
        let writer = RSSWriter()
        #expect(writer.writesFolder(options: options))
        #expect(!writer.writesFolder(options: ConversionOptions()))
        var model = carryable(ModelSamples.everyField)
        model.episodes[0].metadata.chaptersLink = nil
        let files = try #require(try writer.writeFolder(model, options: options, diagnostics: &diagnostics))
        #expect(files.map(\.path) == ["feed.rss", "chapters/1.json", "chapters/2.json"])
        #expect(diagnostics.isEmpty)
        let feed = String(decoding: files[0].bytes, as: UTF8.self)
        #expect(feed.contains("<podcast:chapters url=\"https://example.org/feed/chapters/1.json\" type=\"application/json+chapters\"/>"))
        // The file reads back into the episode's timed chapters, as the reader reads chapters files.
        let chapters = try FeedAttachments.jsonChapters(InputFile(name: "1.json", bytes: files[1].bytes)).get()
        #expect(chapters == model.episodes[0].chapters.map { Chapter(start: $0.start, title: $0.title) })
        // The folder reads back: the feed takes its chapters from its articles, the links from the tags.
        let folder = try TemporaryFolder()
        try FileIO.writeFolder(files, under: folder.url.path)
        let (back, _) = try readFeed(InputFile(name: folder.path("feed.rss"), bytes: files[0].bytes))
        #expect(back.episodes[0].chapters == model.episodes[0].chapters)
        #expect(back.episodes[0].metadata.chaptersLink?.url == "https://example.org/feed/chapters/1.json")
    }

    @Test func aBaseURLPublishesTranscriptsAsPodcastingJSONAndTheArticleLeavesThemOut() throws {
        var diagnostics = Diagnostics()
        let options = ConversionOptions(["feed-base-url": "https://example.org/feed", "date": "0"])
        var model = carryable(ModelSamples.everyField)
        let transcript = try #require(ModelSamples.everyField.episodes[0].transcript)
        model.episodes[0].transcript = transcript
        model.episodes[0].metadata.transcriptLinks = []
        let files = try #require(try RSSWriter().writeFolder(model, options: options, diagnostics: &diagnostics))
        #expect(files.map(\.path).contains("transcripts/1.json"))
        // Episodes that publish their own transcript links keep them and get no file.
        #expect(!files.map(\.path).contains("transcripts/2.json"))
        let feed = String(decoding: files[0].bytes, as: UTF8.self)
        #expect(feed.contains("<podcast:transcript url=\"https://example.org/feed/transcripts/1.json\" type=\"application/json\" language=\"en\"/>"))
        // The item's article is the summary; the transcript's text is in the linked file only.
        #expect(!feed.contains("Welcome to Kitchen Physics."))
        let file = try #require(files.first { $0.path == "transcripts/1.json" })
        var fileDiagnostics = Diagnostics()
        let back = try TimedText.read(InputFile(name: file.path, bytes: file.bytes), as: .json, diagnostics: &fileDiagnostics)
        #expect(back.transcript == transcript)
    }

    @Test func chaptersJSONEscapesTitles() throws {
        let bytes = ChaptersJSON.document([Chapter(start: 5, title: "Say \"hi\"\\\n\u{1}")])
        let chapters = try FeedAttachments.jsonChapters(InputFile(name: "c.json", bytes: bytes)).get()
        #expect(chapters == [Chapter(start: 5, title: "Say \"hi\"\\\n\u{1}".trimmingWhitespace())])
    }

    /// Python's feedparser, which most podcast tooling builds on, reads the feed without complaint
    /// (its `bozo` flag stays 0) and finds the titles, enclosures and guids.
    @Test(.enabled(if: ExternalTool.isAvailable("python3", probe: ["-c", "import feedparser"]), "needs Python's feedparser (pip install feedparser)"))
    func feedparserReadsTheFeed() throws {
        let (text, _) = try write(ModelSamples.everyField)
        let script = """
            import sys, feedparser
            d = feedparser.parse(sys.stdin.buffer.read())
            print(int(d.bozo), d.feed.title, d.version)
            for e in d.entries:
                print(e.title, '|', e.get('id', ''), '|', ' '.join(l.href for l in e.get('enclosures', [])), '|', e.get('itunes_duration', ''))
            """
        let result = try ExternalTool.run("python3", ["-c", script], input: Data(text.utf8))
        #expect(result.status == 0, "\(result.error)")
        #expect(
            result.output.split(separator: "\n").map(String.init) == [
                "0 Kitchen Physics rss20",
                "Why Bread Rises: Yeast & Steam | kitchen-physics-42 | https://cdn.example.org/kitchen/42.mp3 | 1:08:20",
                "面包为什么会膨胀 | urn:uuid:5b1f0c1e-7a0e-4a57-9f0a-3c1d2e4f5a6b |  | ",
                "조선의 시간 |  |  | ",
            ])
    }
}
