import Foundation
import QuireCore
import QuireTestSupport
import Testing

@testable import QuireMarkdown

/// pandoc, an independent CommonMark reader, sees every chapter heading Quire writes.
@Suite struct PandocReaderTests {
    @Test(.enabled(if: ExternalTool.isAvailable("pandoc"), "needs pandoc (apt-get install pandoc)"))
    func pandocKeepsEveryChapterHeadingOfTheSamplePage() throws {
        let model = try summaryModel("Examples/sample-page.txt")
        let (markdown, _) = try writeMarkdown(model)
        let result = try ExternalTool.run("pandoc", ["-f", "commonmark", "-t", "plain", "--wrap=none"], input: Data(markdown.utf8))
        #expect(result.status == 0, "\(result.error)")
        let lines = Set(result.output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        var headings = 0
        for episode in model.episodes {
            #expect(lines.contains(episode.title.trimmingCharacters(in: .whitespaces)), "episode title \(episode.title)")
            for chapter in episode.chapters {
                let heading = (chapter.start.map { "[\(Timestamp.string(fromSeconds: $0))] " } ?? "") + chapter.title
                #expect(lines.contains(heading.trimmingCharacters(in: .whitespaces)), "chapter heading \(heading)")
                headings += 1
            }
        }
        #expect(headings > 10)
    }

    @Test(.enabled(if: ExternalTool.isAvailable("pandoc"), "needs pandoc (apt-get install pandoc)"))
    func pandocSeesTheEntitiesTable() throws {
        let (markdown, _) = try writeMarkdown(ModelSamples.everyField, options: ["entities": "table"])
        let result = try ExternalTool.run("pandoc", ["-f", "gfm", "-t", "html"], input: Data(markdown.utf8))
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("<td>Maya Ortiz</td>"))
        #expect(result.output.contains("<td>The yeast.<br"))
        #expect(result.output.contains("Also used for beer.</td>"))
    }
}
