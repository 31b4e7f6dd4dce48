import Foundation
import PropertyBased
import QuireCore
import QuireOPML
import QuireTestSupport
import Testing

private func write(_ collection: EpisodeCollection, mode: String = "channels") throws -> (String, Diagnostics) {
    var diagnostics = Diagnostics()
    let bytes = try OPMLWriter().write(collection, options: ConversionOptions(["opml": mode, "date": "1700000000"]), diagnostics: &diagnostics)
    return (String(decoding: bytes, as: UTF8.self), diagnostics)
}

private func read(_ text: String, name: String = "in.opml") throws -> (EpisodeCollection, Diagnostics) {
    try read(InputFile(name: name, bytes: Array(text.utf8)))
}

private func read(_ input: InputFile) throws -> (EpisodeCollection, Diagnostics) {
    var diagnostics = Diagnostics()
    let collection = try OPMLReader().read(input, options: ConversionOptions(), diagnostics: &diagnostics)
    return (collection, diagnostics)
}

private func failure(_ input: InputFile) -> [String] {
    do {
        _ = try read(input)
        Issue.record("expected the read to fail")
    } catch let failure as ConversionFailure {
        return failure.diagnostics.map(\.description)
    } catch {
        Issue.record("unexpected \(error)")
    }
    return []
}

private let channels = EpisodeCollection(
    title: "My podcasts",
    channels: [
        Channel(
            title: "The Proving Drawer", feedURL: "https://example.org/proving-drawer/feed.xml", siteURL: "https://example.org/pd",
            description: "Bread & <science>, \"weekly\"."),
        Channel(title: "역사 산책", feedURL: "https://example.org/history/rss?x=1&y=2"),
    ])

@Suite struct OPMLWriterTests {
    @Test func channelListMatchesGolden() throws {
        let (text, diagnostics) = try write(channels)
        #expect(diagnostics.isEmpty)
        try Golden.expect(text, matches: "Tests/OPMLFormatTests/Fixtures/channels.golden.opml")
        #expect(text.contains("<dateCreated>Tue, 14 Nov 2023 22:13:20 GMT</dateCreated>"))
    }

    @Test func channelsRoundTripWithFeedURLs() throws {
        let (text, _) = try write(channels)
        let (back, diagnostics) = try read(text)
        #expect(back == channels)
        #expect(diagnostics.isEmpty)
    }

    @Test func aChannelWithoutFeedIsListedWithAWarning() throws {
        let (text, diagnostics) = try write(EpisodeCollection(channels: [Channel(title: "No feed")]))
        #expect(text.contains(#"<outline type="rss" text="No feed" title="No feed"/>"#))
        #expect(diagnostics.all.map(\.id) == ["opml.no-feed"])
        #expect(try write(EpisodeCollection()).1.all.map(\.id) == ["opml.no-channels"])
    }

    @Test func outlineRoundTripsTheSampleModelExactly() throws {
        let (text, diagnostics) = try write(ModelSamples.everyField, mode: "outline")
        #expect(diagnostics.isEmpty)
        let (back, readDiagnostics) = try read(text)
        #expect(back == ModelSamples.everyField)
        #expect(readDiagnostics.isEmpty, "\(readDiagnostics.all)")
        #expect(text.contains(#"<outline type="chapter" text="[01:36] Steam – the hidden lever" start="96""#))
    }

