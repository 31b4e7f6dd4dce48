import ArgumentParser
import Dispatch
import Foundation
import QuireConversion
import QuireCore
import QuireFetch

/// `quire fetch SUBSCRIPTIONS.opml... URL... -o feeds/`: downloads feeds, and the chapters and
/// transcripts they link, into a folder `quire convert` reads.
struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Download podcast feeds (and the chapters and transcripts they link) into a folder.",
        discussion: """
            Inputs are feed URLs (http or https) and channel lists such as a podcast app's OPML export, \
            whose channels' feed URLs are fetched. Each feed is stored as one file named after its title \
            (kitchen-physics.rss), its linked files under kitchen-physics.files/. A feed is kept only when \
            it downloaded whole, within the limits, and reads as a feed; files are replaced atomically.

            Conditional GET: the ETag and Last-Modified of each download are kept in FOLDER/.quire-fetch.json, \
            so a second run downloads only what changed. --offline uses that cache and no network.

            Then: quire convert FOLDER -o shows.epub

            Exit status: 0 every feed fetched or unchanged, 1 any feed or linked file failed, 2 usage error.
            """)

    @Argument(help: "Feed URLs and channel-list files (OPML).", completion: .file())
    var inputs: [String]

    @Option(name: [.short, .customLong("output")], help: "The folder to store feeds in.", completion: .directory)
    var output: String

    @Option(name: .long, help: "Downloads at once.")
    var jobs: Int = 8

    @Option(name: .long, help: "Seconds to open a connection.")
    var connectTimeout: Double = 10

    @Option(name: .long, help: "Seconds a server may send nothing.")
    var readTimeout: Double = 30

    @Option(name: .long, help: "Seconds one download may take in all.")
    var timeout: Double = 120

    @Option(name: .long, help: "Megabytes one download may have (after decompression).")
    var maxSize: Int = 64

    @Option(name: .long, help: "Redirects one download may follow.")
    var maxRedirects: Int = 5

    @Flag(name: .long, help: "Use only feeds stored by earlier runs; no network.")
    var offline = false

    @Flag(name: .long, help: "Do not download the chapters and transcripts feeds link to.")
    var noLinkedFiles = false

    @Flag(name: .shortAndLong, help: "Print only failures and the summary.")
    var quiet = false

    @OptionGroup var plugins: PluginOptions

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one feed URL or channel list (OPML)") }
        guard jobs >= 1, jobs <= 256 else { throw ValidationError("--jobs must be from 1 to 256") }
        for (name, value) in [("--connect-timeout", connectTimeout), ("--read-timeout", readTimeout), ("--timeout", timeout)]
        where !(value > 0 && value <= 86_400) {
            throw ValidationError("\(name) must be more than 0 and at most 86400 seconds")
        }
        guard maxSize >= 1, maxSize <= 1 << 20 else { throw ValidationError("--max-size must be from 1 to 1048576 megabytes") }
        guard maxRedirects >= 0, maxRedirects <= 100 else { throw ValidationError("--max-redirects must be from 0 to 100") }
    }

    var options: FetchOptions {
        var options = FetchOptions(userAgent: FetchOptions.userAgent(version: QuireCommand.configuration.version))
        options.jobs = jobs
        options.connectTimeout = connectTimeout
        options.readTimeout = readTimeout
        options.totalTimeout = timeout
        options.maximumBytes = maxSize << 20
        options.maximumRedirects = maxRedirects
        options.offline = offline
        options.linkedFiles = !noLinkedFiles
        return options
    }

    func run() throws {
        let workspace = try Workspace(plugins: plugins)
        let urls = try feedURLs(workspace: workspace)
        let console = Console.current
        guard !urls.isEmpty else { throw CommandFailure.failure("the inputs name no feeds") }

        let fetcher = FeedFetcher(folder: output, options: options, inspector: RegistryFeedInspector(registry: workspace.registry))
        let progress = ProgressReporter(total: urls.count, unit: "feeds", enabled: !quiet)
        let report = Self.runBlocking { await fetcher.run(urls, finished: { _ in progress.advance() }) }
        progress.finish()

        for problem in report.problems { console.printError("quire: warning: \(problem)") }
        for result in report.results { print(result, console: console) }
        console.printError(report.summary)
        if !report.succeeded { throw CommandFailure.failure() }
    }

    /// The feed URLs the inputs name, in order: URLs as given, and each channel list's channels' feed
    /// URLs, read by whichever registered reader the file's format has (the CLI knows no format).
    private func feedURLs(workspace: Workspace) throws -> [String] {
        var urls: [String] = []
        for input in inputs {
            let lower = input.lowercased()
            if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
                urls.append(input)
                continue
            }
            let (file, format) = try workspace.readInput(input, format: nil)
            var diagnostics = Diagnostics()
            let collection: EpisodeCollection
            do {
                let route = try workspace.graph.route(from: format, to: .model)
                guard case .model(let model) = try route.run(.bytes(file), options: ConversionOptions(), diagnostics: &diagnostics) else {
                    preconditionFailure("routes to the model end in the model")
                }
                collection = model
            } catch let failure as ConversionFailure {
                for diagnostic in failure.diagnostics { Console.current.printError(diagnostic.description) }
                throw CommandFailure.failure("\(input): cannot be read as a channel list")
            } catch let error as RouteError {
                throw CommandFailure.failure("\(input): \(error.description)")
            }
            for diagnostic in diagnostics where diagnostic.severity >= .warning { Console.current.printError(diagnostic.description) }
            let found = collection.channels.compactMap(\.feedURL)
            guard !found.isEmpty else { throw CommandFailure.failure("\(input): names no feed URLs (a channel list gives each channel's xmlUrl)") }
            urls += found
        }
        return urls
    }

    private func print(_ result: FeedResult, console: Console) {
        let name = result.file ?? "-"
        switch result.outcome {
        case .fetched:
            if !quiet {
                var line = "fetched    \(name)  \(result.url)  (\(Self.size(result.bytes))"
                if result.linkedFetched + result.linkedUnchanged > 0 {
                    line += ", linked files: \(result.linkedFetched) fetched, \(result.linkedUnchanged) unchanged"
                }
                console.print(line + ")")
            }
        case .unchanged:
            if !quiet {
                let linked = result.linkedFetched + result.linkedUnchanged > 0
                console.print(
                    "unchanged  \(name)  \(result.url)"
                        + (linked ? "  (linked files: \(result.linkedFetched) fetched, \(result.linkedUnchanged) unchanged)" : ""))
            }
        case .failed(let failure):
            console.print("failed     \(result.url): \(failure.reason)")
            for diagnostic in failure.diagnostics { console.printError(diagnostic) }
        }
        if !quiet { for warning in result.warnings { console.printError(warning) } }
        for linked in result.linkedFailures {
            console.print("failed     \(linked.url) (linked from \(name)): \(linked.failure.reason)")
        }
    }

    static func size(_ bytes: Int) -> String {
        bytes < 1024 ? "\(bytes) B" : bytes < 1 << 20 ? "\(bytes / 1024) KB" : String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }

    /// Runs async work from this synchronous command (the command line is synchronous throughout).
    /// The work runs on the concurrency pool and the HTTP client's own threads; this thread only waits.
    static func runBlocking<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: T?
        Task {
            result = await work()
            done.signal()
        }
        done.wait()
        return result!
    }
}
