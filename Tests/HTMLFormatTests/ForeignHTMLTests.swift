import Foundation
import QuireCore
import QuireHTML
import QuireTestSupport
import Testing

/// HTML Quire did not write becomes one episode: headings are chapters, nothing visible is dropped.
@Suite struct ForeignHTMLTests {
    /// `Fixtures/pandoc-notes.html` is `pandoc -s -t html5 Fixtures/pandoc-notes.md` (pandoc 2.17).
    @Test func pandocPageBecomesAnEpisodeWithChapters() throws {
        let input = try Fixtures.input("Tests/HTMLFormatTests/Fixtures/pandoc-notes.html")
        var diagnostics = Diagnostics()
        let collection = try HTMLReader().read(input, options: ConversionOptions(), diagnostics: &diagnostics)
        let expected = Episode(
            title: "Notes on Sourdough", language: "en",
            summary: "Everything I learned from a year of baking, with **no** shortcuts. A second line of the same paragraph.",
            chapters: [
                Chapter(
                    start: nil, title: "Starter", body: "Feed it twice a day. Use `100%` hydration & patience.\n\n- flour\n\n- water",
                    quotes: [Quote(text: "The starter is a pet, not a pantry item.")]),
                Chapter(start: nil, title: "Baking at 250 °C", body: "See [the guide](https://example.org/guide?x=1&y=2)."),
                Chapter(
                    start: nil, title: "Scoring",
                    body: "Score at 30 degrees.\n\n**A small heading**\n\nLast words with a literal asterisk: 5 \\* 3."),
            ],
            metadata: EpisodeMetadata(published: "2026-03-14", extra: [MetadataField(key: "author", value: "A. Baker")]))
        #expect(collection == EpisodeCollection(episodes: [expected]))
        #expect(diagnostics.all.map(\.id) == ["html.foreign"])
        #expect(diagnostics.all.first?.severity == .warning)
        #expect(diagnostics.all.first?.location?.file == input.name)
    }

    @Test func blogPostKeepsEveryVisibleText() throws {
        let html = """
            <html><head><title>My blog — a post</title><script>var tracking = 1;</script></head>
            <body><nav><a href="/">Home</a></nav>
            <div class="post"><div class="intro">Loose text <b>first</b>,<p>then a paragraph.</p></div>
            <h2>Part one</h2><div><span>Nested   <i>inline</i></span> text<br>after a break.</div>
            <table><tr><th>Name</th><td>Value</td></tr></table>
            <pre>line 1
              *line* 2</pre></div></body></html>
            """
        let (collection, diagnostics) = try readHTML(html)
        let episode = try #require(collection.episodes.first)
        #expect(episode.title == "My blog — a post")
        #expect(episode.summary == "Loose text **first**,\n\nthen a paragraph.")
        #expect(
            episode.chapters == [
                Chapter(start: nil, title: "Part one", body: "Nested *inline* text\\\nafter a break.\n\nName | Value\n\nline 1\\\n  \\*line\\* 2")
            ])
        #expect(diagnostics.all.contains { $0.id == "html.foreign" })
    }

    @Test func aNovelChapterWithoutHeadingsIsOneSummary() throws {
        let (collection, _) = try readHTML("<p>It was a dark night.</p><p>“Who’s there?” she asked &amp; waited.</p>")
        #expect(collection.episodes == [Episode(title: "", summary: "It was a dark night.\n\n“Who’s there?” she asked & waited.")])
    }

    @Test func brokenHTMLIsReadWithWarningsThatNameTheLine() throws {
        let (collection, diagnostics) = try readHTML("<html><body>\n<h1>T</h1>\n<p>a &bogus; <b>bold</p>\n</body></html>")
        #expect(collection.episodes.first?.title == "T")
        let parse = diagnostics.all.filter { $0.id == "html.parse" }
        #expect(!parse.isEmpty)
        #expect(parse.allSatisfy { $0.location?.line != nil && $0.location?.file == "in.html" })
    }

    /// A page declaring entities (billion laughs, an external file) is refused, as XML documents are;
    /// HTML's own references still read, and text elsewhere that mentions `<!ENTITY` is no declaration.
    @Test(arguments: [
        "<!DOCTYPE html [<!ENTITY boom \"BOOM\"><!ENTITY file SYSTEM \"file:///etc/passwd\">]>",
        "<!doctype html [\n<!entity a \"aaaaaaaaaa\"><!entity b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n]>",
    ])
    func declaredEntitiesAreRefused(doctype: String) throws {
        let html = doctype + "\n<html><body><h1>T</h1><p>a &boom; b &file; &b;</p></body></html>"
        do {
            _ = try readHTML(html)
            Issue.record("a page declaring entities was read")
        } catch let failure as ConversionFailure {
            #expect(failure.diagnostics.map(\.id) == ["html.entities"])
            #expect(failure.diagnostics.first?.location?.line == (doctype.contains("\n") ? 2 : 1))
        }
        let (collection, _) = try readHTML(
            "<!DOCTYPE html>\n<html><body><h1>T</h1><p>c &amp; d&nbsp;e, not an &lt;!ENTITY</p><!-- <!ENTITY x> --></body></html>")
        #expect(collection.episodes.first?.summary.contains("c & d\u{00A0}e") == true)
    }

    @Test func nestingBeyondTheParsersLimitIsAnErrorNamingThePlace() throws {
        let html = String(repeating: "<div>", count: 5000) + "deep text" + String(repeating: "</div>", count: 5000)
        do {
            _ = try readHTML(html)
            Issue.record("expected the read to fail")
        } catch let failure as ConversionFailure {
            let error = try #require(failure.diagnostics.first)
            #expect(error.severity == .error)
            #expect(error.location?.file == "in.html")
            #expect(error.location?.line == 1 && error.location?.column != nil)
        }
    }

    @Test func nestingWithinTheLimitKeepsItsText() throws {
        let html = String(repeating: "<div>", count: 200) + "deep <em>text</em>" + String(repeating: "</div>", count: 200)
        #expect(try readHTML(html).0.episodes.first?.summary == "deep *text*")
    }
}
