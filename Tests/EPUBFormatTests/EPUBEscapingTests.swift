import Foundation
import QuireCore
import QuireTestSupport
import QuireXML
import Testing

/// Script injection through any text field of a book ends up as text in every document of it, never
/// as markup, and the book still reads back to the same model.
@Suite struct EPUBEscapingTests {
    @Test(arguments: ScriptInjection.attacks)
    func injectionIsNeutralisedInEveryDocument(attack: String) throws {
        let model = ScriptInjection.poisoned(attack, language: "en", entityType: "person")
        let (bytes, _) = try Book.write(model)
        for (path, text) in try Book.entries(bytes) where path.hasSuffix(".xhtml") || path.hasSuffix(".opf") || path.hasSuffix(".ncx") {
            // Every document is well-formed XML: the attack did not break out of its text.
            let root = try SafeXMLParser.parse(InputFile(name: "book.epub", bytes: Array(text.utf8)), entry: path, prefix: "epub")
            var problems: [String] = []
            inspect(root, problems: &problems)
            #expect(problems.isEmpty, "\(path): \(problems)")
        }
        #expect(try Book.read(bytes).0 == model)
    }

    /// The inspection can fail: raw HTML let through with `unsafe-html` is found.
    @Test func theInspectionFindsWhatUnsafeHTMLLetsThrough() throws {
        let model = EpisodeCollection(episodes: [Episode(title: "T", summary: "x <img src=\"x\" onerror=\"alert(1)\"/>")])
        let (bytes, _) = try Book.write(model, options: Book.fixedDate.merging(["unsafe-html": "true"]) { $1 })
        let episode = try #require(try Book.entries(bytes)["EPUB/episode-0001.xhtml"])
        let root = try SafeXMLParser.parse(InputFile(name: "book.epub", bytes: Array(episode.utf8)), entry: "episode", prefix: "epub")
        var problems: [String] = []
        inspect(root, problems: &problems)
        #expect(problems.contains("onerror= on <img>"))
    }

    /// Script elements, event-handler attributes and `javascript:` addresses.
    private func inspect(_ element: XMLElement, problems: inout [String]) {
        for child in element.children {
            let name = child.name.lowercased()
            if name == "script" || name == "iframe" || (name == "img" && child.attribute("class") != "cover-image") {
                problems.append("<\(name)> element")
            }
            for (attribute, value) in child.attributes {
                if attribute.lowercased().hasPrefix("on") { problems.append("\(attribute)= on <\(name)>") }
                if ["href", "src", "xlink:href"].contains(attribute.lowercased()),
                    value.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("javascript:")
                {
                    problems.append("javascript: link on <\(name)>")
                }
            }
            inspect(child, problems: &problems)
        }
    }
}
