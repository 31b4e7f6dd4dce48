import Foundation
import QuireCore
import QuireHTML
import QuireTestSupport
import Testing

/// `--template DIR`: `*.mustache` files replace the built-in templates by name.
@Suite struct HTMLTemplateTests {
    @Test func aReplacementTemplateIsUsedAndTheOthersStayDefault() throws {
        let folder = try TemporaryDirectory()
        try Data(
            "<article class=\"episode\" id=\"{{{id}}}\"><h2 class=\"episode-title\">{{{title}}}</h2><p class=\"mine\">{{{labels.channel}}}</p></article>\n".utf8
        )
        .write(to: folder.url.appendingPathComponent("episode.mustache"))
        let (html, diagnostics) = try writeHTML(ModelSamples.everyField, options: ["template": folder.url.path])
        #expect(diagnostics.isEmpty)
        #expect(html.contains(#"<h2 class="episode-title">Why Bread Rises: Yeast &amp; Steam</h2><p class="mine">Channel</p>"#))
        #expect(!html.contains("chapter-body"))
        // The page template is still the default one.
        #expect(html.contains(#"<nav class="contents""#))
        #expect(try readHTML(html).0.episodes.map(\.title) == ModelSamples.everyField.episodes.map(\.title))
    }

    @Test func aSyntaxErrorNamesTheTemplateFileAndLine() throws {
        let folder = try TemporaryDirectory()
        let path = folder.url.appendingPathComponent("page.mustache")
        try Data("<!DOCTYPE html>\n<html>\n{{#episodes}}\n{{{article}}}\n</html>\n".utf8).write(to: path)
        do {
            _ = try writeHTML(ModelSamples.everyField, options: ["template": folder.url.path])
            Issue.record("expected the template to be refused")
        } catch let failure as ConversionFailure {
            let error = try #require(failure.diagnostics.first)
            #expect(error.id == "html.template")
            #expect(error.location?.file == path.path)
            #expect(error.location?.line != nil)
            #expect(error.message.contains("section"))
        }
    }

    @Test func aMissingFolderIsAClearError() throws {
        #expect(throws: ConversionFailure.self) { try writeHTML(ModelSamples.everyField, options: ["template": "/nonexistent/templates"]) }
    }

    @Test func anExtraTemplateIsAPartialWithANote() throws {
        let folder = try TemporaryDirectory()
        try Data("<footer class=\"site\">made with love</footer>\n".utf8).write(to: folder.url.appendingPathComponent("footer.mustache"))
        try Data(
            "<!DOCTYPE html>\n<html lang=\"{{{lang}}}\">\n{{>head}}\n<body>\n{{#episodes}}\n{{{article}}}\n{{/episodes}}\n{{>footer}}\n</body>\n</html>\n".utf8
        )
        .write(to: folder.url.appendingPathComponent("page.mustache"))
        let (html, diagnostics) = try writeHTML(ModelSamples.everyField, options: ["template": folder.url.path])
        #expect(html.contains(#"<footer class="site">made with love</footer>"#))
        #expect(diagnostics.all.map(\.id) == ["html.template.extra"])
        #expect(try readHTML(html).0.episodes == ModelSamples.everyField.episodes)
    }
}
