import QuireCore
import Testing

@Suite struct TimestampTests {
    @Test(arguments: [
        ("0:05", 5), ("1:36", 96), ("01:36", 96), ("92:45", 5565), ("1:05:26", 3926), ("01:00:26", 3626), ("12:00:00", 43200),
    ])
    func parsesEveryFormSeen(text: String, seconds: Int) {
        #expect(Timestamp.seconds(from: text) == seconds)
    }

    @Test(arguments: ["99:99", "1:2:3:4", "1:5", ":30", "1:", "a:bc", "1:60", "1:75:00", "", "1234567:00", "-1:00", "1:+5"])
    func rejectsImpossibleTimestamps(text: String) {
        #expect(Timestamp.seconds(from: text) == nil)
    }

    @Test func writesTheCanonicalSpelling() {
        #expect(Timestamp.string(fromSeconds: 0) == "00:00")
        #expect(Timestamp.string(fromSeconds: 96) == "01:36")
        #expect(Timestamp.string(fromSeconds: 3599) == "59:59")
        #expect(Timestamp.string(fromSeconds: 3926) == "1:05:26")
        #expect(Timestamp.isoDuration(fromSeconds: 96) == "PT1M36S")
        #expect(Timestamp.isoDuration(fromSeconds: 3600) == "PT1H")
        #expect(Timestamp.isoDuration(fromSeconds: 0) == "PT0S")
    }
}

@Suite struct EntityKindTests {
    @Test(arguments: [
        ("Person", EntityKind.person), ("person", .person), ("人物", .person), ("인물", .person),
        ("organization", .organization), ("Organization", .organization), ("조직", .organization), ("公司", .organization),
        ("产品", .product), ("Software", .product), ("ai-model", .product), ("AI Model", .product), ("소프트웨어", .product),
        ("Concept", .concept), ("개념", .concept), ("概念", .concept), ("metric", .concept), ("location", .place),
    ])
    func recognizesTypesInEveryLanguage(type: String, kind: EntityKind) {
        #expect(Entity(name: "x", type: type, description: "").kind == kind)
    }

    @Test func unknownTypesHaveNoKind() {
        #expect(Entity(name: "x", type: "Shortcut", description: "").kind == nil)
        #expect(Entity(name: "x", type: "", description: "").kind == nil)
    }
}

@Suite struct DiagnosticTests {
    @Test func printsLikeACompiler() {
        let diagnostic = Diagnostic.warning(
            "summary.quote.unterminated", "quote has no closing '*'",
            at: SourceLocation(file: "page.txt", line: 4, column: 17), notes: [.init("it started here", at: SourceLocation(file: "page.txt", line: 4))])
        #expect(diagnostic.description == "page.txt:4:17: warning: quote has no closing '*' [summary.quote.unterminated]\npage.txt:4: note: it started here")
        #expect(Diagnostic.error("io", "boom").description == "quire: error: boom [io]")
        #expect(SourceLocation(file: "book.epub", entry: "OEBPS/a.xhtml", line: 3, column: 1).description == "book.epub(OEBPS/a.xhtml):3:1")
    }

    @Test func strictModeTurnsWarningsIntoErrors() {
        var diagnostics = Diagnostics()
        diagnostics.report(.warning("w", "careful"))
        diagnostics.report(.note("n", "fyi"))
        #expect(!diagnostics.hasErrors)
        let strict = diagnostics.escalatingWarnings()
        #expect(strict.errors.map(\.message) == ["careful"])
        #expect(strict.all.map(\.severity) == [.error, .note])
    }
}

@Suite struct CollectionTests {
    @Test func mergingKeepsOrderAndJoinsChannelsByTitle() {
        var collection = EpisodeCollection(
            preamble: ["chrome"], channels: [Channel(title: "A")], episodes: [Episode(title: "1", channel: "A")])
        collection.merge(
            EpisodeCollection(
                title: "T", preamble: ["more"], channels: [Channel(title: "A", feedURL: "https://a.example/feed"), Channel(title: "B")],
                episodes: [Episode(title: "2", channel: "B")]))
        #expect(collection.title == "T")
        #expect(collection.preamble == ["chrome", "more"])
        #expect(collection.channels == [Channel(title: "A", feedURL: "https://a.example/feed"), Channel(title: "B")])
        #expect(collection.episodes.map(\.title) == ["1", "2"])
    }

    @Test func defaultsFillOnlyWhatInputsLack() {
        var collection = EpisodeCollection(
            channels: [Channel(title: "Known")],
            episodes: [Episode(title: "1"), Episode(title: "2", channel: "Known", language: "ko")])
        CollectionDefaults(channel: "All-In", feedURL: "https://example.org/feed.xml", language: "en", title: "Book").apply(to: &collection)
        #expect(collection.title == "Book")
        #expect(collection.episodes.map(\.channel) == ["All-In", "Known"])
        #expect(collection.episodes.map(\.language) == ["en", "ko"])
        #expect(collection.channels == [Channel(title: "Known"), Channel(title: "All-In", feedURL: "https://example.org/feed.xml")])
    }

    @Test func aFeedAloneFillsEveryChannelWithoutOne() {
        var collection = EpisodeCollection(channels: [Channel(title: "A"), Channel(title: "B", feedURL: "https://b.example/")])
        CollectionDefaults(feedURL: "https://example.org/feed.xml").apply(to: &collection)
        #expect(collection.channels.map(\.feedURL) == ["https://example.org/feed.xml", "https://b.example/"])
    }
}

@Suite struct CalendarDayTests {
    @Test func daysAndDatesConvertBothWays() {
        #expect(CalendarDay(daysSince1970: 0) == CalendarDay(year: 1970, month: 1, day: 1))
        #expect(CalendarDay(daysSince1970: 20_418) == CalendarDay(year: 2025, month: 11, day: 26))
        #expect(CalendarDay(year: 2000, month: 2, day: 29).daysSince1970 == 11_016)
        for days in stride(from: -800_000, through: 3_000_000, by: 997) {
            #expect(CalendarDay(daysSince1970: days).daysSince1970 == days)
        }
    }
}
