import QuireCore

/// What the CSV writer can be told.
public enum CSVSettings {
    public static let table = FormatSetting(
        "csv", .choice(CSVTable.allCases.map(\.rawValue)), default: CSVTable.chapters.rawValue,
        help: "Which table: one row per 'chapters', per 'entities' mention or per 'episodes'.")

    /// Excel reads a CSV file without a byte order mark as the system's code page; Notion, Airtable,
    /// Google Sheets and Python want none, so it is off by default.
    public static let byteOrderMark = FormatSetting(
        "csv-bom", .flag, help: "Start the file with a UTF-8 byte order mark, so Excel reads it as UTF-8.")

    /// The formula-injection guard is on by default; this turns it off.
    public static let unsafe = FormatSetting(
        "csv-unsafe", .flag,
        help:
            "Write cells beginning with =, +, -, @, a tab or a carriage return as they are (by default they get a leading ' so spreadsheets show them as text, never run them as formulas)."
    )

    public static let all = [table, byteOrderMark, unsafe]
}
