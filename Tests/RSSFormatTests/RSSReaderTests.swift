import Foundation
import QuireCore
import QuireTestSupport
import Testing

@testable import QuireRSS

func readFeed(_ input: InputFile, reader: RSSReader = RSSReader()) throws -> (EpisodeCollection, Diagnostics) {
    var diagnostics = Diagnostics()
    let collection = try reader.read(input, options: ConversionOptions(), diagnostics: &diagnostics)
    return (collection, diagnostics)
}

func readFixture(_ name: String, reader: RSSReader = RSSReader()) throws -> (EpisodeCollection, Diagnostics) {
    try readFeed(Fixtures.input("Tests/RSSFormatTests/Fixtures/\(name)"), reader: reader)
}

/// The failure's diagnostics, as `file:line:column: error: message [id]`.
func failure(_ input: InputFile) -> [Diagnostic] {
    do {
        _ = try readFeed(input)
        Issue.record("expected the read to fail")
    } catch let failure as ConversionFailure {
        return failure.diagnostics
    } catch {
        Issue.record("unexpected \(error)")
    }
    return []
}

func ids(_ diagnostics: Diagnostics) -> [String] { diagnostics.all.map(\.id.rawValue) }

/// Feeds in the shapes podcast hosts publish, written for these tests, each read into an exact model.
@Suite struct HostFeedTests {
    @Test func libsynStyleFeed() throws {
        let (feed, diagnostics) = try readFixture("libsyn.rss")
        #expect(
            feed.channels == [
                Channel(
                    title: "The Tide Pool Hour", feedURL: "https://tidepoolhour.libsyn.com/rss", siteURL: "https://tidepoolhour.com",
                    description: "Marine biologists walk the rocky shore at low tide.",
                    image: "https://static.libsyn.com/p/assets/tidepool/cover-3000.jpg", author: "Rosa Delgado",
                    categories: ["Science/Nature", "Science/Life Sciences", "Education"])
            ])
        #expect(feed.title == nil)
        #expect(
            feed.episodes == [
                Episode(
                    title: "Anemones & the Art of Waiting", channel: "The Tide Pool Hour", language: "en",
                    summary: "Why a sea anemone can sit still for decades.\n\nChapters:",
                    chapters: [
                        Chapter(start: 0, title: "Cold open"), Chapter(start: 135, title: "What an anemone eats"),
                        Chapter(start: 1120, title: "Clones on the rocks"), Chapter(start: 3725, title: "Listener questions"),
                    ],
                    metadata: EpisodeMetadata(
                        url: "https://tidepoolhour.libsyn.com/anemones-the-art-of-waiting", published: "2024-09-03T10:00:00Z", duration: 3871,
                        guid: "8c5e2d9a-41f0-4b7e-9d0e-0a1b2c3d4e5f",
                        enclosure: Enclosure(
                            url: "https://traffic.libsyn.com/secure/tidepool/TPH_012.mp3?dest-id=1234", mediaType: "audio/mpeg", length: 61_934_592),
                        image: "https://static.libsyn.com/p/assets/tidepool/ep12.jpg", season: 2, number: 12, explicit: false,
                        extra: [
                            MetadataField(key: "itunes:keywords", value: "anemone,cnidaria"),
                            MetadataField(key: "itunes:subtitle", value: "Why a sea anemone can sit still for decades."),
                            MetadataField(key: "itunes:episodeType", value: "full"),
                        ])),
                Episode(
                    title: "Trailer", channel: "The Tide Pool Hour", language: "en", summary: "A two-minute taste of the show.",
                    metadata: EpisodeMetadata(
                        url: "https://tidepoolhour.libsyn.com/trailer", published: "2024-08-05T09:30:00Z", duration: 128,
                        guid: "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
                        enclosure: Enclosure(url: "https://traffic.libsyn.com/secure/tidepool/TPH_trailer.mp3", mediaType: "audio/mpeg", length: 2_097_152),
                        explicit: false, extra: [MetadataField(key: "itunes:episodeType", value: "trailer")])),
            ])
        // Channel-level elements Quire has no field for are each named once, as notes.
        #expect(diagnostics.all.allSatisfy { $0.severity == .note })
        #expect(diagnostics.contains { $0.id == "rss.element.ignored" && $0.message.contains("<itunes:owner>") && $0.location?.line == 29 })
    }

    @Test func anchorStyleFeedWithTimestampLinesInTheShowNotes() throws {
        let (feed, diagnostics) = try readFixture("anchor.rss")
        #expect(feed.channels.map(\.title) == ["Night Shift Linguistics"])
        #expect(feed.channels[0].categories == ["Society & Culture"])
        #expect(feed.channels[0].author == "Jun Park and Ilse Berg")
        #expect(
            feed.episodes == [
                Episode(
                    title: "Ep. 7 – Why \"literally\" means figuratively", channel: "Night Shift Linguistics", language: "en",
                    summary:
                        "We read old dictionaries so you don't have to.\n\n---\n\nSend in a voice message: https://podcasters.spotify.com/pod/show/nightshiftling/message",
                    chapters: [
                        Chapter(start: 0, title: "Hello again"), Chapter(start: 221, title: "The 1769 complaint"),
                        Chapter(start: 1625, title: "What the corpus says"),
                    ],
                    metadata: EpisodeMetadata(
                        url: "https://podcasters.spotify.com/pod/show/nightshiftling/episodes/Ep--7-e2abc12", published: "2024-10-11T04:00:00Z",
                        duration: 2472, guid: "5d2f3c4b-7e8a-4b1c-9f00-112233445566",
                        // Anchor writes length="0": the size is unknown.
                        enclosure: Enclosure(
                            url: "https://anchor.fm/s/abc123/podcast/play/91234567/https%3A%2F%2Fd3ctxlq1ktw2nl.cloudfront.net%2Fstaging%2F2024-9-11%2Fep7.mp3",
                            mediaType: "audio/mpeg"),
                        image: "https://d3t3ozftmdmh3i.cloudfront.net/staging/podcast_uploaded_episode/123/ep7.jpg", season: 1, number: 7, explicit: true,
                        extra: [MetadataField(key: "dc:creator", value: "Jun Park and Ilse Berg"), MetadataField(key: "itunes:episodeType", value: "full")]))
            ])
        // Anchor's channel <author> is not RSS 2.0; it is named, not read.
        #expect(diagnostics.contains { $0.id == "rss.element.ignored" && $0.message.contains("<author>") })
    }

    @Test func buzzsproutStyleFeedWithTranscriptsAndPeople() throws {
        let (feed, _) = try readFixture("buzzsprout.rss")
        #expect(feed.channels[0].categories == ["Leisure/Home & Garden"])
        #expect(feed.channels[0].image == "https://storage.buzzsprout.com/variants/abc/artwork.jpg")
        let episode = try #require(feed.episodes.first)
        #expect(feed.episodes.count == 1)
        #expect(episode.summary == "Dr. Amara Osei explains why bare soil is losing soil.\n\n- Clover versus rye\n- When to mow")
        #expect(episode.language == "en-us")
        #expect(
            episode.metadata
                == EpisodeMetadata(
                    published: "2024-11-14T12:00:00Z", duration: 2742, guid: "Buzzsprout-16012345",
                    enclosure: Enclosure(
                        url: "https://www.buzzsprout.com/2201234/episodes/16012345-soil-you-can-eat.mp3", mediaType: "audio/mpeg", length: 43_876_512),
                    number: 31, explicit: false,
                    chaptersLink: MediaLink(url: "https://www.buzzsprout.com/2201234/16012345/chapters.json", mediaType: "application/json"),
                    transcriptLinks: [
                        MediaLink(url: "https://www.buzzsprout.com/2201234/16012345/transcript", mediaType: "text/html"),
                        MediaLink(url: "https://www.buzzsprout.com/2201234/16012345/transcript.json", mediaType: "application/json"),
                        MediaLink(url: "https://www.buzzsprout.com/2201234/16012345/transcript.srt", mediaType: "application/x-subrip", rel: "captions"),
                    ],
                    extra: [MetadataField(key: "itunes:author", value: "Hollis Grange"), MetadataField(key: "itunes:episodeType", value: "full")]))
        #expect(
            episode.entities == [
                Entity(name: "Hollis Grange", type: "Person", description: "", role: "host", url: "https://smallfarmbigsky.com/about"),
                Entity(name: "Amara Osei", type: "Person", description: "", role: "guest"),
            ])
        // The chapters file is not on disk and the notes have no timestamps: no chapters, no guessing.
        #expect(episode.chapters.isEmpty)
    }

    @Test func transistorStyleFeedTakesChaptersFromTheFetchedChaptersFile() throws {
        let folder = try TemporaryFolder()
        let feedPath = folder.path("build-log.rss")
        try FileManager.default.copyItem(at: Fixtures.url("Tests/RSSFormatTests/Fixtures/transistor.rss"), to: URL(fileURLWithPath: feedPath))
        let chaptersPath = FeedFolder.attachmentPath(
            forFeedAt: feedPath, url: "https://share.transistor.fm/s/a9b8c7d6/chapters.json", mediaType: "application/json+chapters")
        try FileManager.default.createDirectory(atPath: FeedFolder.attachmentsFolder(forFeedAt: feedPath), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.url("Tests/RSSFormatTests/Fixtures/transistor-chapters.json"), to: URL(fileURLWithPath: chaptersPath))

        let (feed, _) = try readFeed(InputFile(name: feedPath, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: feedPath)))))
        let episode = try #require(feed.episodes.first)
        #expect(
            episode.chapters == [
                Chapter(start: 0, title: "Welcome back"), Chapter(start: 95, title: "Why offline at all"), Chapter(start: 842, title: "The queue on disk"),
                Chapter(start: 2010, title: "What we would do again"),
            ])
        #expect(episode.summary == "Sync conflicts, a queue on disk, and one very long weekend.")
        #expect(episode.metadata.season == 3)
        #expect(episode.metadata.number == 41)
        #expect(episode.metadata.chaptersLink == MediaLink(url: "https://share.transistor.fm/s/a9b8c7d6/chapters.json", mediaType: "application/json+chapters"))
        #expect(
            episode.metadata.transcriptLinks == [
                MediaLink(url: "https://share.transistor.fm/s/a9b8c7d6/transcript.vtt", mediaType: "text/vtt", language: "en", rel: "captions"),
                MediaLink(url: "https://share.transistor.fm/s/a9b8c7d6/transcript.json", mediaType: "application/json"),
            ])
        #expect(
            episode.entities == [
                Entity(name: "Priya Natarajan", type: "Person", description: "", role: "host", url: "https://buildlog.fm/priya"),
                Entity(name: "Tomás Ruiz", type: "Person", description: "", role: "host"),
            ])
        #expect(feed.channels[0].categories == ["Technology", "Business/Entrepreneurship"])
        #expect(feed.channels[0].feedURL == "https://feeds.transistor.fm/build-log")
    }

    @Test func transistorStyleFeedWithoutItsChaptersFileHasNoChapters() throws {
        let (feed, _) = try readFixture("transistor.rss")
        #expect(feed.episodes[0].chapters.isEmpty)
    }

    @Test func podloveStyleFeedWithSimpleChapters() throws {
        let (feed, _) = try readFixture("podlove.rss")
        #expect(
            feed.channels[0]
                == Channel(
                    title: "Sternenstaub", feedURL: "https://sternenstaub.example.de/feed/mp3/", siteURL: "https://sternenstaub.example.de",
                    description: "Ein Gespräch über Astronomie, jede zweite Woche.",
                    image: "https://sternenstaub.example.de/wp-content/cache/podlove/cover.jpg",
                    author: "Lena Hofmann", categories: ["Science/Astronomy"]))
        let episode = try #require(feed.episodes.first)
        #expect(
            episode.chapters == [
                Chapter(start: 0, title: "Intro"), Chapter(start: 72, title: "Begrüßung"), Chapter(start: 588, title: "Was ist analoge Gravitation?"),
                Chapter(start: 5700, title: "Ausblick & Hörerpost"),
            ])
        #expect(episode.title == "STS042 Schwarze Löcher im Labor")
        #expect(episode.language == "de-DE")
        #expect(episode.metadata.duration == 6137)
        #expect(episode.metadata.published == "2025-02-15T18:00:00Z")
        #expect(episode.metadata.transcriptLinks == [MediaLink(url: "https://sternenstaub.example.de/podlove/transcript/412.vtt", mediaType: "text/vtt")])
        #expect(
            episode.entities == [
                Entity(name: "Lena Hofmann", type: "Person", description: "", role: "host", url: "https://sternenstaub.example.de/team/lena"),
                Entity(name: "Dr. Jonas Brandt", type: "Person", description: "", role: "guest"),
            ])
    }

    @Test func atomFeedResolvesRelativeLinksAgainstXMLBase() throws {
        let (feed, _) = try readFixture("atom.atom")
        #expect(
            feed.channels == [
                Channel(
                    title: "Garden Radio", feedURL: "https://radio.example.net/shows/garden/feed.atom", siteURL: "https://radio.example.net/shows/garden/",
                    description: "Notes from an allotment.",
                    image: "https://radio.example.net/shows/garden/art/cover.png", author: "Edith Marsh", categories: ["Gardening"])
            ])
        #expect(
            feed.episodes == [
                Episode(
                    title: "Slugs versus Beer Traps", channel: "Garden Radio", summary: "Does the old trick work? We counted.",
                    chapters: [Chapter(start: 0, title: "Welcome"), Chapter(start: 270, title: "The experiment"), Chapter(start: 1142, title: "Results")],
                    metadata: EpisodeMetadata(
                        url: "https://radio.example.net/shows/garden/episodes/9", published: "2024-06-02T07:00:00Z", duration: 3753,
                        guid: "tag:radio.example.net,2024:garden/episode-9",
                        enclosure: Enclosure(url: "https://radio.example.net/media/garden-09.ogg", mediaType: "audio/ogg", length: 18_432_000))),
                Episode(
                    title: "Seed Swaps", channel: "Garden Radio", summary: "Where to trade tomato seeds.",
                    metadata: EpisodeMetadata(
                        url: "https://radio.example.net/shows/garden/episodes/8", published: "2024-05-19T08:00:00Z",
                        guid: "tag:radio.example.net,2024:garden/episode-8")),
            ])
    }

    @Test func latin1FeedIsDecodedByItsDeclaration() throws {
        let (feed, _) = try readFixture("latin1.rss")
        #expect(feed.channels[0].title == "Café Crème")
        #expect(feed.channels[0].description == "Causeries à la française.")
        #expect(feed.episodes[0].title == "Épisode 1 : le goût")
        #expect(feed.episodes[0].metadata.published == "2024-09-02T06:00:00Z")
        #expect(feed.episodes[0].language == "fr")
        // A guid that is not an address is not the episode's page.
        #expect(feed.episodes[0].metadata.url == nil)
    }
}