    @Test func outlineRoundTripsGeneratedModels() async {
        await propertyCheck(count: 100, input: Gen.int(in: 0...Int.max)) { seed in
            var generator = ModelGenerator(seed: UInt64(seed), options: .init(untrimmedText: true))
            let model = generator.collection()
            do {
                let (text, _) = try write(model, mode: "outline")
                let (back, diagnostics) = try read(text)
                #expect(back == model, "seed \(seed)")
                #expect(!diagnostics.hasErrors, "seed \(seed)")
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }

    @Test func aDateBefore1970FallsBackToNow() throws {
        var diagnostics = Diagnostics()
        let bytes = try OPMLWriter().write(channels, options: ConversionOptions(["date": "-86400"]), diagnostics: &diagnostics)
        #expect(!String(decoding: bytes, as: UTF8.self).contains("1969"))
    }

    @Test func controlCharactersAreLeftOutWithAWarning() throws {
        let (text, diagnostics) = try write(EpisodeCollection(episodes: [Episode(title: "bell\u{07}")]), mode: "outline")
        #expect(text.contains(#"text="bell""#))
        #expect(diagnostics.all.map(\.id) == ["opml.control-characters"])
    }
}

@Suite struct OPMLFeedFieldTests {
    /// A channel list carries artwork, author and categories as attributes, in both modes.
    @Test func channelArtworkAuthorAndCategoriesRoundTrip() throws {
        let model = EpisodeCollection(
            title: "Shows",
            channels: [
                Channel(
                    title: "Kitchen", feedURL: "https://e.org/k.xml", image: "https://e.org/k.png", author: "Maya & Co",
                    categories: ["Science", "Arts/Food", "Society & Culture/History"])
            ])
        let (text, diagnostics) = try write(model)
        #expect(diagnostics.isEmpty)
        #expect(
            text.contains(
                #"<outline type="rss" text="Kitchen" title="Kitchen" xmlUrl="https://e.org/k.xml" category="Science,Arts/Food,Society &amp; Culture/History" imageUrl="https://e.org/k.png" author="Maya &amp; Co"/>"#
            ))
        #expect(try read(text).0 == model)
    }

    @Test func aCategoryWithACommaIsWarnedAbout() throws {
        let (text, diagnostics) = try write(EpisodeCollection(channels: [Channel(title: "C", feedURL: "https://e.org/c", categories: ["Food, Drink"])]))
        #expect(diagnostics.all.map(\.id) == ["opml.category"])
        #expect(try read(text).0.channels[0].categories == ["Food", "Drink"])
    }

    @Test func episodeFeedFieldsAndTranscriptsReadFromAnOutline() throws {
        let (model, diagnostics) = try read(
            """
            <opml version="2.0"><body>
              <outline type="episode" text="One" guid="g-1" enclosure="https://cdn.e.org/1.mp3" enclosureLength="12" season="x" explicit="yes">
                <outline type="transcript-file" text="https://e.org/1.vtt" mediaType="text/vtt" rel="captions"/>
                <outline type="transcript" text="Transcript">
                  <outline type="segment" text="Hi." startMs="0" endMs="1500" speaker="Ada"/>
                  <outline type="segment" text="lost start"/>
                </outline>
              </outline>
            </body></opml>
            """)
        #expect(
            model.episodes == [
                Episode(
                    title: "One", summary: "lost start",
                    metadata: EpisodeMetadata(
                        guid: "g-1", enclosure: Enclosure(url: "https://cdn.e.org/1.mp3", length: 12), explicit: true,
                        transcriptLinks: [MediaLink(url: "https://e.org/1.vtt", mediaType: "text/vtt", rel: "captions")]),
                    transcript: Transcript(segments: [TranscriptSegment(start: 0, end: 1500, speaker: "Ada", text: "Hi.")]))
            ])
        #expect(
            diagnostics.all.map(\.description) == [
                "in.opml:2: warning: season='x' is not a whole, non-negative number; left out [opml.number]",
                "in.opml:6: warning: transcript segment has no startMs; its text is kept in the summary [opml.segment.start]",
            ])
    }
}

