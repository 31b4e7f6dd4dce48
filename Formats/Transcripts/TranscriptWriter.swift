import QuireCore
import QuireTimedText

/// Writes the transcript of the collection's first episode that has one. Everything else is lost and
/// named in one warning; so is any part of the transcript the kind cannot carry, found by reading the
/// written bytes back (a segment without an end in SRT, a speaker in a kind's reserved characters).
public struct TranscriptWriter: FormatWriter {
    public let kind: TimedText.Kind

    public init(kind: TimedText.Kind) { self.kind = kind }

    public func write(_ collection: EpisodeCollection, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> [UInt8] {
        guard let index = collection.episodes.firstIndex(where: { $0.transcript != nil }), let transcript = collection.episodes[index].transcript else {
            let what = collection.episodes.isEmpty ? "the collection has no episodes" : "none of its \(collection.episodes.count) episode(s) has a transcript"
            throw ConversionFailure(
                .error(
                    DiagnosticID(rawValue: "\(kind.diagnosticPrefix).no-transcript"),
                    "nothing to write as \(kind.displayName): \(what); read a feed with podcast:transcript links, or a WebVTT, SRT or transcript JSON file"))
        }
        let episode = collection.episodes[index]
        let carriesHeader = kind == .webVTT
        let document = TimedText.Document(
            transcript: transcript, title: carriesHeader ? episode.title : nil, language: carriesHeader ? episode.language : nil)
        let bytes = TimedText.write(document, as: kind)

        var lost = lostParts(of: collection, episodeIndex: index)
        if !carriesHeader {
            if !episode.title.isEmpty { lost.append("the title '\(episode.title)' (a reader names the episode after the file)") }
            if episode.language != nil { lost.append("the language") }
        }
        lost += transcriptChanges(written: bytes, expected: document)
        if !lost.isEmpty {
            diagnostics.report(
                .warning(
                    DiagnosticID(rawValue: "\(kind.diagnosticPrefix).lossy"),
                    "\(kind.displayName) keeps one transcript; not written: " + lost.joined(separator: "; ")))
        }
        return bytes
    }

    /// Everything in the collection apart from the written episode's title, language and transcript.
    private func lostParts(of collection: EpisodeCollection, episodeIndex: Int) -> [String] {
        var lost: [String] = []
        let others = collection.episodes.count - 1
        if others > 0 {
            let withTranscripts = collection.episodes.enumerated().filter { $0.offset != episodeIndex && $0.element.transcript != nil }.count
            lost.append(
                "\(others) other episode\(others == 1 ? "" : "s")" + (withTranscripts > 0 ? " (\(withTranscripts) with a transcript)" : ""))
        }
        if collection.title != nil || !collection.preamble.isEmpty || !collection.channels.isEmpty {
            lost.append("the collection's title, preamble and channels")
        }
        let episode = collection.episodes[episodeIndex]
        var fields: [String] = []
        if episode.channel != nil { fields.append("channel") }
        if !episode.summary.isEmpty { fields.append("summary") }
        if !episode.chapters.isEmpty { fields.append("\(episode.chapters.count) chapter\(episode.chapters.count == 1 ? "" : "s")") }
        if !episode.entities.isEmpty { fields.append("entities") }
        if !episode.metadata.isEmpty { fields.append("metadata") }
        if !fields.isEmpty { lost.append("the episode's " + fields.joined(separator: ", ")) }
        return lost
    }

    /// What reading the bytes back would change, described by its first difference.
    private func transcriptChanges(written bytes: [UInt8], expected: TimedText.Document) -> [String] {
        var scratch = Diagnostics()
        guard let back = try? TimedText.read(InputFile(name: "written", bytes: bytes), as: kind, diagnostics: &scratch) else {
            return ["the transcript as it was (the written file does not read back)"]
        }
        var changes: [String] = []
        if kind == .webVTT {
            // An empty title is none: reading the file back names the episode after the file.
            if expected.title?.isEmpty ?? true || back.title != expected.title {
                changes.append("the title exactly (WebVTT keeps one trimmed line after 'WEBVTT')")
            }
            if back.language != expected.language { changes.append("the language exactly") }
        }
        let want = expected.transcript.segments, got = back.transcript.segments
        guard want != got else { return changes }
        if want.count != got.count {
            changes.append("the transcript's segments as they were (\(want.count) written as \(got.count))")
            return changes
        }
        var changed: [String: Int] = [:]
        var first: (index: Int, field: String)?
        for (index, (a, b)) in zip(want, got).enumerated() where a != b {
            for (field, differs) in [("start", a.start != b.start), ("end", a.end != b.end), ("speaker", a.speaker != b.speaker), ("text", a.text != b.text)]
            where differs {
                changed[field, default: 0] += 1
                if first == nil { first = (index, field) }
            }
        }
        let reasons: [String: String] = [
            "start": "times before 0",
            "end": "a segment without an end, or ending before its start, gets one",
            "speaker": "names with ':' or line breaks, or text that reads as a speaker",
            "text": "surrounding spaces, blank lines and markup-like text",
        ]
        for field in ["start", "end", "speaker", "text"] {
            guard let count = changed[field] else { continue }
            changes.append("the \(field) of \(count) segment\(count == 1 ? "" : "s") exactly (\(reasons[field]!))")
        }
        if let first { changes.append("first at segment \(first.index + 1), \(CueTimeText.display(want[first.index].start))") }
        return changes
    }
}

enum CueTimeText {
    static func display(_ milliseconds: Int) -> String {
        let value = max(0, milliseconds)
        let seconds = value / 1000
        let text = "\(seconds / 3600):" + two(seconds / 60 % 60) + ":" + two(seconds % 60)
        return text + "." + String(String(value % 1000 + 1000).dropFirst())
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