/// What happens with each problem real feeds have (docs/rss-format.md, "Messy feeds").
@Suite struct MessyFeedTests {
    static let messy = "Tests/RSSFormatTests/Fixtures/messy/messy.rss"

    private func read() throws -> (EpisodeCollection, Diagnostics) {
        try readFeed(InputFile(name: Fixtures.url(Self.messy).path, bytes: Array(try Data(contentsOf: Fixtures.url(Self.messy)))))
    }

    @Test func titlesLoseTheirHTMLAndSpaces() throws {
        let (feed, diagnostics) = try read()
        #expect(feed.channels[0].title == "Messy Feed")
        #expect(feed.episodes[0].title == "Bold & Brave")
        #expect(diagnostics.contains { $0.id == "rss.title.html" && $0.message.hasPrefix("1 titles") })
    }

    @Test func relativeLinksResolveAgainstTheChannelLink() throws {
        let (feed, _) = try read()
        #expect(feed.episodes[0].metadata.url == "https://messy.example.com/show/episodes/1")
        #expect(feed.episodes[0].metadata.enclosure?.url == "https://messy.example.com/audio/1.mp3")
    }

    @Test func anInvalidEnclosureLengthIsLeftOutWithAWarning() throws {
        let (feed, diagnostics) = try read()
        #expect(feed.episodes[0].metadata.enclosure == Enclosure(url: "https://messy.example.com/audio/1.mp3", mediaType: "audio/mpeg"))
        #expect(feed.episodes[2].metadata.enclosure == Enclosure(url: "https://cdn.example.com/3.mp3", mediaType: "audio/mpeg"))
        let warning = try #require(diagnostics.first { $0.id == "rss.enclosure.length" })
        #expect(warning.location?.line == 15)
        #expect(warning.message.contains("'12 MB'"))
    }

