/// RFC 4180 records and the spreadsheet formula-injection guard.
enum CSVRecord {
    static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), carriageReturn = UInt8(ascii: "\r"), lineFeed = UInt8(ascii: "\n")
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Appends one record: cells separated by commas, quoted where they hold a comma, a quote or a
    /// line break (quotes doubled), and a CRLF record end.
    static func append(_ cells: [String], to output: inout [UInt8]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { output.append(comma) }
            let bytes = cell.utf8
            if bytes.contains(where: { $0 == comma || $0 == quote || $0 == carriageReturn || $0 == lineFeed }) {
                output.append(quote)
                for byte in bytes {
                    if byte == quote { output.append(quote) }
                    output.append(byte)
                }
                output.append(quote)
            } else {
                output.append(contentsOf: bytes)
            }
        }
        output.append(contentsOf: [carriageReturn, lineFeed])
    }
}

/// OWASP's "CSV injection": a spreadsheet runs a cell beginning with `=`, `+`, `-` or `@` (and,
/// in some, a tab or carriage return) as a formula. The guard writes such a cell with a leading `'`,
/// which spreadsheets read as "this is text".
///
/// The change is reversible: a cell is guarded when it is zero or more `'` followed by a trigger
/// character (so `'=x` becomes `''=x`), and is never a whole number (`-12` is a number, not a
/// formula). Undoing it: drop the first character of any cell that is one or more `'` followed by a
/// trigger character (`CSVFormulaGuard.unguard`, and docs/csv-format.md).
public enum CSVFormulaGuard {
    // Scalars, not characters: "\r\n" is one Character, and so is "=" with a combining mark.
    static let triggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// Whether `cell` would be written with a leading `'`.
    public static func needsGuard(_ cell: String) -> Bool {
        startsWithTrigger(cell) && !isWholeNumber(cell)
    }

    /// Zero or more `'`, then a trigger.
    static func startsWithTrigger(_ cell: String) -> Bool {
        guard let first = cell.unicodeScalars.first(where: { $0 != "'" }) else { return false }
        return triggers.contains(first)
    }

    public static func guarded(_ cell: String) -> String { needsGuard(cell) ? "'" + cell : cell }

    /// The cell as it was before `guarded`.
    public static func unguard(_ cell: String) -> String {
        guard cell.unicodeScalars.first == "'", startsWithTrigger(cell) else { return cell }
        return String(cell.dropFirst())
    }

    /// `12`, `-12`, `+12`: a spreadsheet reads these as numbers, which run nothing.
    static func isWholeNumber(_ cell: String) -> Bool {
        var digits = Substring(cell)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
