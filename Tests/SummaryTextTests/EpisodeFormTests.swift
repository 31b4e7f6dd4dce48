import QuireCore
import QuireSummaryText
import QuireTestSupport
import Testing

@Suite struct EpisodeFormTests {
    @Test func readsEveryFeatureExactly() throws {
        let (collection, diagnostics) = try readSummary(try Fixtures.input("Tests/SummaryTextTests/Fixtures/episode-form.txt"))
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
        #expect(collection.channels == [Channel(title: "Kitchen Physics", feedURL: "https://example.org/kitchen.xml")])
        #expect(collection.episodes.count == 2)
        let episode = collection.episodes[0]
        #expect(episode.title == "Why Bread Rises")
        #expect(episode.channel == "Kitchen Physics")
        #expect(episode.language == "en")
        #expect(
            episode.metadata
                == EpisodeMetadata(
                    url: "https://example.org/kitchen/42", published: "2026-05-21", duration: 4205, extra: [MetadataField(key: "guest", value: "Maya Ortiz")]))
        #expect(
            episode.summary
                == "A look at **fermentation** and `oven spring`.\nSame paragraph, next line.\n\nSecond paragraph with a [link](https://example.org/a).")
        #expect(
            episode.chapters == [
                Chapter(start: 5, title: "Intro", body: "Maya opens with a question.", quotes: [Quote(text: "Bread is a slow explosion.", time: 163)]),
                Chapter(
                    start: 96, title: "Steam", body: "Steam keeps the crust soft.\n(And she laughs.)",
                    quotes: [Quote(text: "Open the oven and you lose it", time: 99), Quote(text: "Curly quotes count too."), Quote(text: "I like games.")]),
                Chapter(start: 5565, title: "The Long Middle"),
                Chapter(start: 5726, title: "After an Hour"),
            ])
        #expect(
            episode.entities == [
                Entity(name: "Maya Ortiz", type: "Person", description: "Host; bakes at 5 a.m."),
                Entity(name: "酵母", type: "概念", description: "一种真菌"),
                Entity(name: "Oven", type: "tool", description: "Hot box.\nIt also has a second line."),
            ])
        #expect(
            collection.episodes[1]
                == Episode(
                    title: "Second Episode", channel: "Kitchen Physics", summary: "Short overview.",
                    chapters: [Chapter(start: 0, title: "Only Chapter", body: "Body.")]))
    }

    @Test func acceptsByteOrderMarkAndCRLF() throws {
        let lf = "Title\n\nOverview.\n\n## [00:10] Start\nBody line.\n> *\"Quote.\"*\n> *[0, 12]*\n"
        let bytes = [0xEF, 0xBB, 0xBF] + Array(lf.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let (crlf, diagnostics) = try readSummary(InputFile(name: "crlf.txt", bytes: bytes))
        #expect(diagnostics.isEmpty)
        #expect(crlf == (try readSummary(lf)).0)
        #expect(crlf.episodes[0].chapters == [Chapter(start: 10, title: "Start", body: "Body line.", quotes: [Quote(text: "Quote.", time: 12)])])
    }

    @Test func writerOutputMatchesGoldenAndReadsBack() throws {
        let text = try writeSummary(ModelSamples.everyField)
        try Golden.expect(text, matches: "Tests/SummaryTextTests/Fixtures/every-field.golden.txt")
        let (model, diagnostics) = try readSummary(text)
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
        #expect(model == summaryCarried(ModelSamples.everyField))
    }

    /// The feed fields front matter can hold come back exactly; transcripts and entity roles and pages
    /// are warned about, once per episode.
    @Test func feedFieldsGoInFrontMatterAndTheRestIsWarnedAbout() throws {
        var diagnostics = Diagnostics()
        let text = String(
            decoding: try SummaryTextWriter().write(ModelSamples.everyField, options: ConversionOptions(), diagnostics: &diagnostics), as: UTF8.self)
        #expect(
            diagnostics.all.map(\.description) == [
                "quire: warning: episode 'Why Bread Rises: Yeast & Steam': its transcript (3 segments) is not written; summary text has no place for one (Markdown and JSON keep it) [summary.transcript.dropped]",
                "quire: warning: episode 'Why Bread Rises: Yeast & Steam': the role and page of 'Maya Ortiz' are not written; summary text's entity lines have no place for them [summary.entity.dropped]",
                "quire: warning: episode '面包为什么会膨胀': its transcript (1 segments) is not written; summary text has no place for one (Markdown and JSON keep it) [summary.transcript.dropped]",
            ])
        for line in [
            "channel-category: Science", "channel-category: Arts/Food", "enclosure: https://cdn.example.org/kitchen/42.mp3", "enclosure-type: audio/mpeg",
            "enclosure-length: 49201152", "season: 2", "episode: 42", "explicit: false",
            "chapters-url: https://example.org/kitchen/42/chapters.json type=application/json+chapters",
            "transcript: https://example.org/kitchen/42.vtt type=text/vtt language=en rel=captions",
            "transcript: https://example.org/kitchen/42.html type=text/html",
        ] {
            #expect(text.contains("\n" + line + "\n"), "missing \(line)")
        }
        let (model, _) = try readSummary(text)
        #expect(model.episodes[0].metadata == ModelSamples.everyField.episodes[0].metadata)
        #expect(model.channels == ModelSamples.everyField.channels)
    }

    /// Older inputs kept feed fields as extra metadata (`season: "3"` in JSON's `metadata`); written
    /// to summary text they come back as the field, and the writer says so.
    @Test func anExtraFieldNamedLikeAKeyIsWarnedAbout() throws {
        let model = EpisodeCollection(episodes: [
            Episode(title: "T", language: "en", metadata: EpisodeMetadata(extra: [MetadataField(key: "season", value: "3")]))
        ])
        var diagnostics = Diagnostics()
        let text = String(decoding: try SummaryTextWriter().write(model, options: ConversionOptions(), diagnostics: &diagnostics), as: UTF8.self)
        #expect(diagnostics.all.map(\.id) == ["summary.extra.shadowed"])
        #expect(try readSummary(text).0.episodes[0].metadata == EpisodeMetadata(season: 3))
    }

    @Test func badFeedFieldsAreKeptAsUnnamedFieldsWithWarnings() throws {
        let (model, diagnostics) = try readSummary(
            "---\nseason: three\nexplicit: maybe\nenclosure-type: audio/mpeg\nepisode: 7\n---\nTitle\n\nOverview.\n")
        #expect(
            diagnostics.all.map(\.description) == [
                "in.txt:2:1: warning: season 'three' is not a whole number; kept as an unnamed field [summary.front-matter.value]",
                "in.txt:3:1: warning: explicit 'maybe' is neither true nor false; kept as an unnamed field [summary.front-matter.value]",
                "in.txt:2:1: warning: enclosure-type or enclosure-length without an 'enclosure' address; kept as unnamed fields [summary.front-matter.enclosure]",
            ])
        #expect(model.episodes[0].metadata.number == 7)
        #expect(model.episodes[0].metadata.enclosure == nil)
        #expect(
            model.episodes[0].metadata.extra == [
                MetadataField(key: "season", value: "three"), MetadataField(key: "explicit", value: "maybe"),
                MetadataField(key: "enclosure-type", value: "audio/mpeg"),
            ])
    }

    @Test func textThatLooksLikeStructureSurvives() throws {
        let tricky = EpisodeCollection(episodes: [
            Episode(
                title: "## [00:00] Not a chapter", summary: "> not a quote\n\n---\n\n- **not** an entity\n\\# already escaped",
                chapters: [Chapter(start: 60, title: "Heading", body: "# not a heading\n\\> kept backslash")],
                entities: [Entity(name: "A", type: "Person", description: "line one\n- **not** a new item")]),
            Episode(title: "---", summary: "Second."),
        ])
        let (model, diagnostics) = try readSummary(try writeSummary(tricky))
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
        #expect(model == tricky)
    }

    /// Summary text has one line for a title, a heading, a quote or an entity name: a line break there
    /// is written as a space, with a warning, and the structure around it stays intact.
    @Test func lineBreaksInOneLineFieldsAreWrittenAsSpacesWithAWarning() throws {
        let broken = EpisodeCollection(episodes: [
            Episode(
                title: "Line one\nLine two", language: "en", summary: "Overview.",
                chapters: [Chapter(start: 5, title: "A\r\nB", body: "Body.", quotes: [Quote(text: "Said\nthis", time: 7)])],
                entities: [Entity(name: "N\nM", type: "Per\nson", description: "D.")])
        ])
        var diagnostics = Diagnostics()
        let text = String(decoding: try SummaryTextWriter().write(broken, options: ConversionOptions(), diagnostics: &diagnostics), as: UTF8.self)
        #expect(
            diagnostics.all.map(\.description) == [
                "quire: warning: episode title 'Line one Line two' held a line break, which summary text cannot carry there; written as a space [summary.line-break]",
                "quire: warning: chapter heading 'A B' held a line break, which summary text cannot carry there; written as a space [summary.line-break]",
                "quire: warning: quote 'Said this' held a line break, which summary text cannot carry there; written as a space [summary.line-break]",
                "quire: warning: entity name 'N M' held a line break, which summary text cannot carry there; written as a space [summary.line-break]",
                "quire: warning: entity type 'Per son' held a line break, which summary text cannot carry there; written as a space [summary.line-break]",
            ])
        let (model, readDiagnostics) = try readSummary(text)
        #expect(!readDiagnostics.hasErrors)
        #expect(
            model.episodes == [
                Episode(
                    title: "Line one Line two", language: "en", summary: "Overview.",
                    chapters: [Chapter(start: 5, title: "A B", body: "Body.", quotes: [Quote(text: "Said this", time: 7)])],
                    entities: [Entity(name: "N M", type: "Per son", description: "D.")])
            ])
    }

    /// The format has no escape for `"*` inside a quote or `)` inside an entity type: the writer says
    /// which ones will not read back, and stays quiet about everything that will.
    @Test func textTheFormatCannotEscapeIsReported() throws {
        let tricky = EpisodeCollection(episodes: [
            Episode(
                title: "T", language: "en",
                chapters: [
                    Chapter(start: 0, title: "H", quotes: [Quote(text: "a\"* b"), Quote(text: "ends with \""), Quote(text: "*starred* \"quoted\" back\\")])
                ],
                entities: [Entity(name: "*Star* \\ x", type: "(weird)", description: "d"), Entity(name: "Fine", type: "Person", description: "")])
        ])
        var diagnostics = Diagnostics()
        let text = String(decoding: try SummaryTextWriter().write(tricky, options: ConversionOptions(), diagnostics: &diagnostics), as: UTF8.self)
        #expect(
            diagnostics.all.map(\.description) == [
                "quire: warning: quote 'a\"* b' will not read back the same from summary text, which has no escape for its markup (JSON and OPML keep it) [summary.ambiguous]",
                "quire: warning: entity '*Star* \\ x' ((weird)) will not read back the same from summary text, which has no escape for its markup (JSON and OPML keep it) [summary.ambiguous]",
            ])
        let (model, _) = try readSummary(text)
        #expect(model.episodes[0].chapters[0].quotes.dropFirst() == tricky.episodes[0].chapters[0].quotes.dropFirst())
        #expect(model.episodes[0].entities[0].name == "*Star* \\ x")
        #expect(model.episodes[0].entities[1] == tricky.episodes[0].entities[1])
        var sampleDiagnostics = Diagnostics()
        _ = try SummaryTextWriter().write(ModelSamples.everyField, options: ConversionOptions(), diagnostics: &sampleDiagnostics)
        #expect(sampleDiagnostics.all.allSatisfy { summaryFeedLossWarnings.contains($0.id.rawValue) }, "\(sampleDiagnostics.all)")
    }

    @Test func severalEpisodesWithFrontMatterAfterSeparators() throws {
        let text = """
            First

            One.
            ---
            language: ko
            channel: 역사 산책
            ---
            둘째

            둘.
            ---
            Third: a title with a colon

            Three.
            """
        let (collection, diagnostics) = try readSummary(text)
        #expect(diagnostics.isEmpty)
        #expect(collection.episodes.map(\.title) == ["First", "둘째", "Third: a title with a colon"])
        #expect(collection.episodes.map(\.language) == [nil, "ko", nil])
        #expect(collection.channels == [Channel(title: "역사 산책")])
    }
}