@Suite struct OPMLReaderTests {
    @Test func readsAntennaPodExport() throws {
        let (collection, diagnostics) = try read(try Fixtures.input("Tests/OPMLFormatTests/Fixtures/antennapod.opml"))
        #expect(diagnostics.isEmpty)
        #expect(
            collection
                == EpisodeCollection(
                    title: "AntennaPod Subscriptions",
                    channels: [
                        Channel(
                            title: "The Proving Drawer", feedURL: "https://example.org/proving-drawer/feed.xml", siteURL: "https://example.org/proving-drawer"),
                        Channel(title: "역사 산책", feedURL: "https://example.org/history/rss", siteURL: "https://example.org/history"),
                        Channel(title: "Signals & Noise", feedURL: "https://example.org/signals.xml?format=rss&v=2"),
                    ]))
    }

    @Test func readsPocketCastsExportWrappedInFeeds() throws {
        let (collection, diagnostics) = try read(try Fixtures.input("Tests/OPMLFormatTests/Fixtures/pocketcasts.opml"))
        #expect(diagnostics.all.map(\.id) == ["opml.folder"])
        #expect(collection.preamble == ["feeds"])
        #expect(
            collection.channels == [
                Channel(title: "The Proving Drawer", feedURL: "https://example.org/proving-drawer/feed.xml"),
                Channel(title: "Deep Field Notes", feedURL: "https://feeds.example.net/deep-field"),
            ])
    }

    @Test func readsOvercastExportWithItsEpisodes() throws {
        let (collection, diagnostics) = try read(try Fixtures.input("Tests/OPMLFormatTests/Fixtures/overcast.opml"))
        #expect(collection.channels.map(\.feedURL) == ["https://example.org/proving-drawer/feed.xml", "https://feeds.example.net/deep-field"])
        #expect(collection.channels[0].siteURL == "https://example.org/proving-drawer")
        #expect(
            collection.episodes == [
                Episode(
                    title: "Why Your Sourdough Sulks in Winter", channel: "The Proving Drawer",
                    metadata: EpisodeMetadata(url: "https://example.org/proving-drawer/41", published: "2026-01-09T05:00:00-05:00"))
            ])
        // Overcast's own attributes are noted once each, not errors; its playlist is an app setting.
        #expect(!diagnostics.hasErrors && diagnostics.warnings.isEmpty)
        #expect(diagnostics.all.contains { $0.description.contains("attribute 'overcastId' is not used by Quire") })
        #expect(diagnostics.all.contains { $0.id == "opml.playlist.ignored" })
    }

    @Test func nestedTextWithoutAPlaceIsKept() throws {
        let text = """
            <opml version="2.0"><body>
            <outline text="Section heading" _note="Section note"><outline type="episode" text="E">
              <outline type="chapter" text="[00:00] A" start="0"><outline type="quote" text="Q"><outline text="deep child text"/></outline></outline>
              <outline type="entities" text="Entities"><outline type="entity" text="N"><outline text="more about N"/></outline></outline>
            </outline></outline></body></opml>
            """
        let (collection, diagnostics) = try read(text)
        #expect(collection.preamble == ["Section heading", "Section note"])
        #expect(collection.episodes.first?.chapters.first?.body == "deep child text")
        #expect(collection.episodes.first?.entities.first?.description == "more about N")
        #expect(diagnostics.warnings.count == 2)
    }

    @Test func textInsideAFeedThatIsNotAnEpisodeIsKept() throws {
        let (collection, diagnostics) = try read(
            """
            <opml version="2.0"><body>
            <outline type="rss" text="Show" xmlUrl="https://example.org/feed">
              <outline text="Season one" _note="Recorded live"><outline text="Bonus material"/></outline>
            </outline></body></opml>
            """)
        #expect(collection.channels == [Channel(title: "Show", feedURL: "https://example.org/feed")])
        #expect(collection.preamble == ["Season one", "Recorded live", "Bonus material"])
        #expect(
            diagnostics.warnings.map(\.description) == [
                "in.opml:3: warning: outline nested in feed 'Show' has no place in the model; its text is kept in the preamble [opml.outline.unplaced]",
                "in.opml:3: warning: outline nested in feed 'Show' has no place in the model; its text is kept in the preamble [opml.outline.unplaced]",
            ])
    }

    @Test func aFeedWithoutATitleOrAnAddressIsReported() throws {
        let (collection, diagnostics) = try read(
            """
            <opml version="2.0"><body>
            <outline type="rss"/>
            <outline type="rss" text="Nowhere"/>
            </body></opml>
            """)
        #expect(collection.channels.map(\.title) == ["", "Nowhere"])
        // A feed without an address is what Quire's own outline writes for a summary page's channel: not reported.
        #expect(
            diagnostics.all.map(\.description) == [
                "in.opml:2: warning: feed outline has no text, title or xmlUrl; read as an untitled channel [opml.feed.untitled]"
            ])
    }

    @Test func linkOutlinesAreChannelsWithAPage() throws {
        let (collection, _) = try read(#"<opml version="1.0"><body><outline type="link" text="A site" url="https://example.org/show"/></body></opml>"#)
        #expect(collection.channels == [Channel(title: "A site", siteURL: "https://example.org/show")])
    }

    @Test func attributeNamesAreReadInAnyCase() throws {
        let (collection, _) = try read(
            #"<opml version="1.0"><body><outline TEXT="Loud" XMLURL="https://example.org/a" HTMLURL="https://example.org"/></body></opml>"#)
        #expect(collection.channels == [Channel(title: "Loud", feedURL: "https://example.org/a", siteURL: "https://example.org")])
    }

    @Test func billionLaughsIsRejectedBeforeParsing() throws {
        #expect(
            failure(try Fixtures.input("Tests/OPMLFormatTests/Fixtures/billion-laughs.opml")) == [
                "Tests/OPMLFormatTests/Fixtures/billion-laughs.opml:3:1: error: the document declares entities in its DTD; Quire never expands entities (billion laughs, external files) and reads no such document [opml.entities]"
            ])
    }

    @Test func externalEntitiesAreRejected() throws {
        let messages = failure(try Fixtures.input("Tests/OPMLFormatTests/Fixtures/external-entity.opml"))
        #expect(messages.count == 1 && messages[0].hasSuffix("[opml.entities]"))
        #expect(!messages[0].contains("root:"))
    }

    @Test func malformedXMLNamesLineAndColumn() throws {
        #expect(
            failure(try Fixtures.input("Tests/OPMLFormatTests/Fixtures/malformed.opml")).first
                == "Tests/OPMLFormatTests/Fixtures/malformed.opml:6:10: error: Opening and ending tag mismatch: outline line 5 and body [opml.xml]")
    }

    @Test func deepNestingIsBounded() throws {
        let depth = 5000
        let text = "<opml><body>" + String(repeating: "<outline text=\"x\">", count: depth) + String(repeating: "</outline>", count: depth) + "</body></opml>"
        let messages = failure(InputFile(name: "deep.opml", bytes: Array(text.utf8)))
        #expect(messages.first?.contains("Excessive depth in document") == true, "\(messages)")
    }

    @Test func otherXMLIsNotOPML() throws {
        #expect(
            failure(InputFile(name: "feed.opml", bytes: Array("<rss version=\"2.0\"><channel/></rss>".utf8))) == [
                "feed.opml:1:1: error: the root element is <rss>, not <opml> [opml.root]"
            ])
    }
}

