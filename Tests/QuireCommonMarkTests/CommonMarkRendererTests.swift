import QuireCommonMark
import Testing

/// CommonMark with the GFM extensions, rendered to HTML: what a page or a book shows.
@Suite struct CommonMarkRendererTests {
    @Test func rendersCommonMark() {
        #expect(
            CommonMarkRenderer.html(document: "# Title\n\nSome *em*, **strong** and `code`.\n\n> quoted\n")
                == "<h1>Title</h1>\n<p>Some <em>em</em>, <strong>strong</strong> and <code>code</code>.</p>\n<blockquote>\n<p>quoted</p>\n</blockquote>\n")
        #expect(CommonMarkRenderer.html(document: "") == "")
    }

    @Test func rendersTheGFMExtensions() {
        #expect(
            CommonMarkRenderer.html(document: "~~gone~~ and https://example.org\n")
                == "<p><del>gone</del> and <a href=\"https://example.org\">https://example.org</a></p>\n")
        // Column alignment as a style: HTML5 has no `align` attribute.
        #expect(
            CommonMarkRenderer.html(document: "| a | b |\n|:--|--:|\n| 1 | 2 |\n") == """
                <table>
                <thead>
                <tr>
                <th style="text-align: left">a</th>
                <th style="text-align: right">b</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td style="text-align: left">1</td>
                <td style="text-align: right">2</td>
                </tr>
                </tbody>
                </table>

                """)
        let tasks = CommonMarkRenderer.html(document: "- [x] done\n- [ ] open\n")
        #expect(tasks.contains("checked=\"\""))
        #expect(tasks.components(separatedBy: "type=\"checkbox\"").count == 3)
    }

    /// Raw HTML and `javascript:` links are left out unless the caller asks for unsafe rendering.
    @Test func unsafeHTMLIsDroppedByDefault() {
        let text = "<script>alert(1)</script>\n\nSay <b>hi</b> [x](javascript:alert(1))\n"
        #expect(
            CommonMarkRenderer.html(document: text)
                == "<!-- raw HTML omitted -->\n<p>Say <!-- raw HTML omitted -->hi<!-- raw HTML omitted --> <a href=\"\">x</a></p>\n")
        #expect(
            CommonMarkRenderer.html(document: text, unsafe: true)
                == "<script>alert(1)</script>\n<p>Say <b>hi</b> <a href=\"javascript:alert(1)\">x</a></p>\n")
        #expect(CommonMarkRenderer.inlineHTML(paragraph: "a <img src=x onerror=alert(1)> b") == "a <!-- raw HTML omitted --> b")
    }

    @Test func inlineHTMLIsOneParagraphWithoutItsTags() {
        #expect(CommonMarkRenderer.inlineHTML(paragraph: "a *b* [c](https://e.org/?x=1&y=2)") == "a <em>b</em> <a href=\"https://e.org/?x=1&amp;y=2\">c</a>")
        #expect(CommonMarkRenderer.inlineHTML(paragraph: "line  \nbreak") == "line<br />\nbreak")
        // Anything that is not exactly one paragraph is for the caller to escape as text.
        for text in ["# heading", "- item", "one\n\ntwo", "> quote", "", "```\ncode\n```"] {
            #expect(CommonMarkRenderer.inlineHTML(paragraph: text) == nil, "\(text)")
        }
    }

    @Test func invalidUTF8BecomesReplacementCharacters() {
        let rendered = CommonMarkRenderer.render(utf8: [0x61, 0xFF, 0x62, 0x0A])
        #expect(String(decoding: rendered.html, as: UTF8.self) == "<p>a\u{FFFD}b</p>\n")
        #expect(rendered.firstHeading == nil)
    }

    /// The first heading is the first top-level one, of any level, in plain text.
    @Test func theFirstHeadingIsPlainText() {
        #expect(CommonMarkRenderer.render(utf8: Array("> # quoted\n\n### Third *level* \\*\n\n# Later\n".utf8)).firstHeading == "Third level *")
    }
}
