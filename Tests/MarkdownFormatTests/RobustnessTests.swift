import Foundation
import PropertyBased
import QuireCore
import QuireTestSupport
import Testing

@testable import QuireMarkdown

/// Hostile input: a diagnostic, never a crash or a hang.
@Suite struct RobustnessTests {
    @Test func invalidUTF8IsADiagnosticWithLineAndColumn() throws {
        let bytes = Array("# Title\n\nab".utf8) + [0xFF, 0xFE] + Array(" rest\n".utf8)
        let input = InputFile(name: "bad.md", bytes: bytes)
        do {
            _ = try readMarkdown(input)
            Issue.record("expected the read to fail")
        } catch let failure as ConversionFailure {
            #expect(failure.diagnostics.map(\.description) == ["bad.md:3:3: error: the input is not UTF-8 text (first invalid byte here) [markdown.encoding]"])
        }
        var diagnostics = Diagnostics()
        #expect(throws: ConversionFailure.self) { try MarkdownHTMLConverter().convert(input, options: ConversionOptions(), diagnostics: &diagnostics) }
        #expect(MarkdownHTMLConverter().accepts(input))
    }

    @Test func tenThousandNestedQuotesReadQuickly() throws {
        let text = "# Deep\n\n## [00:01] Chapter\n\n" + String(repeating: ">", count: 10_000) + " bottom\n"
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            let (collection, _) = try readMarkdown(text)
            #expect(collection.episodes.first?.chapters.first?.quotes.count == 1)
            #expect(collection.episodes.first?.chapters.first?.quotes.first?.text.hasSuffix("bottom") == true)
        }
        #expect(elapsed < .seconds(10))
        var diagnostics = Diagnostics()
        let html = try MarkdownHTMLConverter().convert(
            InputFile(name: "deep.md", bytes: Array(text.utf8)), options: ConversionOptions(), diagnostics: &diagnostics)
        #expect(String(decoding: html, as: UTF8.self).contains("bottom"))
    }

    @Test func tenThousandNestedListsReadQuickly() throws {
        let text = "# Deep\n\n" + String(repeating: "- ", count: 10_000) + "leaf\n\n## Next\n"
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            let (collection, _) = try readMarkdown(text)
            #expect(collection.episodes.first?.summary.hasSuffix("leaf") == true)
            #expect(collection.episodes.first?.chapters.map(\.title) == ["Next"])
        }
        #expect(elapsed < .seconds(10))
    }

    /// A file that is one long line (here a 3 MB title) once cost cmark-gfm's autolink extension a node
    /// per `w` and the reader grapheme work per character: minutes in a debug build. Now it reads in
    /// about the time cmark-gfm alone takes, and exactly: escapes and references undone, nothing lost.
    @Test func aMultiMegabyteSingleLineReadsWhole() throws {
        let piece = "word \\* &#38; é\\[ www.x "
        let count = 100_000
        let (collection, diagnostics) = try readMarkdown("# Title " + String(repeating: piece, count: count) + "\n")
        #expect(diagnostics.all.map(\.id) == ["markdown.not-episode"])
        let expected = "Title " + String(repeating: "word * & é[ www.x ", count: count)
        #expect(collection.episodes.count == 1)
        #expect(collection.episodes.first?.title.utf8.count == expected.utf8.count - 1)
        #expect(collection.episodes.first?.title == String(expected.dropLast()))
        #expect(collection.episodes.first?.chapters.isEmpty == true)
    }

    @Test func unclosedFrontMatterAndFencesKeepTheirText() throws {
        let (collection, _) = try readMarkdown("---\ntitle: never closed\n# Heading\n\n```\n## [00:01] in code\n")
        #expect(collection.episodes.count == 1)
        let everything = collection.episodes[0].summary + collection.episodes[0].chapters.map(\.body).joined()
        #expect(everything.contains("## [00:01] in code"))
        #expect(collection.episodes[0].chapters.map(\.title).contains("Heading") || collection.episodes[0].title == "Heading")
    }

    @Test func crlfAndByteOrderMarkAreRead() throws {
        let text = "\u{FEFF}# Title\r\n\r\nSummary line\r\n\r\n## [00:05] Chapter\r\n\r\nBody\r\n"
        let (collection, diagnostics) = try readMarkdown(text)
        #expect(diagnostics.isEmpty)
        #expect(collection.episodes == [Episode(title: "Title", summary: "Summary line", chapters: [Chapter(start: 5, title: "Chapter", body: "Body")])])
    }

    @Test func mutatedEpisodeFilesReadWithoutCrashing() async throws {
        let (written, _) = try writeMarkdown(ModelSamples.everyField, options: ["entities": "table"])
        let original = Array(written.utf8)
        let pieces: [[UInt8]] = ["#", "## ", ">", "- ", "|", "\\", "```", "---\n", "\n", "[00:", "**", "1. ", "<", "\r", "    "].map { Array($0.utf8) }
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int.max)) { seed in
            var state = UInt64(seed)
            func next(_ bound: Int) -> Int {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Int((state >> 33) % UInt64(bound))
            }
            var bytes = original
            for _ in 0..<8 {
                let position = next(bytes.count + 1)
                if next(2) == 0 {
                    bytes.insert(contentsOf: pieces[next(pieces.count)], at: position)
                } else if position < bytes.count {
                    bytes.remove(at: position)
                }
            }
            do {
                let (collection, _) = try readMarkdown(InputFile(name: "mutated.md", bytes: bytes))
                // Whatever the shape, the text is kept: every byte of a chapter body sits in the file.
                for chapter in collection.episodes.flatMap(\.chapters) where !chapter.body.isEmpty {
                    #expect(
                        chapter.body.split(separator: "\n").allSatisfy { String(decoding: bytes, as: UTF8.self).contains($0.drop { $0 == "\\" }) },
                        "seed \(seed)")
                }
            } catch is ConversionFailure {
                // A mutation can cut a UTF-8 sequence: that is a diagnostic, not a crash.
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }
}
