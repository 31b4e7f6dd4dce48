import QuireCore

/// Reads WebVTT (https://www.w3.org/TR/webvtt1/) as a transcript.
///
/// Kept: cue times, the text with tags removed and character references decoded, speakers from voice
/// spans (`<v Maya>`), the header's title and `Language:` line. Not kept (a note says how many): cue
/// identifiers, cue settings, NOTE, STYLE and REGION blocks.
enum WebVTTParser {
    static func parse(_ bytes: [UInt8], reporter: inout Reporter) throws(ConversionFailure) -> TimedText.Document {
        let lines = TextLines(bytes, reporter: &reporter, fallback: .replacement).lines
        guard let first = lines.first, let headerText = headerText(first) else {
            var notes: [Diagnostic.Note] = []
            if lines.prefix(3).contains(where: { CueTime.parseTimingLine($0, kind: .srt) != nil }) {
                notes.append(Diagnostic.Note("the timing lines look like SRT; read it as srt (--from srt)"))
            }
            throw reporter.failure(
                "header.missing", "not a WebVTT file: the first line must be 'WEBVTT'", line: 1, column: 1, notes: notes)
        }
        var document = TimedText.Document(transcript: Transcript())
        let title = TextLines.trimmed(headerText)
        // `WEBVTT - Title` is how most tools name a file; Quire writes it so too.
        let untitled = title.hasPrefix("- ") ? TextLines.trimmed(title.dropFirst(2)) : title
        if !untitled.isEmpty { document.title = untitled }

        var dropped = Dropped()
        var index = 1
        // The header runs to the first blank line; YouTube keeps `Kind:` and `Language:` there.
        while index < lines.count, !lines[index].isEmpty, !TextLines.hasArrow(lines[index]) {
            let line = lines[index]
            if let colon = line.firstIndex(of: ":"), TextLines.trimmed(line[..<colon]).lowercased() == "language" {
                let language = TextLines.trimmed(line[line.index(after: colon)...])
                if !language.isEmpty { document.language = language }
            }
            index += 1
        }

        var seenCue = false
        var cues: [RollUp.Cue] = []
        var firstTimestampedLine: Int?
        while index < lines.count {
            // Blank lines between blocks.
            if lines[index].isEmpty {
                index += 1
                continue
            }
            let blockStart = index
            let line = lines[index]
            if !TextLines.hasArrow(line) {
                let keyword = line.prefix { $0 != " " && $0 != "\t" }
                if keyword == "NOTE" || (!seenCue && (keyword == "STYLE" || keyword == "REGION")) {
                    dropped.add(String(keyword), line: blockStart)
                    index = endOfBlock(lines, from: index)
                    continue
                }
                // A cue identifier, then the timing line.
                guard index + 1 < lines.count, TextLines.hasArrow(lines[index + 1]) else {
                    reporter.warning(
                        "block.invalid",
                        "skipped a block that is neither a cue nor a NOTE: no timing line ('00:00:01.000 --> 00:00:04.000') after '\(excerpt(line))'",
                        line: blockStart + 1, column: 1)
                    index = endOfBlock(lines, from: index)
                    continue
                }
                dropped.add("identifier", line: blockStart)
                index += 1
            }
            seenCue = true
            let timingLine = lines[index]
            let timingIndex = index
            index += 1
            // Cue text runs to a blank line, or to a line holding `-->` (the spec's parser starts a new cue there).
            let textStart = index
            while index < lines.count, !lines[index].isEmpty, !TextLines.hasArrow(lines[index]) { index += 1 }
            guard let timing = CueTime.parseTimingLine(timingLine, kind: .webVTT) else {
                reporter.warning(
                    "timing.invalid", "skipped a cue whose timing line is not 'hh:mm:ss.ttt --> hh:mm:ss.ttt' (or 'mm:ss.ttt'): '\(excerpt(timingLine))'",
                    line: timingIndex + 1, column: 1)
                continue
            }
            if !timing.rest.isEmpty { dropped.add("settings", line: timingIndex) }
            var end: Int? = timing.end
            if timing.end < timing.start {
                reporter.warning(
                    "timing.order", "the cue ends (\(CueTime.webVTT(timing.end))) before it starts (\(CueTime.webVTT(timing.start))); kept it without an end",
                    line: timingIndex + 1, column: timing.endColumn)
                end = nil
            }
            let text = lines[textStart..<index].joined(separator: "\n")
            var timestamped = false
            cues.append((timing.start, end, CueText.runs(Substring(text), timestamped: &timestamped)))
            if timestamped && firstTimestampedLine == nil { firstTimestampedLine = textStart + 1 }
        }
        if let note = dropped.message {
            reporter.note("dropped", note, line: dropped.firstLine + 1, column: 1)
        }
        if let firstTimestampedLine {
            let repeated = RollUp.removeRepeatedLines(&cues)
            if repeated > 0 {
                reporter.note(
                    "roll-up",
                    "roll-up captions (word timestamps, each cue repeating the line before, as YouTube's automatic captions are): left out \(repeated) repeated line\(repeated == 1 ? "" : "s")",
                    line: firstTimestampedLine, column: 1)
            }
        }
        for cue in cues {
            for run in cue.runs {
                document.transcript.segments.append(TranscriptSegment(start: cue.start, end: cue.end, speaker: run.speaker, text: run.text))
            }
        }
        return document
    }

