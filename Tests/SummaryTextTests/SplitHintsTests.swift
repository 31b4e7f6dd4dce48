import Foundation
import QuireCore
import QuireSummaryText
import QuireTestSupport
import Testing

/// `--split-hints FILE` (the reader's `split-hints` setting): a corrected split stays fixed, and hints
/// that no longer match are reported at their own line.
struct SplitHintsTests {
    private func read(hints name: String) throws -> (EpisodeCollection, Diagnostics) {
        let hints = Fixtures.url("Tests/SummaryTextTests/Fixtures/split-hints/\(name)").path
        var diagnostics = Diagnostics()
        let collection = try SummaryTextReader().read(
            Fixtures.input("Examples/sample-page.txt"), options: ConversionOptions(["split-hints": hints]), diagnostics: &diagnostics)
        return (collection, diagnostics)
    }

    @Test func aHintFixesTheSplit() throws {
        let (collection, _) = try read(hints: "sample-page.hints")
        let chapter = collection.episodes[0].chapters[0]
        #expect(chapter.title == "Cold Kitchens,")
        #expect(chapter.body.hasPrefix("Slow Starters Tom opens with a listener letter"))
        // Chapters without a hint are inferred as before.
        #expect(collection.episodes[0].chapters[2].title == "Temperature & Time")
    }

    @Test func staleAndUnmatchedHintsAreReportedAtTheirLines() throws {
        let (collection, diagnostics) = try read(hints: "sample-page.hints")
        let path = Fixtures.url("Tests/SummaryTextTests/Fixtures/split-hints/sample-page.hints").path
        let stale = try #require(diagnostics.all.first { $0.id == "summary.hints.stale" })
        #expect(stale.description.hasPrefix("\(path):4:1: warning: "))
        #expect(stale.message.contains("'Yeast Versus Bacterium'"))
        // The stale hint's chapter is split as if there were no hint.
        #expect(collection.episodes[0].chapters[1].title == "Yeast Versus Bacteria")
        let unmatched = try #require(diagnostics.all.first { $0.id == "summary.hints.unmatched" })
        #expect(unmatched.description.hasPrefix("\(path):7:1: warning: "))
        #expect(unmatched.message.contains("'No Such Episode'"))
        #expect(diagnostics.all.filter { $0.id.rawValue.hasPrefix("summary.hints") }.count == 2)
    }

    @Test func aMalformedHintFileIsAnErrorNamingItsLine() throws {
        let error = try #require(throws: ConversionFailure.self) { try read(hints: "malformed.hints") }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.id == "summary.hints.malformed")
        #expect(diagnostic.description.contains("malformed.hints:2:1: error:"))
    }

    @Test func aMissingHintFileIsAnError() throws {
        let error = try #require(throws: ConversionFailure.self) { try read(hints: "absent.hints") }
        #expect(error.diagnostics.first?.id == "summary.hints.unreadable")
    }
}
