import QuireCore
import QuireXML
import Testing

/// Documents Quire writes: every attribute and text escaped, and read back as written.
@Suite struct XMLSerializerTests {
    private func serialize(_ root: XMLElement) -> String {
        String(decoding: XMLSerializer.document(root), as: UTF8.self)
    }

    @Test func writesADeclaredIndentedUTF8Document() {
        let root = XMLElement(
            "opml", attributes: [("version", "2.0")],
            children: [
                XMLElement("head", children: [XMLElement("title", text: "世界 & more")]),
                XMLElement("body", children: [XMLElement("outline", attributes: [("text", "One")])]),
            ])
        #expect(
            serialize(root) == """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0">
                  <head>
                    <title>世界 &amp; more</title>
                  </head>
                  <body>
                    <outline text="One"/>
                  </body>
                </opml>

                """)
    }

    static let hostile = [
        "<script>alert(1)</script>", "\" onload=\"alert(1)", "a & b &amp; c", "]]><!--", "line one\nline two\ttabbed", "<![CDATA[x]]>",
    ]

    @Test(arguments: hostile)
    func markupInValuesIsEscapedAndReadsBack(value: String) throws {
        let root = XMLElement("root", attributes: [("title", value)], children: [XMLElement("item", text: value)])
        #expect(!serialize(root).contains("<script>"))
        // Read back, the document has exactly the structure written: the value added no element or attribute.
        let back = try SafeXMLParser.parse(InputFile(name: "out.xml", bytes: XMLSerializer.document(root)), prefix: "test")
        #expect(back.attributes.map(\.name) == ["title"])
        #expect(back.attribute("title") == value)
        #expect(back.children.map(\.name) == ["item"])
        #expect(back.child(named: "item")?.attributes.isEmpty == true)
        #expect(back.child(named: "item")?.text == value)
    }

    @Test func attributeLineBreaksAreWrittenAsReferences() {
        let text = serialize(XMLElement("a", attributes: [("t", "x\ny\"z<")]))
        #expect(text.contains(#"<a t="x&#10;y&quot;z&lt;"/>"#), "\(text)")
    }
}
