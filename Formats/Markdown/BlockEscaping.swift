import QuireCore

/// Keeps lines of the model's text fields (which hold inline markup) from being read as block
/// structure: a heading, a quote, a list, a thematic break or setext underline, a code fence, an HTML
/// block, a table delimiter row, a link reference definition, indentation. Such a line gets one
/// backslash (in front, or before an ordered-list number's `.`/`)`); reading removes exactly one, so a
/// line that itself starts with backslashes survives too. Every such backslash is a CommonMark escape
/// (except before indentation), so the text renders as written.
enum BlockEscaping {
    static func escape(_ line: Substring) -> String {
        if let marker = orderedListMarker(line) { return String(line[..<marker]) + "\\" + line[marker...] }
        return line.escapingLeadingStructure(where: needsEscape)
    }

    static func unescape(_ line: Substring) -> Substring {
        if let marker = orderedListMarker(line), line[..<marker].last == "\\" {
            return line[..<line.index(before: marker)] + line[marker...]
        }
        return line.unescapingLeadingStructure(where: needsEscape)
    }

    /// The lines of a text field, each escaped. Blank lines at the start or end of the text would vanish
    /// between blocks, so the lines there that are empty or only backslashes get one backslash more.
    static func escapeLines(_ text: Substring) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(escape)
        for index in edgeRuns(of: lines, where: { $0.allSatisfy { $0 == "\\" } }) { lines[index] += "\\" }
        return lines
    }

    static func escapeLines(_ text: String) -> [String] { escapeLines(text[...]) }

    /// Undoes `escapeLines`.
    static func unescapeLines(_ lines: [Substring]) -> String {
        var lines = lines.map(unescape)
        for index in edgeRuns(of: lines, where: { !$0.isEmpty && $0.allSatisfy { $0 == "\\" } }) { lines[index] = lines[index].dropLast() }
        return lines.joined(separator: "\n")
    }

    /// The indices of the lines at the start and at the end that satisfy `isEdgeLine`.
    private static func edgeRuns<Line>(of lines: [Line], where isEdgeLine: (Line) -> Bool) -> [Int] {
        let leading = lines.prefix(while: isEdgeLine).count
        if leading == lines.count { return Array(lines.indices) }
        let trailing = lines.reversed().prefix(while: isEdgeLine).count
        return Array(0..<leading) + Array((lines.count - trailing)..<lines.count)
    }

    /// Where the `.` or `)` of a line shaped `123\\\.` + space or end is: 1–9 digits, any backslashes,
    /// the delimiter. The digits alone would start an ordered list; the backslashes are escapes.
    private static func orderedListMarker(_ line: Substring) -> Substring.Index? {
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard (1...9).contains(digits.count) else { return nil }
        let afterDigits = line[digits.endIndex...]
        let marker = afterDigits.drop { $0 == "\\" }
        guard let delimiter = marker.first, delimiter == "." || delimiter == ")" else { return nil }
        let rest = marker.dropFirst()
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        return marker.startIndex
    }

    private static func needsEscape(_ text: Substring) -> Bool {
        guard let first = text.first else { return false }
        switch first {
        case " ", "\t":
            // Indentation would make code or continue a list; a blank-looking line would end a paragraph.
            return true
        case "#", ">", "`", "~", "|":
            // `|` only matters for a table delimiter row, but a row needs its header line: escape both.
            return first == "#" || first == ">" || (first == "|" ? isTableDelimiterRow(text) : text.hasPrefix(String(repeating: first, count: 3)))
        case "-", "+", "*":
            let second = text.dropFirst().first
            if second == nil || second == " " || second == "\t" { return true }
            return isRule(text) || (first == "-" && isSetextUnderline(text, "-")) || (first == "-" && isTableDelimiterRow(text))
        case "_":
            return isRule(text)
        case "=":
            return isSetextUnderline(text, "=")
        case ":":
            return isTableDelimiterRow(text)
        case "<":
            // The start of an HTML block (a tag, a comment, a declaration) would swallow lines after it.
            guard let second = text.dropFirst().first else { return false }
            return second == "/" || second == "!" || second == "?" || (second.isASCII && second.isLetter)
        case "[":
            // A link reference definition vanishes from the document; a `[01:36]` would read as a time.
            return text.contains("]:") || startsWithTimestamp(text)
        default:
            return false
        }
    }

    /// `[MM:SS]` at the start: a chapter's or quote's time.
    static func startsWithTimestamp(_ text: Substring) -> Bool {
        guard text.hasPrefix("["), let close = text.firstIndex(of: "]") else { return false }
        return Timestamp.seconds(from: text[text.index(after: text.startIndex)..<close]) != nil
    }

    /// Three or more of one of `-*_`, spaces and tabs between: a thematic break.
    private static func isRule(_ text: Substring) -> Bool {
        guard let mark = text.first else { return false }
        var count = 0
        for character in text {
            if character == mark { count += 1 } else if character != " " && character != "\t" { return false }
        }
        return count >= 3
    }

    private static func isSetextUnderline(_ text: Substring, _ mark: Character) -> Bool {
        let marks = text.prefix { $0 == mark }
        return !marks.isEmpty && text[marks.endIndex...].isBlankLine
    }

    private static func isTableDelimiterRow(_ text: Substring) -> Bool {
        text.contains("-") && text.allSatisfy { $0 == "|" || $0 == "-" || $0 == ":" || $0 == " " || $0 == "\t" }
    }
}
