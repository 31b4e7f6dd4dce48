import QuireCore

/// Reads SubRip (`.srt`) as a transcript.
///
/// A cue is an index line (optional here), a timing line `hh:mm:ss,mmm --> hh:mm:ss,mmm` and text up to
/// a blank line; a cue that runs into the next one without a blank line is split where the next index and
/// timing lines start. Formatting tags (`<b>`, `<i>`, `<u>`, `<s>`, `<font …>`) and `{\an8}`-style
/// overrides are removed; any other `<…>` is text. A speaker is taken from the start of the first line
/// only in the two forms caption tools use for speakers and nothing else: `>> Name: text` (the
/// speaker-change mark; any name) and `NAME: text` in capitals. `Note: …` and `[laughter]` stay text.
enum SRTParser {
    static func parse(_ bytes: [UInt8], reporter: inout Reporter) throws(ConversionFailure) -> TimedText.Document {
        let lines = TextLines(bytes, reporter: &reporter, fallback: .windows1252).lines
        var transcript = Transcript()
        var index = 0
        var sawText = false
        func isBlank(_ line: Substring) -> Bool { line.allSatisfy(\.isWhitespace) }
        func isIndex(_ line: Substring) -> Bool {
            let trimmed = TextLines.trimmedSlice(line)
            return !trimmed.isEmpty && trimmed.count <= 9 && trimmed.allSatisfy { $0.asciiDigit != nil }
        }
        func timing(at position: Int) -> CueTime.Timing? {
            position < lines.count && TextLines.hasArrow(lines[position]) ? CueTime.parseTimingLine(lines[position], kind: .srt) : nil
        }
        while index < lines.count {
            if isBlank(lines[index]) {
                index += 1
                continue
            }
            sawText = true
            if isIndex(lines[index]) && index + 1 < lines.count && TextLines.hasArrow(lines[index + 1]) { index += 1 }
            guard TextLines.hasArrow(lines[index]) else {
                reporter.warning(
                    "block.invalid",
                    "skipped text that is not a cue: expected an index and a timing line ('00:00:01,000 --> 00:00:04,000'), found '\(WebVTTParser.excerpt(lines[index]))'",
                    line: index + 1, column: 1)
                while index < lines.count, !isBlank(lines[index]) { index += 1 }
                continue
            }
            let timingIndex = index
            let parsed = timing(at: index)
            index += 1
            let textStart = index
            while index < lines.count, !isBlank(lines[index]) {
                // The next cue, written without the blank line before it.
                if timing(at: index) != nil || (isIndex(lines[index]) && timing(at: index + 1) != nil) { break }
                index += 1
            }
            guard let parsed else {
                reporter.warning(
                    "timing.invalid", "skipped a cue whose timing line is not 'hh:mm:ss,mmm --> hh:mm:ss,mmm': '\(WebVTTParser.excerpt(lines[timingIndex]))'",
                    line: timingIndex + 1, column: 1)
                continue
            }
            var end: Int? = parsed.end
            if parsed.end < parsed.start {
                reporter.warning(
                    "timing.order", "the cue ends (\(CueTime.srt(parsed.end))) before it starts (\(CueTime.srt(parsed.start))); kept it without an end",
                    line: timingIndex + 1, column: parsed.endColumn)
                end = nil
            }
            let text = lines[textStart..<index].map { TextLines.trimmed(removeFormatting($0)) }.filter { !$0.isEmpty }
            let (speaker, body) = speakerPrefix(text)
            transcript.segments.append(TranscriptSegment(start: parsed.start, end: end, speaker: speaker, text: body.joined(separator: "\n")))
        }
        if transcript.segments.isEmpty && sawText {
            throw reporter.failure(
                "no-cues", "not an SRT file: no cue ('1', then '00:00:01,000 --> 00:00:04,000', then its text)", line: 1, column: 1)
        }
        if transcript.segments.isEmpty {
            reporter.warning("empty", "the file holds no cues", line: 1)
        }
        return TimedText.Document(transcript: transcript)
    }

    /// The formatting tags SRT players honour, and `{\…}` overrides; other text is left alone.
    static func removeFormatting(_ line: Substring) -> String {
        guard line.utf8.contains(UInt8(ascii: "<")) || line.utf8.contains(UInt8(ascii: "{")) else { return String(line) }
        var result = ""
        var index = line.startIndex
        while index < line.endIndex {
            let rest = line[index...]
            if rest.first == "<", let close = rest.firstIndex(of: ">") {
                let tag = rest[rest.index(after: rest.startIndex)..<close].lowercased()
                let name = tag.drop { $0 == "/" }.prefix { $0.isLetter }
                if ["b", "i", "u", "s", "font"].contains(String(name)) {
                    index = line.index(after: close)
                    continue
                }
            }
            if rest.hasPrefix("{\\"), let close = rest.firstIndex(of: "}") {
                index = line.index(after: close)
                continue
            }
            result.append(line[index])
            index = line.index(after: index)
        }
        return result
    }

    /// `>> Name: text` or `NAME: text` at the start of the first line: the speaker and the text without it.
    static func speakerPrefix(_ lines: [String]) -> (String?, [String]) {
        guard let first = lines.first, let colon = first.firstIndex(of: ":") else { return (nil, lines) }
        var name = Substring(first[..<colon])
        let marked = name.hasPrefix(">>")
        if marked { name = name.dropFirst(2) }
        let trimmedName = TextLines.trimmed(name)
        let after = first[first.index(after: colon)...]
        // `NAME:` must be followed by a space or end the line (so `12:30` or `http://` is no speaker).
        guard after.isEmpty || after.first == " " || after.first == "\t", !trimmedName.isEmpty, trimmedName.count <= 60 else { return (nil, lines) }
        if !marked {
            let words = trimmedName.split(separator: " ")
            let letters = trimmedName.filter(\.isLetter)
            let namelike = trimmedName.allSatisfy { $0.isLetter || $0.isNumber || " .'’-".contains($0) }
            guard namelike, words.count <= 4, !letters.isEmpty, letters.allSatisfy({ $0.isUppercase }) else { return (nil, lines) }
        }
        let text = TextLines.trimmed(after)
        var rest = Array(lines.dropFirst())
        if !text.isEmpty { rest.insert(text, at: 0) }
        return (trimmedName, rest)
    }
}
