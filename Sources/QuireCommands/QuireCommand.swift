import ArgumentParser
import Foundation
import QuireBuiltinFormats
import QuireConversion
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
        subcommands: [
            ConvertCommand.self, CheckCommand.self, FetchCommand.self, FormatsCommand.self, RouteCommand.self, ScoreCommand.self, PluginsCommand.self,
            ServeCommand.self,
        ],
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

    /// The options when none are given (a property wrapper's default is readable only once parsed).
    static var defaults: PluginOptions {
        do {
            return try parse([])
        } catch {
            preconditionFailure("the plugin options have defaults: \(error)")
        }
    }

    /// The plugin options among a command's arguments, read before the command is parsed; defaults
    /// when they are malformed (parsing the command then reports them).
    static func prescan(_ arguments: [String]) -> PluginOptions {
        let names: Set<String> = ["--plugin-dir", "--plugin-timeout", "--plugin-output-limit"]
        var found: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex, arguments[index] != "--" {
            let argument = arguments[index]
            if names.contains(argument), index + 1 < arguments.endIndex {
                found += [argument, arguments[index + 1]]
                index += 1
            } else if let equals = argument.firstIndex(of: "="), names.contains(String(argument[..<equals])) {
                found.append(argument)
            }
            index += 1
        }
        return (try? PluginOptions.parse(found)) ?? .defaults
    }

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

    /// The workspace `QuireCLI` built before parsing `convert` (its settings become flags); commands
    /// build their own when it is absent.
    @TaskLocal static var prepared: Workspace?

    /// Formats registered after the built-ins; embedders and tests bind it with `$additionalPlugins.withValue`.
    @TaskLocal static var additionalPlugins: [any FormatPlugin] = []
    /// The environment plugin discovery reads (`QUIRE_PLUGIN_PATH`, `XDG_DATA_HOME`); tests bind their own.
    @TaskLocal static var environment: [String: String] = ProcessInfo.processInfo.environment

    init(plugins options: PluginOptions = .defaults) throws {
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

    /// Formats by name, extension and content, over this registry.
    var formats: FormatResolution { FormatResolution(registry: registry) }

    /// A format or `model` by name; an unknown name is a usage error listing the known ones.
    func node(named name: String) throws -> GraphNode {
        do {
            return try formats.node(named: name)
        } catch {
            throw CommandFailure(error)
        }
    }

    /// Reads an input file (or `-`) and tells its format, as `convert` would.
    func readInput(_ path: String, format: GraphNode?) throws -> (file: InputFile, format: GraphNode) {
        do {
            return try formats.readInput(path, format: format)
        } catch {
            throw CommandFailure(error)
        }
    }
}
