import QuireCore

/// Show notes as feeds carry them (HTML in `description` or `content:encoded`, often in CDATA) turned
/// into clean text, and the chapter list hosts and podcasters type into them as timestamp lines.
enum ShowNotes {
    /// Plain text of an HTML fragment: tags removed, `script` and `style` left out, character references
    /// decoded, block elements and `<br>` as line breaks, runs of spaces as one; paragraphs (blocks)
    /// separated by one blank line. Plain text (no tags) comes back with its own line breaks.
    static func plainText(fromHTML html: String) -> String {
        // Bytes, not Characters: show notes are most of a feed, and grapheme breaking is the slow part.
        let input = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        var skipping: String?
        func newline(_ count: Int) {
            while output.last == 0x20 { output.removeLast() }
            guard !output.isEmpty else { return }
            var trailing = 0
            while trailing < count && output[output.count - 1 - trailing] == 0x0A { trailing += 1 }
            for _ in trailing..<count { output.append(0x0A) }
        }
        func space() {
            if let last = output.last, last != 0x20 && last != 0x0A { output.append(0x20) }
        }
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "<"), index + 1 < input.count, isTagStart(input[index + 1]) {
                if input[index...].starts(with: commentOpen) {
                    // A comment may hold `>`; skip to its real end.
                    index = find(commentClose, in: input, from: index + 4).map { $0 + 3 } ?? input.count
                    continue
                }
                // Bounded, so text full of `<` without `>` stays linear.
                if let close = input[index..<min(input.count, index + 4096)].firstIndex(of: UInt8(ascii: ">")) {
                    var nameStart = index + 1
                    let isClosing = input[nameStart] == UInt8(ascii: "/")
                    if isClosing { nameStart += 1 }
                    var nameEnd = nameStart
                    while nameEnd < close, isAlphanumeric(input[nameEnd]) { nameEnd += 1 }
                    let name = String(decoding: input[nameStart..<nameEnd].map { $0 | (isUpper($0) ? 0x20 : 0) }, as: UTF8.self)
                    let isSelfClosing = input[close - 1] == UInt8(ascii: "/")
                    index = close + 1
                    if let skipped = skipping {
                        if isClosing && name == skipped { skipping = nil }
                        continue
                    }
                    if !isClosing && !isSelfClosing && (name == "script" || name == "style") {
                        skipping = name
                    } else if name == "br" {
                        newline(1)
                    } else if paragraphElements.contains(name) {
                        newline(2)
                    } else if lineElements.contains(name) {
                        newline(1)
                        if name == "li" && !isClosing { output += [UInt8(ascii: "-"), 0x20] }
                    }
                    continue
                }
            }
            if skipping != nil {
                index += 1
                continue
            }
            if byte == UInt8(ascii: "&"), let (decoded, length) = characterReference(in: input, at: index) {
                if decoded == [0x20] {
                    space()
                } else {
                    output += decoded
                }
                index += length
                continue
            }
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                space()
                index += 1
                continue
            }
            if byte == 0xC2, index + 1 < input.count, input[index + 1] == 0xA0 {
                space()
                index += 2
                continue
            }
            output.append(byte)
            index += 1
        }
        return trimmedLines(output)
    }

    /// Each line trimmed, and the whole.
    private static func trimmedLines(_ bytes: [UInt8]) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            var slice = line[...]
            while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
            while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
            if !result.isEmpty || !slice.isEmpty {
                if !result.isEmpty { result.append(0x0A) }
                result += slice
            }
        }
        while result.last == 0x0A { result.removeLast() }
        return String(decoding: result, as: UTF8.self).trimmingWhitespace()
    }

    private static let commentOpen = Array("<!--".utf8), commentClose = Array("-->".utf8)

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0] && bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    private static func isAlphanumeric(_ byte: UInt8) -> Bool { isUpper(byte) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) }
    private static func isTagStart(_ byte: UInt8) -> Bool {
        isUpper(byte) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "!")
    }

    /// Text that is plain already keeps its line breaks; only markup is converted.
    static func cleanText(_ text: String) -> String {
        looksLikeHTML(text) ? plainText(fromHTML: text) : normalizeLines(text)
    }

    /// Whether a text holds HTML: a tag of an HTML element (`<b>`, `</p>`, `<br/>`) or a character
    /// reference (`&amp;`, `&#233;`). Other angle brackets (`<tag>`, `a < b`) are text.
    static func looksLikeHTML(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        for index in bytes.indices {
            if bytes[index] == UInt8(ascii: "<") {
                var start = index + 1
                if start < bytes.count && bytes[start] == UInt8(ascii: "/") { start += 1 }
                var end = start
                while end < bytes.count && end - start < 12 && isAlphanumeric(bytes[end]) { end += 1 }
                guard end > start, end < bytes.count, [UInt8(ascii: ">"), 0x20, UInt8(ascii: "/"), 0x09, 0x0A].contains(bytes[end]) else { continue }
                let name = String(decoding: bytes[start..<end].map { $0 | (isUpper($0) ? 0x20 : 0) }, as: UTF8.self)
                if htmlElements.contains(name) { return true }
            } else if bytes[index] == UInt8(ascii: "&"), characterReference(in: bytes, at: index) != nil {
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
        for line in Self.lines(of: text) {
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
        for line in Self.lines(of: text) {
            guard let (start, title) = timestampLine(line) else { continue }
            if let last = chapters.last?.start, start <= last { return ([], []) }
            chapters.append(Chapter(start: start, title: title))
            lines.insert(line.trimmingWhitespace())
        }
        return chapters.count >= 2 ? (chapters, lines) : ([], [])
    }

    /// One line's time and title, when the line starts with a time. On bytes: every line of every
    /// item's notes comes through here.
    static func timestampLine(_ line: Substring) -> (Int, String)? {
        let bytes = Array(line.utf8)
        var index = 0
        func skipSpaces() { while index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 } }
        /// The length of a bullet or dash at `at` (`-`, `*`, `|`, `:`, `•`, `–`, `—`, `·`), or 0.
        func dash(at position: Int, separators: Bool) -> Int {
            guard position < bytes.count else { return 0 }
            let byte = bytes[position]
            if byte == UInt8(ascii: "-") || (!separators && byte == UInt8(ascii: "*")) { return 1 }
            if separators && (byte == UInt8(ascii: ":") || byte == UInt8(ascii: "|")) { return 1 }
            if byte == 0xC2, !separators, position + 1 < bytes.count, bytes[position + 1] == 0xB7 { return 2 }
            if byte == 0xE2, position + 2 < bytes.count, bytes[position + 1] == 0x80,
                bytes[position + 2] == 0x93 || bytes[position + 2] == 0x94 || (!separators && bytes[position + 2] == 0xA2)
            {
                return 3
            }
            return 0
        }
        skipSpaces()
        let bullet = dash(at: index, separators: false)
        if bullet > 0 {
            index += bullet
            skipSpaces()
        }
        var closing: UInt8?
        if index < bytes.count && (bytes[index] == UInt8(ascii: "(") || bytes[index] == UInt8(ascii: "[")) {
            closing = bytes[index] == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "]")
            index += 1
        }
        let tokenStart = index
        while index < bytes.count && ((bytes[index] >= 0x30 && bytes[index] <= 0x39) || bytes[index] == UInt8(ascii: ":")) { index += 1 }
        var tokenEnd = index
        // `12:30: Topic`: the colon after the time separates it from the title.
        if tokenEnd > tokenStart && bytes[tokenEnd - 1] == UInt8(ascii: ":") {
            tokenEnd -= 1
            index = tokenEnd
        }
        guard tokenEnd > tokenStart, bytes[tokenStart..<tokenEnd].contains(UInt8(ascii: ":")),
            let seconds = Timestamp.seconds(from: String(decoding: bytes[tokenStart..<tokenEnd], as: UTF8.self))
        else { return nil }
        if let closing {
            guard index < bytes.count, bytes[index] == closing else { return nil }
            index += 1
        }
        // The time must stand alone (`12:30pm` is a clock time in prose).
        guard index == bytes.count || bytes[index] == 0x20 || bytes[index] == 0x09 || dash(at: index, separators: true) > 0 else { return nil }
        skipSpaces()
        let separator = dash(at: index, separators: true)
        if separator > 0 {
            index += separator
            skipSpaces()
        }
        let title = String(decoding: bytes[index...], as: UTF8.self).trimmingWhitespace()
        guard !title.isEmpty else { return nil }
        return (seconds, title)
    }

    /// The lines of a text (`\n`, `\r\n` or `\r`), split on bytes.
    static func lines(of text: String) -> [Substring] {
        var result: [Substring] = []
        var start = text.utf8.startIndex
        var index = start
        let utf8 = text.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A || byte == 0x0D {
                result.append(Substring(utf8[start..<index]))
                var next = utf8.index(after: index)
                if byte == 0x0D, next < utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
                start = next
                index = next
            } else {
                index = utf8.index(after: index)
            }
        }
        result.append(Substring(utf8[start..<utf8.endIndex]))
        return result
    }

    private static let paragraphElements: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "pre", "table", "section", "article", "header", "footer",
        "hr", "figure", "dl",
    ]
    private static let lineElements: Set<String> = ["li", "tr", "dt", "dd", "figcaption"]

    /// `&amp;`, `&#233;`, `&#x1F600;` and the named references show notes use, at `index` (the `&`):
    /// the decoded bytes and the reference's length.
    private static func characterReference(in bytes: [UInt8], at index: Int) -> ([UInt8], Int)? {
        let limit = min(bytes.count, index + 12)
        guard let semicolon = bytes[(index + 1)..<max(index + 1, limit)].firstIndex(of: UInt8(ascii: ";")) else { return nil }
        let name = String(decoding: bytes[(index + 1)..<semicolon], as: UTF8.self)
        let length = semicolon + 1 - index
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
            return (Array(String(Character(scalar)).utf8), length)
        }
        guard let decoded = namedReferences[name] else { return nil }
        return (Array(decoded.utf8), length)
    }

    private static let namedReferences: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "hellip": "…", "mdash": "—", "ndash": "–",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "copy": "©", "reg": "®", "trade": "™", "bull": "•", "middot": "·",
        "eacute": "é", "egrave": "è", "aacute": "á", "agrave": "à", "uuml": "ü", "ouml": "ö", "auml": "ä", "szlig": "ß", "ccedil": "ç",
        "ntilde": "ñ", "laquo": "«", "raquo": "»", "euro": "€", "pound": "£", "deg": "°", "times": "×", "rarr": "→", "larr": "←",
    ]
}
