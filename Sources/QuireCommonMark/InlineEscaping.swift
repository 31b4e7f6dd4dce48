/// Backslash escapes that keep text from being read as CommonMark inline markup: the one list of
/// characters the Markdown format (titles, names) and XHTML (text from someone else's HTML) escape.
public enum InlineEscaping {
    /// Characters that start inline markup wherever they stand: a backslash escape, a code span,
    /// emphasis, a link's or image's brackets, an autolink or raw HTML, GFM strikethrough.
    public static func startsInlineMarkup(_ character: Character) -> Bool {
        switch character {
        case "\\", "`", "*", "_", "[", "]", "<", "~": true
        default: false
        }
    }

    /// Text whose place is not known yet (text read from someone else's HTML into the model's inline
    /// markup): a backslash before every character that starts inline markup, and before `>`, `!`, `|`
    /// and `#`, which do in some places (a quote, an image, a table cell, a heading). Where the place is
    /// known, escape less (the Markdown format's plain text does).
    public static func escapingEverywhere(_ text: String) -> String {
        func needsEscape(_ character: Character) -> Bool {
            startsInlineMarkup(character) || character == ">" || character == "!" || character == "|" || character == "#"
        }
        guard text.contains(where: needsEscape) else { return text }
        var result = ""
        for character in text {
            if needsEscape(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// CommonMark's ASCII punctuation: the characters a backslash escapes (before anything else, a
    /// backslash is itself).
    public static func isASCIIPunctuation(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return (0x21...0x2F).contains(ascii) || (0x3A...0x40).contains(ascii) || (0x5B...0x60).contains(ascii) || (0x7B...0x7E).contains(ascii)
    }
}
