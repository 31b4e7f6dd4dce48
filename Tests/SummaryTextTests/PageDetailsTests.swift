import QuireCore
import QuireTestSupport
import Testing

/// Every row of the format's "Details every reader must handle" table, in the page form.
@Suite struct PageDetailsTests {
    @Test func readsEveryDetailExactly() throws {
        let (collection, diagnostics) = try readSummary(try Fixtures.input("Tests/SummaryTextTests/Fixtures/page-details.txt"))
        #expect(diagnostics.warnings.isEmpty, "\(diagnostics.all)")
        #expect(collection.preamble == ["Site — Hear it.", "Browse channels"])
        #expect(
            collection.episodes == [
                Episode(
                    title: "Ferments & Timers", language: "en",
                    summary: "Two hosts on **sourdough**, `starters` and [timers](https://example.org/t).",
                    chapters: [
                        Chapter(
                            start: 5, title: "Opening", body: "Maya sets the scene.",
                            quotes: [Quote(text: "Time is an ingredient.", time: 9), Quote(text: "Unquoted and untimed.")]),
                        Chapter(
                            start: 599, title: "Long Proof", body: "The dough rests for hours. Maya laughs.(Then she checks.)",
                            quotes: [Quote(text: "Twelve hours, minimum", time: 615)]),
                        Chapter(start: 5565, title: "Overtime Notes", body: "The show runs long.", quotes: [Quote(text: "We are over time.", time: 5702)]),
                        Chapter(start: 6000, title: "Bonus Round", body: "Listener questions close it."),
                        Chapter(start: 6330, title: "Outro"),
                    ],
                    entities: [
                        Entity(name: "Maya Ortiz", type: "Person", description: "Host."),
                        Entity(name: "Lactobacillus", type: "organism", description: "A bacterium."),
                    ]),
                Episode(
                    title: "발효 이야기", language: "ko", summary: "두 진행자가 김치를 이야기한다.",
                    chapters: [Chapter(start: 0, title: "인트로", body: "민지가 주제를 소개한다.", quotes: [Quote(text: "발효는 시간이다.")])],
                    entities: [Entity(name: "민지", type: "인물", description: "진행자.")]),
                Episode(
                    title: "无实体的一集", language: "zh", summary: "这一集没有实体列表，只有章节。",
                    chapters: [Chapter(start: 30, title: "开场", body: "主持人打招呼。", quotes: [Quote(text: "你好。", time: 31)])]),
            ])
    }

    @Test func leakedDumpIsKeptReportedAndRecoveredFrom() throws {
        let (collection, diagnostics) = try readSummary(try Fixtures.input("Tests/SummaryTextTests/Fixtures/page-dump.txt"))
        let chapters = collection.episodes[0].chapters
        #expect(chapters.map(\.title) == ["Hook", "The First Change", "The Second Change", "Closing"])
        // The dump stays where it was, whole.
        #expect(chapters[0].quotes.count == 3)
        #expect(chapters[0].quotes[2].text.hasPrefix("{'start': 60.0, 'summary': "))
        #expect(
            chapters[1]
                == Chapter(
                    start: 60, title: "The First Change", body: "Sam explains the 'first' change and why it matters.",
                    quotes: [Quote(text: "The first change was the price of compute.", time: 70)], isRecovered: true))
        #expect(
            chapters[2]
                == Chapter(
                    start: 120, title: "The Second Change", body: "The team reflects on the second change.",
                    quotes: [Quote(text: "We did not see it coming at all.", time: 150)], isRecovered: true))
        #expect(chapters[3] == Chapter(start: 180, title: "Closing"))
        let warning = try #require(diagnostics.all.first { $0.id == "summary.upstream.dump" })
        #expect(
            warning.description.hasPrefix(
                "Tests/SummaryTextTests/Fixtures/page-dump.txt:3:29: warning: episode 'A Corrupted Episode': chapter [00:00] 'Hook' holds a leaked data dump"))
        #expect(
            warning.notes.map(\.message) == [
                "recovered the body and 1 quotes of [01:00] 'The First Change'", "recovered the body and 1 quotes of [02:00] 'The Second Change'",
            ])
    }

    @Test func recoveredMarksSurviveSummaryTextAndJSON() throws {
        let (read, _) = try readSummary(try Fixtures.input("Tests/SummaryTextTests/Fixtures/page-dump.txt"))
        let text = try writeSummary(read)
        #expect(text.contains("recovered-chapters: 2, 3\n"))
        let (again, diagnostics) = try readSummary(text)
        #expect(diagnostics.warnings.isEmpty, "\(diagnostics.all)")
        #expect(again == read)
        #expect(try viaJSON(read) == read)
    }

    @Test(.needsSharedCorpus) func sampleCorpusDumpIsRecovered() throws {
        let page = try #require(Fixtures.sharedCorpus("sample-channel-page.txt"))
        let (collection, diagnostics) = try readSummary(try Fixtures.input(at: page, name: "sample-channel-page.txt"))
        let dumps = diagnostics.all.filter { $0.id == "summary.upstream.dump" }
        #expect(dumps.count == 1)
        let episode = try #require(collection.episodes.first { $0.chapters.contains(where: \.isRecovered) })
        #expect(episode.title.hasPrefix("AI Agents Need Computers"))
        let recovered = episode.chapters.filter(\.isRecovered)
        #expect(recovered.count == 19)
        #expect(recovered.allSatisfy { !$0.body.isEmpty && !$0.quotes.isEmpty && $0.quotes.allSatisfy { $0.time != nil } })
        #expect(dumps[0].notes.count == 19)
    }
}
