import QuireCore

/// The small part of YAML that front matter needs, read and written without a YAML library:
/// `key: value` lines; values plain, double-quoted (with backslash escapes) or single-quoted;
/// flow sequences (`[2, 5]`); block sequences of scalars or of `key: value` mappings; nested mappings.
/// Anything else under a key is kept as its raw text, so nothing a user wrote is lost.
enum FrontMatterYAML {
    /// One top-level `key: value` entry with the lines indented under it.
    struct Entry {
        var key: String
        /// The text after `key:` on its own line, trimmed.
        var inline: Substring
        var nested: [(number: Int, text: Substring)]
        var line: Int
    }

    struct Problem {
        var message: String
        var line: Int
    }

    // MARK: Reading

    static func entries(_ lines: [(number: Int, text: Substring)], problems: inout [Problem]) -> [Entry] {
        var entries: [Entry] = []
        for (number, text) in lines {
            let trimmed = text.trimmingLeadingBlanks
            if trimmed.isBlankLine || trimmed.hasPrefix("#") { continue }
            let indented = trimmed.startIndex != text.startIndex || trimmed.hasPrefix("- ") || trimmed == "-"
            if indented, !entries.isEmpty {
                entries[entries.count - 1].nested.append((number, text))
            } else if let (key, rest) = keyAndValue(text) {
                entries.append(Entry(key: key, inline: rest, nested: [], line: number))
            } else {
                problems.append(Problem(message: "front matter line is not 'key: value'; kept as extra metadata 'front-matter'", line: number))
                entries.append(Entry(key: "front-matter", inline: Substring(FrontMatterScalar.quoted(String(text), .yaml)), nested: [], line: number))
            }
        }
        return entries
    }

