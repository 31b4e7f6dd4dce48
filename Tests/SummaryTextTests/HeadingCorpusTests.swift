import Foundation
import QuireCore
import QuireScoring
import QuireSummaryText
import QuireTestSupport
import Testing

/// The heading corpus (Corpus/headings): its pages are built from its episodes, read exactly in the
/// episode form, found completely in the page form, and its held-out part is split at least as well
/// as the floors below. scripts/train-heading-splitter prints the same figures per language.
struct HeadingCorpusTests {
    /// Exact headings on the held-out part, overall and in every language: the figures of the trained
    /// model (docs/heading-splitter.md), less a point. Issue 15's target is 97% and 94%, not yet met.
    static let heldOutFloor = 83.0
    static let heldOutLanguageFloor = 66.0

    static let parts = ["train", "heldout"]

    private func page(_ part: String) throws -> (EpisodeCollection, GroundTruth) {
        let (collection, _) = try readSummary(Fixtures.input("Corpus/headings/pages/\(part).txt"))
        let truth = try GroundTruth(contentsOf: Fixtures.url("Corpus/headings/pages/\(part).expected.json"))
        return (collection, truth)
    }

    /// Every episode in the multi-line form reads exactly as its truth says, heading included.
    @Test(arguments: parts) func episodeFormReadsExactly(_ part: String) throws {
        let truth = try GroundTruth(contentsOf: Fixtures.url("Corpus/headings/pages/\(part).expected.json"))
        #expect(truth.episodes.count >= 30)
        for expected in truth.episodes {
            let file = try #require(expected.file)
            let (collection, _) = try readSummary(Fixtures.input("Corpus/headings/episodes/\(file)"))
            let episode = try #require(collection.episodes.first)
            #expect(episode.title == expected.title, "\(file)")
            #expect(episode.chapters.map(\.title) == expected.chapters.map(\.title), "\(file)")
            #expect(episode.chapters.map(\.start) == expected.chapters.map(\.start), "\(file)")
            #expect(episode.chapters.map(\.quotes) == expected.chapters.map(\.quotes), "\(file)")
            #expect(episode.entities == expected.entities, "\(file)")
        }
    }

    /// The page form finds every episode, chapter, start, quote and entity; only splits are inferred.
    @Test(arguments: parts) func pageFormFindsEverything(_ part: String) throws {
        let (collection, truth) = try page(part)
        truth.verify(collection)
        let card = Scorecard(collection: collection, truth: truth)
        #expect(card.chapters.exact == card.chapters.total && card.quotes.exact == card.quotes.total && card.entities.exact == card.entities.total)
    }

    @Test func heldOutSplitsMeetTheFloors() throws {
        let (collection, truth) = try page("heldout")
        let card = Scorecard(collection: collection, truth: truth)
        #expect(card.headings.total >= 1000)
        #expect(card.headingPercent >= Self.heldOutFloor, "\(card.headings.text)")
        #expect(Set(card.headingsByLanguage.keys) == ["de", "en", "es", "ja", "ko", "zh"])
        for (language, tally) in card.headingsByLanguage {
            #expect(tally.percent >= Self.heldOutLanguageFloor, "\(language): \(tally.text)")
        }
    }

    /// The committed pages are what scripts/heading-corpus builds from the episodes.
    @Test func pagesAreBuiltFromTheEpisodes() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Fixtures.url("scripts/heading-corpus").path, "verify"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(message)")
    }
}
