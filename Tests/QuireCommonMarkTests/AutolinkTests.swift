import Testing

@testable import QuireCommonMark

/// cmark-gfm's autolink extension costs memory per `w` and `@` of the text (a 100 MB line took 4 GB),
/// so it is attached only when the text holds something it could link.
@Suite struct AutolinkTests {
    private func mayHold(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { CommonMarkParsing.mayHoldAutolink($0) }
    }

    @Test func textThatCouldHoldALinkKeepsTheExtension() {
        for text in ["see www.example.org", "WWW.EXAMPLE.ORG", "mail me@example.org", "https://example.org", "x ftp://host"] {
            #expect(mayHold(text), "\(text)")
        }
    }

    @Test func textWithNothingToLinkLeavesItOut() {
        for text in ["plain words with many w's: www", "ww.", "a: //b", "", "表 :/"] {
            #expect(!mayHold(text), "\(text)")
        }
    }

    @Test func linksStillRenderAndPlainTextIsTheSame() {
        #expect(CommonMarkRenderer.html(document: "see www.example.org") == "<p>see <a href=\"http://www.example.org\">www.example.org</a></p>\n")
        #expect(CommonMarkRenderer.html(document: "wow, www") == "<p>wow, www</p>\n")
        // A long line of words with w's renders without the extension's cost.
        let long = String(repeating: "word ", count: 200_000)
        #expect(CommonMarkRenderer.html(document: long).hasPrefix("<p>word word"))
    }
}
