import ArgumentParser
import Foundation
import QuireCore
import QuireScoring

/// `quire score INPUT --truth TRUTH.json`: how exactly Quire reads a page, against a hand-checked reading.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score how Quire reads an input against a ground-truth JSON.",
        discussion: """
            The ground truth has the shape of sample-channel-page.expected.json: a preamble and, per episode, its \
            1-based index, title, summary, chapters (start, title, body, quotes with text and time, and optionally \
            acceptable_titles: other headings that count as exact) and entities; an episode's optional language \
            groups the heading scores per language.

            Episodes the truth leaves out are not scored. Exit status 1 when a --min-* threshold is not met.
            """)

    @Argument(help: "The input to read (any format Quire reads).", completion: .file())
    var input: String

    @Option(name: .long, help: "The ground-truth JSON file.", completion: .file(extensions: ["json"]))
    var truth: String

    @Option(name: .long, help: "Format of the input, when its name does not say.", completion: .readableFormats)
    var from: String?

    @Option(name: .long, help: "Fail unless at least this percentage of headings is exact.")
    var minHeadings: Double?

    @Option(name: .long, help: "Fail unless, in every language, at least this percentage of headings is exact.")
    var minLanguageHeadings: Double?

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
        if let minLanguageHeadings {
            let below = card.headingsByLanguage.filter { $0.value.percent < minLanguageHeadings }.sorted { $0.key < $1.key }
            if !below.isEmpty {
                throw CommandFailure.failure(
                    below.map { String(format: "%@ headings %.1f%% exact", $0.key, $0.value.percent) }.joined(separator: ", ")
                        + String(format: ", below --min-language-headings %.1f", minLanguageHeadings))
            }
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