/// Other programs read what Quire writes.
@Suite struct OPMLSecondReaderTests {
    @Test(.enabled(if: ExternalTool.isAvailable("pandoc"), "needs pandoc (apt-get install pandoc)"))
    func pandocKeepsEveryEpisodeAndChapter() throws {
        let (text, _) = try write(ModelSamples.everyField, mode: "outline")
        // Plain text, unwrapped: what pandoc understood, without Markdown escapes or smart punctuation.
        let result = try ExternalTool.run("pandoc", ["-f", "opml-smart", "-t", "plain", "--wrap=none"], input: Data(text.utf8))
        #expect(result.status == 0, "\(result.error)")
        for episode in ModelSamples.everyField.episodes {
            #expect(result.output.contains(episode.title), "pandoc lost episode \(episode.title)")
            for chapter in episode.chapters {
                #expect(result.output.contains(chapter.title), "pandoc lost chapter \(chapter.title)")
            }
        }
    }

    @Test(.enabled(if: ExternalTool.isAvailable("python3", probe: ["-c", "import listparser"]), "needs Python's listparser (pip install listparser)"))
    func listparserFindsEveryFeed() throws {
        let (text, _) = try write(channels)
        let script = "import sys, listparser; r = listparser.parse(sys.stdin.read()); print('\\n'.join(f.url for f in r.feeds))"
        let result = try ExternalTool.run("python3", ["-c", script], input: Data(text.utf8))
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.split(separator: "\n").map(String.init) == channels.channels.compactMap(\.feedURL))
    }
}

@Suite(.needsSharedCorpus) struct OPMLCorpusTests {
    /// The real page's ground truth as a model: it gives real text in every script (read through
    /// JSON, since this target knows only OPML).
    private func samplePageModel() throws -> EpisodeCollection {
        let page = try #require(Fixtures.sharedCorpus("sample-channel-page.expected.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: page)) as? [String: Any])
        let episodes = (root["episodes"] as? [[String: Any]] ?? []).map { episode in
            Episode(
                title: episode["title"] as? String ?? "", channel: "Sample", summary: episode["summary"] as? String ?? "",
                chapters: (episode["chapters"] as? [[String: Any]] ?? []).map { chapter in
                    Chapter(
                        start: chapter["start"] as? Int, title: chapter["title"] as? String ?? "", body: chapter["body"] as? String ?? "",
                        quotes: (chapter["quotes"] as? [[String: Any]] ?? []).map { Quote(text: $0["text"] as? String ?? "", time: $0["time"] as? Int) })
                })
        }
        return EpisodeCollection(title: "Sample page", channels: [Channel(title: "Sample", feedURL: "https://example.org/feed.xml")], episodes: episodes)
    }

    /// The real page survives an OPML outline exactly.
    @Test func samplePageSurvivesTheOutline() throws {
        let model = try samplePageModel()
        let (text, _) = try write(model, mode: "outline")
        #expect(try read(text).0 == model)
    }

    /// pandoc keeps every episode and chapter of the real page's outline.
    @Test(.enabled(if: ExternalTool.isAvailable("pandoc"), "needs pandoc (apt-get install pandoc)"))
    func pandocReadsEveryEpisodeAndChapterOfTheOutline() throws {
        let model = try samplePageModel()
        let (text, _) = try write(model, mode: "outline")
        let result = try ExternalTool.run("pandoc", ["-f", "opml-smart", "-t", "plain", "--wrap=none"], input: Data(text.utf8))
        #expect(result.status == 0)
        for episode in model.episodes {
            #expect(result.output.contains(episode.title))
            for chapter in episode.chapters { #expect(result.output.contains("[\(Timestamp.string(fromSeconds: chapter.start!))] \(chapter.title)")) }
        }
    }
}
