import Foundation
import QuireCore
import QuireTestSupport
import Testing

@testable import QuireEPUB

/// Real validators and readers: epubcheck, calibre and pandoc. Each test skips, saying why, when
/// its tool is not installed.
@Suite(.serialized) struct ExternalReaderTests {
    static let coverPath = Fixtures.url("Tests/EPUBFormatTests/Fixtures/cover.png").path

    @Test(.enabled(if: EPUBCheck.isAvailable, "epubcheck (apt package epubcheck) or java is not installed"))
    func samplePageBookPassesEPUBCheck() throws {
        let (bytes, _) = try Book.write(try Book.samplePage())
        let problems = try EPUBCheck.problems(bytes)
        #expect(problems == [])
    }

    @Test(
        .enabled(if: EPUBCheck.isAvailable, "epubcheck (apt package epubcheck) or java is not installed"),
        arguments: ["Examples/sample-page.txt", "Examples/episode.txt"])
    func exampleBooksPassEPUBCheck(path: String) throws {
        let (bytes, _) = try Book.write(try Book.summaryText(try Fixtures.input(path)), options: ["group-by": "channel"])
        let problems = try EPUBCheck.problems(bytes)
        #expect(problems == [])
    }

    @Test(.enabled(if: EPUBCheck.isAvailable, "epubcheck (apt package epubcheck) or java is not installed"))
    func edgeCaseBooksPassEPUBCheck() throws {
        let books: [(EpisodeCollection, [String: String])] = [
            (EdgeCases.longEpisode, ["cover": Self.coverPath]),
            (EdgeCases.mixedLanguages, ["order": "published", "author": "Quire"]),
            (ModelSamples.everyField, ["group-by": "channel"]),
            (EpisodeCollection(), [:]),
        ]
        for (model, options) in books {
            let (bytes, diagnostics) = try Book.write(model, options: options)
            #expect(!diagnostics.hasErrors)
            let problems = try EPUBCheck.problems(bytes)
            #expect(problems == [], "\(model.title ?? "untitled")")
        }
    }

    /// Generated models mix scripts, right-to-left text, Markdown-looking titles and empty fields.
    @Test(.enabled(if: EPUBCheck.isAvailable, "epubcheck (apt package epubcheck) or java is not installed"))
    func generatedBooksPassEPUBCheck() throws {
        for seed in [1, 2, 3] as [UInt64] {
            var generator = ModelGenerator(seed: seed)
            let (bytes, _) = try Book.write(generator.collection(), options: ["group-by": "channel"])
            let problems = try EPUBCheck.problems(bytes)
            #expect(problems == [], "seed \(seed)")
        }
    }

    @Test(.enabled(if: ExternalTool.isAvailable("ebook-convert"), "calibre's ebook-convert is not installed"))
    func calibreConvertsTheSampleBook() throws {
        let directory = try TemporaryDirectory()
        let sample = try Book.samplePage()
        let path = try Book.save(try Book.write(sample).0, in: directory, as: "sample.epub")
        let output = directory.path("sample.txt")
        let result = try ExternalTool.run("ebook-convert", [path, output])
        #expect(result.status == 0, "\(result.error)")
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.contains(sample.episodes[0].chapters[0].title))
    }

    @Test(.enabled(if: ExternalTool.isAvailable("pandoc"), "pandoc is not installed"))
    func pandocReadsEveryEpisodeTitle() throws {
        let directory = try TemporaryDirectory()
        let sample = try Book.samplePage()
        let path = try Book.save(try Book.write(sample).0, in: directory, as: "sample.epub")
        let result = try ExternalTool.run("pandoc", ["-f", "epub", "-t", "plain", "--wrap=none", path])
        #expect(result.status == 0, "\(result.error)")
        for episode in sample.episodes {
            #expect(result.output.contains(episode.title), "\(episode.title)")
        }
    }
}
