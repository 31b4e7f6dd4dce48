import PropertyBased
import QuireCore
import QuireTestSupport
import Testing

@testable import QuireMarkdown

/// Model → Markdown → model and Markdown → model → Markdown are identities.
@Suite struct RoundTripTests {
    static let styles: [[String: String]] = [[:], ["entities": "table"], ["front-matter": "true"], ["front-matter": "true", "entities": "table"]]

    private func expectRoundTrip(_ model: EpisodeCollection, _ label: String) throws {
        for options in Self.styles {
            let (markdown, writeDiagnostics) = try writeMarkdown(model, options: options)
            let (back, diagnostics) = try readMarkdown(markdown)
            #expect(back == model, "\(label) \(options): \(firstDifference(back, model))")
            #expect(diagnostics.isEmpty, "\(label) \(options): \(diagnostics.all)")
            // Markdown → model → Markdown.
            let (again, _) = try writeMarkdown(back, options: options)
            #expect(again == markdown, "\(label) \(options)")
            #expect(!writeDiagnostics.hasErrors)
        }
    }

    @Test func everyFieldSampleRoundTrips() throws {
        try expectRoundTrip(ModelSamples.everyField, "everyField")
    }

    @Test func episodeExampleRoundTrips() throws {
        try expectRoundTrip(try summaryModel("Examples/episode.txt"), "episode.txt")
    }

    @Test func samplePageRoundTrips() throws {
        try expectRoundTrip(try summaryModel("Examples/sample-page.txt"), "sample-page.txt")
    }

    @Test(.needsSharedCorpus) func sharedChannelPageRoundTrips() throws {
        try expectRoundTrip(try sharedChannelPageModel(), "sample-channel-page.txt")
    }

    @Test func emptyAndCollectionOnlyModelsRoundTrip() throws {
        try expectRoundTrip(EpisodeCollection(), "empty")
        try expectRoundTrip(
            EpisodeCollection(title: "Only a title", preamble: ["a", "  b "], channels: [Channel(title: "Unused", feedURL: "https://e.org/f")]),
            "collection only")
        try expectRoundTrip(EpisodeCollection(episodes: [Episode(title: "Bare")]), "bare episode")
        try expectRoundTrip(
            EpisodeCollection(episodes: [Episode(title: "Untimed", chapters: [Chapter(start: nil, title: "Entities", body: "not the entities")])]),
            "untimed chapter named Entities")
        try expectRoundTrip(
            EpisodeCollection(channels: [], episodes: [Episode(title: "Orphan", channel: "Not listed")]), "channel without a Channel")
    }

    @Test(arguments: ["default", "untrimmed+control"])
    func generatedModelsRoundTrip(generatorOptions: String) async {
        let options = generatorOptions == "default" ? ModelGenerator.Options() : ModelGenerator.Options(controlCharacters: true, untrimmedText: true)
        await propertyCheck(count: 150, input: Gen.int(in: 0...Int.max)) { seed in
            var generator = ModelGenerator(seed: UInt64(seed), options: options)
            let model = generator.collection()
            do {
                for options in Self.styles {
                    let (markdown, _) = try writeMarkdown(model, options: options)
                    let (back, diagnostics) = try readMarkdown(markdown)
                    #expect(back == model, "seed \(seed) \(options): \(firstDifference(back, model))")
                    #expect(!diagnostics.hasErrors, "seed \(seed)")
                    let (again, _) = try writeMarkdown(back, options: options)
                    #expect(again == markdown, "seed \(seed) \(options)")
                }
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }
}
