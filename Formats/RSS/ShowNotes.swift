import QuireCore

/// Show notes as feeds carry them (HTML in `description` or `content:encoded`, often in CDATA) turned
/// into clean text, and the chapter list hosts and podcasters type into them as timestamp lines.
enum ShowNotes {
    /// Plain text of an HTML fragment: tags removed, `script` and `style` left out, character references
    /// decoded, block elements and `<br>` as line breaks, runs of spaces as one; paragraphs (blocks)
    /// separated by one blank line. Plain text (no tags) comes back with its own line breaks.
    static func plainText(fromHTML html: String) -> String {
        var output = ""
        var scalars = Array(html.unicodeScalars)[...]
        var skipping: String?
        func newline(_ count: Int) {
            while output.last == " " { output.removeLast() }
            var trailing = 0
            for character in output.reversed() {
                if character == "\n" { trailing += 1 } else { break }
            }
            if output.isEmpty { return }
            if trailing < count { output += String(repeating: "\n", count: count - trailing) }
        }
        while let scalar = scalars.first {
            if scalar == "<", let next = scalars.dropFirst().first, next.properties.isAlphabetic || next == "/" || next == "!",
                // Bounded, so text full of `<` without `>` stays linear.
                let close = scalars.prefix(4096).firstIndex(of: ">")
            {
                let tag = String(String.UnicodeScalarView(scalars[scalars.index(after: scalars.startIndex)..<close]))
                scalars = scalars[scalars.index(after: close)...]
                let isClosing = tag.hasPrefix("/")
                let name = tag.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber }).lowercased()
                if let skipped = skipping {
                    if isClosing && name == skipped { skipping = nil }
                    continue
                }
                if tag.hasPrefix("!--") {
                    // A comment may hold `>`; skip to its real end.
                    if !tag.hasSuffix("--") {
                        let rest = String(String.UnicodeScalarView(scalars))
                        if let end = rest.range(of: "-->") {
                            scalars = Array(rest[end.upperBound...].unicodeScalars)[...]
                        } else {
                            scalars = []
                        }
                    }
                    continue
                }
                if !isClosing && (name == "script" || name == "style") && !tag.hasSuffix("/") {
                    skipping = name
                    continue
                }
                if name == "br" {
                    newline(1)
                } else if paragraphElements.contains(name) {
                    newline(2)
                } else if lineElements.contains(name) {
                    newline(1)
                    if name == "li" && !isClosing { output += "- " }
                }
                continue
            }
            scalars = scalars.dropFirst()
            if skipping != nil { continue }
            if scalar == "&", let (decoded, rest) = characterReference(in: scalars) {
                output += decoded
                scalars = rest
                continue
            }
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{A0}" {
                if let last = output.last, last != " " && last != "\n" { output += " " }
                continue
            }
            output.unicodeScalars.append(scalar)
        }
        return output.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }.joined(separator: "\n")
            .trimmingWhitespace()
    }

    /// Text that is plain already keeps its line breaks; only markup is converted.
    static func cleanText(_ text: String) -> String {
        looksLikeHTML(text) ? plainText(fromHTML: text) : normalizeLines(text)
    }

    /// Whether a text holds HTML: a tag of an HTML element (`<b>`, `</p>`, `<br/>`) or a character
    /// reference (`&amp;`, `&#233;`). Other angle brackets (`<tag>`, `a < b`) are text.
    static func looksLikeHTML(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        for index in scalars.indices {
            if scalars[index] == "<" {
                var start = index + 1
                if start < scalars.count && scalars[start] == "/" { start += 1 }
                var end = start
                while end < scalars.count && end - start < 12 && (scalars[end].properties.isAlphabetic || ("0"..."9").contains(scalars[end])) { end += 1 }
                guard end > start, end < scalars.count, [">", " ", "/", "\t", "\n"].contains(scalars[end]) else { continue }
                if htmlElements.contains(String(String.UnicodeScalarView(scalars[start..<end])).lowercased()) { return true }
            } else if scalars[index] == "&", characterReference(in: scalars[(index + 1)...]) != nil {
                return true
            }
        }
        return false
    }

    private static let htmlElements: Set<String> = [
        "a", "abbr", "article", "b", "big", "blockquote", "br", "center", "cite", "code", "dd", "del", "div", "dl", "dt", "em", "figcaption",
        "figure", "font", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "iframe", "img", "ins", "li", "mark", "ol", "p",
        "pre", "q", "s", "script", "section", "small", "span", "strong", "style", "sub", "sup", "table", "td", "th", "tr", "tt", "u", "ul",
    ]

    /// A title: one line, HTML removed, spaces collapsed.
    static func singleLine(_ text: String) -> String {
        let clean = looksLikeHTML(text) ? plainText(fromHTML: text) : text
        return collapsingSpaces(clean)
    }

    /// One line, runs of white space as one space, trimmed; markup left as it is.
    static func collapsingSpaces(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    /// Lines trimmed, runs of blank lines as one, the whole trimmed.
    static func normalizeLines(_ text: String) -> String {
        var lines: [String] = []
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty && (lines.last?.isEmpty ?? true) { continue }
            lines.append(trimmed)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Chapters from timestamp lines (`00:12:30 Topic`, `(12:30) Topic`, `12:30 - Topic`, `[12:30] Topic`,
    /// `- 12:30 Topic`): at least two such lines with rising times, or none (one time in prose is not a
    /// chapter list). Returns the chapters and the lines they came from.
    static func timestampChapters(in text: String) -> (chapters: [Chapter], lines: Set<String>) {
        var chapters: [Chapter] = []
        var lines: Set<String> = []
        for line in text.split(separator: "\n") {
            guard let (start, title) = timestampLine(line) else { continue }
            if let last = chapters.last?.start, start <= last { return ([], []) }
            chapters.append(Chapter(start: start, title: title))
            lines.insert(line.trimmingWhitespace())
        }
        return chapters.count >= 2 ? (chapters, lines) : ([], [])
    }

    /// One line's time and title, when the line starts with a time.
    static func timestampLine(_ line: Substring) -> (Int, String)? {
        var rest = line.trimmingWhitespace()[...]
        // A list bullet before the time.
        if let first = rest.first, "-*•–—·".contains(first) {
            rest = rest.dropFirst().drop(while: { $0 == " " })
        }
        var closing: Character?
        if rest.first == "(" {
            closing = ")"
        } else if rest.first == "[" {
            closing = "]"
        }
        if closing != nil { rest = rest.dropFirst() }
        var token = rest.prefix(while: { $0.isASCII && ($0.isNumber || $0 == ":") })
        // `12:30: Topic`: the colon after the time separates it from the title.
        if token.hasSuffix(":") { token = token.dropLast() }
        guard token.contains(":"), let seconds = Timestamp.seconds(from: token) else { return nil }
        rest = rest[token.endIndex...]
        if let closing {
            guard rest.first == closing else { return nil }
            rest = rest.dropFirst()
        }
        // The time must stand alone (`12:30pm` is a clock time in prose).
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" || "-–—:|".contains(rest.first!) else { return nil }
        rest = rest.drop(while: { $0 == " " || $0 == "\t" })
        if let first = rest.first, "-–—:|".contains(first) { rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\t" }) }
        let title = rest.trimmingWhitespace()
        guard !title.isEmpty else { return nil }
        return (seconds, title)
    }

    private static let paragraphElements: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "pre", "table", "section", "article", "header", "footer",
        "hr", "figure", "dl",
    ]
    private static let lineElements: Set<String> = ["li", "tr", "dt", "dd", "figcaption"]

    /// `&amp;`, `&#233;`, `&#x1F600;` and the named references show notes use.
    private static func characterReference(in scalars: ArraySlice<Unicode.Scalar>) -> (String, ArraySlice<Unicode.Scalar>)? {
        guard let semicolon = scalars.prefix(12).firstIndex(of: ";") else { return nil }
        let name = String(String.UnicodeScalarView(scalars[scalars.startIndex..<semicolon]))
        let rest = scalars[scalars.index(after: semicolon)...]
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, let scalar = Unicode.Scalar(value), value != 0 else { return nil }
            return (String(Character(scalar)), rest)
        }
        guard let decoded = namedReferences[name] else { return nil }
        return (decoded, rest)
    }

    private static let namedReferences: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "hellip": "…", "mdash": "—", "ndash": "–",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "copy": "©", "reg": "®", "trade": "™", "bull": "•", "middot": "·",
        "eacute": "é", "egrave": "è", "aacute": "á", "agrave": "à", "uuml": "ü", "ouml": "ö", "auml": "ä", "szlig": "ß", "ccedil": "ç",
        "ntilde": "ñ", "laquo": "«", "raquo": "»", "euro": "€", "pound": "£", "deg": "°", "times": "×", "rarr": "→", "larr": "←",
    ]
}
