import QuireCore

/// What the summary-text reader can be told.
public enum SummaryTextSettings {
    public static let splitHints = FormatSetting(
        "split-hints", .path(valueName: "file"), help: "Page form: a file of corrected heading splits (docs/heading-guideline.md).")

    public static let all = [splitHints]
}
