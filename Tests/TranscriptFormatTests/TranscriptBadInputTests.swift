import QuireCore
import QuireJSON
import QuireTestSupport
import QuireTimedText
import QuireTranscripts
import Testing

@Suite struct TranscriptBadInputTests {
    @Test func webVTTWithoutItsHeaderIsRefusedWithAHintWhenItIsSRT() {
        #expect(
            failure("1\n00:00:01,000 --> 00:00:02,000\nHi\n", as: .webVTT, name: "talk.vtt") == [
                "talk.vtt:1:1: error: not a WebVTT file: the first line must be 'WEBVTT' [webvtt.header.missing]\nnote: the timing lines look like SRT; read it as srt (--from srt)"
            ])
        #expect(
            failure("WEBVTTX\n", as: .webVTT, name: "talk.vtt") == [
                "talk.vtt:1:1: error: not a WebVTT file: the first line must be 'WEBVTT' [webvtt.header.missing]"
            ])
        #expect(failure("", as: .webVTT, name: "empty.vtt").count == 1)
    }

    /// A bad timing line skips its cue, as players do, and says where.
    @Test func aBadTimingLineSkipsItsCue() throws {
        let text =
            "WEBVTT\n\n00:01.000 --> 00:02.000\nkept\n\n00:03,000 --> 00:04,000\nskipped\n\n00:05.000 --> 00:61.000\nskipped too\n\n00:07.000 --> 00:08.000\nkept too\n"
        let (document, diagnostics) = try readText(text, as: .webVTT, name: "t.vtt")
        #expect(document.transcript.segments.map(\.text) == ["kept", "kept too"])
        #expect(
            diagnostics.all.map(\.description) == [
                "t.vtt:6:1: warning: skipped a cue whose timing line is not 'hh:mm:ss.ttt --> hh:mm:ss.ttt' (or 'mm:ss.ttt'): '00:03,000 --> 00:04,000' [webvtt.timing.invalid]",
                "t.vtt:9:1: warning: skipped a cue whose timing line is not 'hh:mm:ss.ttt --> hh:mm:ss.ttt' (or 'mm:ss.ttt'): '00:05.000 --> 00:61.000' [webvtt.timing.invalid]",
            ])
    }

    @Test func anEndBeforeItsStartIsDroppedAndPointedAt() throws {
        let (webVTT, vttDiagnostics) = try readText("WEBVTT\n\n00:05.000 --> 00:04.000 align:start\nBackwards\n", as: .webVTT, name: "t.vtt")
        #expect(webVTT.transcript.segments == [TranscriptSegment(start: 5000, end: nil, text: "Backwards")])
        #expect(
            vttDiagnostics.all.map(\.description).first
                == "t.vtt:3:15: warning: the cue ends (00:00:04.000) before it starts (00:00:05.000); kept it without an end [webvtt.timing.order]")
        let (srt, srtDiagnostics) = try readText("1\n00:00:05,000   -->   00:00:04,000\nBackwards\n", as: .srt, name: "t.srt")
        #expect(srt.transcript.segments == [TranscriptSegment(start: 5000, end: nil, text: "Backwards")])
        #expect(
            srtDiagnostics.all.map(\.description) == [
                "t.srt:2:22: warning: the cue ends (00:00:04,000) before it starts (00:00:05,000); kept it without an end [srt.timing.order]"
            ])
    }

    @Test func aBlockThatIsNoCueIsSkipped() throws {
        let text = "WEBVTT\n\nThis paragraph\nis no cue\n\n00:01.000 --> 00:02.000\nkept\n"
        let (document, diagnostics) = try readText(text, as: .webVTT, name: "t.vtt")
        #expect(document.transcript.segments.map(\.text) == ["kept"])
        #expect(
            diagnostics.all.map(\.description) == [
                "t.vtt:3:1: warning: skipped a block that is neither a cue nor a NOTE: no timing line ('00:00:01.000 --> 00:00:04.000') after 'This paragraph' [webvtt.block.invalid]"
            ])
    }

    @Test func invalidUTF8InWebVTTIsReplacedAndPointedAt() throws {
        let bytes = Array("WEBVTT\n\n00:01.000 --> 00:02.000\nna".utf8) + [0xFF] + Array("ve\n".utf8)
        let (document, diagnostics) = try readBytes(bytes, as: .webVTT, name: "t.vtt")
        #expect(document.transcript.segments.map(\.text) == ["na\u{FFFD}ve"])
        #expect(
            diagnostics.all.map(\.description) == [
                "t.vtt:4:3: warning: the file is not valid UTF-8; bytes that are not were read as U+FFFD [webvtt.encoding]"
            ])
    }

    @Test func textThatHasNoCueIsNotSRT() {
        #expect(
            failure("# An episode\n\nA summary: with a colon.\n", as: .srt, name: "notes.srt") == [
                "notes.srt:1:1: error: not an SRT file: no cue ('1', then '00:00:01,000 --> 00:00:04,000', then its text) [srt.no-cues]"
            ])
    }

    /// A file of garbage gets at most `maximumWarnings` warnings and a count of the rest.
    @Test func warningsAreCapped() throws {
        let text = "WEBVTT\n" + String(repeating: "\nnot a cue\n", count: 500) + "\n00:01.000 --> 00:02.000\nkept\n"
        let (document, diagnostics) = try readText(text, as: .webVTT, name: "t.vtt")
        #expect(document.transcript.segments.map(\.text) == ["kept"])
        #expect(diagnostics.warnings.count == TimedText.maximumWarnings)
        #expect(diagnostics.all.last?.description == "t.vtt: note: 400 more problems of the same kinds not shown [webvtt.more-problems]")
    }

    @Test func brokenJSONIsRefusedWhereItBreaks() {
        #expect(
            failure("{\"version\": \"1.0.0\",\n \"segments\": [\n  {\"startTime\": 1,}\n]}", as: .json, name: "t.json") == [
                "t.json:3:19: error: not JSON: expected a field name in double quotes [podcast-transcript.syntax]"
            ])
        #expect(
            failure("[1, 2]", as: .json, name: "t.json") == [
                "t.json:1:1: error: transcript JSON is an object with 'segments'; this is an array [podcast-transcript.root]"
            ])
        #expect(
            failure("{\"segments\": {}}", as: .json, name: "t.json") == [
                "t.json:1:14: error: 'segments' must be an array, not an object [podcast-transcript.segments.type]"
            ])
        #expect(failure(String(decoding: [0x7B, 0xFF, 0x7D], as: UTF8.self), as: .json, name: "t.json").count == 1)
    }

    @Test func quireJSONIsRecognisedAndRedirected() throws {
        var diagnostics = Diagnostics()
        let bytes = try JSONModelWriter().write(ModelSamples.everyField, options: ConversionOptions(), diagnostics: &diagnostics)
        #expect(
            failure(String(decoding: bytes, as: UTF8.self), as: .json, name: "model.json") == [
                "model.json:1:1: error: not a transcript: the object has no 'segments' array [podcast-transcript.segments.missing]\nnote: it looks like Quire JSON; read it as json (--from json)"
            ])
    }

    @Test func badSegmentsAreSkippedOneByOne() throws {
        let text = """
            {"version": "2.0",
             "segments": [
              {"startTime": -1, "body": "negative"},
              {"startTime": "1", "body": "string time"},
              {"body": "no start"},
              {"startTime": 1},
              {"startTime": 9, "endTime": 8, "body": "backwards"},
              "text",
              {"startTime": 1e300, "body": "absurd"},
              {"startTime": 2, "endTime": 3, "speaker": "Ana", "body": "kept"}
            ]}
            """
        let (document, diagnostics) = try readText(text, as: .json, name: "t.json")
        #expect(
            document.transcript.segments == [
                TranscriptSegment(start: 9000, end: nil, text: "backwards"), TranscriptSegment(start: 2000, end: 3000, speaker: "Ana", text: "kept"),
            ])
        #expect(
            diagnostics.all.map(\.description) == [
                "t.json:1:13: warning: transcript JSON version 1.x is what Quire knows; read this one as if it were [podcast-transcript.version]",
                "t.json:3:17: warning: skipped a segment: 'startTime' must be seconds from 0, not -1 [podcast-transcript.segment.invalid]",
                "t.json:4:17: warning: skipped a segment: 'startTime' must be a number of seconds, not a string [podcast-transcript.segment.invalid]",
                "t.json:5:3: warning: skipped a segment without 'startTime' [podcast-transcript.segment.start]",
                "t.json:6:3: warning: skipped a segment without 'body' [podcast-transcript.segment.body]",
                "t.json:7:3: warning: the segment ends (00:00:08.000) before it starts (00:00:09.000); kept it without an end [podcast-transcript.timing.order]",
                "t.json:8:3: warning: skipped a segment that is a string, not an object [podcast-transcript.segment.type]",
                "t.json:9:17: warning: skipped a segment: 'startTime' must be seconds from 0, not 1e300 [podcast-transcript.segment.invalid]",
            ])
    }

    /// Hours as long as digits go are refused before they overflow.
    @Test func absurdTimesAreRefusedNotOverflowed() throws {
        let (document, diagnostics) = try readText("WEBVTT\n\n99999999999999999999:00:00.000 --> 00:01.000\nx\n", as: .webVTT)
        #expect(document.transcript.segments.isEmpty)
        #expect(diagnostics.warnings.map(\.id) == ["webvtt.timing.invalid"])
    }
}

