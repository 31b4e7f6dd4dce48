import QuireCore
import QuireTestSupport
import Testing

@Suite struct BadInputTests {
    @Test func invalidUTF8NamesTheFirstBadByte() {
        let bytes = Array("Title\n\nab".utf8) + [0xFF] + Array("c\n".utf8)
        #expect(
            readFailure(bytes).map(\.description) == [
                "in.txt:3:3: error: the input is not UTF-8 text (first invalid byte here) [summary.encoding]"
            ])
    }

    @Test func markupSavedAsTextIsNamed() {
        #expect(
            readFailure(Array("\n<?xml version=\"1.0\"?>\n<opml/>".utf8)).map(\.description) == [
                "in.txt:2:1: error: this is markup (XML or HTML), not summary text; give its real format (setting 'from') [summary.not-summary-text]"
            ])
    }

    @Test func emptyInputWarns() throws {
        let (collection, diagnostics) = try readSummary("\n  \n")
        #expect(collection == EpisodeCollection())
        #expect(diagnostics.all.map(\.id) == ["summary.empty"])
    }

    @Test func impossibleTimestampsKeepTheirTextAndNoStart() throws {
        let (collection, diagnostics) = try readSummary("T\n\n## [99:99] Broken\nBody.\n\n## [1:2:3:4] Worse\n")
        #expect(
            collection.episodes[0].chapters == [
                Chapter(start: nil, title: "[99:99] Broken", body: "Body."), Chapter(start: nil, title: "[1:2:3:4] Worse"),
            ])
        #expect(
            diagnostics.all.map(\.description) == [
                "in.txt:3:1: warning: '[99:99]' is not a timestamp; the chapter is kept without a start [summary.timestamp.invalid]",
                "in.txt:6:1: warning: '[1:2:3:4]' is not a timestamp; the chapter is kept without a start [summary.timestamp.invalid]",
            ])
    }

    @Test func unterminatedQuoteRunsToTheChapterEnd() throws {
        let (collection, diagnostics) = try readSummary("Chrome\nT\nOverview ## [00:00] Intro Body > *never closed ## [00:30] Next Body two.")
        #expect(collection.episodes[0].chapters.map(\.quotes) == [[Quote(text: "never closed")], []])
        #expect(
            diagnostics.all.map(\.description).contains(
                "in.txt:3:32: warning: quote has no closing '*'; it runs to the next quote or the end of its chapter [summary.quote.unterminated]"))
    }

    @Test func untimedHeadingBetweenChaptersIsKept() throws {
        let (collection, diagnostics) = try readSummary("T\n\n## [00:00] A\nOne.\n\n## Aside\nTwo.\n\n## [01:00] B\nThree.\n")
        #expect(
            collection.episodes[0].chapters == [
                Chapter(start: 0, title: "A", body: "One."), Chapter(start: nil, title: "Aside", body: "Two."), Chapter(start: 60, title: "B", body: "Three."),
            ])
        #expect(
            diagnostics.all.map(\.description) == [
                "in.txt:6:1: warning: '##' heading without a timestamp among timed chapters; read as a chapter with no start [summary.chapter.untimed]"
            ])
    }

    @Test func malformedEntityItemsAreKeptWhole() throws {
        let (collection, diagnostics) = try readSummary("T\n\n## Entities\n- **A** (Person): ok\n- just text\n")
        #expect(
            collection.episodes[0].entities == [Entity(name: "A", type: "Person", description: "ok"), Entity(name: "- just text", type: "", description: "")])
        #expect(diagnostics.all.map(\.id) == ["summary.entity.malformed"])
    }

    @Test func strayQuoteTimeIsKeptAsText() throws {
        let (collection, diagnostics) = try readSummary("T\n\n## [00:00] A\n> *[1, 5]*\n")
        #expect(collection.episodes[0].chapters == [Chapter(start: 0, title: "A", body: "> *[1, 5]*")])
        #expect(diagnostics.all.map(\.id) == ["summary.quote.stray-time"])
    }
}

