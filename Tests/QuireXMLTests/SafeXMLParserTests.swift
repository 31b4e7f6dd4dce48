import QuireCore
import QuireXML
import Testing

/// Untrusted XML: entities are never expanded and nothing is fetched; every error names its line
/// and column.
@Suite struct SafeXMLParserTests {
    private func parse(_ text: String, keepingWhitespace: Bool = false) throws -> XMLElement {
        try SafeXMLParser.parse(InputFile(name: "doc.xml", bytes: Array(text.utf8)), prefix: "test", keepingWhitespace: keepingWhitespace)
    }

    /// The diagnostics of a parse that must fail.
    private func refusal(_ text: String, entry: String? = nil) -> [Diagnostic] {
        do {
            let root = try SafeXMLParser.parse(InputFile(name: "doc.xml", bytes: Array(text.utf8)), entry: entry, prefix: "test")
            Issue.record("expected a refusal, parsed <\(root.name)>")
        } catch let failure as SafeXMLParser.Failure {
            return failure.diagnostics
        } catch {
            Issue.record("unexpected \(error)")
        }
        return []
    }

    static let billionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
        <!ENTITY lol "lol">
        <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
        ]>
        <lolz>&lol3;</lolz>
        """

    @Test func billionLaughsIsRefusedNotExpanded() {
        #expect(
            refusal(Self.billionLaughs).map(\.description) == [
                "doc.xml:3:1: error: the document declares entities in its DTD; Quire never expands entities (billion laughs, external files) and reads no such document [test.entities]"
            ])
    }

    @Test func externalEntitiesAreRefusedAndNeverFetched() {
        for system in ["file:///etc/passwd", "http://127.0.0.1:9/secret.txt"] {
            let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE note [<!ENTITY xxe SYSTEM \"\(system)\">]>\n<note>&xxe;</note>\n"
            let diagnostics = refusal(text, entry: "META-INF/container.xml")
            #expect(diagnostics.map(\.id) == ["test.entities"])
            #expect(diagnostics.first?.location?.description == "doc.xml(META-INF/container.xml):2:1")
        }
    }

    /// An external DTD is not loaded (no network, no file): the document is read on its own.
    @Test func anExternalDTDIsNotLoaded() throws {
        let root = try parse("<?xml version=\"1.0\"?>\n<!DOCTYPE note SYSTEM \"http://127.0.0.1:9/note.dtd\">\n<note kind=\"a\">text</note>\n")
        #expect(root.name == "note")
        #expect(root.text == "text")
        #expect(root.attribute("kind") == "a")
    }

    @Test func malformedXMLNamesLineAndColumn() {
        let diagnostics = refusal("<root>\n  <item>one</item>\n  <item>two</itm>\n</root>\n")
        let first = diagnostics.first
        #expect(first?.id == "test.xml")
        #expect(first?.severity == .error)
        #expect(first?.location?.file == "doc.xml")
        #expect(first?.location?.line == 3)
        #expect((first?.location?.column ?? 0) > 0, "\(diagnostics)")
        #expect(first?.message.contains("itm") == true, "\(diagnostics)")
    }

    @Test func anAttributeGivenTwiceIsAnErrorOnItsLine() {
        let diagnostics = refusal("<root>\n\n<a x=\"1\" x=\"2\"/>\n</root>")
        #expect(diagnostics.first?.id == "test.xml")
        #expect(diagnostics.first?.location?.line == 3)
        #expect(diagnostics.first?.message.contains("redefined") == true, "\(diagnostics)")
    }

    @Test func referencesAreResolvedAndCDATAIsText() throws {
        let root = try parse("<a title=\"x &amp; y &#233; &#x4E16;\">1 &lt; 2 <![CDATA[<b>&amp;</b>]]></a>")
        #expect(root.attribute("TITLE") == "x & y é 世")
        #expect(root.text == "1 < 2 <b>&amp;</b>")
        #expect(root.children.isEmpty)
    }

    @Test func whiteSpaceBetweenElementsIsKeptOnlyWhenAsked() throws {
        let text = "<p><em>a</em> <b>b</b></p>"
        let kept = try parse(text, keepingWhitespace: true)
        #expect(kept.textRuns == ["", " ", ""])
        #expect(kept.textRun(before: 1) == " ")
        let dropped = try parse(text)
        #expect(dropped.text == "")
        #expect(dropped.children.map(\.name) == ["em", "b"])
        #expect(dropped.children.map(\.text) == ["a", "b"])
    }

    @Test func elementsKnowTheirLinesAndChildrenAreFoundByName() throws {
        let root = try parse("<opml>\n<head/>\n<body>\n<outline xmlUrl=\"u1\"/>\n<OUTLINE xmlurl=\"u2\"/>\n</body>\n</opml>\n")
        #expect(root.line == 1)
        let body = try #require(root.child(named: "BODY"))
        #expect(body.line == 3)
        #expect(body.children(named: "outline").map { $0.attribute("xmlUrl") } == ["u1", "u2"])
        #expect(body.children(named: "outline").map(\.line) == [4, 5])
        #expect(root.child(named: "missing") == nil)
    }
}
