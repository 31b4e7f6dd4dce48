import QuireCore
import QuireTestSupport
import Testing

@testable import QuireMarkdown

/// The feed fields in Markdown: front matter keys, the `## Transcript` section, entities' roles and pages.
@Suite struct FeedFieldsTests {
    static let styles: [[String: String]] = [[:], ["entities": "table"], ["front-matter": "true"]]

    private func expectRoundTrip(_ model: EpisodeCollection, _ label: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        for options in Self.styles {
            let (markdown, writeDiagnostics) = try writeMarkdown(model, options: options)
            let (back, diagnostics) = try readMarkdown(markdown)
            #expect(back == model, "\(label) \(options): \(firstDifference(back, model))\n\(markdown)", sourceLocation: sourceLocation)
            #expect(diagnostics.isEmpty, "\(label) \(options): \(diagnostics.all)", sourceLocation: sourceLocation)
            #expect(writeDiagnostics.warnings.isEmpty, "\(label) \(options): \(writeDiagnostics.all)", sourceLocation: sourceLocation)
        }
    }

    @Test func transcriptTextThatLooksLikeStructureSurvives() throws {
        let texts = [
            "# not a heading", "two\n\nparagraphs", "ends with a break\n", "\nstarts with a break", "[00:00:01.000] not a segment",
            "line\n[00:00:02.000 --> 00:00:03.000] not a segment either", "**bold?** *no* `code` <b>tag</b> & &amp; a_b", "  padded  ",
            "- item\n> quote\n---\n1. one\n    indented", "back\\slash\\", "tab\there \u{07}bell", "## [00:10] Chapter?\n# Episode?", "",
            "Entities", "\\", "\n\n",
        ]
        let segments = texts.enumerated().map { index, text in
            TranscriptSegment(
                start: index * 61_001, end: index % 3 == 0 ? nil : index * 61_001 + 999, speaker: [nil, "Ada", "Dr. *Who*: [x]", "", "주인"][index % 5],
                text: text)
        }
        let episode = Episode(title: "T", chapters: [Chapter(start: 0, title: "Start")], transcript: Transcript(segments: segments))
        try expectRoundTrip(EpisodeCollection(episodes: [episode]), "tricky transcript")
        // Long times, an empty transcript, a transcript without chapters or anything else.
        try expectRoundTrip(
            EpisodeCollection(episodes: [
                Episode(title: "Long", transcript: Transcript(segments: [TranscriptSegment(start: 1_000 * 3600 * 123 + 7, end: nil, text: "late")])),
                Episode(title: "Empty", transcript: Transcript()),
                Episode(title: "Untimed", chapters: [Chapter(start: nil, title: "Transcript", body: "a chapter, not the section")]),
            ]), "edge transcripts")
    }

    @Test func aHandWrittenTranscriptReadsIntoSegments() throws {
        let (model, diagnostics) = try readMarkdown(
            """
            # Episode

            ## [00:00] Intro

            ## Transcript

            [00:00:00.000 --> 00:00:04.500] **Maya Ortiz:** Welcome to *Kitchen* Physics.

            [00:00:04.500] Two lines,
            the second one here.
            [01:02:03.004 --> 01:02:05.000] **Guest:**

            ## Entities

            - **Maya Ortiz** (Person) [host] <https://example.org/maya>: Host.
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
        #expect(
            model.episodes[0].transcript
                == Transcript(segments: [
                    TranscriptSegment(start: 0, end: 4_500, speaker: "Maya Ortiz", text: "Welcome to *Kitchen* Physics."),
                    TranscriptSegment(start: 4_500, text: "Two lines,\nthe second one here."),
                    TranscriptSegment(start: 3_723_004, end: 3_725_000, speaker: "Guest", text: ""),
                ]))
        #expect(model.episodes[0].entities == [Entity(name: "Maya Ortiz", type: "Person", description: "Host.", role: "host", url: "https://example.org/maya")])
        #expect(model.episodes[0].chapters == [Chapter(start: 0, title: "Intro")])
    }

    @Test func aTranscriptSectionOfOtherTextIsAChapterWithAWarning() throws {
        let (model, diagnostics) = try readMarkdown("# Episode\n\n## [00:00] Intro\n\n## Transcript\n\nJust prose, no times.\n")
        #expect(model.episodes[0].transcript == nil)
        #expect(model.episodes[0].chapters.map(\.title) == ["Intro", "Transcript"])
        #expect(model.episodes[0].chapters[1].body == "Just prose, no times.")
        #expect(
            diagnostics.all.map(\.description) == [
                "in.md:5:1: warning: the Transcript section is not a list of '[HH:MM:SS.mmm] **Speaker:** text' paragraphs; read as a chapter [markdown.transcript.unreadable]"
            ])
    }

    @Test func entityRolesAndPagesRoundTripInListsAndTables() throws {
        let entities = [
            Entity(name: "Maya", type: "Person", description: "Host.", role: "host", url: "https://example.org/maya?a=1&b_c=2"),
            Entity(name: "No type", type: "", description: "", role: "Cover Art [Designer]", url: nil),
            Entity(name: "Odd page", type: "Person", description: "multi\nline", role: nil, url: "https://e.org/<x>\\y"),
            Entity(name: "Plain", type: "Concept", description: "Nothing else."),
        ]
        try expectRoundTrip(EpisodeCollection(episodes: [Episode(title: "E", entities: entities)]), "entities")
        let (table, _) = try writeMarkdown(
            EpisodeCollection(episodes: [Episode(title: "E", entities: [entities[0], entities[3]])]), options: ["entities": "table"])
        #expect(
            table.hasSuffix(
                """
                | Name | Type | Role | Page | Description |
                | --- | --- | --- | --- | --- |
                | Maya | Person | host | https://example.org/maya?a=1\\&b\\_c=2 | Host. |
                | Plain | Concept |  |  | Nothing else. |

                """))
        let (list, _) = try writeMarkdown(EpisodeCollection(episodes: [Episode(title: "E", entities: [entities[0]])]))
        #expect(list.hasSuffix("- **Maya** (Person) [host] <https://example.org/maya?a=1&b_c=2>: Host.\n"))
    }

    @Test func frontMatterFeedFieldsReadIntoAnExactModel() throws {
        let (model, diagnostics) = try readMarkdown(
            """
            ---
            channel: Show
            channel-image: https://s.example/art.png
            channel-author: Ada
            channel-category: [News, "Arts/Food"]
            guid: g-1
            enclosure-type: audio/mpeg
            enclosure: https://cdn.example/1.mp3
            enclosure-length: 1200
            season: 3
            episode: 12
            explicit: yes
            chapters-url: https://s.example/1.json type=application/json+chapters
            transcript:
              - https://s.example/1.vtt rel=captions type=text/vtt
              - https://s.example/1.srt
            ---

            # One
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
        #expect(model.channels == [Channel(title: "Show", image: "https://s.example/art.png", author: "Ada", categories: ["News", "Arts/Food"])])
        #expect(
            model.episodes[0].metadata
                == EpisodeMetadata(
                    guid: "g-1", enclosure: Enclosure(url: "https://cdn.example/1.mp3", mediaType: "audio/mpeg", length: 1200), season: 3, number: 12,
                    explicit: true, chaptersLink: MediaLink(url: "https://s.example/1.json", mediaType: "application/json+chapters"),
                    transcriptLinks: [
                        MediaLink(url: "https://s.example/1.vtt", mediaType: "text/vtt", rel: "captions"), MediaLink(url: "https://s.example/1.srt"),
                    ]))
    }

