import Foundation
import QuireCore

/// One run of `quire convert`: resolves formats, asks the graph for a route, runs it, reports, writes.
struct ConversionJob {
    let workspace: Workspace
    let inputPaths: [String]
    let outputPath: String
    let sourceFormat: GraphNode?
    let target: GraphNode
    let via: [GraphNode]
    let defaults: CollectionDefaults
    let strict: Bool
    let explain: Bool
    let verbose: Bool
    let quiet: Bool
    /// Settings for particular formats, passed through by name (`opml`).
    let formatOptions: [String: String]

    /// The same settings, run as a batch into the output folder.
    func batch(inputs: [String], jobs: Int, force: Bool) -> BatchJob {
        BatchJob(
            workspace: workspace, inputs: inputs, outputDirectory: outputPath, target: target, sourceFormat: sourceFormat,
            defaults: defaults, options: options, jobs: jobs, force: force, quiet: quiet, verbose: verbose)
    }

    init(command: ConvertCommand, workspace: Workspace) throws {
        self.workspace = workspace
        inputPaths = command.inputs
        outputPath = command.output ?? "-"
        sourceFormat = try command.from.map { try workspace.node(named: $0) }
        via = try command.via.map { try workspace.node(named: $0) }
        if let name = command.to {
            target = try workspace.node(named: name)
        } else if outputPath != "-", !BatchJob.isDirectoryOutput(outputPath), let format = workspace.registry.format(forPath: outputPath) {
            target = .format(format.id)
        } else {
            let reason = outputPath == "-" ? "writing to standard output" : "'\(outputPath)' has no known extension"
            throw CommandFailure.usage("cannot tell the output format (\(reason)); give --to")
        }
        if target == .model || sourceFormat == .model {
            throw CommandFailure.usage("'model' is the in-memory model, not a file format; name a format")
        }
        defaults = command.defaults
        strict = command.strict
        explain = command.explain
        verbose = command.verbose
        quiet = command.quiet
        var formatOptions: [String: String] = [:]
        if let opml = command.opml {
            guard ["channels", "outline"].contains(opml) else { throw CommandFailure.usage("--opml takes 'channels' or 'outline', not '\(opml)'") }
            formatOptions["opml"] = opml
        }
        // Reproducible output: a fixed creation date when the build environment asks for one.
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Int(epoch), seconds >= 0 {
            formatOptions["date"] = epoch
        }
        self.formatOptions = formatOptions
    }

    func run() throws {
        var diagnostics = Diagnostics()
        let inputs = try inputPaths.map { try readInput($0) }
        let result: [UInt8]
        do {
            result = try convert(inputs, diagnostics: &diagnostics)
        } catch let failure as ConversionFailure {
            diagnostics.report(contentsOf: Diagnostics(failure.diagnostics))
            report(diagnostics)
            throw CommandFailure.failure()
        }
        if strict && !diagnostics.warnings.isEmpty {
            report(diagnostics.escalatingWarnings())
            throw CommandFailure.failure("\(diagnostics.warnings.count) warnings treated as errors (--strict); nothing written")
        }
        report(diagnostics)
        if outputPath == "-" {
            do {
                try Console.current.writeOutput(result)
            } catch {
                throw CommandFailure.failure("cannot write \(error)")
            }
        } else {
            do {
                try FileIO.writeAtomically(result, to: outputPath)
            } catch {
                throw CommandFailure.failure("cannot write \(error.description)")
            }
        }
    }

    private func readInput(_ path: String) throws -> (file: InputFile, format: GraphNode) {
        try workspace.readInput(path, format: sourceFormat)
    }

    /// One input goes straight along the best route; several are each read into the model, merged,
    /// and written once.
    private func convert(_ inputs: [(file: InputFile, format: GraphNode)], diagnostics: inout Diagnostics) throws -> [UInt8] {
        let applyDefaults: (inout EpisodeCollection) -> Void = { defaults.apply(to: &$0) }
        if inputs.count == 1, let input = inputs.first {
            let route = try findRoute(from: input.format, to: target, via: via)
            let value = try route.run(.bytes(input.file), options: options, diagnostics: &diagnostics, transformModel: applyDefaults)
            guard case .bytes(let file) = value else { preconditionFailure("routes to a format end in bytes") }
            return file.bytes
        }
        var merged = EpisodeCollection()
        for input in inputs {
            let route = try findRoute(from: input.format, to: .model, via: [])
            let value = try route.run(.bytes(input.file), options: options, diagnostics: &diagnostics, transformModel: applyDefaults)
            guard case .model(let collection) = value else { preconditionFailure("routes to the model end in the model") }
            merged.merge(collection)
        }
        let route = try findRoute(from: .model, to: target, via: via)
        guard case .bytes(let file) = try route.run(.model(merged), options: options, diagnostics: &diagnostics) else {
            preconditionFailure("routes to a format end in bytes")
        }
        return file.bytes
    }

    private func findRoute(from source: GraphNode, to target: GraphNode, via: [GraphNode]) throws -> Route {
        do {
            let route = try workspace.graph.route(from: source, to: target, via: via)
            if explain { Console.current.printError(RouteDescription.render(route, from: source, to: target)) }
            return route
        } catch {
            throw CommandFailure.failure(error.description)
        }
    }

    var options: ConversionOptions {
        var options = ConversionOptions(formatOptions)
        if strict { options["strict"] = "true" }
        // Readers that detect languages use it in place of detection; the defaults fill the rest.
        if let language = defaults.language { options["language"] = language }
        return options
    }

    private func report(_ diagnostics: Diagnostics) {
        let console = Console.current
        for diagnostic in diagnostics {
            switch diagnostic.severity {
            case .error: console.printError(diagnostic.description)
            case .warning where !quiet: console.printError(diagnostic.description)
            case .note where verbose && !quiet: console.printError(diagnostic.description)
            default: break
            }
        }
    }
}
