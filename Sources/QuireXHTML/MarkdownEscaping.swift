/// Text read from HTML that goes into Markdown as text, never as markup.
enum MarkdownEscaping {
    /// Backslash-escapes the ASCII punctuation CommonMark could read as markup.
    static func escaped(_ text: String) -> String {
        guard text.contains(where: { "\\*_`[]<>!~|#".contains($0) }) else { return text }
        var result = ""
        for character in text {
            if "\\*_`[]<>!~|#".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
