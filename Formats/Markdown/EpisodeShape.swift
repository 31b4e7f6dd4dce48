import QuireCommonMark

/// Whether a Markdown document is one Quire writes: an episode file, or a notes file to read loosely.
///
/// Episode-shaped: the first block (after any front matter) is a level-1 heading, every heading is of
/// level 1 or 2, and the document says it is an episode file: it has front matter, a `## [MM:SS]`
/// chapter heading, a `## Transcript` or a `## Entities` section. Everything else is a notes file (a README, notes).
struct EpisodeShape {
    struct Heading {
        var level: Int
        /// The heading's text as written, markers and closing sequence removed.
        var rawText: Substring
    }

    var hasFrontMatter: Bool
    var firstBlockIsTitle: Bool
    var headings: [Heading]
    var isEmpty: Bool

    var isEpisodeShaped: Bool {
        if isEmpty { return true }
        guard firstBlockIsTitle, headings.allSatisfy({ $0.level <= 2 }) else { return false }
        return hasFrontMatter
            || headings.contains { heading in
                heading.level == 2
                    && (BlockEscaping.startsWithTimestamp(heading.rawText) || heading.rawText == EntitySyntax.heading
                        || heading.rawText == TranscriptSyntax.heading)
            }
    }

    /// The raw text of an ATX heading line (`## [01:36] Title ##` → `[01:36] Title`).
    static func atxText(_ line: Substring) -> (level: Int, text: Substring)? {
        let indent = line.prefix { $0 == " " }
        guard indent.count <= 3 else { return nil }
        let afterIndent = line[indent.endIndex...]
        let marks = afterIndent.prefix { $0 == "#" }
        guard (1...6).contains(marks.count) else { return nil }
        var text = afterIndent[marks.endIndex...]
        guard text.isEmpty || text.first == " " || text.first == "\t" else { return nil }
        text = text.trimmingLeadingBlanks.trimmingTrailingBlanks
        // An optional closing sequence: `#`s after a space, or the whole content.
        let closing = text.reversed().prefix { $0 == "#" }
        if text.allSatisfy({ $0 == "#" }) {
            text = text[text.endIndex...]
        } else if !closing.isEmpty {
            let beforeClosing = text.dropLast(closing.count)
            if let last = beforeClosing.last, last == " " || last == "\t" { text = beforeClosing.trimmingTrailingBlanks }
        }
        return (marks.count, text)
    }
}

/// A cheap look at a document's headings without parsing it, for deciding a route (a direct converter's
/// `accepts`): ATX headings outside fenced code blocks, front matter, and whether the first block is a
/// level-1 heading. It sees what the reader's parse sees for the documents Quire writes and for usual
/// notes; exotic layouts (setext headings, headings inside HTML blocks) may be judged differently, and
/// then only the route differs: both routes read the whole text.
enum HeadingScan {
    static func shape(of input: [UInt8]) -> EpisodeShape {
        var shape = EpisodeShape(hasFrontMatter: false, firstBlockIsTitle: false, headings: [], isEmpty: true)
        input.withUnsafeBufferPointer { buffer in
            var bytes = buffer[...]
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            var fence: (mark: UInt8, count: Int)?
            var inFrontMatter = false
            var isFirstLine = true
            var start = bytes.startIndex
            // Works on bytes: only lines that start like a heading, fence or front matter fence are decoded.
            while start < bytes.endIndex {
                var end = start
                while end < bytes.endIndex, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
                let line = bytes[start..<end]
                start = end < bytes.endIndex && bytes[end] == 0x0D && end + 1 < bytes.endIndex && bytes[end + 1] == 0x0A ? end + 2 : end + 1
                defer { isFirstLine = false }
                let isRule = { (line: Slice<UnsafeBufferPointer<UInt8>>, mark: UInt8) -> Bool in
                    let marks = line.prefix { $0 == mark }
                    return marks.count == 3 && line[marks.endIndex...].allSatisfy { $0 == 0x20 || $0 == 0x09 }
                }
                if isFirstLine && isRule(line, UInt8(ascii: "-")) {
                    inFrontMatter = true
                    continue
                }
                if inFrontMatter {
                    if isRule(line, UInt8(ascii: "-")) || isRule(line, UInt8(ascii: ".")) {
                        inFrontMatter = false
                        shape.hasFrontMatter = true
                    }
                    continue
                }
                let content = line.drop { $0 == 0x20 || $0 == 0x09 }
                if let open = fence {
                    let marks = content.prefix { $0 == open.mark }
                    if marks.count >= open.count && content[marks.endIndex...].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { fence = nil }
                    continue
                }
                guard let first = content.first else { continue }
                let isFirstBlock = shape.isEmpty
                shape.isEmpty = false
                let indent = line.count - content.count
                guard indent <= 3 else { continue }
                if first == UInt8(ascii: "`") || first == UInt8(ascii: "~") {
                    let marks = content.prefix { $0 == first }
                    if marks.count >= 3 && !(first == UInt8(ascii: "`") && content[marks.endIndex...].contains(first)) { fence = (first, marks.count) }
                    continue
                }
                guard first == UInt8(ascii: "#"), let text = String(validating: line, as: UTF8.self),
                    let (level, heading) = EpisodeShape.atxText(Substring(text))
                else { continue }
                if isFirstBlock { shape.firstBlockIsTitle = level == 1 }
                shape.headings.append(EpisodeShape.Heading(level: level, rawText: heading))
            }
            // An unclosed front matter is a thematic break and text, as cmark reads it.
            if inFrontMatter { shape.isEmpty = false }
        }
        return shape
    }
}