    @Test func duplicateGUIDsKeepBothItemsWithAWarning() throws {
        let (feed, diagnostics) = try read()
        #expect(feed.episodes.count == 3)
        #expect(feed.episodes[0].metadata.guid == "dup-guid" && feed.episodes[1].metadata.guid == "dup-guid")
        let warning = try #require(diagnostics.first { $0.id == "rss.guid.duplicate" })
        #expect(warning.message.contains("line 10"))
        #expect(warning.location?.line == 21)
    }

    @Test func aMissingTitleIsTakenFromTheShowNotes() throws {
        let (feed, diagnostics) = try read()
        #expect(feed.episodes[1].title == "No title here, just notes.")
        #expect(feed.episodes[1].summary == "No title here, just notes.\nSecond line.")
        #expect(diagnostics.contains { $0.id == "rss.item.untitled" && $0.location?.line == 21 })
    }

    @Test func anUnreadableDateIsKeptAsWrittenWithAWarningAndMissingDatesAreCounted() throws {
        let (feed, diagnostics) = try read()
        #expect(feed.episodes[1].metadata.published == nil)
        #expect(feed.episodes[1].metadata.extra.contains(MetadataField(key: "pubDate", value: "sometime last week")))
        #expect(diagnostics.contains { $0.id == "rss.date" && $0.location?.line == 25 })
        #expect(diagnostics.contains { $0.id == "rss.item.undated" && $0.message.hasPrefix("2 of 3 items") })
    }

