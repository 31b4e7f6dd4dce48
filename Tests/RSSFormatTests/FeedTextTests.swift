import QuireCore
import Testing

@testable import QuireRSS

@Suite struct FeedDateTests {
    @Test(arguments: [
        ("Tue, 03 Sep 2024 10:00:00 +0000", "2024-09-03T10:00:00Z"),
        ("Thu, 14 Nov 2024 06:00:00 -0600", "2024-11-14T12:00:00Z"),
        ("Mon, 2 Sep 2024 08:00:00 +0200", "2024-09-02T06:00:00Z"),
        ("Fri, 11 Oct 2024 04:00:00 GMT", "2024-10-11T04:00:00Z"),
        ("11 Oct 2024 04:00 EDT", "2024-10-11T08:00:00Z"),
        ("Sunday, 01 June 2025 23:30:00 PST", "2025-06-02T07:30:00Z"),
        ("Wed, 01 Jan 25 00:00:00 Z", "2025-01-01T00:00:00Z"),
        ("Sat, 29 Feb 2020 12:00:00", "2020-02-29T12:00:00Z"),
        ("2024-06-02T09:00:00+02:00", "2024-06-02T07:00:00Z"),
        ("2024-05-19T08:00:00.250Z", "2024-05-19T08:00:00Z"),
        ("2024-05-19", "2024-05-19T00:00:00Z"),
    ])
    func datesFeedsWrite(_ written: String, _ iso: String) {
        #expect(FeedDates.iso8601(from: written) == iso)
    }

    @Test(arguments: ["", "sometime last week", "Tue, 31 Feb 2024 10:00:00 GMT", "Tue, 03 Sep 2024 25:00:00 GMT", "2024-13-01", "03/09/2024"])
    func notDates(_ text: String) {
        #expect(FeedDates.iso8601(from: text) == nil)
    }

    @Test func writtenDatesReadBack() {
        #expect(FeedDates.rfc822(0) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(FeedDates.seconds(fromModelDate: "2026-05-21").map(FeedDates.rfc822) == "Thu, 21 May 2026 00:00:00 GMT")
        for seconds in [0, 86_399, 951_782_400, 1_700_000_000] {
            #expect(FeedDates.iso8601(from: FeedDates.rfc822(seconds)) == FeedDates.isoString(seconds))
        }
    }
}

@Suite struct DurationTests {
    @Test(arguments: [("4100", 4100), ("4100.5", 4100), ("45:00", 2700), ("1:08:20", 4100), ("01:04:31", 3871), ("1:2:3", 3723), ("0", 0)])
    func durations(_ text: String, _ seconds: Int) {
        #expect(FeedDurations.seconds(text) == seconds)
    }

    @Test(arguments: ["", "about an hour", "1:75", "1:2:3:4", "-5", "1e3", ":30"])
    func notDurations(_ text: String) {
        #expect(FeedDurations.seconds(text) == nil)
    }
}

@Suite struct FeedLinkTests {
    @Test(arguments: [
        ("episodes/1", "https://a.example/show/", "https://a.example/show/episodes/1"),
        ("/audio/1.mp3", "https://a.example/show/", "https://a.example/audio/1.mp3"),
        ("../art/c.png", "https://a.example/show/feed.xml", "https://a.example/art/c.png"),
        ("./", "https://a.example/show/", "https://a.example/show/"),
        ("//cdn.example/x.mp3", "https://a.example/", "https://cdn.example/x.mp3"),
        ("?page=2", "https://a.example/feed?page=1", "https://a.example/feed?page=2"),
        ("https://b.example/x", "https://a.example/", "https://b.example/x"),
    ])
    func resolves(_ link: String, _ base: String, _ expected: String) {
        #expect(FeedLinks.resolve(link, against: base) == expected)
    }

