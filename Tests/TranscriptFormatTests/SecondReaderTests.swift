import Foundation
import QuireCore
import QuireTestSupport
import QuireTimedText
import QuireTranscripts
import Testing

/// Python's webvtt-py and srt read what Quire writes: the same cues, times, voices and text. They are
/// strict where players are (a header, well-formed timings, numbered SRT cues), so a writer slip fails here.
@Suite struct SecondReaderTests {
    /// The transcript every second-reader check writes: voices, escapes, a segment without an end, hours.
    static let collection: EpisodeCollection = {
        let segments = [
            TranscriptSegment(start: 0, end: 4500, speaker: "Maya Ortiz", text: "Welcome to Kitchen Physics."),
            TranscriptSegment(start: 4500, end: 9250, speaker: "R&D <team>", text: "a --> b & <i>not a tag</i>\nsecond line"),
            TranscriptSegment(start: 12_000, end: nil, text: "[laughter]"),
            TranscriptSegment(start: 3_723_004, end: 3_725_100, speaker: "主持人", text: "欢迎收听。"),
        ]
        return EpisodeCollection(episodes: [Episode(title: "Second readers", transcript: Transcript(segments: segments))])
    }()

    /// `[start ms, end ms, voice or "", text]` per cue, as the Python script prints them.
    private func cues(_ script: String, reading text: String) throws -> [[Any]] {
        let result = try ExternalTool.run("python3", ["-c", script], input: Data(text.utf8))
        #expect(result.status == 0, "\(result.error)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[Any]])
    }

    @Test(.enabled(if: ExternalTool.isAvailable("python3", probe: ["-c", "import webvtt"]), "needs Python's webvtt-py (pip install webvtt-py)"))
    func webvttPyReadsTheWebVTTWriter() throws {
        let (text, _) = try write(Self.collection, as: .webVTT)
        // webvtt-py strips tags but leaves character references: unescape them as a player would.
        let script = """
            import sys, json, html, webvtt
            def ms(t):
                h, m, s = t.split(':'); return round((int(h) * 3600 + int(m) * 60 + float(s)) * 1000)
            print(json.dumps([[ms(c.start), ms(c.end), c.voice or '', html.unescape(c.text)] for c in webvtt.from_string(sys.stdin.read())]))
            """
        let read = try cues(script, reading: text)
        let expected: [[Any]] = [
            [0, 4500, "Maya Ortiz", "Welcome to Kitchen Physics."], [4500, 9250, "R&amp;D &lt;team&gt;", "a --> b & <i>not a tag</i>\nsecond line"],
            // The segment without an end runs to the next one's start.
            [12_000, 3_723_004, "", "[laughter]"], [3_723_004, 3_725_100, "主持人", "欢迎收听。"],
        ]
        #expect(read.map { "\($0)" } == expected.map { "\($0)" })
    }

    @Test(.enabled(if: ExternalTool.isAvailable("python3", probe: ["-c", "import srt"]), "needs Python's srt (pip install srt)"))
    func srtLibraryReadsTheSRTWriter() throws {
        let (text, _) = try write(Self.collection, as: .srt)
        let script = """
            import sys, json, srt
            ms = lambda d: round(d.total_seconds() * 1000)
            print(json.dumps([[s.index, ms(s.start), ms(s.end), s.content] for s in srt.parse(sys.stdin.read(), ignore_errors=False)]))
            """
        let read = try cues(script, reading: text)
        let expected: [[Any]] = [
            [1, 0, 4500, ">> Maya Ortiz: Welcome to Kitchen Physics."], [2, 4500, 9250, ">> R&D <team>: a --> b & <i>not a tag</i>\nsecond line"],
            [3, 12_000, 3_723_004, "[laughter]"], [4, 3_723_004, 3_725_100, ">> 主持人: 欢迎收听。"],
        ]
        #expect(read.map { "\($0)" } == expected.map { "\($0)" })
    }

    /// And Quire reads what they write: webvtt-py converting Quire's SRT back to WebVTT. (Its SRT reader
    /// takes any line holding `-->` for a timing, so the collection here has none in its text.)
    @Test(.enabled(if: ExternalTool.isAvailable("python3", probe: ["-c", "import webvtt"]), "needs Python's webvtt-py (pip install webvtt-py)"))
    func quireReadsWhatWebvttPyWrites() throws {
        var collection = Self.collection
        collection.episodes[0].transcript!.segments[1].text = "a -> b & <i>not a tag</i>\nsecond line"
        let (srtText, _) = try write(collection, as: .srt)
        let script = "import sys, io, webvtt; v = webvtt.from_buffer(io.StringIO(sys.stdin.read()), format='srt'); sys.stdout.write(v.content)"
        let result = try ExternalTool.run("python3", ["-c", script], input: Data(srtText.utf8))
        #expect(result.status == 0, "\(result.error)")
        let (document, diagnostics) = try readText(result.output, as: .webVTT)
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
        // No voices in its output: the `>> Name:` marks come through as text, and Quire's WebVTT reader
        // (rightly) does not look for SRT conventions in WebVTT.
        #expect(document.transcript.segments.map(\.start) == [0, 4500, 12_000, 3_723_004])
        #expect(document.transcript.segments.map(\.end) == [4500, 9250, 3_723_004, 3_725_100])
        #expect(document.transcript.segments.last?.text == ">> 主持人: 欢迎收听。")
    }
}