    @Test func explicitSpellings() throws {
        let (feed, diagnostics) = try read()
        #expect(feed.episodes.map(\.metadata.explicit) == [false, true, nil])
        #expect(feed.episodes[2].metadata.extra.contains(MetadataField(key: "itunes:explicit", value: "maybe")))
        #expect(diagnostics.contains { $0.id == "rss.explicit" && $0.location?.line == 32 })
    }

    @Test func durationsAndNumbersThatAreNotNumbersAreKeptAsWritten() throws {
        let (feed, diagnostics) = try read()
        #expect(feed.episodes[0].metadata.duration == 2700)
        #expect(feed.episodes[1].metadata.duration == nil)
        #expect(feed.episodes[1].metadata.extra.contains(MetadataField(key: "itunes:duration", value: "about an hour")))
        #expect(feed.episodes[2].metadata.number == nil)
        #expect(feed.episodes[2].metadata.extra.contains(MetadataField(key: "itunes:episode", value: "three")))
        #expect(diagnostics.contains { $0.id == "rss.duration" } && diagnostics.contains { $0.id == "rss.number" })
    }

    @Test func unknownElementsAreKeptInTheMetadataOrNamedOnce() throws {
        let (feed, diagnostics) = try read()
        #expect(feed.episodes[0].metadata.extra == [MetadataField(key: "x:rating", value: "5 stars")])
        #expect(diagnostics.contains { $0.id == "rss.element.kept" && $0.message.contains("<x:rating>") })
        #expect(diagnostics.contains { $0.id == "rss.element.ignored" && $0.message.contains("<x:tracking> in the channel") })
    }

