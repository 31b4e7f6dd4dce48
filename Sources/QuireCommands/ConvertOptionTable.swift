import ArgumentParser
import Foundation

/// `convert`'s own options as configuration files may give them, read from the command's own
/// declaration (ArgumentParser's tool description) so an option added to `ConvertCommand` becomes a
/// key without more code.
struct ConvertOptionTable: Sendable {
    enum Kind: Sendable, Equatable {
        /// On or off (`strict`).
        case flag
        /// One value; a later one replaces it (`to`).
        case single
        /// Given several times, every value counts, in order (`via`).
        case repeating
    }

    /// Keys a file may hold, by `convert`'s long option names.
    let kinds: [String: Kind]
    /// Every spelling of an option that takes a value (`--to`, `-t`), to tell values from inputs.
    let spellingsTakingValues: Set<String>
    /// The words an option takes when it takes a fixed list (`diagnostics`: `text`, `json`).
    let choices: [String: [String]]

    /// Options that make sense only on the command line, with what to do instead.
    static let commandLineOnly: [String: String] = [
        "defaults": "'defaults' cannot be given in a defaults file; give --defaults several times instead",
        "no-config": "'no-config' cannot be given in a configuration file; use it on the command line or set QUIRE_NO_CONFIG=1",
        "option": "'option' is not read from a defaults file; give format settings under 'settings:' (or by name at the top level)",
        "help": "'help' cannot be given in a defaults file",
    ]

    static let convert = ConvertOptionTable()

    private init() {
        struct Name: Decodable { var kind: String, name: String }
        struct Argument: Decodable {
            var kind: String
            var isRepeating: Bool
            var names: [Name]?
            var allValues: [String]?
        }
        struct Command: Decodable { var arguments: [Argument]? }
        struct Dump: Decodable { var command: Command }

        let arguments = (try? JSONDecoder().decode(Dump.self, from: Data(ConvertCommand._dumpHelp().utf8)))?.command.arguments ?? []
        var kinds: [String: Kind] = [:]
        var spellings: Set<String> = []
        var choices: [String: [String]] = [:]
        for argument in arguments where argument.kind != "positional" {
            let names = argument.names ?? []
            let kind: Kind = argument.kind == "flag" ? .flag : argument.isRepeating ? .repeating : .single
            if kind != .flag { spellings.formUnion(names.map { ($0.kind == "short" ? "-" : "--") + $0.name }) }
            for name in names where name.kind == "long" && ConvertCommand.ownOptionNames.contains(name.name) {
                guard Self.commandLineOnly[name.name] == nil else { continue }
                kinds[name.name] = kind
                if let values = argument.allValues, !values.isEmpty { choices[name.name] = values }
            }
        }
        self.kinds = kinds
        spellingsTakingValues = spellings
        self.choices = choices
    }

    /// Whether `arguments` (convert's, settings already rewritten into `--option`) name any input.
    func namesInputs(_ arguments: [String]) -> Bool {
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            if argument == "--" { return index < arguments.endIndex }
            guard argument.hasPrefix("-"), argument != "-" else { return true }
            if argument.contains("=") && argument.hasPrefix("--") { continue }
            // `-qo out.epub`: a cluster of short flags whose last one takes the next argument.
            let spelling = argument.hasPrefix("--") ? argument : "-" + String(argument.last ?? "-")
            if spellingsTakingValues.contains(spelling) { index += 1 }
        }
        return false
    }

    /// `--name value` as arguments: one argument `--name=value` when the value starts with a dash
    /// (it would read as an option), two otherwise (`--title=` with nothing after the `=` would take
    /// the next argument as its value).
    static func arguments(_ name: String, _ value: String) -> [String] {
        value.hasPrefix("-") ? ["--\(name)=\(value)"] : ["--\(name)", value]
    }

    /// What is wrong with `value` for the option `name`, in the words a configuration file's reader
    /// needs (`'jobs' takes a whole number, not 'many'`); `nil` when the command would take it.
    ///
    /// The command itself is the judge: the value is parsed as `--name=value` would be, so the
    /// file accepts exactly what the command line does.
    func problem(with value: String, for name: String) -> String? {
        guard let failure = Self.parseFailure(Self.arguments(name, value)) else { return nil }
        if let expected = expectation(for: name), !expected.accepts(value) { return "'\(name)' takes \(expected.description), not '\(value)'" }
        // convert's own checks name the flag: "--jobs must be 1 or more".
        return ConvertCommand.message(for: failure).replacingOccurrences(of: "--\(name)", with: "'\(name)'")
    }

    private struct Expectation {
        var description: String
        var accepts: (String) -> Bool
    }

    /// The kind of value an option takes, found the same way: which sample values it parses.
    private func expectation(for name: String) -> Expectation? {
        if let values = choices[name] {
            let listed = values.map { "'\($0)'" }
            let description = listed.count <= 2 ? listed.joined(separator: " or ") : listed.dropLast().joined(separator: ", ") + " or " + listed.last!
            return Expectation(description: description) { values.contains($0) }
        }
        if Self.parseFailure(["--\(name)=word"]) == nil { return nil }
        if Self.parseFailure(["--\(name)=1.5"]) == nil { return Expectation(description: "a number") { Double($0) != nil } }
        if Self.parseFailure(["--\(name)=1"]) == nil { return Expectation(description: "a whole number") { Int($0) != nil } }
        return nil
    }

    private static func parseFailure(_ arguments: [String]) -> (any Error)? {
        do {
            _ = try ConvertCommand.parse(arguments + ["input"])
            return nil
        } catch {
            return error
        }
    }
}
