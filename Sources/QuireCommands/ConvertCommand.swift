import ArgumentParser
import Foundation
import QuireCore

/// `quire convert INPUT... [-o OUTPUT] [--from F] [--to T]`.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert summaries from one format to another.",
        discussion: """
            Formats are taken from --from/--to, else from file extensions, else (for inputs) from the content.

            Several inputs are merged into one collection; a folder or a glob pattern stands for the \
            files in it that Quire can tell the format of (a.txt notes/ 'episodes/*.md' -o book.epub). \
            Use - for standard input or output.

            With --split, -o names the folder the site is written to. \
            The output file is written atomically: on failure an existing file is left untouched.

            Batch: when -o names a folder (ends in / or exists), every file of the inputs (folders are \
            searched) is converted on its own into that folder, in parallel; bad files are reported and \
            the rest go on; existing outputs are kept unless --force. Exit status 1 if any file failed.
            """)

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

    @Option(name: .long, help: "Channel for episodes whose input names none.")
    var channel: String?

    @Option(name: .long, help: "RSS feed URL of that channel.")
    var feed: String?

    @Option(name: .long, help: "BCP 47 language for episodes whose input declares none (en, zh, ko).")
    var language: String?

    @Option(name: .long, help: "Title of the collection.")
    var title: String?

    @OptionGroup(title: "Format settings") var formatOptions: FormatOptions

    @Option(name: .long, help: "Files converted at once in a batch (default: one per core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "Read and write a piece at a time, in memory that does not grow with the input: 'auto' (inputs of 8 MB or more), 'always' or 'never'.", completion: .list(["auto", "always", "never"]))
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

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one input file, or - for standard input") }
        guard inputs.filter({ $0 == "-" }).count <= 1 else { throw ValidationError("standard input (-) can be read only once") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be 1 or more") }
        if BatchJob.isDirectoryOutput(output), !formatOptions.writesFolder, to == nil { throw ValidationError("a batch into a folder needs --to FORMAT") }
        if StreamingPolicy(rawValue: streaming) == nil {
            throw ValidationError("--streaming takes \(StreamingPolicy.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")), not '\(streaming)'")
        }
        if let feed, !(feed.hasPrefix("http://") || feed.hasPrefix("https://")) {
            throw ValidationError("--feed must be an http or https URL, got '\(feed)'")
        }
    }

    func run() throws {
        let workspace = try Workspace(plugins: plugins)
        let job = try ConversionJob(command: self, workspace: workspace)
        if BatchJob.isDirectoryOutput(output) && !formatOptions.writesFolder {
            try job.batch(inputs: inputs, jobs: jobs, force: force).run()
        } else {
            try job.run()
        }
    }

    var defaults: CollectionDefaults {
        CollectionDefaults(channel: channel, feedURL: feed, language: language, title: title)
    }
}
