import QuireCore
import QuireTimedText

/// WebVTT captions and transcripts (`.vtt`), with speakers from voice spans.
public struct WebVTTFormat: FormatPlugin {
    public static let id: FormatID = "webvtt"

    public init() {}
    public var name: String { "built-in" }

    public func register(in registry: inout FormatRegistry) throws {
        try TranscriptFormatRegistration.register(
            .webVTT, id: Self.id, displayName: "WebVTT transcript", aliases: ["vtt"], extensions: ["vtt", "webvtt"], in: &registry)
    }
}

/// SubRip subtitles (`.srt`).
public struct SRTFormat: FormatPlugin {
    public static let id: FormatID = "srt"

    public init() {}
    public var name: String { "built-in" }

    public func register(in registry: inout FormatRegistry) throws {
        try TranscriptFormatRegistration.register(.srt, id: Self.id, displayName: "SRT subtitles", aliases: ["subrip"], extensions: ["srt"], in: &registry)
    }
}

/// Podcasting 2.0 transcript JSON (`podcast:transcript type="application/json"`). Its files are usually
/// plain `.json`, which names Quire JSON: such a file needs `--from podcast-transcript`, or the
/// `.transcript.json` extension; content on standard input is told apart by its `segments`.
public struct PodcastTranscriptFormat: FormatPlugin {
    public static let id: FormatID = "podcast-transcript"

    public init() {}
    public var name: String { "built-in" }

    public func register(in registry: inout FormatRegistry) throws {
        try TranscriptFormatRegistration.register(
            .json, id: Self.id, displayName: "Podcasting 2.0 transcript JSON", aliases: ["transcript-json"], extensions: ["transcript.json"],
            in: &registry)
    }
}

enum TranscriptFormatRegistration {
    static func register(
        _ kind: TimedText.Kind, id: FormatID, displayName: String, aliases: [String], extensions: [String], in registry: inout FormatRegistry
    ) throws {
        try registry.add(
            FormatDescriptor(
                id: id, displayName: displayName, aliases: aliases, fileExtensions: extensions, mediaTypes: mediaTypes(kind),
                sniffer: { sample in TimedText.Kind(sniffing: sample.bytes) == kind ? .certain : nil }))
        try registry.addReader(TranscriptReader(kind: kind), for: id)
        let kept = kind == .webVTT ? "one episode's title, language and transcript" : "one episode's transcript"
        try registry.addWriter(TranscriptWriter(kind: kind), for: id, loss: .lossy("everything but \(kept)"))
    }

    static func mediaTypes(_ kind: TimedText.Kind) -> [String] {
        switch kind {
        case .webVTT: ["text/vtt"]
        case .srt: ["application/x-subrip", "application/srt", "text/srt"]
        case .json: ["application/json"]
        }
    }
}
