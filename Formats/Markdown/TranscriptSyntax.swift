import QuireCore

/// The transcript section: `## Transcript`, then one paragraph per segment,
/// `[00:00:04.500 --> 00:00:09.250] **Speaker:** text`. The end time and the speaker are left out when
/// the segment has none. The text is plain (it holds no markup), so it is escaped as titles are
/// (`PlainTextEscaping`), and its further lines follow on the lines below, escaped as block text.
enum TranscriptSyntax {
    static let heading = "Transcript"

    // MARK: Writing

    static func paragraphs(_ transcript: Transcript) -> [String] {
        transcript.segments.map(paragraph)
    }

    static func paragraph(_ segment: TranscriptSegment) -> String {
        var line = "[" + time(segment.start) + (segment.end.map { " --> " + time($0) } ?? "") + "]"
        if let speaker = segment.speaker { line += " **" + PlainTextEscaping.escape(speaker) + ":**" }
        guard !segment.text.isEmpty else { return line }
        let plain = segment.text.split(separator: "\n", omittingEmptySubsequences: false).map { PlainTextEscaping.escape(String($0)) }
        // The first line sits after the time, where nothing starts a block; escaping it too keeps one rule for reading.
        let lines = BlockEscaping.escapeLines(plain.joined(separator: "\n"))
        return ([line + " " + lines[0]] + lines.dropFirst()).joined(separator: "\n")
    }

    /// `HH:MM:SS.mmm`, hours as many digits as they need beyond two.
    static func time(_ milliseconds: Int) -> String {
        let hours = milliseconds / 3_600_000, minutes = milliseconds / 60_000 % 60, seconds = milliseconds / 1000 % 60, millis = milliseconds % 1000
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(hours, 2) + ":" + padded(minutes, 2) + ":" + padded(seconds, 2) + "." + padded(millis, 3)
    }

    // MARK: Reading

    /// The segments of a section's lines, or `nil` when the section is not of this shape (some text
    /// before the first segment, a time that does not parse, a speaker not closed by `:**`).
    static func transcript(fromLines lines: [Substring]) -> Transcript? {
        var segments: [TranscriptSegment] = []
        var chunk: [Substring] = []
        func close() -> Bool {
            guard let first = chunk.first else { return true }
            while chunk.count > 1, chunk.last!.isBlankLine { chunk.removeLast() }
            guard let segment = segment(first: first, rest: Array(chunk.dropFirst())) else { return false }
            segments.append(segment)
            return true
        }
        for line in lines {
            if startsSegment(line) {
                guard close() else { return nil }
                chunk = [line]
            } else if chunk.isEmpty {
                guard line.isBlankLine else { return nil }
            } else {
                chunk.append(line)
            }
        }
        guard close() else { return nil }
        return Transcript(segments: segments)
    }

    private static func startsSegment(_ line: Substring) -> Bool {
        guard line.hasPrefix("["), let close = line.firstIndex(of: "]") else { return false }
        return times(line[line.index(after: line.startIndex)..<close]) != nil
    }

    private static func segment(first: Substring, rest: [Substring]) -> TranscriptSegment? {
        guard let close = first.firstIndex(of: "]"), let (start, end) = times(first[first.index(after: first.startIndex)..<close]) else {
            return nil
        }
        var text = first[first.index(after: close)...]
        guard text.isEmpty || text.first == " " else { return nil }
        text = text.dropFirst()
        var speaker: String?
        if text.hasPrefix("**") {
            guard let colon = text.dropFirst(2).firstUnescapedRange(of: ":**") else { return nil }
            speaker = PlainTextEscaping.unescape(text[text.index(text.startIndex, offsetBy: 2)..<colon.lowerBound])
            text = text[colon.upperBound...]
            guard text.isEmpty || text.first == " " else { return nil }
            text = text.dropFirst()
        }
        var segment = TranscriptSegment(start: start, end: end, speaker: speaker, text: "")
        if !text.isEmpty || !rest.isEmpty {
            let joined = BlockEscaping.unescapeLines([text] + rest)
            segment.text = joined.split(separator: "\n", omittingEmptySubsequences: false).map { PlainTextEscaping.unescape($0) }.joined(separator: "\n")
        }
        return segment
    }

    /// `start` or `start --> end`; `nil` unless each is `H:MM:SS.mmm`.
    private static func times(_ text: Substring) -> (Int, Int?)? {
        if let arrow = text.firstRange(of: " --> ") {
            guard let start = milliseconds(text[..<arrow.lowerBound]), let end = milliseconds(text[arrow.upperBound...]) else { return nil }
            return (start, end)
        }
        return milliseconds(text).map { ($0, nil) }
    }

    /// `H:MM:SS.mmm` (hours of one to six digits) in milliseconds.
    static func milliseconds(_ text: Substring) -> Int? {
        guard let dot = text.firstIndex(of: "."), let seconds = Timestamp.seconds(from: text[..<dot]),
            text[..<dot].split(separator: ":", omittingEmptySubsequences: false).count == 3
        else { return nil }
        let fraction = text[text.index(after: dot)...]
        guard fraction.utf8.count == 3, fraction.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let millis = Int(fraction) else { return nil }
        return seconds * 1000 + millis
    }
}
