import Testing

@testable import QuireKEPUB

/// Kobo's markup in one document: where the spans go, that removing them gives the exact bytes back,
/// and what a document that is not well formed answers.
struct KoboMarkupTests {
    static func document(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en">
        <head><title>A. B. C.</title><style>p { margin: 0. }</style></head>
        <body class="episode">\(body)</body>
        </html>

        """
    }

    static func adding(_ text: String) throws -> String {
        String(decoding: try KoboMarkup.adding(to: Array(text.utf8)), as: UTF8.self)
    }

    @Test func spansNestInsideInlineElementsAndWrappersEncloseTheBody() throws {
        let result = try Self.adding(Self.document("\n<p>One <em>two. Three</em> four.</p>\n<h2>Title</h2>\n"))
        let expected = Self.document(
            """
            <div id="book-columns"><div id="book-inner">
            <p><span class="koboSpan" id="kobo.1.1">One</span> <em><span class="koboSpan" id="kobo.1.2">two.</span> \
            <span class="koboSpan" id="kobo.1.3">Three</span></em> <span class="koboSpan" id="kobo.1.4">four.</span></p>
            <h2><span class="koboSpan" id="kobo.2.1">Title</span></h2>
            </div></div>
            """)
        #expect(result == expected)
    }

    @Test func svgScriptsAndTheHeadKeepTheirText() throws {
        let body =
            "<figure><svg xmlns=\"http://www.w3.org/2000/svg\"><title>Timeline. Two.</title><text>01:36 Intro.</text></svg>"
            + "<figcaption>A caption.</figcaption></figure><script>var a = 1. ;</script>"
        let result = try Self.adding(Self.document(body))
        #expect(result.contains("<title>A. B. C.</title><style>p { margin: 0. }</style>"))
        #expect(result.contains("<title>Timeline. Two.</title><text>01:36 Intro.</text></svg>"))
        #expect(result.contains("<figcaption><span class=\"koboSpan\" id=\"kobo.1.1\">A caption.</span></figcaption>"))
        #expect(result.contains("<script>var a = 1. ;</script>"))
    }

    @Test func removingGivesBackTheExactDocument() throws {
        let original = Self.document(
            "\n<!-- a comment. With text. -->\n<ul>\n  <li>First. <a href=\"x.xhtml#a\">Second &amp; third.</a></li>\n  <li><br/>Alone</li>\n</ul>\n"
                + "<blockquote><p>“Quoted.” Then more?</p></blockquote>\n<p lang=\"zh\">第一句。第二句！</p>\n")
        let added = try KoboMarkup.adding(to: Array(original.utf8))
        #expect(added != Array(original.utf8))
        #expect(try KoboMarkup.removing(from: added) == Array(original.utf8))
        // Converting a KEPUB again does not nest spans.
        #expect(try KoboMarkup.adding(to: added) == added)
    }

    @Test func removingLeavesOtherSpansAndDivs() throws {
        let original = Self.document("<div id=\"book\"><span class=\"koboSpan\">no kobo id</span><span id=\"kobo.1.1\">no class</span></div>")
        #expect(try KoboMarkup.removing(from: Array(original.utf8)) == Array(original.utf8))
    }

    @Test(arguments: [
        ("<p>unclosed <em>x</p>", "'</p>' closes '<em>' opened at line 5, column 35", 5),
        ("<p>a < b</p>", "'<' starts no tag", 5),
        ("\n<p class=\"x\"\n", "is not closed", 6),
        ("<!-- never closed", "the comment is not closed", 5),
    ])
    func malformedDocumentsSayWhereAndWhy(body: String, message: String, line: Int) {
        let bytes = Array(Self.document(body).utf8)
        do {
            _ = try KoboMarkup.adding(to: bytes)
            Issue.record("expected a failure")
        } catch {
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.position(in: bytes).line == line)
        }
    }
}
