import QuireCommonMark
import QuireCore
import QuireTestSupport
import Testing

@testable import QuireMarkdown

/// Text that looks like Markdown structure survives writing and reading, and renders as written.
@Suite struct EscapingTests {
    private func roundTrip(_ episode: Episode, options: [String: String] = [:]) throws -> String {
        let model = EpisodeCollection(episodes: [episode])
        let (text, _) = try writeMarkdown(model, options: options)
        let (back, diagnostics) = try readMarkdown(text)
        #expect(back == model, "\(firstDifference(back, model))\n\(text)")
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
        return text
    }

    @Test func aTitleStartingWithAHashStaysATitle() throws {
        let text = try roundTrip(Episode(title: "#1 Episode #", chapters: [Chapter(start: 0, title: "# not a heading")]))
        #expect(text.contains("# #1 Episode \\#\n"))
        #expect(CommonMarkRenderer.html(document: text).contains("<h1>#1 Episode #</h1>"))
    }

    @Test func plainTextMarkupCharactersAreShownLiterally() throws {
        let title = "A *b* _c_ [d](e) <f> `g` ~h~ \\i &amp; | j"
        let text = try roundTrip(
            Episode(
                title: title, chapters: [Chapter(start: 5, title: title)],
                entities: [Entity(name: "**x**", type: "(y)", description: "")]))
        #expect(CommonMarkRenderer.html(document: text).contains("<h1>A *b* _c_ [d](e) &lt;f&gt; `g` ~h~ \\i &amp;amp; | j</h1>"))
        #expect(text.contains("- **\\*\\*x\\*\\*** (\\(y\\))\n"))
    }

    /// Unescaping copies the text between `\\` and `&` in runs, yet decides escapes character by
    /// character as before: a backslash joined to a prepended mark (U+0600) is no escape.
    @Test func unescapingFollowsCharacters() {
        #expect(PlainTextEscaping.unescape("a\\* é\\* \u{600}\\* \\\\\\& &#38;&#x26; \\é 日本\\_") == "a* é* \u{600}\\* \\& && \\é 日本_")
        #expect(PlainTextEscaping.unescape("") == "")
        #expect(PlainTextEscaping.unescape("no escapes") == "no escapes")
        #expect(PlainTextEscaping.unescape("ends with \\") == "ends with \\")
    }

    @Test func bodyInlineMarkupIsKeptAsWritten() throws {
        let body = "Some *emphasis*, a_b_c, [a link](https://e.org), <b>raw</b> and 2 < 3."
        let text = try roundTrip(Episode(title: "T", chapters: [Chapter(start: 1, title: "C", body: body)]))
        #expect(text.contains("\n" + body + "\n"))
    }

    @Test func bodyParagraphsThatWouldStartBlocksAreEscaped() throws {
        let body = [
            "1. not a list", "2) nor this", "> not a quote", "- nor a bullet", "# nor a heading", "---", "===", "```", "~~~ fence",
            "<div>html</div>", "[ref]: https://e.org", "| a | b |", "|---|---|", "    indented", "\ttabbed", "\\# already escaped",
            "[01:36] looks like a time", "* star", "+ plus", "***", "__ _", "10. ten",
        ].joined(separator: "\n\n")
        let text = try roundTrip(Episode(title: "T", summary: body, chapters: [Chapter(start: 1, title: "C", body: body, quotes: [Quote(text: body)])]))
        #expect(text.contains("\n1\\. not a list\n"))
        #expect(text.contains("\n\\> not a quote\n"))
        #expect(text.contains("\n> 1\\. not a list\n"))
        // The escapes are CommonMark's own: a renderer shows the text, not structure.
        let html = CommonMarkRenderer.html(document: text)
        #expect(html.contains("<p>1. not a list</p>"))
        #expect(html.contains("<p>&gt; not a quote</p>"))
        #expect(html.contains("<p>- nor a bullet</p>"))
        #expect(!html.contains("<ol"))
        #expect(!html.contains("<table"))
        #expect(html.components(separatedBy: "<h2>").count == 2)
    }

    @Test func aPipeInATableCellStaysInItsCell() throws {
        let entities = [
            Entity(name: "A|B", type: "x|y", description: "one | two \\| three"), Entity(name: "C", type: "", description: "line\nbreak <br> kept"),
        ]
        let text = try roundTrip(Episode(title: "T", entities: entities), options: ["entities": "table"])
        #expect(text.contains("| A\\|B | x\\|y | one \\| two \\\\\\| three |\n"))
        #expect(text.contains("| C |  | line<br>break \\<br> kept |\n"))
        let html = CommonMarkRenderer.html(document: text)
        #expect(html.contains("<td>A|B</td>"))
    }

    @Test func aDescriptionATableCannotHoldFallsBackToAList() throws {
        let model = EpisodeCollection(episodes: [Episode(title: "T", entities: [Entity(name: "N", type: "t", description: "ends in \\\nnext")])])
        let (text, diagnostics) = try writeMarkdown(model, options: ["entities": "table"])
        #expect(diagnostics.all.map(\.id) == ["markdown.entities.list"])
        #expect(text.contains("- **N** (t): ends in \\\n  next\n"))
        #expect(try readMarkdown(text).0 == model)
    }

    @Test func frontMatterValuesThatNeedQuotesAreQuoted() throws {
        let episode = Episode(
            title: "T", channel: "Show: the sequel", language: "en",
            metadata: EpisodeMetadata(
                url: "https://e.org/a#b", extra: [MetadataField(key: "note", value: "- \"dash\"\nnewline"), MetadataField(key: "yes", value: "no")]))
        let text = try roundTrip(episode)
        #expect(text.contains("channel: \"Show: the sequel\"\n"))
        #expect(text.contains("url: https://e.org/a#b\n"))
        #expect(text.contains("note: \"- \\\"dash\\\"\\nnewline\"\n"))
        #expect(text.contains("yes: \"no\"\n"))
    }

    @Test func extraFieldsNamedLikeKnownKeysGoUnderExtra() throws {
        let episode = Episode(title: "T", metadata: EpisodeMetadata(extra: [MetadataField(key: "url", value: "x"), MetadataField(key: "my key", value: "z")]))
        let text = try roundTrip(episode)
        #expect(text.contains("extra:\n  \"url\": x\n  \"my key\": z\n"))
    }
}