    @Test func aRelativeChaptersFileIsReadFromTheFeedsFolderAndNeverOutsideIt() throws {
        let (feed, diagnostics) = try read()
        #expect(feed.episodes[0].chapters == [Chapter(start: 0, title: "Start"), Chapter(start: 61, title: "Middle")])
        #expect(feed.episodes[1].chapters.isEmpty)
        let refused = try #require(diagnostics.first { $0.id == "rss.chapters.file" })
        #expect(refused.message.contains("'../outside.json' points outside the feed's folder"))
        #expect(refused.location?.line == 21)
    }

    @Test func aBrokenChaptersFileIsReportedAtItsLineAndColumn() throws {
        let folder = try TemporaryFolder()
        let feed = """
            <rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel><title>T</title><item><title>E</title>
            <podcast:chapters url="c.json" type="application/json+chapters"/></item></channel></rss>
            """
        try Data(feed.utf8).write(to: URL(fileURLWithPath: folder.path("f.rss")))
        try Data("{\"chapters\": [\n  {\"startTime\": \"soon\"}]}".utf8).write(to: URL(fileURLWithPath: folder.path("c.json")))
        let (_, diagnostics) = try readFeed(InputFile(name: folder.path("f.rss"), bytes: Array(feed.utf8)))
        let warning = try #require(diagnostics.first { $0.id == "rss.chapters.json" })
        #expect(warning.location == SourceLocation(file: folder.path("c.json"), line: 2, column: 3))
    }
}

