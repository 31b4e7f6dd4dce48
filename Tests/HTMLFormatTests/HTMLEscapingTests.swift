import Foundation
import QuireCore
import QuireTestSupport
import QuireXML
import Testing

/// Script injection through any text field ends up as text, never as markup.
@Suite struct HTMLEscapingTests {
    @Test(arguments: ScriptInjection.attacks)
    func injectionIsNeutralised(attack: String) throws {
        let (html, _) = try writeHTML(ScriptInjection.poisoned(attack))
        let parsed = try SafeHTMLParser.parse(InputFile(name: "out.html", bytes: Array(html.utf8)), prefix: "html")
        var problems: [String] = []
        inspect(parsed.root, problems: &problems)
        #expect(problems.isEmpty, "\(problems)")
        // And the text is all still there.
        #expect(try readHTML(html).0 == ScriptInjection.poisoned(attack))
    }

    @Test func unsafeHTMLLetsRawMarkupThroughOnlyWhenAsked() throws {
        let model = EpisodeCollection(episodes: [Episode(title: "T", summary: "a <b>raw</b> tag and [x](javascript:alert(1))")])
        let (safe, _) = try writeHTML(model)
        #expect(!safe.contains("<b>raw</b>"))
        #expect(!safe.contains("href=\"javascript:"))
        let (unsafe, _) = try writeHTML(model, options: ["unsafe-html": "true"])
        #expect(unsafe.contains("<b>raw</b>"))
        #expect(try readHTML(unsafe).0 == model)
        #expect(try readHTML(safe).0 == model)
    }

    /// The inspection above does catch injected markup: with `--unsafe-html` the raw tag gets through.
    @Test func unsafeHTMLIsWhatLetsAnInjectionThrough() throws {
        let (html, _) = try writeHTML(
            EpisodeCollection(episodes: [Episode(title: "T", summary: "x <img src=x onerror=alert(1)>")]), options: ["unsafe-html": "true"])
        let parsed = try SafeHTMLParser.parse(InputFile(name: "out.html", bytes: Array(html.utf8)), prefix: "html")
        var problems: [String] = []
        inspect(parsed.root, problems: &problems)
        #expect(problems.contains("<img> element"))
        #expect(problems.contains("onerror= on <img>"))
    }

    @Test func controlCharactersAreLeftOutWithAWarning() throws {
        let (html, diagnostics) = try writeHTML(EpisodeCollection(episodes: [Episode(title: "bell\u{07}")]))
        #expect(html.contains(">bell</h2>"))
        #expect(diagnostics.all.map(\.id) == ["html.control-characters"])
    }

    /// Script elements, event-handler attributes and `javascript:` addresses in the parsed page.
    private func inspect(_ element: XMLElement, problems: inout [String]) {
        for child in element.children {
            let name = child.name.lowercased()
            if name == "script" || name == "img" || name == "iframe" { problems.append("<\(name)> element") }
            for (attribute, value) in child.attributes {
                if attribute.lowercased().hasPrefix("on") { problems.append("\(attribute)= on <\(name)>") }
                if ["href", "src"].contains(attribute.lowercased()),
                    value.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("javascript:")
                {
                    problems.append("javascript: link on <\(name)>")
                }
            }
            inspect(child, problems: &problems)
        }
    }
}
