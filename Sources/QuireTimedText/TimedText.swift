import QuireCore

/// Timed text: the transcript files podcasts publish (`podcast:transcript`) and caption tools write,
/// read into the core `Transcript` and written back. Shared by the transcript formats and by the RSS
/// reader, which reads the transcript files a feed links (formats never import each other).
///
/// Reading never crashes and does bounded, linear work: problems a player would skip over (a bad timing
/// line, an end before its start) are warnings with a line and column; input that is not the kind at all
/// (no `WEBVTT` header, no cue, JSON without `segments`) is a `ConversionFailure`.
public enum TimedText {
    /// The kinds of timed text Quire reads and writes.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// WebVTT (`text/vtt`, `.vtt`): https://www.w3.org/TR/webvtt1/
        case webVTT = "webvtt"
        /// SubRip (`application/x-subrip`, `.srt`).
        case srt
        /// Podcasting 2.0 transcript JSON (`application/json`):
        /// https://github.com/Podcastindex-org/podcast-namespace/blob/main/transcripts/transcripts.md
        case json = "podcast-transcript"

        /// The kind a media type names, as `podcast:transcript type="…"` gives it; parameters such as
        /// `; charset=utf-8` are ignored. HTML and plain-text transcripts are not timed text: `nil`.
        public init?(mediaType: String) {
            let essence = (mediaType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first.map(TextLines.trimmed) ?? "").lowercased()
            switch essence {
            case "text/vtt", "text/webvtt": self = .webVTT
            case "application/x-subrip", "application/srt", "text/srt", "text/x-srt", "application/x-srt": self = .srt
            case "application/json", "text/json": self = .json
            default: return nil
            }
        }

        /// The kind a file's first bytes show, or `nil` when they show none: a `WEBVTT` signature, an SRT
        /// cue (`1` then `00:00:01,000 --> …`), or a JSON object with `segments` that is not Quire JSON.
        public init?(sniffing bytes: some Collection<UInt8>) {
            let sample = ContentSample(bytes)
            let start = sample.trimmedStart
            if start.starts(with: Array("WEBVTT".utf8)) {
                let next = start.dropFirst(6).first
                if next == nil || next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D { self = .webVTT; return }
            }
            if start.first == UInt8(ascii: "{") {
                guard let text = sample.text else { return nil }
                if text.contains("\"segments\"") && !text.contains("\"schemaVersion\"") && !text.contains("\"episodes\"") { self = .json; return }
                return nil
            }
            // Older SRT files are Windows-1252; their timing lines are ASCII all the same.
            let text = sample.text ?? String(decoding: sample.bytes, as: UTF8.self)
            let lines = TextLines.split(text).lazy.filter { !TextLines.trimmedSlice($0).isEmpty }.prefix(2)
            for line in lines where CueTime.parseTimingLine(line, kind: .srt) != nil {
                self = .srt
                return
            }
            return nil
        }

        /// The media type Quire writes for this kind.
        public var mediaType: String {
            switch self {
            case .webVTT: "text/vtt"
            case .srt: "application/x-subrip"
            case .json: "application/json"
            }
        }

        /// The usual file extension, without the dot.
        public var fileExtension: String {
            switch self {
            case .webVTT: "vtt"
            case .srt: "srt"
            case .json: "json"
            }
        }

        /// What diagnostics call it (`WebVTT`, `SRT`, `transcript JSON`).
        public var displayName: String {
            switch self {
            case .webVTT: "WebVTT"
            case .srt: "SRT"
            case .json: "transcript JSON"
            }
        }

        /// The prefix of this kind's diagnostic identifiers (`webvtt.timing.invalid`).
        public var diagnosticPrefix: String { rawValue }

        func id(_ suffix: String) -> DiagnosticID { DiagnosticID(rawValue: "\(rawValue).\(suffix)") }
    }

    /// A timed-text file as read: its transcript and what its header said.
    public struct Document: Sendable, Hashable {
        public var transcript: Transcript
        /// The text after `WEBVTT` on a WebVTT file's first line (`WEBVTT - Episode 12` gives `Episode 12`);
        /// SRT and transcript JSON have no place for one.
        public var title: String?
        /// A WebVTT header's `Language: en` line, as YouTube writes it.
        public var language: String?

        public init(transcript: Transcript, title: String? = nil, language: String? = nil) {
            self.transcript = transcript
            self.title = title
            self.language = language
        }
    }

    /// At most this many warnings per file; a file of garbage gets a summary rather than a million lines.
    public static let maximumWarnings = 100

    /// Reads a file of the given kind. Warnings (skipped cues, bad times) go to `diagnostics`; input that
    /// is not this kind at all throws, with the file, line and column.
    public static func read(_ input: InputFile, as kind: Kind, diagnostics: inout Diagnostics) throws(ConversionFailure) -> Document {
        var reporter = Reporter(input: input, kind: kind)
        defer { reporter.finish(into: &diagnostics) }
        switch kind {
        case .webVTT: return try WebVTTParser.parse(input.bytes, reporter: &reporter)
        case .srt: return try SRTParser.parse(input.bytes, reporter: &reporter)
        case .json: return try TranscriptJSON.parse(input.bytes, reporter: &reporter)
        }
    }

    /// Writes a document as this kind. What the kind cannot hold (a title in SRT, a segment without an
    /// end in WebVTT or SRT, blank lines inside a cue) is written as near as the kind allows; compare
    /// `read` of the result with the document to learn what changed (the transcript formats do, and warn).
    public static func write(_ document: Document, as kind: Kind) -> [UInt8] {
        switch kind {
        case .webVTT: Array(WebVTTWriter.write(document).utf8)
        case .srt: Array(SRTWriter.write(document.transcript).utf8)
        case .json: Array(TranscriptJSON.write(document.transcript).utf8)
        }
    }
}

/// Collects one file's diagnostics, capping warnings so garbage input cannot flood the output.
struct Reporter {
    let input: InputFile
    let kind: TimedText.Kind
    private(set) var diagnostics = Diagnostics()
    private var suppressed = 0

    init(input: InputFile, kind: TimedText.Kind) {
        self.input = input
        self.kind = kind
    }

    func location(line: Int, column: Int? = nil) -> SourceLocation { input.location(line: line, column: column) }

    mutating func warning(_ suffix: String, _ message: String, line: Int, column: Int? = nil) {
        guard diagnostics.warnings.count < TimedText.maximumWarnings else {
            suppressed += 1
            return
        }
        diagnostics.report(.warning(kind.id(suffix), message, at: location(line: line, column: column)))
    }

    mutating func note(_ suffix: String, _ message: String, line: Int, column: Int? = nil) {
        diagnostics.report(.note(kind.id(suffix), message, at: location(line: line, column: column)))
    }

    func failure(_ suffix: String, _ message: String, line: Int, column: Int? = nil, notes: [Diagnostic.Note] = []) -> ConversionFailure {
        // The warnings so far reach the caller through `finish`; the failure carries the error.
        ConversionFailure(.error(kind.id(suffix), message, at: location(line: line, column: column), notes: notes))
    }

    mutating func finish(into target: inout Diagnostics) {
        if suppressed > 0 {
            diagnostics.report(
                .note(kind.id("more-problems"), "\(suppressed) more problem\(suppressed == 1 ? "" : "s") of the same kinds not shown", at: input.location()))
            suppressed = 0
        }
        target.report(contentsOf: diagnostics)
        diagnostics = Diagnostics()
    }
}
