import Foundation
import QuireConversion
import QuireCore
import QuireYAML

/// What configuration files give one `quire convert` run: `$XDG_CONFIG_HOME/quire/quire.yaml`, then
/// `./quire.yaml`, then each `--defaults FILE`, turned into the arguments they stand for. Placed
/// before the user's arguments, the command line wins: a later single value replaces an earlier one.
///
/// Among the files, a later one wins the same way. Repeatable options (`via`, `plugin-dir`,
/// `filter`) and repeatable settings (`subject`) append, in the order above and then the command
/// line's, as pandoc appends filters. `inputs` is replaced: inputs on the command line replace the
/// files', a later file's replace an earlier one's.
struct ConvertDefaults {
    /// A configuration file and why it is read.
    struct Source: Sendable, Equatable {
        enum Role: Sendable, Equatable {
            /// `$XDG_CONFIG_HOME/quire/quire.yaml` (default `~/.config/quire/quire.yaml`).
            case userConfiguration
            /// `quire.yaml` in the working folder.
            case workingFolder
            /// `--defaults FILE`.
            case defaultsOption
        }
        var path: String
        var role: Role

        var description: String {
            switch role {
            case .userConfiguration: "\(path) (user configuration)"
            case .workingFolder: "\(path) (working folder)"
            case .defaultsOption: "\(path) (--defaults)"
            }
        }
    }

    static let fileName = "quire.yaml"

    /// The folder `./quire.yaml` is looked for in; `nil` is the process's working folder. Tests bind
    /// their own, as they bind `Workspace.environment`.
    @TaskLocal static var workingDirectory: String?

    /// The files that applied, lowest precedence first.
    let applied: [Source]

    private let table = ConvertOptionTable.convert
    private let home: String?
    /// convert's own options the files give, merged across files: the values of each key.
    private var options: [(key: String, values: [String])] = []
    private var inputs: [String]?
    /// Entries that can only be settings, checked once the registry (plugins included) is known.
    private var pendingSettings: [(file: DefaultsFile, entry: DefaultsFile.Entry, underSettings: Bool)] = []
    /// Option values to check by parsing them, once the registry is known (parsing `convert` with
    /// the run's registry is cheaper than building one per value).
    private var valueChecks: [(file: DefaultsFile, key: String, value: String, node: YAMLNode)] = []
    /// Problems found while reading, reported with those `arguments(registry:commandLine:)` finds.
    private var problems: [Diagnostic] = []
    /// Bare filter names from `./quire.yaml`, allowed only if a plugin declares a filter of that name.
    private var workingFolderFilterNames: [(file: DefaultsFile, name: String, node: YAMLNode)] = []

    /// Reads the configuration files that apply to `arguments` (convert's, after its name); a file
    /// that cannot be read or parsed fails here, other problems are reported by
    /// `arguments(registry:commandLine:)`, all at once. Files that do not exist are skipped, except
    /// those named by `--defaults`.
    init(commandLine arguments: [String], environment: [String: String] = Workspace.environment) throws(DefaultsFileFailure) {
        home = environment["HOME"]
        let sources = Self.sources(for: arguments, environment: environment)
        var files: [(DefaultsFile, Source)] = []
        var unreadable: [Diagnostic] = []
        for source in sources {
            do {
                files.append((try DefaultsFile.read(source.path), source))
            } catch {
                unreadable += error.diagnostics
            }
        }
        guard unreadable.isEmpty else { throw DefaultsFileFailure(diagnostics: unreadable) }
        applied = files.map(\.1)
        for (file, source) in files { problems += interpretOwnOptions(of: file, appliesByItself: source.role == .workingFolder) }
    }

