import QuireCore
import QuireScoring
import QuireTestSupport
import Testing

@Suite struct PageFormTests {
    @Test func readsASmallPageExactly() throws {
        let (collection, diagnostics) = try readSummary(try Fixtures.input("Tests/SummaryTextTests/Fixtures/page-form.txt"))
        #expect(diagnostics.all.map(\.id) == ["summary.heading.inferred"])
        #expect(collection.preamble == ["Podcast Site — Hear the voice.", "Browse channels"])
        #expect(collection.episodes.count == 2)
        #expect(
            collection.episodes[0]
                == Episode(
                    title: "Why Bread Rises", language: "en", summary: "A look at **fermentation**.",
                    chapters: [
                        Chapter(
                            start: 0, title: "Intro", body: "Maya opens with a question. Then she laughs.",
                            quotes: [Quote(text: "Bread is a slow explosion.", time: 163)]),
                        Chapter(
                            start: 96, title: "Steam Control", body: "Steam keeps the crust soft.",
                            quotes: [Quote(text: "Open the oven and you lose it", time: 99)]),
                        Chapter(start: 3764, title: "Closing thoughts"),
                    ],
                    entities: [Entity(name: "Maya Ortiz", type: "Person", description: "Host."), Entity(name: "Oven", type: "tool", description: "Hot box.")]))
        #expect(
            collection.episodes[1]
                == Episode(
                    title: "面包为什么会膨胀", language: "zh", summary: "酵母产生二氧化碳。",
                    chapters: [Chapter(start: 10, title: "开场", body: "主持人介绍嘉宾。", quotes: [Quote(text: "面包是慢速的爆炸。")])],
                    entities: [Entity(name: "酵母", type: "概念", description: "一种真菌")]))
    }

    @Test(.needsSharedCorpus) func sampleCorpusMatchesGroundTruth() throws {
        let page = try #require(Fixtures.sharedCorpus("sample-channel-page.txt"))
        let truthURL = try #require(Fixtures.sharedCorpus("sample-channel-page.expected.json"))
        let (collection, diagnostics) = try readSummary(try Fixtures.input(at: page, name: "sample-channel-page.txt"))
        #expect(collection.episodes.count == 20)
        #expect(!diagnostics.hasErrors)
        let truth = try GroundTruth(contentsOf: truthURL)
        #expect(truth.episodes.count == 10)
        truth.verify(collection)
    }

    @Test func bundledExamplePageMatchesItsGroundTruth() throws {
        let (collection, diagnostics) = try readSummary(try Fixtures.input("Examples/sample-page.txt"))
        #expect(!diagnostics.hasErrors)
        let truth = try GroundTruth(contentsOf: Fixtures.url("Examples/sample-page.expected.json"))
        #expect(collection.episodes.count == truth.episodes.count)
        truth.verify(collection)
    }
}

@Suite struct RoundTripTests {
    static let inputs = [
        "Examples/sample-page.txt", "Examples/episode.txt", "Tests/SummaryTextTests/Fixtures/episode-form.txt",
        "Tests/SummaryTextTests/Fixtures/page-form.txt",
    ]

    @Test(arguments: inputs)
    func summaryThroughJSONAndBack(path: String) throws {
        try checkRoundTrips(try Fixtures.input(path))
    }

    @Test(.needsSharedCorpus) func sampleCorpusRoundTrips() throws {
        let page = try #require(Fixtures.sharedCorpus("sample-channel-page.txt"))
        try checkRoundTrips(try Fixtures.input(at: page, name: "sample-channel-page.txt"))
    }

    /// summary → JSON → summary and JSON → summary → JSON give the same model.
    private func checkRoundTrips(_ input: InputFile) throws {
        let (read, _) = try readSummary(input)
        #expect(!read.episodes.isEmpty)
        let throughJSON = try viaJSON(read)
        #expect(throughJSON == read)
        let (throughSummary, diagnostics) = try readSummary(try writeSummary(throughJSON), name: "rewritten.txt")
        #expect(!diagnostics.hasErrors && diagnostics.warnings.isEmpty, "\(diagnostics.all)")
        #expect(throughSummary == read)
        #expect(try viaJSON(throughSummary) == throughSummary)
    }
}
