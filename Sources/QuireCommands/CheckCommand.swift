import ArgumentParser
import QuireConversion
import QuireCore

/// `quire check FILE... [--profile NAME] [--from FORMAT]`: a format's own checks (and a profile's),
/// or, for a format without a checker, what its reader reports.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check files against their format's rules, and optionally a reading device's profile.",
        discussion: """
            Prints diagnostics as `convert` does, then one line per file: "book.epub: 0 errors, 2 warnings". \
            `quire formats FORMAT` lists a format's profiles (epub: kindle). A format without a checker is read \
            with its reader, and the reader's diagnostics are reported.

            Exit status: 0 when no file has errors (warnings allowed), 1 when one has, 2 for a usage error.
            """)

    @Argument(help: "Files to check.", completion: .file())
    var files: [String]

    @Option(name: .long, help: "Also check what this profile needs (epub: kindle).")
    var profile: String?

    @Option(name: .shortAndLong, help: "Format of the files, when their names do not say.", completion: .readableFormats)
    var from: String?

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print only errors and the summaries.")
    var quiet = false

    @Option(name: .long, help: "How diagnostics are printed: 'text' (path:line:column: severity: message) or 'json' (one object per line).")
    var diagnostics: ConvertCommand.DiagnosticsStyle = .text

    @OptionGroup var plugins: PluginOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one file to check") }
    }

    func run() throws {
        let workspace = try Workspace(plugins: plugins)
        let console = Console.current
        let spelling = FlagSpelling(registry: workspace.registry)
        let printer: any DiagnosticConsumer =
            switch diagnostics {
            case .json: JSONLinesDiagnosticPrinter(rewrite: spelling.rewrite, write: console.writeError)
            case .text: TerminalDiagnosticPrinter(verbosity: quiet ? .errorsOnly : .warningsAndErrors, rewrite: spelling.rewrite, write: console.writeError)
            }
        let given = try from.map { try workspace.node(named: $0) }
        var failed = false
        for path in files {
            let file: InputFile, node: GraphNode
            do {
                (file, node) = try workspace.readInput(path, format: given)
            } catch let failure as CommandFailure where failure.status == .failure {
                // An unreadable file is that file's failure; the others are still checked.
                console.printError("quire: error: \(failure.message ?? "cannot read \(path)")")
                failed = true
                continue
            }
            guard case .format(let format) = node else { throw CommandFailure.usage("'model' is the in-memory model, not a format that can be checked") }
            var found = try findings(file, format: format, workspace: workspace)
            if strict { found = found.escalatingWarnings() }
            printer.receive(found.all.sortedByLocation())
            let errors = found.errors.count, warnings = found.warnings.count
            let summary = "\(file.name): \(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings")"
            if diagnostics == .json {
                printer.receive([.note("check.summary", summary, at: SourceLocation(file: file.name))])
            } else {
                console.print(summary)
            }
            failed = failed || errors > 0
        }
        printer.finalize()
        if failed { throw CommandFailure.failure() }
    }

    /// The format's checker with the profile, else its reader's diagnostics.
    private func findings(_ file: InputFile, format: FormatID, workspace: Workspace) throws -> Diagnostics {
        var found = Diagnostics()
        let options = ConversionOptions()
        guard let registered = workspace.registry.checker(for: format) else {
            if let profile {
                throw CommandFailure.usage("format '\(format)' has no check profiles, so --profile \(profile) cannot be used")
            }
            do {
                let route = try workspace.graph.route(from: .format(format), to: .model)
                _ = try route.run(.bytes(file), options: options, diagnostics: &found)
            } catch let failure as ConversionFailure {
                for diagnostic in failure.diagnostics { found.report(diagnostic) }
            } catch let error as RouteError {
                throw CommandFailure.failure("\(file.name): format '\(format)' can be neither checked nor read: \(error.description)")
            }
            return found
        }
        if let profile, !registered.profiles.contains(where: { $0.name == profile }) {
            let known = registered.profiles.map { "'\($0.name)' (\($0.summary))" }
            throw CommandFailure.usage(
                "unknown profile '\(profile)' for format '\(format)'; "
                    + (known.isEmpty ? "it has no profiles" : "its profiles: " + known.joined(separator: ", ")))
        }
        registered.checker.check(file, profile: profile, options: options, diagnostics: &found)
        return found
    }
}
