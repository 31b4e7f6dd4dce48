import ArgumentParser
import QuireCore

/// `quire formats`: what Quire can read and write, and the direct converters between formats.
struct FormatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formats", abstract: "List the formats Quire can read and write.")

    @Flag(name: .long, help: "One line per format for scripts: name, readable, writable, extensions, separated by tabs.")
    var tsv = false

    @OptionGroup var plugins: PluginOptions

    func run() throws {
        let workspace = try Workspace(plugins: plugins)
        let registry = workspace.registry
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