@Suite struct HostileAndBrokenFeedTests {
    @Test func billionLaughsIsRefusedBeforeParsing() throws {
        let diagnostics = failure(try Fixtures.input("Tests/RSSFormatTests/Fixtures/billion-laughs.rss"))
        #expect(diagnostics.map(\.id) == ["rss.entities"])
        #expect(diagnostics.first?.location?.line == 3)
    }

    @Test func externalEntitiesAreRefused() throws {
        let diagnostics = failure(try Fixtures.input("Tests/RSSFormatTests/Fixtures/external-entity.rss"))
        #expect(diagnostics.map(\.id) == ["rss.entities"])
        #expect(!diagnostics.description.contains("root:"))
    }

    @Test func malformedXMLIsAnErrorAtItsLineAndColumn() throws {
        let diagnostics = failure(InputFile(name: "broken.rss", bytes: Array("<rss version=\"2.0\">\n<channel><title>T</title>\n<item></channel></rss>".utf8)))
        let first = try #require(diagnostics.first)
        #expect(first.id == "rss.xml")
        #expect(first.location?.file == "broken.rss")
        #expect(first.location?.line == 3)
        #expect(first.location?.column != nil)
    }

    @Test func anotherXMLDocumentIsNotAFeed() throws {
        let diagnostics = failure(InputFile(name: "list.opml", bytes: Array("<?xml version=\"1.0\"?>\n<opml version=\"2.0\"><body/></opml>".utf8)))
        #expect(
            diagnostics.map(\.description) == [
                "list.opml:2:1: error: the root element is <opml>, not <rss> or an Atom <feed>; this is not a podcast feed [rss.root]"
            ])
    }

    @Test func aFeedWithoutChannelIsAnError() throws {
        let diagnostics = failure(InputFile(name: "x.rss", bytes: Array("<rss version=\"2.0\"><item/></rss>".utf8)))
        #expect(diagnostics.map(\.id) == ["rss.channel"])
    }
}

/// The place where a transcript file next to the feed becomes the episode's transcript.
@Suite struct LocalTranscriptTests {
    @Test func aFoundTranscriptFileGoesThroughTheRegisteredParser() throws {
        let folder = try TemporaryFolder()
        let feed = """
            <rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel><title>T</title><link>https://example.org/</link>
            <item><title>E</title><podcast:transcript url="https://example.org/e.srt" type="application/x-subrip"/>
            <podcast:transcript url="e.txt" type="text/plain"/></item></channel></rss>
            """
        let feedPath = folder.path("t.rss")
        try Data(feed.utf8).write(to: URL(fileURLWithPath: feedPath))
        try Data("hello\nworld\n".utf8).write(to: URL(fileURLWithPath: folder.path("e.txt")))
        // Lines as segments a second apart: enough to see which file and link the parser was given.
        let reader = RSSReader(transcriptFileParser: { file, link, _ in
            guard link.mediaType == "text/plain" else { return nil }
            let lines = String(decoding: file.bytes, as: UTF8.self).split(separator: "\n")
            return Transcript(segments: lines.enumerated().map { TranscriptSegment(start: $0.offset * 1000, text: String($0.element)) })
        })
        let (collection, _) = try readFeed(InputFile(name: feedPath, bytes: Array(feed.utf8)), reader: reader)
        #expect(
            collection.episodes[0].transcript
                == Transcript(segments: [TranscriptSegment(start: 0, text: "hello"), TranscriptSegment(start: 1000, text: "world")]))
        #expect(collection.episodes[0].metadata.transcriptLinks.map(\.url) == ["https://example.org/e.srt", "https://example.org/e.txt"])

        // Without a parser the link stays and a note says the file was there.
        let (plain, diagnostics) = try readFeed(InputFile(name: feedPath, bytes: Array(feed.utf8)))
        #expect(plain.episodes[0].transcript == nil)
        #expect(diagnostics.contains { $0.id == "rss.transcript.unread" })
    }
}

/// A folder removed when the value goes away.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("quire-rss-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}
