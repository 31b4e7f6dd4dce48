import Foundation
import QuireCore

/// Runs conversion requests against one registry: resolves formats, checks settings, asks the graph
/// for a route, runs it (streamed, whole, merged or as a batch) and writes the result.
///
/// Front ends only build requests: `quire convert`, batch jobs, and later `quire serve`.
public struct ConversionService: Sendable {
    public let registry: FormatRegistry
    public let graph: ConversionGraph
    public let formats: FormatResolution

    public init(registry: FormatRegistry) {
        self.registry = registry
        graph = ConversionGraph(registry: registry)
        formats = FormatResolution(registry: registry)
    }

    /// Runs `request`. Diagnostics go to `diagnostics` as each part finishes; a thrown error says
    /// what else the user should hear.
    public func run(
        _ request: ConversionRequest, diagnostics: some DiagnosticConsumer, observer: some ConversionObserver = SilentObserver()
    ) throws(ConversionError) -> ConversionOutcome {
        defer { diagnostics.finalize() }
        let job = try Job(request: request, service: self, observer: observer)
        if case .folder(let folder) = request.output, !job.writesFolder {
            diagnostics.receive(job.warnings)
            return .batch(try BatchConversion(job: job, outputDirectory: folder).run())
        }
        if let shard = request.batch.shard {
            throw .request(
                "\(ConversionRequest.shardMention) \(shard) splits a batch (each input file converted on its own into an output folder), but this conversion writes one output from all its inputs"
            )
        }
        return try job.run(diagnostics)
    }

    /// Every setting given is declared by a registered format (or is common) and takes the value given.
    public func checkSettings(_ settings: ConversionOptions) throws(ConversionError) {
        for key in settings.values.keys.sorted() where registry.setting(forKey: key) == nil {
            throw .request("unknown \(SettingMention.render(key)); `quire formats FORMAT` lists the settings of a format")
        }
        do {
            try settings.check(against: registry.settings)
        } catch {
            throw .request(error.diagnostics.first?.message ?? "bad setting")
        }
    }
}

/// One request, its formats resolved and its settings checked.
struct Job {
    let request: ConversionRequest
    let service: ConversionService
    let observer: any ConversionObserver
    let sourceFormat: GraphNode?
    let target: GraphNode
    let via: [GraphNode]
    /// The settings the steps read: the request's, the defaults' language, the build's date.
    let options: ConversionOptions
    /// The target format writes a folder (a site) with these settings.
    let writesFolder: Bool
    /// The request's filters as route steps, in order.
    let filters: [ConversionEdge]
    /// What the request asks for that this job will not do (a filter's setting without the filter).
    let warnings: [Diagnostic]

    init(request: ConversionRequest, service: ConversionService, observer: any ConversionObserver) throws(ConversionError) {
        self.request = request
        self.service = service
        self.observer = observer
        try service.checkSettings(request.settings)
        var options = request.settings
        // Readers that detect languages use it in place of detection; the defaults fill the rest.
        if let language = request.defaults.language { options[CommonSettings.language] = language }
        self.options = options
        let formats = service.formats
        sourceFormat = try request.sourceFormat.map { name throws(ConversionError) in try formats.node(named: name) }
        var via: [GraphNode] = []
        for name in request.via { via.append(try formats.node(named: name)) }
        self.via = via
        var filters: [ConversionEdge] = []
        for name in request.filters {
            guard let filter = service.registry.filter(named: name) else {
                let known = service.registry.filters.map { "'\($0.name)'" }.joined(separator: ", ")
                throw .request("unknown filter '\(name)'; " + (known.isEmpty ? "no plugin declares a filter" : "the filters are \(known)"))
            }
            filters.append(filter.step)
        }
        self.filters = filters
        warnings = Self.unheededRequests(request, registry: service.registry)
        let folderFormats = formats.folderFormats(settings: options)
        let outputPath: String? =
            switch request.output {
            case .file(let path), .folder(let path): path
            case .standardOutput: nil
            }
        if let name = request.targetFormat {
            target = try formats.node(named: name)
        } else if case .file(let path) = request.output, let format = service.registry.format(forPath: path) {
            target = .format(format.id)
        } else if outputPath != nil, folderFormats.count == 1 {
            // A site into a folder (`split`): the one format that writes folders with these settings.
            target = .format(folderFormats[0])
        } else if outputPath != nil, folderFormats.count > 1 {
            let names = folderFormats.map(\.rawValue).joined(separator: " and ")
            throw .request("with these settings \(names) each write a folder; give \(ConversionRequest.targetFormatMention) to choose one")
        } else if case .folder = request.output {
            throw .request("a batch into a folder needs \(ConversionRequest.targetFormatMention)")
        } else {
            let reason = outputPath.map { "'\($0)' has no known extension" } ?? "writing to standard output"
            throw .request("cannot tell the output format (\(reason)); give \(ConversionRequest.targetFormatMention)")
        }
        if target == .model || sourceFormat == .model {
            throw .request("'model' is the in-memory model, not a file format; name a format")
        }
        writesFolder = if case .format(let id) = target { folderFormats.contains(id) } else { false }
    }

