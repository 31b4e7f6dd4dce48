/// One setting a format reads, declared by the format that owns it (pandoc's `WriterOptions`, as data).
///
/// The command line's format flags, `--option` validation, `quire formats FORMAT` and plugin manifests
/// are all generated from these declarations; a format reads its settings back through the same value
/// (`options.flag(MarkdownSettings.frontMatter)`), so the key is spelled once, where it is declared.
public struct FormatSetting: Sendable, Hashable {
    /// What values a setting takes.
    public enum Kind: Sendable, Hashable {
        /// On when given (`true`, `1` or `yes`); off otherwise.
        case flag
        /// One of a fixed list of words.
        case choice([String])
        /// Free text; the name stands for the value in help (`name`).
        case text(valueName: String)
        /// A path to a file or folder the format opens.
        case path(valueName: String)
        /// A whole number of at least zero (`SOURCE_DATE_EPOCH` seconds).
        case count(valueName: String)
    }

    /// The key in `ConversionOptions` and the flag's name (`group-by` is `--group-by`).
    public var key: String
    public var kind: Kind
    /// The value a format uses when none is given, shown in help; `nil` when absence means "none".
    public var defaultValue: String?
    /// One line for listings and `--help`.
    public var help: String
    /// Given more than once, every value counts (`--subject a --subject b`), read with
    /// `ConversionOptions.values(_:)`; otherwise the last value given wins.
    public var repeatable: Bool
    /// A `count` that bounds what an untrusted input may make Quire do (a zip's unpacked size): a
    /// front end serving others (`quire serve`) lets a request lower it, never raise it past the default.
    public var isSafetyLimit: Bool

    public init(
        _ key: String, _ kind: Kind, default defaultValue: String? = nil, repeatable: Bool = false, isSafetyLimit: Bool = false, help: String
    ) {
        self.key = key
        self.kind = kind
        self.defaultValue = defaultValue
        self.repeatable = repeatable
        self.isSafetyLimit = isSafetyLimit
        self.help = help
    }

    /// How a value is written in help: `channels|outline`, `<file>`, or nothing for a flag.
    public var valueSyntax: String? {
        switch kind {
        case .flag: nil
        case .choice(let values): values.joined(separator: "|")
        case .text(let name), .path(let name), .count(let name): "<\(name)>"
        }
    }

    /// The setting as messages name it. A message never names a command-line flag: the command line
    /// rewrites these mentions into its own spelling (`--group-by`), other front ends keep them.
    public var mention: String { SettingMention.render(key) }

    /// Whether `value` is one this setting takes; otherwise the message a user sees, naming the setting.
    public func check(_ value: String) -> String? {
        switch kind {
        case .flag:
            return FormatSetting.flagWords.keys.contains(value.lowercased())
                ? nil : "\(mention) is on or off ('true' or 'false'), not '\(value)'"
        case .choice(let values):
            guard !values.contains(value) else { return nil }
            let listed = values.map { "'\($0)'" }
            let alternatives =
                listed.count <= 2
                ? listed.joined(separator: " or ") : listed.dropLast().joined(separator: ", ") + " or " + listed.last!
            return "\(mention) takes \(alternatives), not '\(value)'"
        case .count:
            return Int(value).map { $0 >= 0 } == true ? nil : "\(mention) takes a whole number of 0 or more, not '\(value)'"
        case .text, .path:
            return nil
        }
    }

    /// The words a flag setting accepts, and what they mean.
    static let flagWords: [String: Bool] = ["true": true, "1": true, "yes": true, "false": false, "0": false, "no": false, "": false]
}

/// How messages mention a setting: `setting 'group-by'`. One spelling, so a front end can find the
/// mentions and rewrite them (`quire` shows `--group-by`).
public enum SettingMention {
    public static func render(_ key: String) -> String { "setting '\(key)'" }

    /// `text` with every mention of a setting in `keys` rewritten by `spell` (`--group-by`).
    public static func rewrite(_ text: String, keys: Set<String>, _ spell: (String) -> String) -> String {
        guard text.contains("setting '") else { return text }
        var result = ""
        var rest = text[...]
        while let start = rest.firstRange(of: "setting '") {
            let afterQuote = rest[start.upperBound...]
            guard let close = afterQuote.firstIndex(of: "'") else { break }
            let key = String(afterQuote[..<close])
            result += rest[..<start.lowerBound]
            result += keys.contains(key) ? spell(key) : String(rest[start.lowerBound...close])
            rest = afterQuote[afterQuote.index(after: close)...]
        }
        return result + rest
    }
}

/// Settings every step may read, owned by no format: they describe the job.
public enum CommonSettings {
    /// Warnings are errors; readers that could guess stop instead.
    public static let strict = FormatSetting("strict", .flag, help: "Treat warnings as errors.")
    /// The BCP 47 language of inputs that declare none; readers use it instead of detecting one.
    public static let language = FormatSetting(
        "language", .text(valueName: "bcp47"), help: "Language of inputs that declare none (en, zh, ko).")
    /// A fixed creation date, for reproducible output (`SOURCE_DATE_EPOCH`).
    public static let date = FormatSetting(
        "date", .count(valueName: "seconds"), help: "Creation date as seconds since 1970, for reproducible output (SOURCE_DATE_EPOCH).")

    public static let all = [strict, language, date]
}
