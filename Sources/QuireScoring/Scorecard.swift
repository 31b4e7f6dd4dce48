import Foundation
import QuireCore

/// Counts of what a reading got exactly right, per kind of thing.
public struct Scorecard: Sendable {
    public struct Tally: Sendable {
        public var exact = 0
        public var total = 0
        public mutating func add(_ isExact: Bool) {
            total += 1
            if isExact { exact += 1 }
        }
        public var percent: Double { total == 0 ? 100 : Double(exact) * 100 / Double(total) }
        public var text: String { String(format: "%d/%d (%.1f%%)", exact, total, percent) }
    }

    public var episodes = Tally(), titles = Tally(), summaries = Tally(), chapters = Tally(), starts = Tally()
    public var quotes = Tally(), entities = Tally(), headings = Tally(), bodies = Tally()
    public var preambleExact: Bool
    public var misses: [String] = []
    /// Exact headings per language: the truth's language for the episode, else the language read.
    public var headingsByLanguage: [String: Tally] = [:]

    public init(collection: EpisodeCollection, truth: GroundTruth) {
        preambleExact = collection.preamble == truth.preamble
        for expected in truth.episodes {
            let found = collection.episodes.indices.contains(expected.index - 1) ? collection.episodes[expected.index - 1] : nil
            episodes.add(found != nil)
            titles.add(found?.title == expected.title)
            summaries.add(found?.summary == expected.summary)
            for (position, chapter) in expected.chapters.enumerated() {
                let got = found.flatMap { $0.chapters.indices.contains(position) ? $0.chapters[position] : nil }
                chapters.add(got != nil)
                starts.add(got?.start == chapter.start)
                for (quoteIndex, quote) in chapter.quotes.enumerated() {
                    quotes.add(got.map { $0.quotes.indices.contains(quoteIndex) && $0.quotes[quoteIndex] == quote } ?? false)
                }
                // Another reading the truth accepts counts as exact, body included (it moves with the heading).
                let acceptable = expected.acceptableTitles.indices.contains(position) ? expected.acceptableTitles[position] : []
                let headingExact = got.map { $0.title == chapter.title || acceptable.contains($0.title) } ?? false
                let bodyExact = got.map { $0.body == chapter.body || $0.title != chapter.title && acceptable.contains($0.title) } ?? false
                headings.add(headingExact)
                headingsByLanguage[expected.language ?? found?.language ?? "und", default: Tally()].add(headingExact)
                bodies.add(bodyExact)
                if let got, !headingExact || !bodyExact {
                    let at = chapter.start.map { Timestamp.string(fromSeconds: $0) } ?? "untimed"
                    misses.append("episode \(expected.index) [\(at)]: heading '\(got.title)', expected '\(chapter.title)'")
                }
            }
            for (position, entity) in expected.entities.enumerated() {
                entities.add(found.map { $0.entities.indices.contains(position) && $0.entities[position] == entity } ?? false)
            }
        }
    }

    public var headingPercent: Double { headings.percent }

    public func report(showMisses: Bool, input: String, truth: String) -> String {
        var lines = [
            "\(input) against \(truth)",
            "preamble   \(preambleExact ? "exact" : "differs")",
            "episodes   \(episodes.text) found; titles \(titles.text) exact; overviews \(summaries.text) exact",
            "chapters   \(chapters.text) found; starts \(starts.text) exact",
            "quotes     \(quotes.text) exact with their times",
            "entities   \(entities.text) exact",
            "headings   \(headings.text) exact",
        ]
        if headingsByLanguage.count > 1 || headingsByLanguage.keys.first.map({ $0 != "und" }) ?? false {
            lines += headingsByLanguage.sorted { $0.key < $1.key }.map {
                "  \($0.key.padding(toLength: 8, withPad: " ", startingAt: 0)) \($0.value.text) exact"
            }
        }
        lines += [
            "bodies     \(bodies.text) exact"
        ]
        if showMisses { lines += misses.map { "  " + $0 } }
        return lines.joined(separator: "\n")
    }
}
