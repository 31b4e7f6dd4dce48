/// The settings of one job, by key (`opml`, `group-by`, `strict`), passed to every step.
///
/// Formats read them through the `FormatSetting` that declares them, which spells the key once and
/// checks the value the same way the command line does before the job starts.
public struct ConversionOptions: Sendable, Hashable {
    public var values: [String: String]

    public init(_ values: [String: String] = [:]) { self.values = values }

    /// The raw value given for a key, for settings a step does not declare (a plugin's pass-through).
    public subscript(_ key: String) -> String? {
        get { values[key] }
        set { values[key] = newValue }
    }

    public subscript(_ setting: FormatSetting) -> String? {
        get { values[setting.key] }
        set { values[setting.key] = newValue }
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
            if let text = values[setting.key], !text.isEmpty, setting.check(text) != nil {
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