@Suite struct TimedTextKindTests {
    @Test func mediaTypesAsFeedsWriteThem() {
        #expect(TimedText.Kind(mediaType: "text/vtt") == .webVTT)
        #expect(TimedText.Kind(mediaType: "text/vtt; charset=utf-8") == .webVTT)
        #expect(TimedText.Kind(mediaType: "application/x-subrip") == .srt)
        #expect(TimedText.Kind(mediaType: "application/srt") == .srt)
        #expect(TimedText.Kind(mediaType: "APPLICATION/JSON") == .json)
        #expect(TimedText.Kind(mediaType: "text/html") == nil)
        #expect(TimedText.Kind(mediaType: "text/plain") == nil)
        for kind in TimedText.Kind.allCases { #expect(TimedText.Kind(mediaType: kind.mediaType) == kind) }
    }

    @Test func sniffingTellsTheKindsAndQuireJSONApart() throws {
        #expect(TimedText.Kind(sniffing: Array("\u{FEFF}WEBVTT\n".utf8)) == .webVTT)
        #expect(TimedText.Kind(sniffing: Array("WEBVTT - Title\n".utf8)) == .webVTT)
        #expect(TimedText.Kind(sniffing: Array("WEBVTTX\n".utf8)) == nil)
        #expect(TimedText.Kind(sniffing: Array("1\r\n00:00:01,000 --> 00:00:02,000\r\nHi\r\n".utf8)) == .srt)
        #expect(TimedText.Kind(sniffing: Array("\n\n00:00:01,000 --> 00:00:02,000\nHi\n".utf8)) == .srt)
        #expect(TimedText.Kind(sniffing: [0x31, 0x0D, 0x0A] + Array("00:00:01,000 --> 00:00:02,000\r\nCaf".utf8) + [0xE9, 0x0D, 0x0A]) == .srt)
        #expect(TimedText.Kind(sniffing: Array(#"{"version":"1.0.0","segments":[]}"#.utf8)) == .json)
        #expect(TimedText.Kind(sniffing: Array(#"{"schemaVersion":1,"episodes":[{"transcript":{"segments":[]}}]}"#.utf8)) == nil)
        #expect(TimedText.Kind(sniffing: Array("# Title\n\n00:01 Intro\n".utf8)) == nil)
    }

    /// A registry with Quire JSON and the transcript formats tells each file by name, then content.
    @Test func theRegistryTellsTranscriptFilesByNameAndContent() throws {
        let registry = try FormatRegistry(plugins: [JSONFormat(), WebVTTFormat(), SRTFormat(), PodcastTranscriptFormat(), ChaptersTrackStandIn()])
        #expect(registry.format(forPath: "talk.vtt")?.id == "webvtt")
        #expect(registry.format(forPath: "talk.chapters.vtt")?.id == "webvtt-chapters")
        #expect(registry.format(forPath: "talk.srt")?.id == "srt")
        #expect(registry.format(forPath: "talk.transcript.json")?.id == "podcast-transcript")
        #expect(registry.format(forPath: "talk.json")?.id == "json")
        #expect(registry.format(named: "transcript-json")?.id == "podcast-transcript")
        #expect(registry.format(named: "subrip")?.id == "srt")
        let transcriptJSON = try Fixtures.input("Tests/TranscriptFormatTests/Fixtures/buzzsprout.transcript.json")
        #expect(registry.sniff(ContentSample(transcriptJSON.bytes))?.id == "podcast-transcript")
        var diagnostics = Diagnostics()
        let quireJSON = try JSONModelWriter().write(ModelSamples.everyField, options: ConversionOptions(), diagnostics: &diagnostics)
        #expect(registry.sniff(ContentSample(quireJSON))?.id == "json")
        let srt = try Fixtures.input("Tests/TranscriptFormatTests/Fixtures/caption-tool.srt")
        #expect(registry.sniff(ContentSample(srt.bytes))?.id == "srt")
        let vtt = try Fixtures.input("Tests/TranscriptFormatTests/Fixtures/youtube-captions.vtt")
        #expect(registry.sniff(ContentSample(vtt.bytes))?.id == "webvtt")
    }
}

/// The webvtt-chapters plugin's format as its manifest declares it (`.chapters.vtt`), without starting it.
private struct ChaptersTrackStandIn: FormatPlugin {
    var name: String { "webvtt-chapters" }
    func register(in registry: inout FormatRegistry) throws {
        try registry.add(FormatDescriptor(id: "webvtt-chapters", displayName: "WebVTT chapters", fileExtensions: ["chapters.vtt"], mediaTypes: ["text/vtt"]))
    }
}

@Suite struct ExtremeModelTests {
    /// Models from elsewhere (Quire JSON, a plugin) may hold any Int: writing them never traps, and the
    /// writer says what did not survive.
    @Test(arguments: TimedText.Kind.allCases)
    func extremeTimesAreWrittenWithoutTrapping(_ kind: TimedText.Kind) throws {
        let segments = [
            TranscriptSegment(start: Int.max, end: nil, speaker: "Ana", text: "late"),
            TranscriptSegment(start: Int.min, end: Int.min, text: "early"),
            TranscriptSegment(start: 0, end: Int.max, text: "long"),
        ]
        let collection = EpisodeCollection(episodes: [Episode(title: "", transcript: Transcript(segments: segments))])
        let (_, warnings) = try write(collection, as: kind)
        #expect(warnings.count == 1, "\(kind)")
    }
}
