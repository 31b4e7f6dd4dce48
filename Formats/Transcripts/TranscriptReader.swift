import QuireCore
import QuireTimedText

/// Reads a transcript file as a collection of one episode: its transcript, no chapters. The episode's
/// title is a WebVTT header's title, or else the file name's stem (`talk.srt` → `talk`).
public struct TranscriptReader: FormatReader {
    public let kind: TimedText.Kind

    public init(kind: TimedText.Kind) { self.kind = kind }

    public func read(_ input: InputFile, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> EpisodeCollection {
        let document = try TimedText.read(input, as: kind, diagnostics: &diagnostics)
        let episode = Episode(
            title: document.title ?? TranscriptFileName.stem(input.name), language: document.language, transcript: document.transcript)
        return EpisodeCollection(episodes: [episode])
    }
}
