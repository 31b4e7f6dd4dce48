import ArgumentParser
import Foundation
import QuireBuiltinFormats
import QuireConversion
import QuireCore

/// `quire convert INPUT... [-o OUTPUT] [--from F] [--to T]`: builds a `ConversionRequest` from the
/// arguments, runs it, and reports the outcome.
struct ConvertCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        let registry = Workspace.prepared?.registry ?? (try? BuiltinFormats.registry()) ?? FormatRegistry()
        return CommandConfiguration(
            commandName: "convert",
            abstract: "Convert summaries from one format to another.",
            discussion: """
                Formats are taken from --from/--to, else from file extensions, else (for inputs) from the content.

                Several inputs are merged into one collection; a folder or a glob pattern stands for the \
                files in it that Quire can tell the format of (a.txt notes/ 'episodes/*.md' -o book.epub). \
                Use - for standard input or output.

                With --split, -o names the folder the site is written to. \
                The output file is written atomically: on failure an existing file is left untouched.

                Batch: when -o names a folder (ends in / or exists), every file of the inputs (folders are searched) \
                is converted on its own into that folder, in parallel; bad files are reported and the rest go on; \
                existing outputs are kept unless --force. Exit status 1 if any file failed.

                SHARDS: --shard I/N converts only the files of shard I (0 to N-1) of a batch, so N processes or \
                machines share it, each running the same command with its own I: a Kubernetes Indexed Job \
                (--shard $JOB_COMPLETION_INDEX/N), a Slurm array (sbatch --array=0-N-1, --shard $SLURM_ARRAY_TASK_ID/N), \
                GNU parallel (parallel quire convert in/ --to epub -o out/ --shard {}/4 ::: 0 1 2 3). \
                A file's shard depends only on its path below the input folder, so the shards never overlap, \
                together cover every file, and adding files does not move the others.

                DEFAULTS FILES: --defaults FILE (YAML, repeatable) holds any of these options by its long name \
                (to: epub, via: [html], strict: true), inputs: [a.txt], and format settings by name or under settings:. \
                \(ConvertDefaults.fileName) in the working folder and $XDG_CONFIG_HOME/quire/\(ConvertDefaults.fileName) \
                (default ~/.config/quire/) apply by themselves; --no-config (or QUIRE_NO_CONFIG=1) ignores those two. \
                The command line wins over --defaults files, which win over ./\(ConvertDefaults.fileName), which wins over the user's; \
                repeatable options append in that order. Relative paths in a file are relative to its folder. \
                --verbose names the files that applied. See docs/defaults-files.md.

                FORMAT SETTINGS (each is also --option KEY=VALUE; `quire formats FORMAT` lists a format's settings):
                \(SettingFlags.help(for: registry))
                """)
    }

    /// `convert`'s own long options; a format setting of the same name gets no flag of its own.
    static let ownOptionNames: Set<String> = ownOptionsTakingValues.union([
        "force", "strict", "explain", "verbose", "quiet", "help", "no-config",
    ])
    static let ownOptionsTakingValues: Set<String> = [
        "output", "from", "to", "via", "channel", "feed", "language", "title", "jobs", "streaming", "option", "diagnostics",
        "plugin-dir", "plugin-timeout", "plugin-output-limit", "filter", "defaults", "shard",
    ]

    @Argument(help: "Input files, or - for standard input.", completion: .file())
    var inputs: [String]

    @OptionGroup var plugins: PluginOptions

    @Option(name: [.short, .customLong("output")], help: "Output file, or - for standard output (the default).", completion: .file())
    var output: String?

    @Option(name: .shortAndLong, help: "Format of the inputs (see `quire formats`).", completion: .readableFormats)
    var from: String?

    @Option(name: .shortAndLong, help: "Format of the output.", completion: .writableFormats)
    var to: String?

    @Option(name: .long, help: "Pass through this format on the way (repeatable, in order).", completion: .formatNames)
    var via: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Run the model through this filter between reading and writing (repeatable, in order): a filter's name (`quire formats` lists them), a program's path, or a program on PATH.",
            valueName: "filter"))
    var filter: [String] = []

    @Option(name: .long, help: "Channel for episodes whose input names none.")
    var channel: String?

    @Option(name: .long, help: "RSS feed URL of that channel.")
    var feed: String?

    @Option(name: .long, help: "BCP 47 language for episodes whose input declares none (en, zh, ko).")
    var language: String?

    @Option(name: .long, help: "Title of the collection.")
    var title: String?

    @Option(name: .customLong("option"), help: ArgumentHelp("A format setting, as KEY=VALUE (repeatable; see FORMAT SETTINGS).", valueName: "key=value"))
    var settings: [String] = []

    @Option(name: .long, help: "Files converted at once in a batch (default: one per core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    // Unconditional, so `--shard -1/3` reaches the check below rather than reading as an option.
    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp(
            "In a batch, convert only shard I of N (0 ≤ I < N; see SHARDS), such as $JOB_COMPLETION_INDEX/4.", valueName: "i/n"))
    var shard: String?

    @Option(
        name: .long,
        help: "Read and write a piece at a time, in memory that does not grow with the input: 'auto' (inputs of 8 MB or more), 'always' or 'never'.",
        completion: .list(["auto", "always", "never"]))
    var streaming: String = StreamingPolicy.auto.rawValue

    @Flag(name: .long, help: "In a batch, replace output files that exist.")
    var force = false

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .long, help: "Print the route taken on standard error.")
    var explain = false

    @Flag(name: .long, help: "Also print notes (such as inferred chapter headings).")
    var verbose = false

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    // Read by `QuireCLI.run` before parsing (`ConvertDefaults`), declared here for help and parsing.
    @Option(
        name: .long, help: ArgumentHelp("Read options from this YAML file (repeatable; see DEFAULTS FILES).", valueName: "file"),
        completion: .file(extensions: ["yaml", "yml"]))
    var defaults: [String] = []

    @Flag(name: .customLong("no-config"), help: "Ignore ./quire.yaml and $XDG_CONFIG_HOME/quire/quire.yaml (as QUIRE_NO_CONFIG=1 does).")
    var noConfig = false

    @Option(name: .long, help: "How diagnostics are printed on standard error: 'text' (path:line:column: severity: message) or 'json' (one object per line).")
    var diagnostics: DiagnosticsStyle = .text

    enum DiagnosticsStyle: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one input file, or - for standard input") }
        guard inputs.filter({ $0 == "-" }).count <= 1 else { throw ValidationError("standard input (-) can be read only once") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be 1 or more") }
        for setting in settings where !setting.contains("=") || setting.hasPrefix("=") {
            throw ValidationError("--option takes KEY=VALUE, got '\(setting)'")
        }
        if StreamingPolicy(rawValue: streaming) == nil {
            throw ValidationError("--streaming takes \(StreamingPolicy.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")), not '\(streaming)'")
        }
        if let shard {
            switch Shard.parse(shard) {
            case .shard: break
            case .malformed:
                throw ValidationError("--shard takes I/N, two whole numbers (0/4 is the first of 4 shards), not '\(shard)'")
            case .noShards:
                throw ValidationError("--shard takes I/N with N at least 1, not '\(shard)'")
            case .indexOutOfRange:
                throw ValidationError("--shard takes I/N with I from 0 to N-1 (shards are numbered from 0), not '\(shard)'")
            }
        }
        if let feed, !(feed.hasPrefix("http://") || feed.hasPrefix("https://")) {
            throw ValidationError("--feed must be an http or https URL, got '\(feed)'")
        }
    }

    /// The request these arguments ask for.
    var request: ConversionRequest {
        var options = ConversionOptions()
        for setting in settings {
            let parts = setting.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            // Appended, so a repeatable setting given twice keeps both values (`--subject a --subject b`).
            options.append(String(parts[1]), for: String(parts[0]))
        }
        if strict { options[CommonSettings.strict] = "true" }
        // Reproducible output: a fixed creation date when the build environment asks for one.
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Int(epoch), seconds >= 0 {
            options[CommonSettings.date] = epoch
        }
        let output: ConversionRequest.Output =
            switch self.output {
            case nil, "-": .standardOutput
            case let path? where Self.namesFolder(path): .folder(path)
            case let path?: .file(path)
            }
        return ConversionRequest(
            inputs: inputs.map { $0 == "-" ? .standardInput : .path($0) }, output: output, sourceFormat: from, targetFormat: to,
            via: via, settings: options, defaults: CollectionDefaults(channel: channel, feedURL: feed, language: language, title: title),
            streaming: StreamingPolicy(rawValue: streaming) ?? .auto,
            batch: BatchPolicy(jobs: jobs, replacesExisting: force, shard: shard.flatMap(Self.parsedShard)), filters: filter)
    }

    /// The shard `--shard` names (checked by `validate`).
    static func parsedShard(_ text: String) -> Shard? {
        if case .shard(let shard) = Shard.parse(text) { shard } else { nil }
    }

    /// An output folder: ends in `/` or is an existing directory.
    static func namesFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return path.hasSuffix("/") || FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    func run() throws {
        let workspace = try Workspace.prepared ?? Workspace(plugins: plugins)
        let console = Console.current
        let spelling = FlagSpelling(registry: workspace.registry)
        let printer: any DiagnosticConsumer =
            switch diagnostics {
            case .json: JSONLinesDiagnosticPrinter(rewrite: spelling.rewrite, write: console.writeError)
            case .text:
                TerminalDiagnosticPrinter(
                    verbosity: quiet ? .errorsOnly : verbose ? .everything : .warningsAndErrors, rewrite: spelling.rewrite, write: console.writeError)
            }
        let observer = CommandObserver(explain: explain, showsProgress: !quiet && diagnostics == .text, spelling: spelling)
        let registry = try workspace.registry(filtering: filter, limits: plugins.limits)
        let outcome: ConversionOutcome
        do {
            outcome = try ConversionService(registry: registry).run(request, diagnostics: printer, observer: observer)
        } catch {
            if diagnostics == .json, let message = error.message {
                let id: DiagnosticID = error.kind == .request ? "quire.request" : "quire.failure"
                printer.receive([.error(id, spelling.rewrite(message))])
                throw CommandFailure(status: error.kind == .request ? .usage : .failure, message: nil)
            }
            throw CommandFailure(error, spelling: spelling)
        }
        switch outcome {
        case .output(let bytes):
            do {
                try console.writeOutput(bytes)
            } catch {
                throw CommandFailure.failure("cannot write \(error)")
            }
        case .written:
            break
        case .folder(let path, let files):
            if verbose && !quiet { console.printError("wrote \(files) files under \(path)") }
        case .batch(let report):
            try BatchReportPrinter(quiet: quiet, verbose: verbose, json: diagnostics == .json, spelling: spelling).print(report, to: printer)
        }
    }
}