@Suite struct MoreBadInputTests {
    @Test func binaryDataIsNamed() {
        #expect(
            readFailure(Array("Title\nab".utf8) + [0, 1, 2]).map(\.description) == [
                "in.txt:2:3: error: the input holds binary data (a NUL byte here), not text [summary.binary]"
            ])
    }

    @Test func aPageOfChromeOnlyHasNoEpisodes() throws {
        let (collection, diagnostics) = try readSummary("Brand — tagline\nBrowse channels\n")
        #expect(collection == EpisodeCollection(preamble: ["Brand — tagline", "Browse channels"]))
        #expect(diagnostics.all.map(\.id) == ["summary.no-episodes"])
    }

    @Test func backwardAndDuplicateStartsAreReportedNotChanged() throws {
        let page = "Chrome\nT\nOverview. ## [02:00] A Body one. ## [01:00] B Body two. ## [01:00] C Body three."
        let (collection, diagnostics) = try readSummary(page)
        #expect(collection.episodes[0].chapters.map(\.start) == [120, 60, 60])
        #expect(
            diagnostics.warnings.map(\.description) == [
                "in.txt:3:34: warning: chapter at [01:00] starts before the chapter before it ([02:00]); kept as written [summary.timestamp.order]",
                "in.txt:3:57: warning: chapter at [01:00] starts at the same time as the chapter before it ([01:00]); kept as written [summary.timestamp.order]",
            ])
    }

    @Test func deeplyNestedQuoteMarkersAreText() throws {
        let nested = String(repeating: "> ", count: 5000) + "*deep*"
        let (collection, _) = try readSummary("T\n\n## [00:00] A\n\(nested)\n")
        let chapter = try #require(collection.episodes.first?.chapters.first)
        #expect(chapter.quotes == [Quote(text: "deep")])
        #expect(chapter.body == String(repeating: "> ", count: 4999).trimmingWhitespace())
    }

    @Test func aFiveMegabyteLineIsReadWhole() throws {
        let chapter = " ## [00:00] Start The body goes on. > *\"A quote.\"*"
        var line = "Overview."
        var count = 0
        while line.utf8.count < 5_000_000 {
            line += chapter.replacingOccurrences(of: "[00:00]", with: "[\(Timestamp.string(fromSeconds: count))]")
            count += 1
        }
        let (collection, _) = try readSummary("Chrome\nTitle\n" + line)
        #expect(collection.episodes.count == 1)
        #expect(collection.episodes[0].chapters.count == count)
        #expect(collection.episodes[0].chapters.last?.quotes == [Quote(text: "A quote.")])
    }

    @Test func aFiveMegabyteLineWithoutStructureIsKept() throws {
        let line = String(repeating: "word ", count: 1_000_000)
        let (collection, _) = try readSummary(line)
        #expect(collection.episodes.count + collection.preamble.count == 1)
        let kept = collection.episodes.first?.title ?? collection.preamble.first ?? ""
        #expect(kept == line.trimmingWhitespace())
    }
}

/// Inputs found in review that once crashed Quire or lost text silently.
@Suite struct ReviewedInputTests {
    @Test func hugeQuoteTimesDoNotOverflow() throws {
        let (collection, _) = try readSummary("Title\n\n## [00:00] Intro\n> *\"Said.\"*\n> *[999999999999999999, 0]*\n")
        // Not a time Quire can hold: kept as what it looks like, a quote of its own.
        #expect(collection.episodes[0].chapters[0].quotes == [Quote(text: "Said."), Quote(text: "[999999999999999999, 0]")])
        let page =
            "Chrome\nEpisode One\nIntro text. ## [00:00] Start The host opens. > *{'start': 60.0, 'summary': \"x y\", 'quotes': ['hello there world friend', [999999999999999999, 5]]}* ## [01:00] Next"
        let (recovered, _) = try readSummary(page)
        #expect(recovered.episodes[0].chapters.count == 2)
    }

    @Test func impossibleFrontMatterNumbersAreKeptAsText() throws {
        let text = "---\nrecovered-chapters: -9223372036854775808\nduration: -5\n---\nTitle\n\n## [00:00] Intro\nbody\n"
        let (collection, diagnostics) = try readSummary(text)
        #expect(collection.episodes[0].metadata.duration == nil)
        #expect(collection.episodes[0].metadata.extra.map(\.key) == ["recovered-chapters", "duration"])
        #expect(diagnostics.warnings.map(\.id) == ["summary.front-matter.recovered", "summary.front-matter.duration"])
    }

    @Test func aChromeHeadingDoesNotTurnAPageIntoOneEpisode() throws {
        let lines = try Fixtures.text("Examples/sample-page.txt").split(separator: "\n", omittingEmptySubsequences: false)
        for chrome in ["## Latest episodes", "---"] {
            // After the site's own two chrome lines, as a scraper would find it.
            let page = (lines[..<2] + [Substring(chrome)] + lines[2...]).joined(separator: "\n")
            let (collection, _) = try readSummary(page)
            #expect(collection.episodes.count == 6, "with \(chrome.debugDescription)")
            #expect(collection.episodes.reduce(0) { $0 + $1.chapters.count } == 33)
        }
    }

    @Test func brokenFrontMatterIsReported() throws {
        let (collection, diagnostics) = try readSummary("---\nchannel: X\n\nlanguage: en\n---\nTitle\n\nBody.\n")
        #expect(
            diagnostics.warnings.map(\.description) == [
                "in.txt:3:1: warning: line is not a 'key: value' line; the front matter is read as episode text [summary.front-matter.malformed]"
            ])
        #expect(!collection.episodes.isEmpty)
    }

    @Test func repeatedFrontMatterKeysKeepEveryValue() throws {
        let (collection, diagnostics) = try readSummary("---\nguest: Alice\nguest: Bob\n---\nTitle\n\nBody.\n")
        #expect(collection.episodes[0].metadata.extra == [MetadataField(key: "guest", value: "Alice\nBob")])
        #expect(diagnostics.all.map(\.id) == ["summary.front-matter.repeated"])
        #expect(try viaJSON(collection) == collection)
        #expect(try readSummary(try writeSummary(collection)).0 == collection)
    }
}
