import QuireCore
import QuireTimedText

extension RSSReader {
    /// Reads a transcript file stored next to the feed when it is timed text: WebVTT, SRT or
    /// Podcasting 2.0 JSON, known by the link's media type or else by the file's first bytes. HTML and
    /// plain-text transcripts carry no times, so they stay links (`nil`).
    public static let timedTextParser: TranscriptFileParser = { file, link, diagnostics in
        guard let kind = TimedText.Kind(mediaType: link.mediaType ?? "") ?? TimedText.Kind(sniffing: file.bytes.prefix(4096)) else { return nil }
        return try TimedText.read(file, as: kind, diagnostics: &diagnostics).transcript
    }
}