/// Prints what a batch did: each skipped or failed file, then the tally.
struct BatchReportPrinter {
    let quiet: Bool
    let verbose: Bool
    let json: Bool
    let spelling: FlagSpelling

    func print(_ report: BatchReport, to consumer: any DiagnosticConsumer) throws {
        let console = Console.current
        for (path, outcome) in report.files {
            switch outcome {
            case .converted(let output):
                if verbose && !json { console.printError("\(path) → \(output)") }
            case .skipped(let reason) where json:
                consumer.receive([.warning("batch.skipped", spelling.rewrite("skipped: \(reason)"), at: SourceLocation(file: path))])
            case .skipped(let reason):
                if !quiet { console.printError(spelling.rewrite("skipped \(path): \(reason)")) }
            case .failed(let reason) where json:
                consumer.receive([.error("batch.failed", spelling.rewrite("failed: \(reason)"), at: SourceLocation(file: path))])
            case .failed(let reason):
                console.printError(spelling.rewrite("failed \(path): \(reason)"))
            }
        }
        var tally = "converted \(report.converted), skipped \(report.skipped), failed \(report.failed)"
        if let shard = report.shard { tally = "shard \(shard): \(report.paths.count) of \(report.filesInBatch) files; " + tally }
        // --quiet prints only errors: the tally then only when something failed.
        if json {
            consumer.receive([.note("batch.summary", tally)])
        } else if !quiet || report.failed > 0 {
            console.printError(tally)
        }
        if report.failed > 0 { throw CommandFailure.failure() }
    }
}

/// `--explain` and the progress bar.
struct CommandObserver: ConversionObserver {
    let explain: Bool
    let showsProgress: Bool
    let spelling: FlagSpelling

    func willRun(_ route: Route, from source: GraphNode, to target: GraphNode, streamed: Bool) {
        guard explain else { return }
        Console.current.printError(RouteDescription.render(route, from: source, to: target, spelling: spelling))
        if streamed { Console.current.printError("streamed: read and written a piece at a time") }
        if !route.filters.isEmpty { Console.current.printError("not streamed: filters take the whole collection, so the input is read whole") }
    }

    func beginProgress(total: Int, unit: String) -> (any ConversionProgress)? {
        ProgressReporter(total: total, unit: unit, enabled: showsProgress)
    }
}
