/// The settings of one job, by key (`opml`, `group-by`, `strict`), passed to every step.
///
/// Formats read them through the `FormatSetting` that declares them, which spells the key once and
/// checks the value the same way the command line does before the job starts.
public struct ConversionOptions: Sendable, Hashable {
    /// The last value given for each key: what a setting that is not repeatable reads.
    public private(set) var values: [String: String]
    /// Every value given for a key, in order, where there was more than one (`--subject a --subject b`);
    /// a key given once has its one value in `values` only.
    public private(set) var repeatedValues: [String: [String]] = [:]

    public init(_ values: [String: String] = [:]) { self.values = values }

    /// Every value of each key: `[key: [value]]`, one value for a key given once.
    public init(allValues: [String: [String]]) {
        values = [:]
        for (key, list) in allValues { for value in list { append(value, for: key) } }
    }

    /// The raw value given for a key, for settings a step does not declare (a plugin's pass-through).
    /// Setting it replaces every value given before.
    public subscript(_ key: String) -> String? {
        get { values[key] }
        set {
            values[key] = newValue
            repeatedValues[key] = nil
        }
    }

    public subscript(_ setting: FormatSetting) -> String? {
        get { self[setting.key] }
        set { self[setting.key] = newValue }
    }

    /// Adds one more value for `key`, as a repeated flag or `--option KEY=VALUE` does: a repeatable
    /// setting keeps them all, any other reads the last.
    public mutating func append(_ value: String, for key: String) {
        if let previous = values[key] { repeatedValues[key, default: [previous]].append(value) }
        values[key] = value
    }

    /// Every value given for `key`, in order.
    public func allValues(_ key: String) -> [String] {
        repeatedValues[key] ?? values[key].map { [$0] } ?? []
    }

    /// The values given for a repeatable setting, in order, without empty ones; the default when none is given.
    public func values(_ setting: FormatSetting) -> [String] {
        let given = allValues(setting.key).filter { !$0.isEmpty }
        return given.isEmpty ? setting.defaultValue.map { [$0] } ?? [] : given
    }

    /// The value given, else the setting's default; an empty value counts as none given.
    public func value(_ setting: FormatSetting) -> String? {
        if let given = values[setting.key], !given.isEmpty { return given }
        return setting.defaultValue
    }

    /// Whether a flag setting is on.
    public func flag(_ setting: FormatSetting) -> Bool {
        value(setting).flatMap { FormatSetting.flagWords[$0.lowercased()] } ?? false
    }

    /// A choice setting's value as the format's own type, or a failure naming the setting.
    public func choice<Choice: RawRepresentable<String>>(_ setting: FormatSetting, as type: Choice.Type) throws(ConversionFailure) -> Choice? {
        guard let text = value(setting) else { return nil }
        guard let choice = Choice(rawValue: text) else { throw ConversionFailure(setting.failure(for: text)) }
        return choice
    }

    /// A count setting's value, or a failure naming the setting.
    public func count(_ setting: FormatSetting) throws(ConversionFailure) -> Int? {
        guard let text = value(setting) else { return nil }
        if setting.check(text) != nil { throw ConversionFailure(setting.failure(for: text)) }
        return Int(text)
    }

    /// Every value checked against the settings that declare its key; the first bad value fails.
    /// Keys no setting declares are left to the caller (a plugin may read them).
    public func check(against settings: [FormatSetting]) throws(ConversionFailure) {
        for setting in settings {
            for text in allValues(setting.key) where !text.isEmpty && setting.check(text) != nil {
                throw ConversionFailure(setting.failure(for: text))
            }
        }
    }
}

extension FormatSetting {
    /// The error for a value this setting does not take.
    func failure(for value: String) -> Diagnostic {
        .error("setting.value", check(value) ?? "\(mention) cannot take '\(value)'", notes: [Diagnostic.Note(help)])
    }
}
