import QuireCore

/// A Markdown input ready for reading: UTF-8 checked, byte order mark dropped, split into lines the way
/// CommonMark splits them (LF, CRLF or a lone CR), its YAML front matter set apart, and the bytes cmark
/// parses, with the front matter blanked out so that cmark's line numbers are the file's line numbers.
struct MarkdownSource {
    let input: InputFile
    /// Line `n` of the file is `lines[n - 1]`, without its line ending.
    let lines: [Substring]
    /// The front matter's lines between its fences, with their numbers; `nil` when there is none.
    let frontMatter: [(number: Int, text: Substring)]?
    /// The last line of the front matter's closing fence (0 without front matter).
    let frontMatterEndLine: Int
    /// What cmark parses: the text with the front matter lines emptied.
    let markdownBytes: [UInt8]

    /// Fails with `markdown.encoding` naming the line and column of the first byte that is not UTF-8.
    init(_ input: InputFile) throws {
        self.input = input
        var bytes = input.bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = UTF8Position.firstInvalidByte(in: bytes)
            throw ConversionFailure(
                .error("markdown.encoding", "the input is not UTF-8 text (first invalid byte here)", at: input.location(line: line, column: column)))
        }
        let lines = Self.splitLines(text)
        self.lines = lines
        var frontMatter: [(number: Int, text: Substring)]?
        var endLine = 0
        if let first = lines.first, first.trimmingTrailingBlanks == "---" {
            for index in lines.indices.dropFirst() {
                let line = lines[index].trimmingTrailingBlanks
                if line == "---" || line == "..." {
                    frontMatter = (1..<index).map { (number: $0 + 1, text: lines[$0]) }
                    endLine = index + 1
                    break
                }
            }
        }
        self.frontMatter = frontMatter
        frontMatterEndLine = endLine
        if endLine > 0 {
            // Keep every line (so numbers match) but none of the front matter's text.
            var blanked = [UInt8](repeating: 0x0A, count: endLine)
            if endLine < lines.count {
                let restStart = lines[endLine].utf8.startIndex
                blanked += text.utf8[restStart...]
            }
            markdownBytes = blanked
        } else {
            // Without a byte order mark the input's own array is shared, not copied.
            markdownBytes = bytes.startIndex == input.bytes.startIndex ? input.bytes : Array(bytes)
        }
    }

    /// Line `number` (1-based), or an empty line past the end.
    func line(_ number: Int) -> Substring {
        number >= 1 && number <= lines.count ? lines[number - 1] : ""
    }

    func location(line: Int, column: Int = 1) -> SourceLocation {
        input.location(line: line, column: column)
    }

    /// A file's name without folder and extension, for a title when the text has none: `notes/Meeting.md` → `Meeting`.
    static func fileStem(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot > name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// Lines `range`, blank lines at both ends left out; empty when every line is blank.
    func trimmedLines(_ range: ClosedRange<Int>) -> [(number: Int, text: Substring)] {
        let numbers = range.clamped(to: 1...max(lines.count, 1))
        guard let first = numbers.first(where: { !line($0).isBlankLine }), let last = numbers.reversed().first(where: { !line($0).isBlankLine })
        else { return [] }
        return (first...last).map { ($0, line($0)) }
    }

    private static func splitLines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(text[start..<index])
                var next = utf8.index(after: index)
                if byte == 0x0D, next < utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
                start = next
                index = next
            } else {
                index = utf8.index(after: index)
            }
        }
        // A final line ending does not start another line.
        if start < utf8.endIndex || lines.isEmpty { lines.append(text[start...]) }
        return lines
    }
}

extension StringProtocol {
    /// Empty, or only spaces and tabs: a blank line in CommonMark.
    var isBlankLine: Bool { utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }

    var trimmingTrailingBlanks: SubSequence {
        var end = endIndex
        while end > startIndex {
            let before = index(before: end)
            guard self[before] == " " || self[before] == "\t" else { break }
            end = before
        }
        return self[startIndex..<end]
    }

    var trimmingLeadingBlanks: SubSequence {
        self[(firstIndex { $0 != " " && $0 != "\t" } ?? endIndex)...]
    }
}
