import Foundation
import QuireCore
import QuireJSON

/// A filter run in its own process, like a pandoc JSON filter: the model as Quire JSON on standard
/// input, the changed model as Quire JSON on standard output, diagnostics as JSON lines on standard
/// error; under the plugins' isolation and limits. Either a plugin's `model → model` edge or a
/// program named on the command line (`ProgramFilters`).
struct ProcessFilter: ModelFilter {
    let runner: PluginRunner
    /// A program named on the command line gets the target format as its one argument, as pandoc
    /// gives its filters; a plugin's filter gets its edge's ends, as every plugin step does.
    let passesTargetAsArgument: Bool

    func filter(_ collection: EpisodeCollection, options: ConversionOptions, target: FormatID?, diagnostics: inout Diagnostics) throws
        -> EpisodeCollection
    {
        let json = try JSONModelWriter().write(collection, options: options, diagnostics: &diagnostics)
        var environment = runner.extraEnvironment
        environment["QUIRE_TARGET_FORMAT"] = target?.rawValue ?? ""
        let run = PluginRunner(
            plugin: runner.plugin, edge: runner.edge, limits: runner.limits, step: runner.step,
            arguments: passesTargetAsArgument ? [target?.rawValue ?? ""] : runner.arguments, extraEnvironment: environment)
        let (output, reported) = try run.run(json, options: options, inputName: "<model>")
        diagnostics.report(contentsOf: Diagnostics(reported))
        return try run.model(from: output, options: options, diagnostics: &diagnostics)
    }
}

/// Programs named by `--filter` that are no registered filter, registered as filters under the name
/// given, so routes show them and jobs find them like any other.
public struct ProgramFilters: FormatPlugin {
    /// The name as given and the program it resolved to.
    public let programs: [(name: String, path: String)]
    public let limits: PluginLimits

    public init(programs: [(name: String, path: String)], limits: PluginLimits = PluginLimits()) {
        self.programs = programs
        self.limits = limits
    }

    public var name: String { "the command line" }

    public func register(in registry: inout FormatRegistry) throws {
        for program in programs where registry.filter(named: program.name) == nil {
            // The file's name: what its messages' identifiers carry (`plugin.drop.py.refused`).
            let manifest = PluginManifest(
                protocol: 1, name: URL(fileURLWithPath: program.path).lastPathComponent, version: "", description: nil, executable: program.path, formats: nil,
                edges: [PluginManifest.Edge(from: "model", to: "model", name: program.name)], sample: nil)
            let plugin = DiscoveredPlugin(
                manifest: manifest, directory: URL(fileURLWithPath: program.path).deletingLastPathComponent().path, executable: program.path)
            let runner = PluginRunner(
                plugin: plugin, edge: manifest.edges[0], limits: limits, step: "filter '\(program.name)'",
                extraEnvironment: ["QUIRE_FILTER": program.name])
            try registry.register(
                SingleFilter(name: "program \(program.path)", filterName: program.name, filter: ProcessFilter(runner: runner, passesTargetAsArgument: true)))
        }
    }

    /// Where `--filter NAME` finds a program when no filter has that name: a name with a `/`, or a
    /// file in the working folder, is a path (relative to the working folder); otherwise it is looked
    /// up on `PATH`. `nil` when there is no such executable file.
    public static func resolve(_ name: String, workingDirectory: String, environment: [String: String]) -> String? {
        let files = FileManager.default
        func absolute(_ path: String) -> String {
            URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: workingDirectory, isDirectory: true)).standardizedFileURL.path
        }
        if name.contains("/") || files.fileExists(atPath: absolute(name)) {
            let path = absolute(name)
            var isDirectory: ObjCBool = false
            guard files.isExecutableFile(atPath: path), files.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                return nil
            }
            return path
        }
        for folder in (environment["PATH"] ?? "").split(separator: ":") where !folder.isEmpty {
            let path = absolute(String(folder) + "/" + name)
            var isDirectory: ObjCBool = false
            if files.isExecutableFile(atPath: path), files.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue { return path }
        }
        return nil
    }
}

/// Registers one filter under its own provider name.
private struct SingleFilter: FormatPlugin {
    let name: String
    let filterName: String
    let filter: any ModelFilter

    func register(in registry: inout FormatRegistry) throws {
        try registry.addFilter(filter, named: filterName, help: "the program \(name.dropFirst("program ".count))")
    }
}
