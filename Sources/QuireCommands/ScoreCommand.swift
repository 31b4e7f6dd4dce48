import ArgumentParser
import Foundation
import QuireCore

/// `quire score INPUT --truth TRUTH.json`: how exactly Quire reads a page, against a hand-checked reading.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score how Quire reads an input against a ground-truth JSON.",
        discussion: """
            The ground truth has the shape of sample-channel-page.expected.json: a preamble and, per episode, its
            1-based index, title, summary, chapters (start, title, body, quotes with text and time) and entities.
            Episodes the truth leaves out are not scored. Exit status 1 when a --min-* threshold is not met.
            """)

    @Argument(help: "The input to read (any format Quire reads).")
    var input: String

    @Option(name: .long, help: "The ground-truth JSON file.")
    var truth: String

    @Option(name: .long, help: "Format of the input, when its name does not say.")
    var from: String?

    @Option(name: .long, help: "Fail unless at least this percentage of headings is exact.")
    var minHeadings: Double?

    @Flag(name: .long, help: "List every chapter whose heading or body differs.")
    var showMisses = false

    @OptionGroup var plugins: PluginOptions

    func run() throws {
        let workspace = try Workspace(plugins: plugins)
        let expected: GroundTruth
        do {
            expected = try GroundTruth(bytes: try FileIO.read(truth))
        } catch let failure as FileIO.Failure {
            throw CommandFailure.failure("cannot read \(failure.description)")
        } catch {
            throw CommandFailure.failure("\(truth): not a ground-truth file: \(error)")
        }
        let collection = try readModel(workspace: workspace)
        let card = Scorecard(collection: collection, truth: expected)
        let console = Console.current
        console.print(card.report(showMisses: showMisses, input: input, truth: truth))
        if let minHeadings, card.headingPercent < minHeadings {
            throw CommandFailure.failure(String(format: "headings %.1f%% exact, below --min-headings %.1f", card.headingPercent, minHeadings))
        }
    }

    private func readModel(workspace: Workspace) throws -> EpisodeCollection {
        let (file, source) = try workspace.readInput(input, format: from.map { try workspace.node(named: $0) })
        var diagnostics = Diagnostics()
        do {
            let route = try workspace.graph.route(from: source, to: .model)
            guard case .model(let collection) = try route.run(.bytes(file), options: ConversionOptions(), diagnostics: &diagnostics) else {
                preconditionFailure("routes to the model end in the model")
            }
            return collection
        } catch let failure as ConversionFailure {
            for diagnostic in failure.diagnostics { Console.current.printError(diagnostic.description) }
            throw CommandFailure.failure()
        } catch let error as RouteError {
            throw CommandFailure.failure(error.description)
        }
    }
}

/// A hand-checked reading of some episodes of a page.
struct GroundTruth {
    struct Episode {
        var index: Int
        var title: String
        var summary: String
        var chapters: [QuireCore.Chapter]
        var entities: [Entity]
    }

    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    var preamble: [String]
    var episodes: [Episode]

    init(bytes: [UInt8]) throws {
        guard let root = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
              let episodes = root["episodes"] as? [[String: Any]]
        else { throw Malformed(description: "expected an object with an 'episodes' array") }
        preamble = root["preamble"] as? [String] ?? []
        self.episodes = try episodes.map { episode in
            guard let index = episode["index"] as? Int, index >= 1, let title = episode["title"] as? String else {
                throw Malformed(description: "every episode needs an 'index' (1 or more) and a 'title'")
            }
            let chapters = (episode["chapters"] as? [[String: Any]] ?? []).map { chapter in
                QuireCore.Chapter(
                    start: chapter["start"] as? Int, title: chapter["title"] as? String ?? "", body: chapter["body"] as? String ?? "",
                    quotes: (chapter["quotes"] as? [[String: Any]] ?? []).map { Quote(text: $0["text"] as? String ?? "", time: $0["time"] as? Int) })
            }
            let entities = (episode["entities"] as? [[String: Any]] ?? []).map {
                Entity(name: $0["name"] as? String ?? "", type: $0["type"] as? String ?? "", description: $0["description"] as? String ?? "")
            }
            return Episode(index: index, title: title, summary: episode["summary"] as? String ?? "", chapters: chapters, entities: entities)
        }
    }
}

/// Counts of what a reading got exactly right, per kind of thing.
struct Scorecard {
    struct Tally {
        var exact = 0
        var total = 0
        mutating func add(_ isExact: Bool) {
            total += 1
            if isExact { exact += 1 }
        }
        var percent: Double { total == 0 ? 100 : Double(exact) * 100 / Double(total) }
        var text: String { String(format: "%d/%d (%.1f%%)", exact, total, percent) }
    }

    var episodes = Tally(), titles = Tally(), summaries = Tally(), chapters = Tally(), starts = Tally()
    var quotes = Tally(), entities = Tally(), headings = Tally(), bodies = Tally()
    var preambleExact: Bool
    var misses: [String] = []

    init(collection: EpisodeCollection, truth: GroundTruth) {
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
                headings.add(got?.title == chapter.title)
                bodies.add(got?.body == chapter.body)
                if let got, got.title != chapter.title || got.body != chapter.body {
                    let at = chapter.start.map { Timestamp.string(fromSeconds: $0) } ?? "untimed"
                    misses.append("episode \(expected.index) [\(at)]: heading '\(got.title)', expected '\(chapter.title)'")
                }
            }
            for (position, entity) in expected.entities.enumerated() {
                entities.add(found.map { $0.entities.indices.contains(position) && $0.entities[position] == entity } ?? false)
            }
        }
    }

    var headingPercent: Double { headings.percent }

    func report(showMisses: Bool, input: String, truth: String) -> String {
        var lines = [
            "\(input) against \(truth)",
            "preamble   \(preambleExact ? "exact" : "differs")",
            "episodes   \(episodes.text) found; titles \(titles.text) exact; overviews \(summaries.text) exact",
            "chapters   \(chapters.text) found; starts \(starts.text) exact",
            "quotes     \(quotes.text) exact with their times",
            "entities   \(entities.text) exact",
            "headings   \(headings.text) exact",
            "bodies     \(bodies.text) exact",
        ]
        if showMisses { lines += misses.map { "  " + $0 } }
        return lines.joined(separator: "\n")
    }
}