    /// The text after `WEBVTT` on the first line, or `nil` when the line is no WebVTT signature.
    static func headerText(_ line: Substring) -> Substring? {
        guard line.hasPrefix("WEBVTT") else { return nil }
        let rest = line.dropFirst(6)
        guard let next = rest.first else { return rest }
        return next == " " || next == "\t" ? rest.dropFirst() : nil
    }

    private static func endOfBlock(_ lines: [Substring], from start: Int) -> Int {
        var index = start
        while index < lines.count, !lines[index].isEmpty { index += 1 }
        return index
    }

    static func excerpt(_ line: Substring) -> String {
        line.count > 60 ? String(line.prefix(60)) + "…" : String(line)
    }

    /// What the model has no place for, counted for one note.
    struct Dropped {
        var counts: [String: Int] = [:]
        var firstLine = 0

        mutating func add(_ kind: String, line: Int) {
            if counts.isEmpty { firstLine = line }
            counts[kind, default: 0] += 1
        }

        var message: String? {
            guard !counts.isEmpty else { return nil }
            let names: [(String, String)] = [
                ("identifier", "cue identifier"), ("settings", "cue setting line"), ("NOTE", "NOTE block"), ("STYLE", "STYLE block"),
                ("REGION", "REGION block"),
            ]
            let parts = names.compactMap { key, name in counts[key].map { "\($0) \(name)\($0 == 1 ? "" : "s")" } }
            return "a transcript keeps times, speakers and text; not kept: " + parts.joined(separator: ", ")
        }
    }
}

/// WebVTT cue text to plain text, split at voice spans.
enum CueText {
    struct Run: Equatable {
        var speaker: String?
        var text: String
    }

    /// The cue's text as runs: one per voice span (`<v Maya>…<v Sam>…` gives two), plus text outside any
    /// voice. Tags go, character references are decoded, each line is trimmed and blank lines dropped.
    /// A cue with no text at all is one run with empty text (and the first voice, if any).
    static func runs(_ text: Substring, timestamped: inout Bool) -> [Run] {
        var runs: [Run] = []
        var speaker: String?
        var firstSpeaker: String?
        var raw = ""
        func flush() {
            let cleaned = clean(raw)
            if !cleaned.isEmpty { runs.append(Run(speaker: speaker, text: cleaned)) }
            raw = ""
        }
        // Tags are found by their ASCII `<` and `>` over UTF-8 bytes; the text between is appended whole.
        let bytes = text.utf8
        var index = bytes.startIndex
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            raw += text[index..<open]
            // A tag runs to `>` (or to the end of the cue, as the spec's tokenizer has it).
            let afterOpen = bytes.index(after: open)
            let close = bytes[afterOpen...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.endIndex
            let tag = text[afterOpen..<close]
            index = close < bytes.endIndex ? bytes.index(after: close) : close
            if tag.utf8.first.map({ $0 >= 0x30 && $0 <= 0x39 }) == true {
                // A timestamp tag (`<00:00:01.500>`): karaoke-style word timing.
                timestamped = true
            } else if let name = voiceName(tag) {
                flush()
                speaker = name
                if firstSpeaker == nil { firstSpeaker = name }
            } else if tag == "/v" {
                flush()
                speaker = nil
            }
        }
        raw += text[index...]
        flush()
        return runs.isEmpty ? [Run(speaker: firstSpeaker, text: "")] : runs
    }

    /// `v Maya Ortiz` or `v.loud Maya` → `Maya Ortiz`/`Maya`; `nil` for any other tag. An empty name is none.
    static func voiceName(_ tag: Substring) -> String?? {
        if tag == "v" { return .some(nil) }
        guard tag.first == "v", let second = tag.dropFirst().first, second == " " || second == "\t" || second == "." else { return nil }
        guard let space = tag.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return .some(nil) }
        let name = TextLines.trimmed(HTMLEntities.decode(tag[tag.index(after: space)...]))
        return .some(name.isEmpty ? nil : name)
    }

    static func clean(_ raw: String) -> String {
        TextLines.split(HTMLEntities.decode(Substring(raw))).map(TextLines.trimmed).filter { !$0.isEmpty }.joined(separator: "\n")
    }
}

/// YouTube's automatic captions scroll: each cue repeats the line the previous cue ended with, and
/// 10-millisecond cues in between hold only that line. Read as written, every sentence would appear two
/// or three times. Applied only to files whose cues carry word timestamps, the mark of such captions.
enum RollUp {
    typealias Cue = (start: Int, end: Int?, runs: [CueText.Run])

    /// Drops each cue's first line when the previous cue (as written) ended with it, and cues left with
    /// nothing; returns how many lines were dropped.
    static func removeRepeatedLines(_ cues: inout [Cue]) -> Int {
        var dropped = 0
        var previousLastLine: Substring?
        var kept: [Cue] = []
        for var cue in cues {
            let lastLine = cue.runs.last.flatMap { $0.text.split(separator: "\n", omittingEmptySubsequences: false).last }
            if let previousLastLine, var first = cue.runs.first, first.speaker == nil {
                var lines = first.text.split(separator: "\n", omittingEmptySubsequences: false)
                if lines.first == previousLastLine {
                    lines.removeFirst()
                    dropped += 1
                    first.text = lines.joined(separator: "\n")
                    cue.runs[0] = first
                    cue.runs.removeAll { $0.text.isEmpty }
                }
            }
            previousLastLine = lastLine.flatMap { $0.isEmpty ? nil : $0 }
            if !cue.runs.isEmpty { kept.append(cue) }
        }
        cues = kept
        return dropped
    }
}
