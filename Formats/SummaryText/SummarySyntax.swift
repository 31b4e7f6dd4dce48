import QuireCore

/// The inline syntax both forms share: chapter markers, quotes with their times, entity items.
/// Every scanner here is a single forward pass, so reading stays linear in the input.
enum SummarySyntax {
    /// `## [01:36]` with what follows it.
    struct ChapterMarker {
        /// From `#` to just past `]`.
        var range: Range<String.Index>
        var timestamp: Substring
        /// `nil` when the timestamp is malformed (`[99:99]`, `[1:2:3:4]`).
        var seconds: Int?
    }

    /// A marker starting exactly at `index`.
    static func chapterMarker(at index: String.Index, in text: Substring) -> ChapterMarker? {
        let utf8 = text.utf8
        guard utf8[index...].starts(with: "## [".utf8) else { return nil }
        let open = utf8.index(index, offsetBy: 4)
        var cursor = open
        var length = 0
        while cursor < utf8.endIndex, length <= 16 {
            let byte = utf8[cursor]
            if byte == UInt8(ascii: "]") {
                guard length > 0 else { return nil }
                let timestamp = text[open..<cursor]
                return ChapterMarker(
                    range: index..<utf8.index(after: cursor), timestamp: timestamp, seconds: Timestamp.seconds(from: timestamp))
            }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ":") else { return nil }
            cursor = utf8.index(after: cursor)
            length += 1
        }
        return nil
    }

    /// Every marker in a page-form line: at its start or after white space.
    static func chapterMarkers(in line: Substring) -> [ChapterMarker] {
        chapterMarkers(in: line, stopAtRunIn: false)
    }

    /// Whether the line holds any chapter marker, found with a byte search.
    static func hasChapterMarker(_ line: Substring) -> Bool {
        var rest = line
        while let found = rest.firstRange(ofASCII: "## [") {
            let atBoundary = found.lowerBound == line.startIndex || isSpace(line.utf8[line.utf8.index(before: found.lowerBound)])
            if atBoundary, chapterMarker(at: found.lowerBound, in: line) != nil { return true }
            rest = line[found.upperBound...]
        }
        return false
    }

    /// Whether the line holds a marker after its start: the page form's run-in chapters.
    static func hasRunInMarker(_ line: Substring) -> Bool {
        chapterMarkers(in: line, stopAtRunIn: true).contains { $0.range.lowerBound != line.startIndex }
    }

    private static func chapterMarkers(in line: Substring, stopAtRunIn: Bool) -> [ChapterMarker] {
        var markers: [ChapterMarker] = []
        let utf8 = line.utf8
        var index = utf8.startIndex
        var previous: UInt8 = 0x20
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "#"), previous == 0x20 || previous == 0x09, let marker = chapterMarker(at: index, in: line) {
                markers.append(marker)
                if stopAtRunIn && marker.range.lowerBound != line.startIndex { return markers }
                index = marker.range.upperBound
                previous = 0
                continue
            }
            previous = byte
            index = utf8.index(after: index)
        }
        return markers
    }

    /// The start of an entities section in a page-form run: `## Header - **`, a heading without a
    /// timestamp that opens a list of bold names. Recognized by shape, so any language's header works.
    static func entitiesHeader(in text: Substring) -> (header: Substring, range: Range<String.Index>)? {
        var searchStart = text.startIndex
        while let hashes = text[searchStart...].firstRange(ofASCII: "## ") {
            defer { searchStart = hashes.upperBound }
            let atBoundary = hashes.lowerBound == text.startIndex || text[text.index(before: hashes.lowerBound)].isWhitespace
            guard atBoundary, hashes.upperBound < text.endIndex, text[hashes.upperBound] != "[" else { continue }
            guard let list = text[hashes.upperBound...].firstRange(ofASCII: " - **") else { return nil }
            let header = text[hashes.upperBound..<list.lowerBound]
            if header.count <= 40, !header.contains("##"), !header.isEmpty {
                return (header, hashes.lowerBound..<text.index(after: list.lowerBound))
            }
        }
        return nil
    }

    /// A heading of the episode form that opens the entities list (`## Entities`, `## 등장인물`):
    /// an untimed `##` heading whose next non-blank line is a bold-name item.
    static func isEntityItemStart(_ line: Substring) -> Bool {
        line.trimmingLeadingWhitespace().hasPrefix("- **")
    }

    // MARK: Chapter text

    /// A piece of chapter text: prose, or a quote with its time.
    enum Piece {
        case prose(Substring)
        case quote(Quote, at: String.Index, unterminated: Bool)
        /// A `> *[M, S]*` time block with no quote before it in this text (the episode form puts
        /// it on the line after its quote).
        case time(Int, text: Substring, at: String.Index)
    }

    /// Splits chapter text into prose and quotes. A quote is `> *…*`; a following `> *[M, S]*` or a
    /// trailing `[MM:SS]` inside it gives its time.
    static func pieces(of text: Substring) -> [Piece] {
        var pieces: [Piece] = []
        var proseStart = text.startIndex
        var index = text.startIndex
        let utf8 = text.utf8
        while index < utf8.endIndex {
            let atBoundary = index == text.startIndex || isSpace(utf8[utf8.index(before: index)])
            guard atBoundary, utf8[index...].starts(with: "> *".utf8) else {
                index = utf8.index(after: index)
                continue
            }
            let contentStart = utf8.index(index, offsetBy: 3)
            let (contentEnd, next, terminated) = quoteEnd(in: text, from: contentStart)
            let prose = text[proseStart..<index]
            if !prose.allSatisfy(\.isWhitespace) { pieces.append(.prose(prose)) }
            let content = text[contentStart..<contentEnd]
            if let time = quoteTimeBlock(content) {
                if case .quote(var quote, let at, let unterminated) = pieces.last, quote.time == nil {
                    quote.time = time
                    pieces[pieces.count - 1] = .quote(quote, at: at, unterminated: unterminated)
                } else {
                    pieces.append(.time(time, text: text[index..<next], at: index))
                }
            } else {
                pieces.append(.quote(quote(from: content), at: index, unterminated: !terminated))
            }
            index = next
            proseStart = next
        }
        let rest = text[proseStart...]
        if !rest.allSatisfy(\.isWhitespace) { pieces.append(.prose(rest)) }
        return pieces
    }

    /// The closing `*` of a quote: a single star (not part of `**`) followed by the end, white space or
    /// punctuation. Returns where the content ends, where scanning resumes, and whether it was closed.
    private static func quoteEnd(in text: Substring, from start: String.Index) -> (String.Index, String.Index, Bool) {
        // A quote never holds the next quote's opening, which bounds both searches and keeps the
        // scan linear however many quotes are left unclosed.
        let regionEnd = text[start...].firstRange(ofASCII: " > *")?.lowerBound ?? text.endIndex
        let text = text[..<regionEnd]
        // A quote opened with a quote mark closes at a star right after the closing mark (or after a
        // time that follows it), so stars inside the quote (`*slow*`) do not end it early.
        if let first = text[start...].first, first == "\"" || first == "“" {
            var index = text.index(after: start)
            while index < text.endIndex {
                if text[index] == "*", "\"”]".contains(text[text.index(before: index)]) {
                    let after = text.index(after: index)
                    if after == text.endIndex || text[after] != "*" && !text[after].isLetter && !text[after].isNumber {
                        return (index, after, true)
                    }
                }
                index = text.index(after: index)
            }
        }
        let utf8 = text.utf8
        var index = start
        while index < utf8.endIndex {
            if utf8[index] == UInt8(ascii: "*") {
                let after = utf8.index(after: index)
                if after < utf8.endIndex && utf8[after] == UInt8(ascii: "*") {
                    index = utf8.index(after: after)
                    continue
                }
                if after == utf8.endIndex || !text[after].isLetter && !text[after].isNumber {
                    return (index, after, true)
                }
            }
            index = utf8.index(after: index)
        }
        return (regionEnd, regionEnd, false)
    }

    /// `[2, 43]` → 163.
    static func quoteTimeBlock(_ content: Substring) -> Int? {
        let trimmed = content.trimmingWhitespace()
        guard trimmed.hasPrefix("["), trimmed.hasSuffix("]") else { return nil }
        let parts = trimmed.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingWhitespace() }
        // Minutes are bounded (a thousand hours) so the seconds cannot overflow.
        guard parts.count == 2, let minutes = Int(parts[0]), let seconds = Int(parts[1]),
            (0...60_000).contains(minutes), (0...59).contains(seconds), parts.allSatisfy({ $0.allSatisfy(\.isASCII) })
        else { return nil }
        return minutes * 60 + seconds
    }

    /// The quote's text without wrapping double quotes and a trailing `[MM:SS]`, which becomes its time.
    /// A time closes the quote text (`… [01:39]`), after the quote marks when there are any
    /// (`"…" [01:39]`); inside quote marks, `[01:39]` is part of what was said.
    static func quote(from content: Substring) -> Quote {
        var text = Substring(content.trimmingWhitespace())
        let time = trailingTime(&text)
        if text.count >= 2, let first = text.first, let last = text.last,
            (first == "\"" && last == "\"") || (first == "“" && last == "”")
        {
            text = text.dropFirst().dropLast()
        }
        return Quote(text: String(text), time: time)
    }

    /// Removes a `[MM:SS]` that ends `text` after white space, returning its seconds.
    private static func trailingTime(_ text: inout Substring) -> Int? {
        guard text.hasSuffix("]"), let open = text.lastIndex(of: "["), open > text.startIndex,
            text[text.index(before: open)].isWhitespace || "\"”".contains(text[text.index(before: open)]),
            let seconds = Timestamp.seconds(from: text[text.index(after: open)..<text.index(before: text.endIndex)])
        else { return nil }
        text = Substring(text[..<open].trimmingWhitespace())
        return seconds
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// Drops an en dash, em dash or hyphen that separates a timestamp from its heading (`[01:36] – Why`).
    static func droppingHeadingDash(_ text: Substring) -> Substring {
        let trimmed = text.drop(while: \.isWhitespace)
        for dash in ["–", "—", "-"] where trimmed.hasPrefix(dash + " ") {
            return trimmed.dropFirst(2).drop(while: \.isWhitespace)
        }
        return trimmed
    }

    // MARK: Entities

    /// `- **Name** (Type): description`, also tight (`**Name**(Type):description`) and with
    /// full-width parentheses or colon. Returns `nil` when the item has no bold name.
    static func entity(fromItem item: Substring) -> Entity? {
        var rest = item.trimmingLeadingWhitespace()
        guard rest.hasPrefix("- ") || rest.hasPrefix("* ") else { return nil }
        rest = rest.dropFirst(2).trimmingLeadingWhitespace()
        guard rest.hasPrefix("**"), let close = closingBold(in: rest.dropFirst(2)) else { return nil }
        let name = unescapeName(rest[rest.index(rest.startIndex, offsetBy: 2)..<close.lowerBound])
        rest = rest[close.upperBound...].trimmingLeadingWhitespace()
        var type: Substring = ""
        if let open = rest.first, open == "(" || open == "（",
            let closing = rest.firstIndex(where: { $0 == ")" || $0 == "）" })
        {
            type = rest[rest.index(after: rest.startIndex)..<closing]
            rest = rest[rest.index(after: closing)...].trimmingLeadingWhitespace()
        }
        if let colon = rest.first, colon == ":" || colon == "：" { rest = rest.dropFirst() }
        return Entity(name: name.trimmingWhitespace(), type: type.trimmingWhitespace(), description: rest.trimmingWhitespace())
    }

    /// The first `**` not preceded by a backslash escape.
    private static func closingBold(in text: Substring) -> Range<String.Index>? {
        text.firstUnescapedRange(of: "**")
    }

    /// An entity name is written between `**` with `\` and `*` escaped, so any name survives.
    static func escapeName(_ name: String) -> String {
        guard name.contains(where: { $0 == "*" || $0 == "\\" }) else { return name }
        var escaped = ""
        for character in name {
            if character == "*" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    private static func unescapeName(_ name: Substring) -> String {
        guard name.contains("\\") else { return String(name) }
        var result = ""
        var escaped = false
        for character in name {
            if !escaped && character == "\\" {
                escaped = true
                continue
            }
            if escaped && character != "*" && character != "\\" { result.append("\\") }
            result.append(character)
            escaped = false
        }
        if escaped { result.append("\\") }
        return result
    }
}

extension Substring {
    func trimmingLeadingWhitespace() -> Substring { drop(while: \.isWhitespace) }
}
