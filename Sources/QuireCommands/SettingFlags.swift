import QuireConversion
import QuireCore

/// The formats' settings as `convert` flags, generated from the registry: `--opml outline`,
/// `--front-matter`, `--group-by=channel` are read as `--option opml=outline` and so on, so a format
/// (or a plugin's manifest) that declares a setting gets its flag without the command line changing.
/// A repeatable setting's flag may be given several times (`--subject a --subject b`): each becomes
/// its own `--option`, and the request keeps them all.
struct SettingFlags {
    /// Settings that get a flag of their own: every format's, except where `convert` has an option
    /// of that name itself (`--title` is the collection's title).
    let settings: [String: FormatSetting]

    init(registry: FormatRegistry) {
        var settings: [String: FormatSetting] = [:]
        for setting in registry.formats.flatMap(\.settings) + registry.filters.flatMap(\.settings) where !ConvertCommand.ownOptionNames.contains(setting.key) {
            settings[setting.key] = setting
        }
        self.settings = settings
    }

    /// `arguments` (after `convert`) with setting flags turned into `--option KEY=VALUE`. The values
    /// of `convert`'s own options and everything after `--` are left alone.
    func rewrite(_ arguments: some Sequence<String>) -> [String] {
        var result: [String] = []
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            if argument == "--" {
                result.append(argument)
                while let rest = iterator.next() { result.append(rest) }
                break
            }
            guard argument.hasPrefix("--") else {
                result.append(argument)
                continue
            }
            let body = argument.dropFirst(2)
            let name = String(body.prefix { $0 != "=" })
            let inlineValue = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
            if ConvertCommand.ownOptionsTakingValues.contains(name) {
                result.append(argument)
                if inlineValue == nil, let value = iterator.next() { result.append(value) }
                continue
            }
            guard let setting = settings[name] else {
                result.append(argument)
                continue
            }
            switch setting.kind {
            case .flag:
                result += ["--option", "\(name)=\(inlineValue ?? "true")"]
            default:
                // A missing value is left for the option parser to report.
                guard let value = inlineValue ?? iterator.next() else {
                    result += ["--option", name]
                    break
                }
                result += ["--option", "\(name)=\(value)"]
            }
        }
        return result
    }

    /// The section `convert --help` shows, one entry per flag, grouped by format.
    static func help(for registry: FormatRegistry) -> String {
        let groups =
            registry.formats.map { ("\($0.displayName) (\($0.id)):", $0.settings) }
            + registry.filters.map { ("Filter \($0.name) (--filter \($0.name)):", $0.settings) }
        var lines: [String] = []
        for (heading, settings) in groups {
            let entries = settings.filter { !ConvertCommand.ownOptionNames.contains($0.key) }
            guard !entries.isEmpty else { continue }
            lines.append(heading)
            for setting in entries {
                lines.append("  " + spelling(of: setting))
                let text =
                    setting.help + (setting.defaultValue.map { " (default: \($0))" } ?? "") + (setting.repeatable ? " Repeatable: give it once per value." : "")
                lines += wrap(text, width: 72).map { "        " + $0 }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Words filled into lines of at most `width` characters: the help is printed as it is, and a
    /// line the terminal wrapped would lose its indent.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// `--opml <channels|outline>`, `--cover <image>`, `--front-matter`.
    static func spelling(of setting: FormatSetting) -> String {
        "--\(setting.key)" + (setting.valueSyntax.map { " " + ($0.hasPrefix("<") ? $0 : "<\($0)>") } ?? "")
    }
}

/// How the command line names what messages call settings: `setting 'group-by'` is `--group-by`.
struct FlagSpelling: Sendable {
    let keys: Set<String>

    init(settings: [FormatSetting]) {
        keys = Set(settings.map(\.key)).union(CommonSettings.all.map(\.key)).union(CollectionDefaults.keys)
            .union(ConversionRequest.mentionedFields)
    }

    init(registry: FormatRegistry) { self.init(settings: registry.settings) }

    func rewrite(_ message: String) -> String { SettingMention.rewrite(message, keys: keys) { "--\($0)" } }
}
