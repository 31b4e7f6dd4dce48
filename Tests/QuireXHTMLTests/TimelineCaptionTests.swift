import Foundation
import QuireCore
import Testing

@testable import QuireXHTML

/// The timeline's caption counts every quote and says how many are timed: ticks show only timed
/// quotes, and "0 quotes" under an episode with nine untimed ones read as if it had none.
@Suite struct TimelineCaptionTests {
    private func episode(quoteTimes: [Int?], language: String? = nil) -> Episode {
        Episode(
            title: "E", language: language,
            chapters: [
                Chapter(start: 0, title: "One", quotes: quoteTimes.prefix(quoteTimes.count / 2).map { Quote(text: "q", time: $0) }),
                Chapter(start: 600, title: "Two", quotes: quoteTimes.dropFirst(quoteTimes.count / 2).map { Quote(text: "q", time: $0) }),
            ],
            metadata: EpisodeMetadata(duration: 1200))
    }

    private func caption(_ quoteTimes: [Int?], language: String = "en") throws -> String {
        let episode = episode(quoteTimes: quoteTimes, language: language)
        return try #require(TimelineView(episode, idPrefix: "e1-", labels: ArticleLabels.labels(for: language))).label
    }

    @Test(arguments: [
        // (quote times, English caption's tail)
        ([Int?](repeating: nil, count: 9), "9 quotes, none timed"),
        ([30, nil, 700, nil, nil, 800, 900, nil, nil], "9 quotes, 4 timed"),
        ([30, 60, 700], "3 quotes"),
        ([], "0 quotes"),
    ])
    func englishCaptionSaysWhatItCounts(times: [Int?], tail: String) throws {
        #expect(try caption(times) == "Timeline: 2 chapters, 20:00, \(tail)")
    }

    @Test(arguments: [
        ("zh", "9 引语, 均未标时间", "9 引语, 其中 4 条标有时间", "3 引语"),
        ("ja", "9 引用, 時刻なし", "9 引用, うち 4 件に時刻あり", "3 引用"),
        ("ko", "9 인용, 시간 표시 없음", "9 인용, 4개에 시간 표시", "3 인용"),
    ])
    func everyLanguageSaysItToo(language: String, noneTimed: String, someTimed: String, allTimed: String) throws {
        #expect(try caption(Array(repeating: nil, count: 9), language: language).hasSuffix(noneTimed))
        #expect(try caption([30, nil, 700, nil, nil, 800, 900, nil, nil], language: language).hasSuffix(someTimed))
        #expect(try caption([30, 60, 700], language: language).hasSuffix(allTimed))
    }

    @Test func everyLabelTableHasTheTimedWords() {
        for language in ["en", "zh", "ja", "ko"] {
            let labels = ArticleLabels.labels(for: language)
            #expect(labels["quotesTimed"]?.contains("{count}") == true, "\(language)")
            #expect(labels["quotesNoneTimed"]?.isEmpty == false, "\(language)")
        }
    }

    @Test func theDrawingsAccessibleNameSaysItToo() throws {
        let episode = episode(quoteTimes: Array(repeating: nil, count: 4))
        let timeline = try #require(EpisodeTimeline(episode))
        let svg = TimelineSVG.episode(timeline, of: episode, idPrefix: "e1-", labels: ArticleLabels.labels(for: "en"), chapterID: { "c\($0)" })
        #expect(svg.contains("4 quotes, none timed"))
        #expect(TimelineSVG.compact(timeline, of: episode, labels: ArticleLabels.labels(for: "en")).contains("4 quotes, none timed"))
    }
}
