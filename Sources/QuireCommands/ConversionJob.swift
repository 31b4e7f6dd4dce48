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
    let streaming: StreamingPolicy
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
        } else if outputPath != "-", !outputPath.hasSuffix("/"), let format = workspace.registry.format(forPath: outputPath) {
            target = .format(format.id)
        } else if command.formatOptions.writesFolder, let format = workspace.onlyFolderFormat {
            // `--split -o site/`: the one format that writes folders.
            target = .format(format)
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
        streaming = StreamingPolicy(rawValue: command.streaming) ?? .auto
        var formatOptions = command.formatOptions.values
        // Reproducible output: a fixed creation date when the build environment asks for one.
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Int(epoch), seconds >= 0 {
            formatOptions["date"] = epoch
        }
        self.formatOptions = formatOptions
    }

    func run() throws {
        var diagnostics = Diagnostics()
        let streamed: StreamOutput?
        do {
            streamed = try streamedOutput(&diagnostics)
        } catch let failure as ConversionFailure {
            try fail(diagnostics, failure)
        } catch let failure as FileIO.Failure {
            // Writing as it goes, a full disk shows up part-way through.
            report(diagnostics)
            throw CommandFailure.failure("cannot write \(failure.description)")
        }
        if let streamed {
            try refuseWarningsIfStrict(diagnostics)
            report(diagnostics)
            do {
                try streamed.commit()
            } catch {
                throw CommandFailure.failure("cannot write \(error.description)")
            }
            return
        }
        var inputs = try readInputs(&diagnostics)
        let result: Route.Value
        do {
            result = try convert(&inputs, diagnostics: &diagnostics)
        } catch let failure as ConversionFailure {
            try fail(diagnostics, failure)
        }
        try refuseWarningsIfStrict(diagnostics)
        report(diagnostics)
        switch result {
        case .bytes(let file) where outputPath == "-":
            do {
                try Console.current.writeOutput(file.bytes)
            } catch {
                throw CommandFailure.failure("cannot write \(error)")
            }
        case .bytes(let file):
            do {
                try FileIO.writeAtomically(file.bytes, to: outputPath)
            } catch {
                throw CommandFailure.failure("cannot write \(error.description)")
            }
        case .folder(let files):
            guard outputPath != "-" else { throw CommandFailure.usage("a site is a folder of files; name the folder with -o") }
            do {
                try FileIO.writeFolder(files, under: outputPath)
            } catch {
                throw CommandFailure.failure("cannot write \(error.description)")
            }
            if verbose && !quiet { Console.current.printError("wrote \(files.count) files under \(outputPath)") }
        case .model:
            preconditionFailure("routes to a format end in bytes or a folder")
        }
    }

    private func fail(_ diagnostics: Diagnostics, _ failure: ConversionFailure) throws -> Never {
        var diagnostics = diagnostics
        diagnostics.report(contentsOf: Diagnostics(failure.diagnostics))
        report(diagnostics)
        throw CommandFailure.failure()
    }

    private func refuseWarningsIfStrict(_ diagnostics: Diagnostics) throws {
        if strict && !diagnostics.warnings.isEmpty {
            report(diagnostics.escalatingWarnings())
            throw CommandFailure.failure("\(diagnostics.warnings.count) warnings treated as errors (--strict); nothing written")
        }
    }

    /// One large input file into one output file, along a route whose reader and writer both stream:
    /// converted a piece at a time. Returns the complete output, not yet given its name, or `nil` when
    /// the job is for a whole read (nothing has then been read or written).
    private func streamedOutput(_ diagnostics: inout Diagnostics) throws -> StreamOutput? {
        guard streaming != .never, inputPaths.count == 1, let path = inputPaths.first, path != "-", !InputPaths.isCollection(path),
              outputPath != "-", !outputPath.hasSuffix("/"), !FileIO.isSpecialFile(outputPath),
              let size = LineChunks.regularFileSize(path), streaming == .always || size >= StreamingPolicy.automaticThreshold
        else { return nil }
        let format = try workspace.inputFormat(ofFile: path, given: sourceFormat)
        let route: Route
        do {
            route = try workspace.graph.route(from: format, to: target, via: via)
        } catch {
            return nil
        }
        guard let conversion = StreamedConversion(route: route, inputPath: path) else { return nil }
        let progress = ProgressReporter(total: max(size >> 20, 1), unit: "MB", enabled: !quiet)
        defer { progress.finish() }
        let output = try conversion.run(options: options, defaults: defaults, outputPath: outputPath, diagnostics: &diagnostics, progress: progress)
        if output != nil && explain {
            Console.current.printError(RouteDescription.render(route, from: format, to: target))
            Console.current.printError("streamed: read and written a piece at a time")
        }
        return output
    }

    /// Inputs as given; a folder or pattern stands for its files whose format Quire can tell by name
    /// (others are skipped with a warning, so a stray image does not stop a book).
    private func readInputs(_ diagnostics: inout Diagnostics) throws -> [(file: InputFile, format: GraphNode)] {
        var inputs: [(file: InputFile, format: GraphNode)] = []
        for argument in inputPaths {
            guard InputPaths.isCollection(argument) else {
                inputs.append(try workspace.readInput(argument, format: sourceFormat))
                continue
            }
            let files = try InputPaths.expand([argument])
            var taken = 0
            for file in files {
                if sourceFormat == nil, workspace.registry.format(forPath: file.path).map({ !workspace.registry.readers(of: $0.id).isEmpty }) != true {
                    diagnostics.report(.warning("input.skipped", "skipped: not a format Quire reads by its name", at: SourceLocation(file: file.path)))
                    continue
                }
                inputs.append(try workspace.readInput(file.path, format: sourceFormat))
                taken += 1
            }
            if taken == 0 { throw CommandFailure.failure("\(argument): holds no file Quire can read") }
        }
        return inputs
    }

    /// One input goes straight along the best route; several are each read into the model, merged,
    /// and written once.
    /// Takes the inputs out of `inputs` as it goes, so each one's bytes are released once read.
    private func convert(_ inputs: inout [(file: InputFile, format: GraphNode)], diagnostics: inout Diagnostics) throws -> Route.Value {
        let applyDefaults: (inout EpisodeCollection) -> Void = { defaults.apply(to: &$0) }
        if inputs.count == 1 {
            let (file, format) = inputs.removeLast()
            let route = try findRoute(from: format, to: target, via: via, input: file)
            return try route.run(.bytes(consume file), options: options, diagnostics: &diagnostics, transformModel: applyDefaults)
        }
        var merged = EpisodeCollection()
        inputs.reverse()
        while let (file, format) = inputs.popLast() {
            let route = try findRoute(from: format, to: .model, via: [])
            let value = try route.run(.bytes(consume file), options: options, diagnostics: &diagnostics, transformModel: applyDefaults)
            guard case .model(let collection) = value else { preconditionFailure("routes to the model end in the model") }
            merged.merge(collection)
        }
        let route = try findRoute(from: .model, to: target, via: via)
        return try route.run(.model(merged), options: options, diagnostics: &diagnostics)
    }

    private func findRoute(from source: GraphNode, to target: GraphNode, via: [GraphNode], input: InputFile? = nil) throws -> Route {
        do {
            let route = try workspace.graph.route(from: source, to: target, via: via, input: input)
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
