import ArgumentParser
import Foundation
import QuireBuiltinFormats
import QuireCore
import QuirePluginHost

/// `quire`: the root command.
public struct QuireCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "quire",
        abstract: "Convert podcast-episode summaries between summary text, JSON and more.",
        discussion: """
            Exit status: 0 success, 1 an input or conversion failed (or no route exists), 2 usage error.

            Diagnostics are printed as path:line:column: severity: message [identifier].
            """,
        version: "0.1.0",
        subcommands: [ConvertCommand.self, FormatsCommand.self, RouteCommand.self, ScoreCommand.self, PluginsCommand.self],
        defaultSubcommand: nil)

    public init() {}
}

/// The registry and graph every command works from.
/// Where to look for out-of-process plugins and how long they may run; shared by every command.
struct PluginOptions: ParsableArguments {
    @Option(name: .customLong("plugin-dir"), help: "Also look for plugins in this folder (repeatable).", completion: .directory)
    var pluginDirectories: [String] = []

    @Option(name: .customLong("plugin-timeout"), help: "Seconds a plugin may run before it is stopped.")
    var pluginTimeout: Double = 60

    @Option(name: .customLong("plugin-output-limit"), help: "Bytes a plugin may write to standard output.")
    var pluginOutputLimit: Int = 1 << 30

    var limits: PluginLimits { PluginLimits(timeout: pluginTimeout, maximumOutputBytes: pluginOutputLimit) }

    func validate() throws {
        guard pluginTimeout > 0, pluginTimeout <= 604_800 else {
            throw ValidationError("--plugin-timeout must be more than 0 and at most 604800 seconds (a week)")
        }
        guard pluginOutputLimit > 0 else { throw ValidationError("--plugin-output-limit must be more than 0 bytes") }
    }
}

struct Workspace {
    let registry: FormatRegistry
    let graph: ConversionGraph
    /// Plugins found and registered, and those that could not be used with the reason.
    let plugins: [DiscoveredPlugin]
    let rejectedPlugins: [RejectedPlugin]

    /// Formats registered after the built-ins; embedders and tests bind it with `$additionalPlugins.withValue`.
    @TaskLocal static var additionalPlugins: [any FormatPlugin] = []
    /// The environment plugin discovery reads (`QUIRE_PLUGIN_PATH`, `XDG_DATA_HOME`); tests bind their own.
    @TaskLocal static var environment: [String: String] = ProcessInfo.processInfo.environment

    init(plugins options: PluginOptions = PluginOptions()) throws {
        var registry: FormatRegistry
        do {
            registry = try FormatRegistry(plugins: BuiltinFormats.plugins)
        } catch {
            throw CommandFailure.failure("cannot register formats: \(error)")
        }
        // Out-of-process plugins join the same registry; one that clashes is rejected, not fatal.
        let found = PluginDiscovery(pluginDirectories: options.pluginDirectories, environment: Workspace.environment).discover()
        var registered: [DiscoveredPlugin] = []
        var rejected = found.rejected
        for plugin in found.plugins {
            var attempt = registry
            do {
                try attempt.register(ProcessPlugin(plugin, limits: options.limits))
                registry = attempt
                registered.append(plugin)
            } catch {
                rejected.append(RejectedPlugin(directory: plugin.directory, reason: "\(error)"))
            }
        }
        do {
            for plugin in Workspace.additionalPlugins { try registry.register(plugin) }
        } catch {
            throw CommandFailure.failure("cannot register formats: \(error)")
        }
        self.registry = registry
        self.plugins = registered
        self.rejectedPlugins = rejected
        graph = ConversionGraph(registry: registry)
    }

    /// Reads an input file (or `-`) and tells its format: `format` when given, else its extension
    /// (when that format can be read), else its content.
    func readInput(_ path: String, format: GraphNode?) throws -> (file: InputFile, format: GraphNode) {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(path)
        } catch {
            throw CommandFailure.failure("cannot read \(error.description)")
        }
        let file = InputFile(name: path == "-" ? "<stdin>" : path, bytes: bytes)
        if let format { return (file, format) }
        if path != "-", let format = registry.format(forPath: path), !registry.readers(of: format.id).isEmpty {
            return (file, .format(format.id))
        }
        if let format = registry.sniff(ContentSample(bytes)) { return (file, .format(format.id)) }
        throw CommandFailure.failure("\(file.name): cannot tell the input format from its name or content; give --from")
    }

    /// The format of the file at `path` as `readInput` would tell it, from the name or its first bytes.
    func inputFormat(ofFile path: String, given format: GraphNode?) throws -> GraphNode {
        if let format { return format }
        if let format = registry.format(forPath: path), !registry.readers(of: format.id).isEmpty { return .format(format.id) }
        let sample: [UInt8]
        do {
            sample = try FileIO.readPrefix(path, count: ContentSample.length)
        } catch {
            throw CommandFailure.failure("cannot read \(error.description)")
        }
        if let format = registry.sniff(ContentSample(sample)) { return .format(format.id) }
        throw CommandFailure.failure("\(path): cannot tell the input format from its name or content; give --from")
    }

    /// The format whose writer can write a folder, when exactly one can.
    var onlyFolderFormat: FormatID? {
        let formats = Set(registry.edges.compactMap { edge -> FormatID? in
            guard case .write(let writer) = edge.action, writer is any FolderWriter, case .format(let id) = edge.to else { return nil }
            return id
        })
        return formats.count == 1 ? formats.first : nil
    }

    /// A format or `model` by name; an unknown name is a usage error listing the known ones.
    func node(named name: String) throws -> GraphNode {
        if name.lowercased() == "model" { return .model }
        guard let format = registry.format(named: name) else {
            let known = registry.formats.map(\.id.rawValue).joined(separator: ", ")
            throw CommandFailure.usage("unknown format '\(name)'; known formats: \(known)")
        }
        return .format(format.id)
    }
}
