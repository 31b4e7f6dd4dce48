import Foundation
import QuireCore

/// Finds plugins: in `--plugin-dir` folders, in `QUIRE_PLUGIN_PATH`, in the per-user folder
/// (`$XDG_DATA_HOME/quire/plugins`, by default `~/.local/share/quire/plugins`), and in the plugins
/// that come with Quire (its source tree's `Plugins/` when run from a build folder, or
/// `share/quire/plugins` beside an installed binary). Each search folder holds one folder per plugin.
public struct PluginDiscovery: Sendable {
    public var searchDirectories: [String]

    public init(pluginDirectories: [String] = [], environment: [String: String] = ProcessInfo.processInfo.environment, executablePath: String? = nil) {
        var directories = pluginDirectories
        if let path = environment["QUIRE_PLUGIN_PATH"] {
            directories += path.split(separator: ":").map(String.init).filter { !$0.isEmpty }
        }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (environment["HOME"].map { $0 + "/.local/share" } ?? "")
        if !dataHome.isEmpty { directories.append(dataHome + "/quire/plugins") }
        directories += Self.bundledDirectories(executablePath: executablePath ?? Self.currentExecutable())
        var seen: Set<String> = []
        searchDirectories = directories.filter { seen.insert(URL(fileURLWithPath: $0).standardizedFileURL.path).inserted }
    }

    /// The folder of the running `quire`, links resolved.
    public static func currentExecutable() -> String? {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first
    }

    /// `share/quire/plugins` beside an installed binary, and `Plugins/` of the package a build-folder
    /// binary (`.build/<triple>/<configuration>/quire`) was built from.
    static func bundledDirectories(executablePath: String?) -> [String] {
        guard let executablePath else { return [] }
        let binary = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        var directories = [binary.deletingLastPathComponent().appendingPathComponent("share/quire/plugins").path]
        var folder = binary
        for _ in 0..<4 {
            if folder.lastPathComponent.hasPrefix(".build") {
                directories.append(folder.deletingLastPathComponent().appendingPathComponent("Plugins").path)
                break
            }
            folder.deleteLastPathComponent()
        }
        return directories
    }

    public func discover() -> (plugins: [DiscoveredPlugin], rejected: [RejectedPlugin]) {
        var plugins: [DiscoveredPlugin] = [], rejected: [RejectedPlugin] = []
        let files = FileManager.default
        for directory in searchDirectories {
            guard let entries = try? files.contentsOfDirectory(atPath: directory) else { continue }
            for entry in entries.sorted() {
                let folder = directory + "/" + entry
                let manifestPath = folder + "/" + PluginManifest.fileName
                guard files.fileExists(atPath: manifestPath) else { continue }
                switch Self.load(folder: folder) {
                case .success(let plugin): plugins.append(plugin)
                case .failure(let rejection): rejected.append(rejection)
                }
            }
        }
        return (plugins, rejected)
    }

    /// Reads and checks one plugin folder.
    public static func load(folder: String) -> Result<DiscoveredPlugin, RejectedPlugin> {
        let manifestPath = folder + "/" + PluginManifest.fileName
        let manifest: PluginManifest
        do {
            manifest = try JSONDecoder().decode(PluginManifest.self, from: Data(contentsOf: URL(fileURLWithPath: manifestPath)))
        } catch let error as DecodingError {
            return .failure(RejectedPlugin(directory: folder, reason: "\(PluginManifest.fileName) is not a valid manifest: \(describe(error))"))
        } catch {
            return .failure(RejectedPlugin(directory: folder, reason: "cannot read \(PluginManifest.fileName): \(error.localizedDescription)"))
        }
        guard PluginManifest.supportedProtocols.contains(manifest.protocol) else {
            return .failure(
                RejectedPlugin(directory: folder, reason: "speaks protocol \(manifest.protocol); this Quire speaks \(PluginManifest.supportedProtocols)"))
        }
        guard !manifest.edges.isEmpty else { return .failure(RejectedPlugin(directory: folder, reason: "declares no edges")) }
        for edge in manifest.edges where edge.isFilter {
            // A model → model edge is a filter, asked for by its name.
            guard let name = edge.name, !name.isEmpty, !name.contains(where: { $0.isWhitespace || $0 == "/" }) else {
                return .failure(RejectedPlugin(directory: folder, reason: "a model → model edge is a filter and needs a 'name' (no spaces or '/')"))
            }
            for setting in edge.settings ?? [] {
                if case .failure(let reason) = setting.formatSetting() {
                    return .failure(RejectedPlugin(directory: folder, reason: "filter '\(name)': \(reason.text)"))
                }
            }
        }
        for format in manifest.formats ?? [] {
            for setting in format.settings ?? [] {
                if case .failure(let reason) = setting.formatSetting() {
                    return .failure(RejectedPlugin(directory: folder, reason: "format '\(format.id)': \(reason.text)"))
                }
            }
        }
        guard let executable = resolveExecutable(manifest.executable, folder: folder) else {
            return .failure(RejectedPlugin(directory: folder, reason: "executable '\(manifest.executable)' is missing or not executable"))
        }
        return .success(DiscoveredPlugin(manifest: manifest, directory: folder, executable: executable))
    }

    /// Relative to the plugin's folder; failing that, a program of that name built beside `quire`.
    static func resolveExecutable(_ name: String, folder: String) -> String? {
        let files = FileManager.default
        let local = name.hasPrefix("/") ? name : folder + "/" + name
        if files.isExecutableFile(atPath: local) { return local }
        if !name.contains("/"), let quire = currentExecutable() {
            let beside = URL(fileURLWithPath: quire).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent(name).path
            if files.isExecutableFile(atPath: beside) { return beside }
        }
        return nil
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "missing '\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "'\(context.codingPath.map(\.stringValue).joined(separator: "."))': \(context.debugDescription)"
        case .dataCorrupted(let context):
            return context.debugDescription
        @unknown default:
            return "\(error)"
        }
    }
}
