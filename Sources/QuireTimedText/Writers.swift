import QuireCore

/// Writes WebVTT: `WEBVTT - Title`, a `Language:` header line when known, then one cue per segment with
/// the speaker as a voice span. Text is escaped (`&amp;`, `&lt;`, `&gt;`), so `-->` and tags in it survive.
enum WebVTTWriter {
    static func write(_ document: TimedText.Document) -> String {
        var output = "WEBVTT"
        if let title = document.title.map(headerSafe), !title.isEmpty { output += " - " + title }
        output += "\n"
        if let language = document.language.map(headerSafe), !language.isEmpty { output += "Language: " + language + "\n" }
        let segments = document.transcript.segments
        for (index, segment) in segments.enumerated() {
            output += "\n" + CueTime.webVTT(segment.start) + " --> " + CueTime.webVTT(TimedTextEnds.end(of: index, in: segments)) + "\n"
            let lines = TimedTextEnds.lines(segment.text)
            let voice = segment.speaker.map { "<v " + HTMLEntities.escape(headerSafe($0)) + ">" } ?? ""
            if lines.isEmpty {
                if !voice.isEmpty { output += voice + "\n" }
            } else {
                output += voice + lines.map(HTMLEntities.escape).joined(separator: "\n") + "\n"
            }
        }
        return output
    }

    /// One line without `-->`, which would end a header.
    private static func headerSafe(_ text: String) -> String {
        TextLines.split(text).map(TextLines.trimmed).joined(separator: " ").replacing("-->", with: "->")
    }
}

/// Writes SRT: numbered cues, `hh:mm:ss,mmm` times, the speaker as `>> Name: ` before the text (the
/// broadcast captions' speaker-change mark, which the SRT reader takes as a speaker whatever the name's case).
enum SRTWriter {
    static func write(_ transcript: Transcript) -> String {
        var output = ""
        let segments = transcript.segments
        for (index, segment) in segments.enumerated() {
            if index > 0 { output += "\n" }
            output += "\(index + 1)\n" + CueTime.srt(segment.start) + " --> " + CueTime.srt(TimedTextEnds.end(of: index, in: segments)) + "\n"
            var lines = TimedTextEnds.lines(segment.text)
            if let speaker = segment.speaker {
                let name = TextLines.split(speaker).map(TextLines.trimmed).joined(separator: " ").replacing(":", with: "")
                let prefix = ">> " + name + ":"
                if lines.isEmpty { lines = [prefix] } else { lines[0] = prefix + " " + lines[0] }
            }
            for line in lines { output += line + "\n" }
        }
        return output
    }
}

/// What WebVTT and SRT need that a segment may lack.
enum TimedTextEnds {
    /// A cue needs an end: a segment without one runs to the next segment's start, or two seconds.
    static let defaultLength = 2000

    static func end(of index: Int, in segments: [TranscriptSegment]) -> Int {
        let segment = segments[index]
        if let end = segment.end { return max(end, segment.start) }
        if index + 1 < segments.count, segments[index + 1].start > segment.start { return segments[index + 1].start }
        return segment.start > Int.max - defaultLength ? segment.start : segment.start + defaultLength
    }

    /// A blank line would end the cue: the text's lines, blank ones left out.
    static func lines(_ text: String) -> [String] {
        TextLines.split(text).map(String.init).filter { !TextLines.trimmed($0).isEmpty }
    }
}
