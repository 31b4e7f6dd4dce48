import QuireCore

/// Keeps text lines from being read as structure. A line of text that would start a heading, a quote,
/// a list item or a separator gets one backslash in front; reading removes exactly one, so text that
/// itself starts with backslashes survives too. The mechanism is shared with Markdown (QuireCore's
/// `escapingLeadingStructure`); what counts as structure is not: summary text is not Markdown, and
/// Markdown's list (code fences, tables, HTML blocks, ordered lists) would put backslashes in lines
/// that need none here.
enum BlockEscaping {
    static func escape(_ line: Substring) -> String {
        line.escapingLeadingStructure(where: needsEscape)
    }

    static func unescape(_ line: Substring) -> Substring {
        line.unescapingLeadingStructure(where: needsEscape)
    }

    /// An untimed heading's title that starts like a timestamp (`[01:00] …`) gets a backslash.
    static func escapeUntimedHeading(_ title: String) -> String {
        title[...].escapingLeadingStructure { $0.hasPrefix("[") }
    }

    static func unescapeUntimedHeading(_ title: Substring) -> Substring {
        title.unescapingLeadingStructure { $0.hasPrefix("[") }
    }

    private static func needsEscape(_ text: Substring) -> Bool {
        text.hasPrefix("#") || text.hasPrefix(">") || text.hasPrefix("- ") || text.hasPrefix("* ")
            || text.trimmingWhitespace() == "---"
    }
}
