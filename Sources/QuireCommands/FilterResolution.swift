import Foundation
import QuireCore
import QuirePluginHost

extension Workspace {
    /// The registry with every `--filter` name resolvable: a registered filter (a plugin's) by that
    /// name, else a program (a path, or a name on `PATH`) registered as a filter under the name given.
    /// A name that is neither is a usage error.
    func registry(filtering names: [String], limits: PluginLimits) throws -> FormatRegistry {
        var programs: [(name: String, path: String)] = []
        for name in names where registry.filter(named: name) == nil && !programs.contains(where: { $0.name == name }) {
            var environment = Workspace.environment
            if environment["PATH"] == nil { environment["PATH"] = ProcessInfo.processInfo.environment["PATH"] }
            guard let path = ProgramFilters.resolve(name, workingDirectory: FileManager.default.currentDirectoryPath, environment: environment) else {
                let known = registry.filters.map(\.name)
                throw CommandFailure.usage(
                    "--filter '\(name)': no filter has that name"
                        + (known.isEmpty ? "" : " (filters: \(known.joined(separator: ", ")))")
                        + ", and it is no executable file in the working folder or on PATH")
            }
            programs.append((name, path))
        }
        guard !programs.isEmpty else { return registry }
        var extended = registry
        do {
            try extended.register(ProgramFilters(programs: programs, limits: limits))
        } catch {
            throw CommandFailure.failure("cannot use the filter programs: \(error)")
        }
        return extended
    }
}

/// How listings show a filter: `quire formats`, `quire formats NAME`, `quire plugins`.
enum FilterDescription {
    /// `select-episodes (select-episodes): Keeps or drops episodes …`, one per filter.
    static func list(_ registry: FormatRegistry) -> [String] {
        registry.filters.map { "  \($0.name) (\($0.provider)): \($0.help)" }
    }

    static func render(_ filter: RegisteredFilter) -> String {
        var lines = ["\(filter.name): filter (model → model) from \(filter.provider)"]
        if !filter.help.isEmpty { lines.append(filter.help) }
        lines.append("use: quire convert INPUT --filter \(filter.name) -o OUTPUT")
        lines += FormatDescription.settingsTable(filter.settings)
        return lines.joined(separator: "\n")
    }
}
