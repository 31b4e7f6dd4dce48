import ArgumentParser
import Foundation
import QuireCore
import QuirePluginHost

/// `quire plugins list|check`: what plugins were found, and whether one works.
struct PluginsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins", abstract: "List out-of-process format plugins, or check one.",
        subcommands: [List.self, Check.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the plugins found, where, what they add, and why any was rejected.")

        @OptionGroup var plugins: PluginOptions

        func run() throws {
            let workspace = try Workspace(plugins: plugins)
            let console = Console.current
            console.print(
                "searched: "
                    + PluginDiscovery(pluginDirectories: plugins.pluginDirectories, environment: Workspace.environment)
                    .searchDirectories.joined(separator: ", "))
            if workspace.plugins.isEmpty { console.print("no plugins found") }
            for plugin in workspace.plugins {
                let manifest = plugin.manifest
                console.print("\(manifest.name) \(manifest.version)  \(plugin.directory)")
                if let description = manifest.description { console.print("  \(description)") }
                for format in manifest.formats ?? [] {
                    console.print(
                        "  format \(format.id)"
                            + ((format.extensions ?? []).isEmpty ? "" : " (\((format.extensions ?? []).map { "." + $0 }.joined(separator: " ")))"))
                }
                for edge in manifest.edges {
                    if edge.isFilter {
                        console.print("  filter \(edge.name ?? "")" + (edge.help.map { ": \($0)" } ?? ""))
                        continue
                    }
                    console.print("  edge \(edge.from) → \(edge.to), cost \(edge.cost ?? 1)" + (edge.loss.map { ", loses \($0)" } ?? ", lossless"))
                }
            }
            for rejected in workspace.rejectedPlugins {
                console.print("rejected \(rejected.directory): \(rejected.reason)")
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a plugin's manifest and run its first edge on a sample.",
            discussion: "An edge from the model gets a small built-in collection; other edges get the manifest's 'sample' file.")

        @Argument(help: "The plugin's folder (the one holding quire-plugin.json).", completion: .directory)
        var directory: String

        @OptionGroup var plugins: PluginOptions

        func run() throws {
            let plugin: DiscoveredPlugin
            switch PluginDiscovery.load(folder: directory) {
            case .success(let found): plugin = found
            case .failure(let rejection): throw CommandFailure.failure("\(directory): \(rejection.reason)")
            }
            // Registering checks the formats and edges against the built-in ones.
            let workspace = try Workspace(plugins: plugins)
            var registry = workspace.registry
            let folder = URL(fileURLWithPath: plugin.directory).standardizedFileURL.resolvingSymlinksInPath().path
            let isRegistered = workspace.plugins.contains {
                URL(fileURLWithPath: $0.directory).standardizedFileURL.resolvingSymlinksInPath().path == folder
            }
            if !isRegistered {
                do {
                    try registry.register(ProcessPlugin(plugin, limits: plugins.limits))
                } catch {
                    throw CommandFailure.failure("\(directory): \(error)")
                }
            }
            let edge = plugin.manifest.edges[0]
            if edge.isFilter {
                try checkFilter(edge, of: plugin, in: registry)
                return
            }
            let source: GraphNode = edge.from == "model" ? .model : .format(FormatID(edge.from))
            let target: GraphNode = edge.to == "model" ? .model : .format(FormatID(edge.to))
            guard let step = registry.edges.first(where: { $0.provider == plugin.manifest.name && $0.from == source && $0.to == target }) else {
                throw CommandFailure.failure("\(directory): edge \(edge.from) → \(edge.to) did not register")
            }
            let value: Route.Value
            if source == .model {
                value = .model(Self.sampleCollection)
            } else if let sample = plugin.manifest.sample {
                let path = plugin.directory + "/" + sample
                guard let bytes = try? FileIO.read(path) else { throw CommandFailure.failure("\(directory): cannot read sample '\(sample)'") }
                value = .bytes(InputFile(name: path, bytes: bytes))
            } else {
                throw CommandFailure.failure("\(directory): edge \(edge.from) → \(edge.to) needs a 'sample' file in the manifest to be checked")
            }
            var diagnostics = Diagnostics()
            let result: Route.Value
            do {
                result = try Route(steps: [step]).run(value, options: ConversionOptions(), diagnostics: &diagnostics)
            } catch let failure as ConversionFailure {
                for diagnostic in failure.diagnostics { Console.current.printError(diagnostic.description) }
                throw CommandFailure.failure("\(plugin.manifest.name) failed its check")
            }
            for diagnostic in diagnostics { Console.current.printError(diagnostic.description) }
            switch result {
            case .model(let collection):
                Console.current.print(
                    "ok: \(plugin.manifest.name) \(plugin.manifest.version): \(edge.from) → \(edge.to) read \(collection.episodes.count) episodes")
            case .bytes(let file):
                guard !file.bytes.isEmpty else { throw CommandFailure.failure("\(plugin.manifest.name): \(edge.from) → \(edge.to) wrote nothing") }
                Console.current.print("ok: \(plugin.manifest.name) \(plugin.manifest.version): \(edge.from) → \(edge.to) wrote \(file.bytes.count) bytes")
            case .folder(let update):
                // Out-of-process plugins write single files; a folder can only come from an in-process writer.
                Console.current.print("ok: \(plugin.manifest.name) \(plugin.manifest.version): \(edge.from) → \(edge.to) wrote \(update.files.count) files")
            }
        }

        /// A filter gets the manifest's sample (Quire JSON) or the small built-in collection, and must
        /// give back a model.
        private func checkFilter(_ edge: PluginManifest.Edge, of plugin: DiscoveredPlugin, in registry: FormatRegistry) throws {
            let name = edge.name ?? ""
            guard let filter = registry.filter(named: name) else { throw CommandFailure.failure("\(directory): filter '\(name)' did not register") }
            var steps = [filter.step]
            let value: Route.Value
            if let sample = plugin.manifest.sample {
                let path = plugin.directory + "/" + sample
                guard let bytes = try? FileIO.read(path) else { throw CommandFailure.failure("\(directory): cannot read sample '\(sample)'") }
                guard let reader = registry.readers(of: "json").first else { throw CommandFailure.failure("no JSON reader to read the sample with") }
                steps.insert(reader, at: 0)
                value = .bytes(InputFile(name: path, bytes: bytes))
            } else {
                value = .model(Self.sampleCollection)
            }
            var diagnostics = Diagnostics()
            let result: Route.Value
            do {
                result = try Route(steps: steps).run(value, options: ConversionOptions(), diagnostics: &diagnostics)
            } catch let failure as ConversionFailure {
                for diagnostic in failure.diagnostics { Console.current.printError(diagnostic.description) }
                throw CommandFailure.failure("\(plugin.manifest.name) failed its check")
            }
            for diagnostic in diagnostics { Console.current.printError(diagnostic.description) }
            guard case .model(let collection) = result else { preconditionFailure("a filter gives back the model") }
            Console.current.print(
                "ok: \(plugin.manifest.name) \(plugin.manifest.version): filter '\(name)' gave back \(collection.episodes.count) episodes")
        }

        static let sampleCollection = EpisodeCollection(
            channels: [Channel(title: "Sample Channel", feedURL: "https://example.org/feed.xml")],
            episodes: [
                Episode(
                    title: "Sample Episode", channel: "Sample Channel", language: "en", summary: "An episode to check plugins with.",
                    chapters: [
                        Chapter(start: 0, title: "Intro", body: "The host opens.", quotes: [Quote(text: "Hello.", time: 3)]),
                        Chapter(start: 96, title: "Main Topic", body: "The guest explains.", quotes: [Quote(text: "Here is why.")]),
                    ],
                    entities: [Entity(name: "Ada Host", type: "Person", description: "The host.")],
                    metadata: EpisodeMetadata(duration: 600))
            ])
    }
}