    /// Settings that belong only to filters the request does not run, and `always` streaming that a
    /// filter rules out: accepted, but the user should hear that they change nothing.
    static func unheededRequests(_ request: ConversionRequest, registry: FormatRegistry) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        let declaredByFormats = Set((CommonSettings.all + registry.formats.flatMap(\.settings)).map(\.key))
        for key in request.settings.values.keys.sorted() where !declaredByFormats.contains(key) {
            let declaring = registry.filters.filter { $0.settings.contains { $0.key == key } }.map(\.name)
            guard !declaring.isEmpty, !declaring.contains(where: request.filters.contains) else { continue }
            let names = declaring.map { "'\($0)'" }.joined(separator: " or ")
            let noun = declaring.count == 1 ? "filter" : "filters"
            warnings.append(
                .warning(
                    "filter.setting.unused",
                    "\(SettingMention.render(key)) belongs to \(noun) \(names), which this conversion does not run (add \(SettingMention.render("filter")) \(declaring[0]))"
                ))
        }
        if request.streaming == .always, !request.filters.isEmpty {
            warnings.append(
                .warning(
                    "filter.streaming",
                    "not streamed although \(ConversionRequest.streamingMention) is 'always': filters take the whole collection, so the input is read whole"
                ))
        }
        return warnings
    }

    // MARK: One output

    func run(_ consumer: some DiagnosticConsumer) throws(ConversionError) -> ConversionOutcome {
        var diagnostics = Diagnostics()
        for warning in warnings { diagnostics.report(warning) }
        let streamed: StreamOutput?
        do {
            streamed = try streamedOutput(&diagnostics)
        } catch {
            throw reported(error, after: diagnostics, to: consumer)
        }
        if let streamed, case .file(let path) = request.output {
            try refuseWarningsIfStrict(diagnostics, consumer)
            consumer.receive(diagnostics.all)
            do {
                try streamed.commit()
            } catch {
                throw .failure("cannot write \(error.description)")
            }
            return .written(path: path)
        }
        var inputs = try readInputs(&diagnostics, consumer)
        let result: Route.Value
        do {
            result = try convert(&inputs, diagnostics: &diagnostics)
        } catch {
            throw reported(error, after: diagnostics, to: consumer)
        }
        try refuseWarningsIfStrict(diagnostics, consumer)
        consumer.receive(diagnostics.all)
        return try deliver(result)
    }

    private func deliver(_ result: Route.Value) throws(ConversionError) -> ConversionOutcome {
        switch (result, request.output) {
        case (.bytes(let file), .standardOutput):
            return .output(file.bytes)
        case (.bytes(let file), .file(let path)), (.bytes(let file), .folder(let path)):
            do {
                try FileIO.writeAtomically(file.bytes, to: path)
            } catch {
                throw .failure("cannot write \(error.description)")
            }
            return .written(path: path)
        case (.folder, .standardOutput):
            throw .request("a site is a folder of files; name the folder to write it to")
        case (.folder(let update), .file(let path)), (.folder(let update), .folder(let path)):
            do {
                try FileIO.apply(update, under: path)
            } catch {
                throw .failure("cannot write \(error.description)")
            }
            return .folder(path, files: update.files.count)
        case (.model, _):
            preconditionFailure("routes to a format end in bytes or a folder")
        }
    }

    /// What a step's error becomes once the diagnostics so far (and the failure's own) have gone to
    /// the consumer.
    private func reported(_ error: any Error, after diagnostics: Diagnostics, to consumer: some DiagnosticConsumer) -> ConversionError {
        switch error {
        case let failure as ConversionFailure:
            consumer.receive(diagnostics.all + failure.diagnostics)
            return .failure()
        case let error as ConversionError:
            consumer.receive(diagnostics.all)
            return error
        case let failure as FileIO.Failure:
            // Writing as it goes, a full disk shows up part-way through.
            consumer.receive(diagnostics.all)
            return .failure("cannot write \(failure.description)")
        default:
            consumer.receive(diagnostics.all)
            return .failure("\(error)")
        }
    }

    private func refuseWarningsIfStrict(_ diagnostics: Diagnostics, _ consumer: some DiagnosticConsumer) throws(ConversionError) {
        if request.isStrict && !diagnostics.warnings.isEmpty {
            consumer.receive(diagnostics.escalatingWarnings().all)
            throw .failure("\(diagnostics.warnings.count) warnings treated as errors (\(CommonSettings.strict.mention)); nothing written")
        }
    }

    /// One large input file into one output file, along a route whose reader and writer both stream:
    /// converted a piece at a time. Returns the complete output, not yet given its name, or `nil` when
    /// the job is for a whole read (nothing has then been read or written).
    private func streamedOutput(_ diagnostics: inout Diagnostics) throws -> StreamOutput? {
        // A filter takes the whole collection: a filtered job reads whole (`--explain` says so).
        guard request.streaming != .never, filters.isEmpty, request.inputs.count == 1, case .path(let path) = request.inputs[0],
            !InputPaths.isCollection(path), case .file(let outputPath) = request.output, !FileIO.isSpecialFile(outputPath),
            let size = LineChunks.regularFileSize(path),
            request.streaming == .always || size >= StreamingPolicy.automaticThreshold
        else { return nil }
        let format = try service.formats.inputFormat(ofFile: path, given: sourceFormat)
        guard let route = try? service.graph.route(from: format, to: target, via: via),
            let conversion = StreamedConversion(route: route, inputPath: path)
        else { return nil }
        let progress = observer.beginProgress(total: max(size >> 20, 1), unit: "MB")
        defer { progress?.finish() }
        let output = try conversion.run(
            options: options, defaults: request.defaults, outputPath: outputPath, diagnostics: &diagnostics, progress: progress)
        if output != nil { observer.willRun(route, from: format, to: target, streamed: true) }
        return output
    }

    /// Inputs as given; a folder or pattern stands for its files whose format Quire can tell by name
    /// (others are skipped with a warning, so a stray image does not stop a book).
    private func readInputs(
        _ diagnostics: inout Diagnostics, _ consumer: some DiagnosticConsumer
    ) throws(ConversionError) -> [(file: InputFile, format: GraphNode)] {
        let formats = service.formats
        var inputs: [(file: InputFile, format: GraphNode)] = []
        do throws(ConversionError) {
            for input in request.inputs {
                switch input {
                case .standardInput:
                    inputs.append(try formats.readInput("-", format: sourceFormat))
                case .bytes(let name, let bytes):
                    inputs.append(try formats.tell(InputFile(name: name, bytes: bytes), path: name, format: sourceFormat))
                case .path(let argument) where !InputPaths.isCollection(argument):
                    inputs.append(try formats.readInput(argument, format: sourceFormat))
                case .path(let argument):
                    var taken = 0
                    for file in try InputPaths.expand([argument]) {
                        if sourceFormat == nil, formats.readableFormat(forPath: file.path) == nil {
                            diagnostics.report(
                                .warning("input.skipped", "skipped: not a format Quire reads by its name", at: SourceLocation(file: file.path)))
                            continue
                        }
                        inputs.append(try formats.readInput(file.path, format: sourceFormat))
                        taken += 1
                    }
                    if taken == 0 { throw ConversionError.failure("\(argument): holds no file Quire can read") }
                }
            }
        } catch {
            consumer.receive(diagnostics.all)
            throw error
        }
        return inputs
    }

    /// One input goes straight along the best route; several are each read into the model, merged,
    /// and written once.
    /// Takes the inputs out of `inputs` as it goes, so each one's bytes are released once read.
    private func convert(_ inputs: inout [(file: InputFile, format: GraphNode)], diagnostics: inout Diagnostics) throws -> Route.Value {
        let defaults = request.defaults
        let applyDefaults: (inout EpisodeCollection) -> Void = { defaults.apply(to: &$0) }
        if inputs.count == 1 {
            let (file, format) = inputs.removeLast()
            let route = try findRoute(from: format, to: target, via: via, input: file, filters: filters)
            return try route.run(
                .bytes(consume file), options: options, diagnostics: &diagnostics, transformModel: applyDefaults, existingFolder: existingFolder())
        }
        var merged = EpisodeCollection()
        inputs.reverse()
        while let (file, format) = inputs.popLast() {
            let route = try findRoute(from: format, to: .model, via: [])
            let value = try route.run(.bytes(consume file), options: options, diagnostics: &diagnostics, transformModel: applyDefaults)
            guard case .model(let collection) = value else { preconditionFailure("routes to the model end in the model") }
            merged.merge(collection)
        }
        let route = try findRoute(from: .model, to: target, via: via, filters: filters)
        return try route.run(.model(merged), options: options, diagnostics: &diagnostics, existingFolder: existingFolder())
    }

    /// What the output folder holds already, for a writer that updates a folder (the Markdown vault)
    /// rather than writing it whole; other folder writers (an HTML site) do not pay for listing it.
    private func existingFolder() -> any ExistingFolder {
        guard writesFolder, case .format(let id) = target,
            service.registry.writers(of: id).contains(where: { edge in
                if case .write(let writer as any FolderWriter) = edge.action { writer.readsExistingFolder } else { false }
            })
        else { return FolderSnapshot.empty }
        switch request.output {
        case .file(let path), .folder(let path): return DiskFolder(root: path)
        case .standardOutput: return FolderSnapshot.empty
        }
    }

    private func findRoute(
        from source: GraphNode, to target: GraphNode, via: [GraphNode], input: InputFile? = nil, filters: [ConversionEdge] = []
    ) throws(ConversionError) -> Route {
        do {
            let route = try service.graph.route(from: source, to: target, via: via, input: input, filters: filters)
            observer.willRun(route, from: source, to: target, streamed: false)
            return route
        } catch {
            throw .failure(error.description)
        }
    }
}
