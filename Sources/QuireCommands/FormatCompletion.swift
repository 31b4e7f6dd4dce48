import ArgumentParser
import QuireCore

/// Shell completion of format names (`--from`, `--to`, `--via`, `quire route`). The completion
/// scripts call back into `quire` (`quire ---completion ...`), which answers from the same registry a
/// conversion uses, so formats added by out-of-process plugins complete too, including plugins
/// in a `--plugin-dir` already on the command line.
extension CompletionKind {
    /// Formats Quire can read (`--from`).
    static var readableFormats: CompletionKind { .custom { words, _, prefix in FormatCompletion.names(.readable, words: words, prefix: prefix) } }

    /// Formats Quire can write (`--to`).
    static var writableFormats: CompletionKind { .custom { words, _, prefix in FormatCompletion.names(.writable, words: words, prefix: prefix) } }

    /// Every format (`--via`).
    static var formatNames: CompletionKind { .custom { words, _, prefix in FormatCompletion.names(.any, words: words, prefix: prefix) } }

    /// Every format and `model`, the in-memory collection (`quire route`).
    static var formatNamesOrModel: CompletionKind { .custom { words, _, prefix in FormatCompletion.names(.anyOrModel, words: words, prefix: prefix) } }
}

enum FormatCompletion {
    enum Filter { case readable, writable, any, anyOrModel }

    static func names(_ filter: Filter, words: [String], prefix: String) -> [String] {
        // Plugin options typed earlier on the line (`--plugin-dir DIR`) count, as they would when run.
        guard let workspace = try? Workspace(plugins: PluginOptions.prescan(words)) else { return [] }
        let registry = workspace.registry
        var names: [String] = []
        for format in registry.formats {
            switch filter {
            case .readable where registry.readers(of: format.id).isEmpty, .writable where registry.writers(of: format.id).isEmpty: continue
            default: names.append(format.id.rawValue)
            }
        }
        if filter == .anyOrModel { names.append("model") }
        return names.filter { $0.hasPrefix(prefix) }
    }
}