    @Test func aRelativeBaseResolvesNothing() {
        #expect(FeedLinks.resolve("a", against: "show/") == nil)
        #expect(FeedLinks.isAbsolute("urn:uuid:1") && !FeedLinks.isAbsolute("a/b:c"))
    }
}

@Suite struct ShowNotesTests {
    @Test func htmlBecomesCleanText() {
        let html = """
            <p>Hello &amp; <b>welcome</b>&nbsp;to the&#x20;show.</p><script>alert(1)</script><!-- a > b -->
            <ul><li>One</li><li>Two &#8211; three</li></ul><p>Line<br/>break</p><style>p{}</style>
            """
        #expect(ShowNotes.cleanText(html) == "Hello & welcome to the show.\n\n- One\n- Two – three\n\nLine\nbreak")
    }

    @Test func textThatIsNotHTMLKeepsItsBrackets() {
        #expect(!ShowNotes.looksLikeHTML("a < b and <tag> stays"))
        #expect(ShowNotes.cleanText("  a < b and <tag> stays  \n\n\n next ") == "a < b and <tag> stays\n\nnext")
        #expect(ShowNotes.looksLikeHTML("Q&amp;A") && ShowNotes.looksLikeHTML("<i>x</i>") && ShowNotes.looksLikeHTML("x<br/>y"))
    }

    @Test func textFullOfOpenBracketsIsCleanedInOnePass() {
        let text = String(repeating: "<a", count: 50_000)
        #expect(ShowNotes.plainText(fromHTML: text).isEmpty == false)
    }

    @Test(arguments: [
        ("00:12:30 Topic", 750, "Topic"), ("(12:30) Topic", 750, "Topic"), ("12:30 - Topic", 750, "Topic"), ("[12:30] Topic", 750, "Topic"),
        ("- 1:02:03 – Topic", 3723, "Topic"), ("• 0:00 | Intro", 0, "Intro"), ("12:30: Topic", 750, "Topic"),
    ])
    func timestampLines(_ line: String, _ seconds: Int, _ title: String) throws {
        let (start, found) = try #require(ShowNotes.timestampLine(line[...]))
        #expect(start == seconds && found == title)
    }

    @Test(arguments: ["12:30pm we met", "12:30", "(12:30 Topic", "Topic 12:30", "1:75 Topic", "12.30 Topic"])
    func linesThatAreNotChapters(_ line: String) {
        #expect(ShowNotes.timestampLine(line[...]) == nil)
    }

    @Test func aChapterListNeedsTwoRisingTimes() {
        #expect(ShowNotes.timestampChapters(in: "We met at 10:00 Sharp.\n10:00 Only one").chapters.isEmpty)
        #expect(ShowNotes.timestampChapters(in: "05:00 B\n01:00 A").chapters.isEmpty)
        let found = ShowNotes.timestampChapters(in: "Notes\n00:00 A\n01:00 B\nBye")
        #expect(found.chapters == [Chapter(start: 0, title: "A"), Chapter(start: 60, title: "B")])
        #expect(found.lines == ["00:00 A", "01:00 B"])
    }
}

@Suite struct SnifferTests {
    @Test func theRootElementDecides() {
        let buzzsprout = "<?xml version=\"1.0\"?>\n<?xml-stylesheet href=\"s.xsl\"?>\n<!-- hi > there -->\n<rss version=\"2.0\">"
        #expect(RSSFormat.rootElementStart(buzzsprout)?.hasPrefix("<rss") == true)
        #expect(RSSFormat.rootElementStart("\u{FEFF}<feed xmlns=\"http://www.w3.org/2005/Atom\">")?.hasPrefix("<feed") == true)
        // Prose about feeds, and other XML, are not feeds.
        #expect(RSSFormat.rootElementStart("# Notes\n\nWrite <rss> in the file.") == nil)
        #expect(RSSFormat.rootElementStart("<opml version=\"2.0\"><!-- <rss> -->")?.hasPrefix("<rss") == false)
    }
}
