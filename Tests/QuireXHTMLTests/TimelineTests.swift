import Foundation
import QuireCore
import Testing

@testable import QuireXHTML

/// Timeline geometry: segments in proportion to chapter lengths, ticks at quote times, and the edge
/// cases a real page has (untimed chapters, equal starts, quotes past the end, 1 and 30 chapters).
@Suite struct TimelineTests {
    private func episode(starts: [Int?], quotes: [Int: [Int?]] = [:], duration: Int? = nil) -> Episode {
        Episode(
            title: "E",
            chapters: starts.enumerated().map { index, start in
                Chapter(start: start, title: "Chapter \(index + 1)", quotes: (quotes[index] ?? []).map { Quote(text: "q", time: $0) })
            },
            metadata: EpisodeMetadata(duration: duration))
    }

    /// `(x, width)` of each segment rectangle in the drawing, in order.
    private func segmentRects(_ svg: String) -> [(x: Double, width: Double)] {
        let pattern = try! NSRegularExpression(
            pattern: #"<a [^>]*class="timeline-segment"><title>[^<]*</title><rect x="([0-9.]+)" y="[0-9.]+" width="([0-9.]+)""#)
        return pattern.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).map { match in
            (Double(svg[Range(match.range(at: 1), in: svg)!])!, Double(svg[Range(match.range(at: 2), in: svg)!])!)
        }
    }

    private func tickPositions(_ svg: String) -> [Double] {
        let pattern = try! NSRegularExpression(pattern: #"<line class="timeline-tick" x1="([0-9.]+)""#)
        return pattern.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).map {
            Double(svg[Range($0.range(at: 1), in: svg)!])!
        }
    }

    private func draw(_ episode: Episode) throws -> String {
        let timeline = try #require(EpisodeTimeline(episode))
        return TimelineSVG.episode(timeline, of: episode, idPrefix: "e1-", labels: ArticleLabels.labels(for: "en"), chapterID: { "e1-chapter-\($0 + 1)" })
    }

    @Test func segmentWidthsAreProportionalToChapterLengths() throws {
        let svg = try draw(episode(starts: [0, 60, 240, 600], duration: 1200))
        let rects = segmentRects(svg)
        let expected: [(Double, Double)] = [(0, 30), (30, 90), (120, 180), (300, 300)]
        #expect(rects.count == 4)
        for (rect, (x, width)) in zip(rects, expected) {
            #expect(abs(rect.x - x) < 1 && abs(rect.width - width) < 1, "\(rect) is not \((x, width))")
        }
        #expect(svg.contains(##"<a xlink:href="#e1-chapter-3" class="timeline-segment"><title>04:00–10:00 Chapter 3</title>"##))
    }

    @Test func quoteTicksStandAtTheirTimes() throws {
        let svg = try draw(episode(starts: [0, 600], quotes: [0: [300, nil], 1: [900]], duration: 1200))
        #expect(tickPositions(svg) == [150, 450])
        #expect(try #require(EpisodeTimeline(episode(starts: [0, 600], quotes: [0: [300, nil]]))).ticks.count == 1)
    }

    @Test func chaptersWithoutLengthOrStartAreHandled() throws {
        // Two chapters at one start: the first has no length; an untimed chapter is not drawn.
        let timeline = try #require(EpisodeTimeline(episode(starts: [0, 120, 120, nil, 300], duration: 600)))
        #expect(timeline.segments.map(\.chapter) == [0, 1, 2, 4])
        #expect(timeline.segments.map(\.length) == [120, 0, 180, 300])
        let rects = segmentRects(try draw(episode(starts: [0, 120, 120, nil, 300], duration: 600)))
        #expect(rects.map(\.width) == [120, 0, 180, 300])
        #expect(EpisodeTimeline(episode(starts: [nil, nil])) == nil)
    }

    @Test func withoutADurationTheLastChapterGetsATypicalLength() throws {
        // Chapter lengths 300, 300, 600: the median, 300 s, is added after the last start.
        let timeline = try #require(EpisodeTimeline(episode(starts: [0, 300, 600, 1200])))
        #expect(timeline.duration == 1500 && timeline.isDurationEstimated)
        // A stated duration wins, unless it ends before the last chapter starts.
        #expect(EpisodeTimeline(episode(starts: [0, 300], duration: 2000))?.duration == 2000)
        #expect(EpisodeTimeline(episode(starts: [0, 3000], duration: 2000))?.isDurationEstimated == true)
    }

    @Test func timesBeyondTheLastChapterStretchTheBar() throws {
        let long = episode(starts: [0, 100], quotes: [1: [5000]], duration: 1200)
        let timeline = try #require(EpisodeTimeline(long))
        #expect(timeline.duration == 5000)
        #expect(tickPositions(try draw(long)) == [600])
        #expect(segmentRects(try draw(long)).last.map { $0.x + $0.width } == 600)
    }

    @Test func oneChapterAndThirtyChapters() throws {
        let one = try draw(episode(starts: [0]))
        #expect(segmentRects(one).map(\.width) == [600])
        #expect(one.contains("<title id=\"e1-timeline-title\">Timeline: 1 chapters, ~01:00, 0 quotes</title>"))

        let thirty = episode(starts: (0..<30).map { $0 * 97 }, duration: 30 * 97)
        let rects = segmentRects(try draw(thirty))
        #expect(rects.count == 30)
        for rect in rects { #expect(abs(rect.width - 20) < 1) }
        #expect(abs(rects.map(\.width).reduce(0, +) - 600) < 1)
    }

    @Test func labelsAreAbbreviatedToFitOrLeftOut() throws {
        var wide = episode(starts: [0, 1140], duration: 1200)
        wide.chapters[0].title = String(repeating: "Longer heading words ", count: 10)
        wide.chapters[1].title = "Too narrow for any label"
        let svg = try draw(wide)
        #expect(svg.contains("…</text>"))
        #expect(!svg.contains(">Too narrow"))
        // Korean and Chinese count as wide characters, so fewer of them fit.
        #expect(TimelineSVG.textWidth("한국어", fontSize: 10) == 30)
        #expect(TimelineSVG.textWidth("abc", fontSize: 10) < 20)
    }

    @Test func textInTheDrawingIsEscaped() throws {
        var hostile = episode(starts: [0], quotes: [0: [10]], duration: 100)
        hostile.chapters[0].title = "<script>alert(1)</script>"
        hostile.chapters[0].quotes[0].text = "\" onload=\"x"
        let svg = try draw(hostile)
        #expect(!svg.contains("<script>"))
        #expect(!svg.contains("\" onload"))
        #expect(svg.contains("&lt;script&gt;"))
    }
}
