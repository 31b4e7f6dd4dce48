/// Keeps text lines from being read as structure. A line of text that would start a heading, a quote,
/// a list item or a separator gets one backslash in front; reading removes exactly one, so text that
/// itself starts with backslashes survives too.
enum BlockEscaping {
    static func escape(_ line: Substring) -> String {
        needsEscape(line.drop(while: { $0 == "\\" })) ? "\\" + line : String(line)
    }

    static func unescape(_ line: Substring) -> Substring {
        guard line.hasPrefix("\\"), needsEscape(line.dropFirst().drop(while: { $0 == "\\" })) else { return line }
        return line.dropFirst()
    }

    /// An untimed heading's title that starts like a timestamp (`[01:00] …`) gets a backslash.
    static func escapeUntimedHeading(_ title: String) -> String {
        title.drop(while: { $0 == "\\" }).hasPrefix("[") ? "\\" + title : title
    }

    static func unescapeUntimedHeading(_ title: Substring) -> Substring {
        title.hasPrefix("\\") && title.dropFirst().drop(while: { $0 == "\\" }).hasPrefix("[") ? title.dropFirst() : title
    }

    private static func needsEscape(_ text: Substring) -> Bool {
        text.hasPrefix("#") || text.hasPrefix(">") || text.hasPrefix("- ") || text.hasPrefix("* ")
            || text.trimmingWhitespace() == "---"
    }
}