    /// `key: rest` with a plain or double-quoted key; `nil` when the line has no such key.
    static func keyAndValue(_ line: Substring) -> (String, Substring)? {
        let text = line.trimmingLeadingBlanks
        if text.hasPrefix("\"") {
            guard let (key, end) = FrontMatterScalar.unquoted(text, .yaml), text[end...].hasPrefix(":") else { return nil }
            let rest = text[text.index(after: end)...]
            guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
            return (key, trimmed(rest))
        }
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == ":" {
                let next = text.index(after: index)
                if next == text.endIndex || text[next] == " " || text[next] == "\t" {
                    let key = text[..<index].trimmingTrailingBlanks
                    guard !key.isEmpty else { return nil }
                    return (String(key), trimmed(text[next...]))
                }
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// A scalar's text: unquoted, escapes decoded, a trailing ` # comment` dropped from a plain one.
    /// `nil` for a quoted scalar that is not closed where the value ends.
    static func scalar(_ raw: Substring) -> String? {
        let raw = trimmed(raw)
        if raw.hasPrefix("\"") {
            guard let (value, end) = FrontMatterScalar.unquoted(raw, .yaml), trimmed(raw[end...]).isEmpty || trimmed(raw[end...]).hasPrefix("#") else {
                return nil
            }
            return value
        }
        if raw.hasPrefix("'") {
            var value = ""
            var index = raw.index(after: raw.startIndex)
            while index < raw.endIndex {
                let next = raw.index(after: index)
                if raw[index] == "'" {
                    if next < raw.endIndex, raw[next] == "'" {
                        value += "'"
                        index = raw.index(after: next)
                        continue
                    }
                    return trimmed(raw[next...]).isEmpty ? value : nil
                }
                value.append(raw[index])
                index = next
            }
            return nil
        }
        if let comment = raw.firstRange(of: " #") { return String(raw[..<comment.lowerBound].trimmingTrailingBlanks) }
        return String(raw)
    }

    /// The items of a flow (`[a, "b"]`) or block (`- a` lines) sequence of scalars; `nil` if it is neither.
    static func scalarSequence(inline: Substring, nested: [(number: Int, text: Substring)]) -> [String]? {
        if inline.hasPrefix("[") {
            guard nested.isEmpty, inline.hasSuffix("]") else { return nil }
            let inner = inline.dropFirst().dropLast()
            if trimmed(inner).isEmpty { return [] }
            var items: [String] = []
            for piece in splitFlow(inner) {
                guard let item = scalar(piece) else { return nil }
                items.append(item)
            }
            return items
        }
        guard inline.isEmpty else { return nil }
        var items: [String] = []
        for (_, text) in nested {
            let item = text.trimmingLeadingBlanks
            guard item.hasPrefix("-"), item.dropFirst().first.map({ $0 == " " || $0 == "\t" }) ?? true,
                let value = scalar(item.dropFirst())
            else { return nil }
            items.append(value)
        }
        return items
    }

    /// A block sequence of mappings (`- title: X` then `  feed: Y`), each a list of key-value pairs.
    static func mappingSequence(inline: Substring, nested: [(number: Int, text: Substring)]) -> [[(key: String, value: String)]]? {
        if inline == "[]" && nested.isEmpty { return [] }
        guard inline.isEmpty else { return nil }
        var items: [[(key: String, value: String)]] = []
        for (_, text) in nested {
            var line = text.trimmingLeadingBlanks
            if line.hasPrefix("- ") {
                items.append([])
                line = line.dropFirst(2).trimmingLeadingBlanks
            }
            // A flow sequence (a channel's `categories`) is kept as written, for the caller to split.
            guard !items.isEmpty, let (key, raw) = keyAndValue(line), let value = raw.hasPrefix("[") ? String(raw) : scalar(raw) else { return nil }
            items[items.count - 1].append((key, value))
        }
        return items
    }

    /// A nested mapping (`  key: value` lines).
    static func mapping(nested: [(number: Int, text: Substring)]) -> [(key: String, value: String)]? {
        var pairs: [(key: String, value: String)] = []
        for (_, text) in nested {
            guard let (key, raw) = keyAndValue(text), let value = scalar(raw) else { return nil }
            pairs.append((key, value))
        }
        return pairs
    }

    /// The whole value as written: the inline text, or the nested lines with their common indentation removed.
    static func rawText(of entry: Entry) -> String {
        if entry.nested.isEmpty { return scalar(entry.inline) ?? String(entry.inline) }
        let indent = entry.nested.map { $0.text.prefix { $0 == " " }.count }.min() ?? 0
        let lines = entry.nested.map { String($0.text.dropFirst(indent)) }
        return ((entry.inline.isEmpty ? [] : [String(entry.inline)]) + lines).joined(separator: "\n")
    }

    private static func splitFlow(_ text: Substring) -> [Substring] {
        var pieces: [Substring] = []
        var start = text.startIndex
        var quote: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if let open = quote {
                if character == "\\" && open == "\"" {
                    index = text.index(after: index)
                    if index == text.endIndex { break }
                } else if character == open {
                    quote = nil
                }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "," {
                pieces.append(text[start..<index])
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        pieces.append(text[start...])
        return pieces
    }

    private static func trimmed(_ text: Substring) -> Substring {
        text.trimmingLeadingBlanks.trimmingTrailingBlanks
    }

    // MARK: Writing

    /// A flow sequence of scalars, each plain or quoted as `scalarText` decides.
    static func flowSequenceText(_ values: [String]) -> String {
        "["
            + values.map { value in
                // Inside a flow sequence `,`, `[`, `]`, `{`, `}` also end a plain scalar.
                value.contains(where: { ",[]{}".contains($0) }) ? FrontMatterScalar.quoted(value, .yaml) : scalarText(value)
            }.joined(separator: ", ") + "]"
    }

    /// A value as a plain scalar when YAML reads that back unchanged, double-quoted otherwise. Unlike summary
    /// text's lines, YAML gives `: `, ` #`, indicators and words such as `yes` their own meaning, so more needs quotes.
    static func scalarText(_ value: String) -> String {
        isPlainSafe(value) ? value : FrontMatterScalar.quoted(value, .yaml)
    }

    /// A key as written: plain when it is a simple name, double-quoted otherwise.
    static func keyText(_ key: String) -> String {
        isSimpleKey(key) ? key : FrontMatterScalar.quoted(key, .yaml)
    }

    static func isSimpleKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, first.properties.isAlphabetic else { return false }
        return key.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    private static let reservedWords: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"]

    private static func isPlainSafe(_ value: String) -> Bool {
        guard let first = value.first, let last = value.last else { return false }
        if first == " " || first == "\t" || last == " " || last == "\t" || last == ":" { return false }
        if "-?:,[]{}#&*!|>'\"%@`".contains(first) { return false }
        if value.contains(": ") || value.contains(" #") || value.contains(":\t") { return false }
        if value.unicodeScalars.contains(where: {
            $0.value < 0x20 || $0.value == 0x7F || $0.value == 0x85 || $0.value == 0x2028 || $0.value == 0x2029 || $0.value == 0xFEFF
        }) {
            return false
        }
        return !reservedWords.contains(value.lowercased())
    }
}