    /// The files to read, lowest precedence first: none with `--no-config` or `QUIRE_NO_CONFIG=1`
    /// but those named by `--defaults`; none at all when help is asked for.
    static func sources(for arguments: [String], environment: [String: String]) -> [Source] {
        var named: [String] = []
        var ignoresConfiguration = ["1", "true", "yes"].contains(environment["QUIRE_NO_CONFIG"]?.lowercased() ?? "")
        var index = arguments.startIndex
        while index < arguments.endIndex, arguments[index] != "--" {
            let argument = arguments[index]
            index += 1
            switch argument {
            case "--help", "-h": return []
            case "--no-config": ignoresConfiguration = true
            case "--defaults" where index < arguments.endIndex:
                named.append(arguments[index])
                index += 1
            case let argument where argument.hasPrefix("--defaults="): named.append(String(argument.dropFirst("--defaults=".count)))
            default: continue
            }
        }
        var sources: [Source] = []
        if !ignoresConfiguration {
            let workingFile = workingDirectory.map { ($0.hasSuffix("/") ? $0 : $0 + "/") + fileName } ?? fileName
            let userFile = userConfigurationPath(environment: environment).flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil }
            if let userFile { sources.append(Source(path: userFile, role: .userConfiguration)) }
            // Running in ~/.config/quire reads that file once, as the user's own (with all its keys).
            if FileManager.default.fileExists(atPath: workingFile), userFile.map({ !sameFile($0, workingFile) }) ?? true {
                sources.append(Source(path: workingFile, role: .workingFolder))
            }
        }
        return sources + named.map { Source(path: $0, role: .defaultsOption) }
    }

    /// `$XDG_CONFIG_HOME/quire/quire.yaml`, or `$HOME/.config/quire/quire.yaml` when that is unset
    /// (or not absolute, as the XDG specification asks).
    static func userConfigurationPath(environment: [String: String]) -> String? {
        if let configHome = environment["XDG_CONFIG_HOME"], configHome.hasPrefix("/") { return configHome + "/quire/" + fileName }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/quire/" + fileName
    }

    /// Running in `~/.config/quire` reads that file once.
    private static func sameFile(_ a: String, _ b: String) -> Bool {
        URL(fileURLWithPath: a).resolvingSymlinksInPath().path == URL(fileURLWithPath: b).resolvingSymlinksInPath().path
    }

    /// Keys that name a path: relative ones are resolved against the file's folder.
    private static let pathOptions: Set<String> = ["output", "plugin-dir"]

    /// `appliesByItself`: `./quire.yaml`, which a downloaded folder may hold; it may not choose programs to run.
    private mutating func interpretOwnOptions(of file: DefaultsFile, appliesByItself: Bool) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for entry in file.entries {
            let key = entry.key
            if appliesByItself, ["plugin-dir", "filter"].contains(key) {
                let refused = programChoices(entry, in: file)
                problems += refused
                guard refused.isEmpty else { continue }
            }
            if key == "settings" {
                guard case .mapping(let pairs) = entry.value.value else {
                    problems.append(
                        .error(
                            "defaults.type", "'settings' takes a mapping of format settings to values, not \(entry.value.typeName)",
                            at: file.location(of: entry.value)))
                    continue
                }
                for pair in pairs {
                    guard let name = pair.key.scalarText else {
                        problems.append(.error("defaults.type", "a setting's name is text, not \(pair.key.typeName)", at: file.location(of: pair.key)))
                        continue
                    }
                    pendingSettings.append((file, DefaultsFile.Entry(key: name, keyNode: pair.key, value: pair.node), true))
                }
                continue
            }
            if key == "inputs" {
                do {
                    inputs = try Self.values(of: entry, in: file, allowsList: true).map { file.resolve($0, home: home) }
                } catch {
                    problems += error.diagnostics
                }
                continue
            }
            if let message = ConvertOptionTable.commandLineOnly[key] {
                problems.append(.error("defaults.unknown-key", message, at: file.location(of: entry.keyNode)))
                continue
            }
            guard let kind = table.kinds[key] else {
                // A setting's flag, or a key no one knows: told apart once the registry is known.
                pendingSettings.append((file, entry, false))
                continue
            }
            do {
                try merge(entry, kind: kind, in: file)
            } catch {
                problems += error.diagnostics
            }
        }
        return problems
    }

    /// What `./quire.yaml` may not say: `plugin-dir`, and `filter` values naming a program (a path, or
    /// a file beside the configuration file). Bare names are kept to be checked against the plugins'
    /// filters once the registry is known.
    private mutating func programChoices(_ entry: DefaultsFile.Entry, in file: DefaultsFile) -> [Diagnostic] {
        let instead = "give the file with --defaults \(file.path) to choose it, or put the key in $XDG_CONFIG_HOME/quire/\(Self.fileName)"
        if entry.key == "plugin-dir" {
            return [
                Self.unsafe(
                    "'plugin-dir' is refused in the working folder's \(Self.fileName), which applies by itself: its plugins are programs Quire would run; \(instead)",
                    at: file.location(of: entry.keyNode))
            ]
        }
        let nodes: [YAMLNode] = if case .sequence(let items) = entry.value.value { items } else { [entry.value] }
        var problems: [Diagnostic] = []
        for node in nodes {
            // Other shapes are type errors, reported by `merge`.
            guard let value = node.scalarText else { continue }
            if value.contains("/") || FileManager.default.fileExists(atPath: file.resolve(value, home: home)) {
                problems.append(
                    Self.unsafe(
                        "filter '\(value)' names a program, refused in the working folder's \(Self.fileName), which applies by itself; \(instead)",
                        at: file.location(of: node)))
            } else {
                workingFolderFilterNames.append((file, value, node))
            }
        }
        return problems
    }

    private static func unsafe(_ message: String, at location: SourceLocation) -> Diagnostic {
        .error("defaults.unsafe", message, at: location)
    }

    private mutating func merge(_ entry: DefaultsFile.Entry, kind: ConvertOptionTable.Kind, in file: DefaultsFile) throws(DefaultsFileFailure) {
        let key = entry.key
        var values: [String]
        switch kind {
        case .flag:
            guard let on = entry.value.booleanValue else {
                if entry.value.scalarText == nil { throw Self.typeError(entry, in: file, expected: "true or false") }
                throw DefaultsFileFailure(
                    "defaults.value", "'\(key)' is on or off (true or false), not '\(entry.value.scalarText ?? "")'", at: file.location(of: entry.value))
            }
            values = on ? ["true"] : []
        case .single, .repeating:
            values = try Self.values(of: entry, in: file, allowsList: kind == .repeating)
            let nodes: [YAMLNode] = if case .sequence(let items) = entry.value.value { items } else { [entry.value] }
            for (value, node) in zip(values, nodes) { valueChecks.append((file, key, value, node)) }
            if Self.pathOptions.contains(key) { values = values.map { file.resolve($0, home: home) } }
            // Filters are programs (a path, resolved like the others) or named plugin filters (kept as they are).
            if key == "filter" { values = values.map { $0.contains("/") ? file.resolve($0, home: home) : $0 } }
        }
        if let index = options.firstIndex(where: { $0.key == key }) {
            options[index].values = kind == .repeating ? options[index].values + values : values
        } else {
            options.append((key, values))
        }
    }

    /// A scalar's text, or a list of scalars' when `allowsList`; anything else is a type error.
    private static func values(of entry: DefaultsFile.Entry, in file: DefaultsFile, allowsList: Bool) throws(DefaultsFileFailure) -> [String] {
        let expected = allowsList ? "a value or a list of values" : "one value"
        if let text = entry.value.scalarText { return [text] }
        guard allowsList, case .sequence(let items) = entry.value.value else { throw typeError(entry, in: file, expected: expected) }
        var values: [String] = []
        for item in items {
            guard let text = item.scalarText else {
                throw DefaultsFileFailure(
                    "defaults.type", "'\(entry.key)' takes a list of values, not a list holding \(item.typeName)", at: file.location(of: item))
            }
            values.append(text)
        }
        return values
    }

    private static func typeError(_ entry: DefaultsFile.Entry, in file: DefaultsFile, expected: String) -> DefaultsFileFailure {
        DefaultsFileFailure("defaults.type", "'\(entry.key)' takes \(expected), not \(entry.value.typeName)", at: file.location(of: entry.value))
    }

    /// convert's own options from the files as arguments, for the plugin options read before the
    /// registry exists (they choose which plugins are registered).
    var optionArguments: [String] {
        options.flatMap { option in
            table.kinds[option.key] == .flag
                ? option.values.map { _ in "--\(option.key)" } : option.values.flatMap { ConvertOptionTable.arguments(option.key, $0) }
        }
    }

    /// Everything the files give, as arguments to place before `commandLine` (convert's arguments,
    /// format flags already rewritten into `--option`). Settings are checked against `registry`;
    /// every problem in the files is reported at once, in the order of the files and their lines.
    func arguments(registry: FormatRegistry, commandLine: [String]) throws(DefaultsFileFailure) -> [String] {
        let flagSettings = SettingFlags(registry: registry).settings
        var settings: [(key: String, values: [String])] = []
        var problems = self.problems
        for check in valueChecks {
            if let problem = table.problem(with: check.value, for: check.key) {
                problems.append(.error("defaults.value", problem, at: check.file.location(of: check.node)))
            }
        }
        for (file, name, node) in workingFolderFilterNames where registry.filter(named: name) == nil {
            // Not a plugin's filter: a program of that name (on PATH) would run.
            let instead = "give the file with --defaults \(file.path) to choose it, or put the key in $XDG_CONFIG_HOME/quire/\(Self.fileName)"
            problems.append(
                Self.unsafe(
                    "filter '\(name)' is no plugin's filter, and the working folder's \(Self.fileName), which applies by itself, may not choose a program; \(instead)",
                    at: file.location(of: node)))
        }
        for (file, entry, underSettings) in pendingSettings {
            let setting = underSettings ? registry.setting(forKey: entry.key) : flagSettings[entry.key]
            guard let setting else {
                problems.append(unknownKey(entry, in: file, underSettings: underSettings, registry: registry, flagSettings: flagSettings))
                continue
            }
            do {
                let values = try settingValues(entry, setting: setting, in: file)
                if let index = settings.firstIndex(where: { $0.key == setting.key }) {
                    settings[index].values = setting.repeatable ? settings[index].values + values : values
                } else {
                    settings.append((setting.key, values))
                }
            } catch {
                problems += error.diagnostics
            }
        }
        guard problems.isEmpty else {
            let order = { (diagnostic: Diagnostic) in
                (self.applied.firstIndex { $0.path == diagnostic.location?.file } ?? 0, diagnostic.location?.line ?? 0, diagnostic.location?.column ?? 0)
            }
            throw DefaultsFileFailure(diagnostics: problems.sorted { order($0) < order($1) })
        }
        var arguments = optionArguments
        for setting in settings { arguments += setting.values.flatMap { ["--option", "\(setting.key)=\($0)"] } }
        if let inputs, !table.namesInputs(commandLine) { arguments += inputs }
        return arguments
    }

    private func settingValues(_ entry: DefaultsFile.Entry, setting: FormatSetting, in file: DefaultsFile) throws(DefaultsFileFailure) -> [String] {
        let nodes: [YAMLNode]
        if case .sequence(let items) = entry.value.value, setting.repeatable {
            nodes = items
        } else if entry.value.scalarText != nil {
            nodes = [entry.value]
        } else {
            throw Self.typeError(entry, in: file, expected: setting.repeatable ? "a value or a list of values" : "one value")
        }
        var values: [String] = []
        for node in nodes {
            guard var value = node.scalarText else {
                throw DefaultsFileFailure(
                    "defaults.type", "'\(entry.key)' takes a list of values, not a list holding \(node.typeName)", at: file.location(of: node))
            }
            if case .flag = setting.kind, let on = node.booleanValue { value = on ? "true" : "false" }
            if let problem = setting.check(value) {
                // The setting's own words, naming it as the file does: "'opml' takes 'channels' or 'outline', not 'x'".
                let message = SettingMention.rewrite(problem, keys: [setting.key]) { "'\($0)'" }
                throw DefaultsFileFailure("defaults.value", message, at: file.location(of: node), notes: [Diagnostic.Note(setting.help)])
            }
            if case .path = setting.kind { value = file.resolve(value, home: home) }
            values.append(value)
        }
        return values
    }

    private func unknownKey(
        _ entry: DefaultsFile.Entry, in file: DefaultsFile, underSettings: Bool, registry: FormatRegistry, flagSettings: [String: FormatSetting]
    ) -> Diagnostic {
        let candidates: [String] =
            underSettings
            ? registry.settings.map(\.key)
            : Array(table.kinds.keys) + ["inputs", "settings"] + Array(flagSettings.keys)
        let suggestion = Suggestion.closest(to: entry.key, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
        let message =
            underSettings
            ? "unknown setting '\(entry.key)'\(suggestion)" : "unknown key '\(entry.key)'\(suggestion)"
        return .error(
            "defaults.unknown-key", message, at: file.location(of: entry.keyNode),
            notes: [
                Diagnostic.Note("keys are convert's long options, 'inputs', 'settings' and format settings; `quire formats FORMAT` lists a format's settings")
            ])
    }

    /// Names the files that applied, for `--verbose` and `--explain`.
    func announce(arguments: [String]) {
        guard !applied.isEmpty else { return }
        let given = arguments.prefix { $0 != "--" }
        let quiet = given.contains("--quiet") || given.contains("-q")
        guard given.contains("--explain") || given.contains("--verbose") && !quiet else { return }
        for source in applied { Console.current.printError("configuration: \(source.description)") }
    }

    /// Prints `failure`'s diagnostics as `--diagnostics` asks; the run ends with a usage error.
    static func report(_ failure: DefaultsFileFailure, commandLine: [String]) -> QuireExitStatus {
        let console = Console.current
        let json = zip(commandLine, commandLine.dropFirst()).contains { $0 == ("--diagnostics", "json") } || commandLine.contains("--diagnostics=json")
        let printer: any DiagnosticConsumer =
            json ? JSONLinesDiagnosticPrinter(write: console.writeError) : TerminalDiagnosticPrinter(write: console.writeError)
        printer.receive(failure.diagnostics)
        return .usage
    }
}
