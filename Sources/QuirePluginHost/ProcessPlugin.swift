import QuireCore
import QuireJSON

/// An out-of-process plugin as a `FormatPlugin`: its formats and edges join the registry exactly
/// as built-in ones do; each edge runs the plugin's program.
public struct ProcessPlugin: FormatPlugin {
    public let plugin: DiscoveredPlugin
    public let limits: PluginLimits

    public init(_ plugin: DiscoveredPlugin, limits: PluginLimits = PluginLimits()) {
        self.plugin = plugin
        self.limits = limits
    }

    public var name: String { plugin.manifest.name }

    public func register(in registry: inout FormatRegistry) throws {
        for format in plugin.manifest.formats ?? [] {
            try registry.add(
                FormatDescriptor(
                    id: FormatID(format.id), displayName: format.name ?? format.id, fileExtensions: format.extensions ?? [],
                    mediaTypes: format.mediaTypes ?? [], settings: (format.settings ?? []).compactMap { try? $0.formatSetting().get() }))
        }
        for edge in plugin.manifest.edges {
            if edge.isFilter, let name = edge.name {
                let runner = PluginRunner(
                    plugin: plugin, edge: edge, limits: limits, step: "filter '\(name)' (plugin \(plugin.manifest.name))",
                    extraEnvironment: ["QUIRE_FILTER": name])
                try registry.addFilter(
                    ProcessFilter(runner: runner, passesTargetAsArgument: false), named: name, help: edge.help ?? "",
                    settings: (edge.settings ?? []).compactMap { try? $0.formatSetting().get() })
                continue
            }
            let runner = PluginRunner(plugin: plugin, edge: edge, limits: limits)
            let loss: Loss = edge.loss.map { .lossy($0) } ?? .lossless
            let cost = edge.cost ?? 1
            switch (edge.from, edge.to) {
            case ("model", let to): try registry.addWriter(PluginWriter(runner: runner), for: FormatID(to), cost: cost, loss: loss)
            case (let from, "model"): try registry.addReader(PluginReader(runner: runner), for: FormatID(from), cost: cost, loss: loss)
            case (let from, let to):
                try registry.addConverter(
                    PluginConverter(runner: runner), from: FormatID(from), to: FormatID(to), cost: cost, loss: loss,
                    reason: "plugin '\(plugin.manifest.name)' converts \(from) to \(to) directly")
            }
        }
    }
}

/// Sends the input's bytes, reads back Quire JSON.
struct PluginReader: FormatReader {
    let runner: PluginRunner

    func read(_ input: InputFile, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> EpisodeCollection {
        let (output, reported) = try runner.run(input.bytes, options: options, inputName: input.name)
        diagnostics.report(contentsOf: Diagnostics(reported))
        return try runner.model(from: output, options: options, diagnostics: &diagnostics, inputName: input.name)
    }
}

/// Sends the model as Quire JSON, returns the plugin's bytes.
struct PluginWriter: FormatWriter {
    let runner: PluginRunner

    func write(_ collection: EpisodeCollection, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> [UInt8] {
        let json = try JSONModelWriter().write(collection, options: options, diagnostics: &diagnostics)
        let (output, reported) = try runner.run(json, options: options, inputName: "<model>")
        diagnostics.report(contentsOf: Diagnostics(reported))
        return output
    }
}

/// Bytes in, bytes out.
struct PluginConverter: DirectConverter {
    let runner: PluginRunner

    func convert(_ input: InputFile, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> [UInt8] {
        let (output, reported) = try runner.run(input.bytes, options: options, inputName: input.name)
        diagnostics.report(contentsOf: Diagnostics(reported))
        return output
    }
}

extension PluginRunner {
    /// The model a plugin step wrote as Quire JSON; output that is not is the step's failure, quoting
    /// the JSON reader's first error with its line and column in that output.
    func model(from output: [UInt8], options: ConversionOptions, diagnostics: inout Diagnostics, inputName: String? = nil) throws -> EpisodeCollection {
        var modelDiagnostics = Diagnostics()
        do {
            let collection = try JSONModelReader().read(
                InputFile(name: "<output of \(step)>", bytes: output), options: options, diagnostics: &modelDiagnostics)
            diagnostics.report(contentsOf: modelDiagnostics)
            return collection
        } catch let failure as ConversionFailure {
            let first = failure.diagnostics.first { $0.severity == .error } ?? failure.diagnostics.first
            throw self.failure("wrote output that is not Quire JSON: \(first?.description ?? "nothing usable")", inputName: inputName)
        }
    }
}