    @Test func aLinkThatCannotBeWrittenExactlyIsWarnedAbout() throws {
        let link = MediaLink(url: "https://e.org/a rel=x")
        let (_, diagnostics) = try writeMarkdown(EpisodeCollection(episodes: [Episode(title: "E", metadata: EpisodeMetadata(transcriptLinks: [link]))]))
        #expect(diagnostics.all.map(\.id) == ["markdown.link.inexact"])
    }

    @Test func badFrontMatterFeedFieldsAreKeptAsExtraWithWarnings() throws {
        let (model, diagnostics) = try readMarkdown("---\nseason: 1.5\nenclosure-length: 9\nexplicit: sometimes\n---\n\n# One\n")
        #expect(
            diagnostics.all.map(\.description) == [
                "in.md:2:1: warning: season '1.5' is not a whole number; kept as extra metadata [markdown.front-matter.value]",
                "in.md:4:1: warning: explicit 'sometimes' is neither true nor false; kept as extra metadata [markdown.front-matter.value]",
                "in.md:2:1: warning: enclosure-type or enclosure-length without an 'enclosure' address; kept as extra metadata [markdown.front-matter.enclosure]",
            ])
        #expect(model.episodes[0].metadata.enclosure == nil)
        #expect(
            model.episodes[0].metadata.extra == [
                MetadataField(key: "season", value: "1.5"), MetadataField(key: "explicit", value: "sometimes"),
                MetadataField(key: "enclosure-length", value: "9"),
            ])
    }

    /// A `channels:` list (written when the channels are not in episode order) carries image, author and categories too.
    @Test func channelListsCarryTheNewChannelFields() throws {
        let model = EpisodeCollection(
            channels: [
                Channel(title: "Unused", image: "https://e.org/a.png", author: "A, B", categories: ["Arts/Food", "x, y", "[z]"]),
                Channel(title: "Used", author: "C"),
            ],
            episodes: [Episode(title: "E", channel: "Used")])
        try expectRoundTrip(model, "channels list")
    }

    /// A three-hour show's transcript (about 20,000 segments) reads and writes in linear time.
    @Test func aLongTranscriptReadsQuickly() throws {
        let segments = (0..<20_000).map {
            TranscriptSegment(start: $0 * 540, end: $0 * 540 + 500, speaker: $0 % 2 == 0 ? "Ada" : "Grace", text: "Line \($0) of it.")
        }
        let model = EpisodeCollection(episodes: [Episode(title: "Long", transcript: Transcript(segments: segments))])
        let clock = ContinuousClock()
        var back = EpisodeCollection()
        let elapsed = try clock.measure {
            let (markdown, _) = try writeMarkdown(model)
            back = try readMarkdown(markdown).0
        }
        #expect(back == model)
        #expect(elapsed < .seconds(10))
    }

    /// Broken segment lines are a chapter with a warning, never a crash.
    @Test func brokenSegmentLinesReadWithoutCrashing() throws {
        for line in [
            "[00:00:01.000", "[00:00:01.000 --> ] x", "[00:00:01.00] x", "[99:99:99.999] x", "[00:00:01.000]x", "[00:00:01.000] **open speaker",
            "[00:00:01.000] **a:**b", "[0:00:01.000 --> 00:00:00.000 --> 1] x", "[1234567:00:00.000] x", "]]] [[[",
        ] {
            let (model, diagnostics) = try readMarkdown("# E\n\n## Transcript\n\n\(line)\n")
            #expect(model.episodes.count == 1, "\(line)")
            if model.episodes[0].transcript == nil {
                #expect(diagnostics.all.map(\.id) == ["markdown.transcript.unreadable"], "\(line)")
            }
        }
    }
}
