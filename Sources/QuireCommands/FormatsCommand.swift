import ArgumentParser
import QuireCore

/// `quire formats`: what Quire can read and write, and the direct converters between formats.
struct FormatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formats", abstract: "List the formats Quire can read and write, or one format's settings.")

    @Argument(help: "Show this format: its names, edges and the settings it reads.", completion: .formatNames)
    var format: String?

    @Flag(name: .long, help: "One line per format for scripts: name, readable, writable, extensions, separated by tabs.")
    var tsv = false

    @OptionGroup var plugins: PluginOptions

    func run() throws {
        let workspace = try Workspace(plugins: plugins)
        let registry = workspace.registry
        if let format, let filter = registry.filter(named: format), registry.format(named: format) == nil {
            Console.current.print(FilterDescription.render(filter))
            return
        }
        if let format {
            guard case .format(let id) = try workspace.node(named: format), let descriptor = registry.descriptor(for: id) else {
                throw CommandFailure.usage("'model' is the in-memory model, not a format")
            }
            Console.current.print(FormatDescription.render(descriptor, in: registry))
            return
        }
        if tsv {
            for format in registry.formats {
                let fields = [
                    format.id.rawValue, registry.readers(of: format.id).isEmpty ? "no" : "yes",
                    registry.writers(of: format.id).isEmpty ? "no" : "yes", format.fileExtensions.joined(separator: ","),
                ]
                Console.current.print(fields.joined(separator: "\t"))
            }
            return
        }
        var rows = [["FORMAT", "READ", "WRITE", "EXTENSIONS", "ALIASES", "PROVIDER", "DESCRIPTION"]]
        for format in registry.formats {
            let readers = registry.readers(of: format.id), writers = registry.writers(of: format.id)
            let providers = Set((readers + writers).map(\.provider)).sorted()
            rows.append([
                format.id.rawValue, readers.isEmpty ? "-" : "yes", writers.isEmpty ? "-" : "yes",
                format.fileExtensions.map { ".\($0)" }.joined(separator: " "), format.aliases.joined(separator: ", "),
                providers.joined(separator: ", "), format.displayName,
            ])
        }
        let console = Console.current
        console.print(TextTable.render(rows))
        let converters = registry.edges.filter { if case .convert = $0.action { true } else { false } }
        if !converters.isEmpty {
            console.print("\nDirect converters:")
            for edge in converters {
                console.print("  \(edge.from) → \(edge.to) (\(edge.provider)): \(edge.reason ?? "")")
            }
        }
        if !registry.filters.isEmpty {
            console.print("\nFilters (model → model, --filter NAME; `quire formats NAME` lists a filter's settings):")
            for line in FilterDescription.list(registry) { console.print(line) }
        }
    }
}

/// What `quire formats FORMAT` prints.
enum FormatDescription {
    static func render(_ format: FormatDescriptor, in registry: FormatRegistry) -> String {
        var lines = ["\(format.id): \(format.displayName)"]
        if !format.aliases.isEmpty { lines.append("aliases: " + format.aliases.joined(separator: ", ")) }
        if !format.fileExtensions.isEmpty { lines.append("extensions: " + format.fileExtensions.map { ".\($0)" }.joined(separator: " ")) }
        if !format.mediaTypes.isEmpty { lines.append("media types: " + format.mediaTypes.joined(separator: ", ")) }
        let edges = registry.edges.filter { $0.from == .format(format.id) || $0.to == .format(format.id) }
        let spelling = FlagSpelling(registry: registry)
        for edge in edges {
            let loss = if case .lossy(let what) = edge.loss { ", loses \(spelling.rewrite(what))" } else { "" }
            lines.append("edge: \(edge.from) → \(edge.to) (\(edge.kind), \(edge.provider)\(loss))")
        }
        if let checker = registry.checker(for: format.id) {
            lines.append("checker: `quire check` (\(checker.provider))")
            for profile in checker.profiles { lines.append("check profile: \(profile.name): \(profile.summary)") }
        }
        lines += settingsTable(format.settings)
        return lines.joined(separator: "\n")
    }

    /// The settings a format or a filter declares, as `quire formats NAME` lists them.
    static func settingsTable(_ settings: [FormatSetting]) -> [String] {
        guard !settings.isEmpty else { return ["settings: none"] }
        var rows = [["SETTING", "VALUES", "DEFAULT", "DESCRIPTION"]]
        for setting in settings {
            rows.append([setting.key, (setting.valueSyntax ?? "flag") + (setting.repeatable ? " ..." : ""), setting.defaultValue ?? "-", setting.help])
        }
        return ["", TextTable.render(rows), "", "Give a setting as --KEY VALUE (--KEY for a flag) or --option KEY=VALUE to `quire convert`."]
    }
}

/// Left-aligned columns separated by two spaces.
enum TextTable {
    static func render(_ rows: [[String]]) -> String {
        let widths = rows.reduce(into: [Int](repeating: 0, count: rows.first?.count ?? 0)) { widths, row in
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
