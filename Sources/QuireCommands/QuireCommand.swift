import ArgumentParser
import QuireBuiltinFormats
import QuireCore

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
        subcommands: [ConvertCommand.self, FormatsCommand.self, RouteCommand.self, ScoreCommand.self],
        defaultSubcommand: nil)

    public init() {}
}

/// The registry and graph every command works from.
struct Workspace {
    let registry: FormatRegistry
    let graph: ConversionGraph

    /// Formats registered after the built-ins; embedders and tests bind it with `$additionalPlugins.withValue`.
    @TaskLocal static var additionalPlugins: [any FormatPlugin] = []

    init() throws {
        do {
            registry = try FormatRegistry(plugins: BuiltinFormats.plugins + Workspace.additionalPlugins)
        } catch {
            throw CommandFailure.failure("cannot register formats: \(error)")
        }
        graph = ConversionGraph(registry: registry)
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
