import QuireCore
import QuireXML
import Testing

/// Untrusted HTML is read as browsers read it, with a warning where it is broken; pages carrying
/// entity declarations are refused as XML documents are.
@Suite struct SafeHTMLParserTests {
    private func parse(_ text: String) throws -> SafeHTMLParser.Parsed {
        try SafeHTMLParser.parse(InputFile(name: "page.html", bytes: Array(text.utf8)), prefix: "test")
    }

    private func refusal(_ text: String) -> [String] {
        do {
            _ = try parse(text)
            Issue.record("expected a refusal")
        } catch let failure as SafeXMLParser.Failure {
            return failure.diagnostics.map(\.description)
        } catch {
            Issue.record("unexpected \(error)")
        }
        return []
    }

    @Test func entityDeclarationsAreRefusedWhateverTheirCase() {
        let message = "error: the page declares entities in a DTD; HTML has none, and Quire never expands them (billion laughs, external files) [test.entities]"
        #expect(refusal("<!DOCTYPE html [\n<!ENTITY x \"y\">\n]>\n<html><body>&x;</body></html>") == ["page.html:2:1: \(message)"])
        #expect(refusal("<!doctype HTML [ <!entity x SYSTEM \"file:///etc/passwd\"> ]><p>&x;</p>") == ["page.html:1:1: \(message)"])
    }

    /// Only the DOCTYPE's internal subset is looked at: a page that mentions `<!ENTITY` is read.
    @Test func entityTextOutsideTheDoctypeIsRead() throws {
        let parsed = try parse("<!DOCTYPE html>\n<html><body><script>var s = \"<!ENTITY x>\";</script><p>About XML</p></body></html>")
        let body = try #require(parsed.root.child(named: "body"))
        #expect(body.child(named: "script")?.text == "var s = \"<!ENTITY x>\";")
        #expect(body.child(named: "p")?.text == "About XML")
    }

    @Test func brokenMarkupIsReadWithAWarningOnItsLine() throws {
        let parsed = try parse("<html><body>\n<p>one</p>\n<p>two <b>bold</p>\n</body></html>\n")
        #expect(!parsed.warnings.isEmpty)
        #expect(parsed.warnings.allSatisfy { $0.id == "test.parse" && $0.severity == .warning })
        #expect(parsed.warnings.first?.location?.line == 3, "\(parsed.warnings)")
        let paragraphs = try #require(parsed.root.child(named: "body")).children(named: "p")
        #expect(paragraphs.map(\.text) == ["one", "two "])
    }

    @Test func html5ElementsAreNotComplainedAbout() throws {
        let parsed = try parse("<!DOCTYPE html><html><body><article><section><time datetime=\"PT1M\">01:00</time></section></article></body></html>")
        #expect(parsed.warnings.isEmpty, "\(parsed.warnings)")
        let time = parsed.root.child(named: "body")?.child(named: "article")?.child(named: "section")?.child(named: "time")
        #expect(time?.text == "01:00")
        #expect(time?.attribute("datetime") == "PT1M")
    }

    /// Without a declared charset, text that is valid UTF-8 is read as UTF-8 (not Latin-1).
    @Test func undeclaredUTF8IsReadAsUTF8() throws {
        let parsed = try parse("<html><body><p>café 世界 한국어</p></body></html>")
        #expect(parsed.root.child(named: "body")?.child(named: "p")?.text == "café 世界 한국어")
    }
}
