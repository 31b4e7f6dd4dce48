import QuireCore
import QuireTestSupport
import QuireTimedText
import QuireTranscripts
import Testing

/// Reads a fixture with the format's reader, as `quire convert` does.
func readFixture(_ name: String, as kind: TimedText.Kind) throws -> (EpisodeCollection, Diagnostics) {
    var diagnostics = Diagnostics()
    let input = try Fixtures.input("Tests/TranscriptFormatTests/Fixtures/\(name)")
    let collection = try TranscriptReader(kind: kind).read(input, options: ConversionOptions(), diagnostics: &diagnostics)
    return (collection, diagnostics)
}

/// Reads text with the shared parser.
func readText(_ text: String, as kind: TimedText.Kind, name: String = "in") throws -> (TimedText.Document, Diagnostics) {
    try readBytes(Array(text.utf8), as: kind, name: name)
}

func readBytes(_ bytes: [UInt8], as kind: TimedText.Kind, name: String = "in") throws -> (TimedText.Document, Diagnostics) {
    var diagnostics = Diagnostics()
    let document = try TimedText.read(InputFile(name: name, bytes: bytes), as: kind, diagnostics: &diagnostics)
    return (document, diagnostics)
}

/// The error a read fails with, rendered as `quire` prints it.
func failure(_ text: String, as kind: TimedText.Kind, name: String = "in") -> [String] {
    do {
        _ = try readText(text, as: kind, name: name)
        Issue.record("expected \(kind) to refuse the input")
    } catch let error as ConversionFailure {
        return error.diagnostics.map(\.description)
    } catch {
        Issue.record("unexpected \(error)")
    }
    return []
}

private func segment(_ start: Int, _ end: Int?, _ speaker: String?, _ text: String) -> TranscriptSegment {
    TranscriptSegment(start: start, end: end, speaker: speaker, text: text)
}

@Suite struct RealShapedTranscriptTests {
    /// YouTube's captions: `Kind:`/`Language:` header lines, cue settings on every timing line, word
    /// timestamps in `<c>` spans, blank-looking lines of a single space, `&nbsp;` between words.
    @Test func youTubeCaptions() throws {
        let (collection, diagnostics) = try readFixture("youtube-captions.vtt", as: .webVTT)
        let expected = EpisodeCollection(episodes: [
            Episode(
                title: "youtube-captions", language: "en",
                transcript: Transcript(segments: [
                    segment(400, 3150, nil, "welcome back to Kitchen Physics"),
                    segment(3150, 7020, nil, "today we're talking about bread"),
                    segment(7020, 11_500, nil, "yeast, steam & the oven spring\n[Music]"),
                    segment(62_250, 65_000, nil, "why does dough rise at 30 <°C>?"),
                ]))
        ])
        #expect(collection == expected)
        #expect(
            diagnostics.all.map(\.description) == [
                "Tests/TranscriptFormatTests/Fixtures/youtube-captions.vtt:5:1: note: a transcript keeps times, speakers and text; not kept: 4 cue setting lines [webvtt.dropped]"
            ])
    }

    /// YouTube's automatic captions scroll: each cue repeats the previous line, with 10 ms cues in
    /// between; word timestamps mark such files, and each sentence is read once.
    @Test func youTubeAutomaticCaptionsAreReadOnce() throws {
        let (collection, diagnostics) = try readFixture("youtube-auto-captions.vtt", as: .webVTT)
        let expected = EpisodeCollection(episodes: [
            Episode(
                title: "youtube-auto-captions", language: "en",
                transcript: Transcript(segments: [
                    segment(30, 2690, nil, "hello everyone and welcome"),
                    segment(2700, 5150, nil, "to Kitchen Physics"),
                    segment(5160, 8010, nil, "today we talk about bread"),
                    segment(8020, 10_500, nil, "[Music]"),
                ]))
        ])
        #expect(collection == expected)
        #expect(
            diagnostics.all.map(\.description).last
                == "Tests/TranscriptFormatTests/Fixtures/youtube-auto-captions.vtt:6:1: note: roll-up captions (word timestamps, each cue repeating the line before, as YouTube's automatic captions are): left out 6 repeated lines [webvtt.roll-up]"
        )
    }

    /// Without word timestamps a repeated line is what the file says, and stays.
    @Test func repeatedLinesStayWithoutWordTimestamps() throws {
        let text = "WEBVTT\n\n00:01.000 --> 00:02.000\nAgain\n\n00:02.000 --> 00:03.000\nAgain\n"
        let (document, _) = try readText(text, as: .webVTT)
        #expect(document.transcript.segments.map(\.text) == ["Again", "Again"])
    }

    /// A transcription tool's export (Descript, Otter): CRLF, numbered cue identifiers, a STYLE block and
    /// NOTE comments, voice spans, two voices in one cue, `<v.loud …>` with a class, an unclosed voice.
    @Test func transcriptionToolWithVoices() throws {
        let (collection, diagnostics) = try readFixture("descript-voices.vtt", as: .webVTT)
        let expected = EpisodeCollection(episodes: [
            Episode(
                title: "Why Bread Rises",
                transcript: Transcript(segments: [
                    segment(0, 4500, "Maya Ortiz", "Welcome to Kitchen Physics."),
                    segment(4500, 9250, "Sam Lee", "Thanks, Maya.\nBread is a slow explosion."),
                    // Two voices in one cue: one segment each, sharing the cue's times.
                    segment(9250, 12_000, "Maya Ortiz", "Really?"),
                    segment(9250, 12_000, "Sam Lee", "Really."),
                    segment(3_723_004, 3_725_100, "Sam Lee", "Steam > yeast, at the end."),
                    segment(3_726_000, 3_728_000, nil, "[laughter]"),
                ]))
        ])
        #expect(collection == expected)
        #expect(
            diagnostics.all.map(\.description) == [
                "Tests/TranscriptFormatTests/Fixtures/descript-voices.vtt:3:1: note: a transcript keeps times, speakers and text; not kept: 5 cue identifiers, 2 NOTE blocks, 1 STYLE block [webvtt.dropped]"
            ])
    }

    /// A Podcasting 2.0 JSON transcript as Buzzsprout publishes it: one segment per phrase, consecutive
    /// segments of one speaker kept apart, a segment without a speaker, one without an end.
    @Test func podcastingTranscriptJSON() throws {
        let (collection, diagnostics) = try readFixture("buzzsprout.transcript.json", as: .json)
        let expected = EpisodeCollection(episodes: [
            Episode(
                title: "buzzsprout",
                transcript: Transcript(segments: [
                    segment(500, 4220, "Maya Ortiz", "Welcome back to Kitchen Physics."),
                    segment(4220, 7001, "Maya Ortiz", "Today: why bread rises."),
                    segment(7001, 12_000, "Sam Lee", "Yeast makes gas, steam does the rest — about 25% of the rise."),
                    segment(12_000, 13_500, nil, "[laughter]"),
                    segment(3_723_004, nil, "Maya Ortiz", "That's our show."),
                ]))
        ])
        #expect(collection == expected)
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
    }

    /// A caption tool's SRT: CRLF, `>> NAME:` and `NAME:` speakers, `<i>`, `<font>` and `{\an8}` removed,
    /// `Note:` and `[laughter]` left as text, a cue run into the next without a blank line, SSA
    /// coordinates after a timing, one digit of milliseconds.
    @Test func captionToolSRT() throws {
        let (collection, diagnostics) = try readFixture("caption-tool.srt", as: .srt)
        let expected = EpisodeCollection(episodes: [
            Episode(
                title: "caption-tool",
                transcript: Transcript(segments: [
                    segment(500, 3200, "MAYA ORTIZ", "Welcome back\nto Kitchen Physics."),
                    segment(3200, 6000, "SAM", "Thanks, Maya."),
                    segment(6000, 9750, nil, "Note: the oven is at 250 °C."),
                    segment(9750, 11_000, nil, "[laughter]"),
                    segment(11_000, 14_125, "Sam Lee", "Bread is a <slow> explosion.\n- Really?"),
                    segment(3_600_000, 3_602_500, nil, "The end."),
                ]))
        ])
        #expect(collection == expected)
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
    }
}

@Suite struct WebVTTReadingRulesTests {
    @Test func headerTitleWithOrWithoutADash() throws {
        #expect(try readText("WEBVTT - Episode 12\n", as: .webVTT).0.title == "Episode 12")
        #expect(try readText("WEBVTT Episode 12\n", as: .webVTT).0.title == "Episode 12")
        #expect(try readText("WEBVTT\n", as: .webVTT).0.title == nil)
        #expect(try readText("\u{FEFF}WEBVTT\tTabbed\n", as: .webVTT).0.title == "Tabbed")
    }

    @Test func theFileNameNamesAnUntitledEpisode() throws {
        var diagnostics = Diagnostics()
        let input = InputFile(name: "talks/2026-05 keynote.vtt", bytes: Array("WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n".utf8))
        let collection = try TranscriptReader(kind: .webVTT).read(input, options: ConversionOptions(), diagnostics: &diagnostics)
        #expect(collection.episodes.map(\.title) == ["2026-05 keynote"])
        #expect(TranscriptFileName.stem("ep12.transcript.json") == "ep12")
        #expect(TranscriptFileName.stem("<stdin>") == "Transcript")
        #expect(TranscriptFileName.stem(".vtt") == ".vtt")
    }

    @Test func timestampsWithAndWithoutHours() throws {
        let text = "WEBVTT\n\n01:02.003 --> 01:04.000\na\n\n1:00:00.000 --> 100:00:00.999\nb\n"
        let (document, diagnostics) = try readText(text, as: .webVTT)
        #expect(document.transcript.segments.map(\.start) == [62_003, 3_600_000])
        #expect(document.transcript.segments.map(\.end) == [64_000, 360_000_999])
        #expect(diagnostics.isEmpty)
    }

    @Test func tagsGoEntitiesAreDecodedAndCRLineEndingsWork() throws {
        let text = "WEBVTT\r\r00:00.000 --> 00:01.000\r<c.yellow>Fish &amp; chips</c> <b>&lt;3</b> &#233;t&#xE9; &copy; &unknown\r"
        let (document, _) = try readText(text, as: .webVTT)
        #expect(document.transcript.segments == [segment(0, 1000, nil, "Fish & chips <3 été &copy; &unknown")])
    }

    @Test func textAfterAVoiceEndsIsItsOwnSegment() throws {
        let text = "WEBVTT\n\n00:00.000 --> 00:03.000\n<v Ana>Hi</v> (music)\n"
        let (document, _) = try readText(text, as: .webVTT)
        #expect(document.transcript.segments == [segment(0, 3000, "Ana", "Hi"), segment(0, 3000, nil, "(music)")])
    }

    @Test func aCueWithoutTextKeepsItsTimesAndVoice() throws {
        let text = "WEBVTT\n\n00:00.000 --> 00:03.000\n\n00:04.000 --> 00:05.000\n<v Ana></v>\n"
        let (document, _) = try readText(text, as: .webVTT)
        #expect(document.transcript.segments == [segment(0, 3000, nil, ""), segment(4000, 5000, "Ana", "")])
    }

    /// The spec's parser: a line holding `-->` inside cue text starts the next cue.
    @Test func aTimingLineInsideCueTextStartsANewCue() throws {
        let text = "WEBVTT\n\n00:00.000 --> 00:01.000\none\n00:01.000 --> 00:02.000\ntwo\n"
        let (document, _) = try readText(text, as: .webVTT)
        #expect(document.transcript.segments == [segment(0, 1000, nil, "one"), segment(1000, 2000, nil, "two")])
    }
}

@Suite struct SRTReadingRulesTests {
    /// Speakers only where captions mark them; everything else that has a colon stays text.
    @Test(
        arguments: [
            ("NARRATOR: Once upon a time", "NARRATOR", "Once upon a time"),
            (">> Maya Ortiz: Hello", "Maya Ortiz", "Hello"),
            (">>主持人: 欢迎", "主持人", "欢迎"),
            ("DR. O'NEIL-SMITH: Yes", "DR. O'NEIL-SMITH", "Yes"),
            ("Q: Why?", "Q", "Why?"),
            ("Note: the oven is hot", nil, "Note: the oven is hot"),
            ("Maya: hello", nil, "Maya: hello"),
            ("[Maya] hello", nil, "[Maya] hello"),
            ("AT 12:30 WE EAT", nil, "AT 12:30 WE EAT"),
            ("SEE HTTP://EXAMPLE.ORG", nil, "SEE HTTP://EXAMPLE.ORG"),
            ("THIS IS A VERY LONG SHOUTED LINE: with a colon", nil, "THIS IS A VERY LONG SHOUTED LINE: with a colon"),
            (">> just a speaker change", nil, ">> just a speaker change"),
        ] as [(String, String?, String)])
    func speakerPrefixes(_ line: String, _ speaker: String?, _ text: String) throws {
        let (document, _) = try readText("1\n00:00:01,000 --> 00:00:02,000\n\(line)\n", as: .srt)
        #expect(document.transcript.segments == [segment(1000, 2000, speaker, text)])
    }

    @Test func aSpeakerAloneOnTheFirstLine() throws {
        let (document, _) = try readText("1\n00:00:01,000 --> 00:00:02,000\nMAYA:\nHello there\n", as: .srt)
        #expect(document.transcript.segments == [segment(1000, 2000, "MAYA", "Hello there")])
    }

    @Test func onlyFormattingTagsAreRemoved() throws {
        let line = "<B>Bold</B> <u>u</u> <s>s</s> <font face=\"Arial\" color=#fff>f</font> <slow> a<b {\\i1}x{\\i0}"
        let (document, _) = try readText("1\n00:00:01,000 --> 00:00:02,000\n\(line)\n", as: .srt)
        #expect(document.transcript.segments.map(\.text) == ["Bold u s f <slow> a<b x"])
    }

    @Test func missingIndexAndWhitespaceOnlySeparators() throws {
        let text = "00:00:01,000 --> 00:00:02,000\nOne\n   \n7\n00:00:03,000 --> 00:00:04,000\nTwo\n"
        let (document, diagnostics) = try readText(text, as: .srt)
        #expect(document.transcript.segments == [segment(1000, 2000, nil, "One"), segment(3000, 4000, nil, "Two")])
        #expect(diagnostics.isEmpty)
    }

    @Test func windows1252IsReadWithAWarning() throws {
        // "Café – 5 €" in Windows-1252.
        let bytes: [UInt8] = Array("1\r\n00:00:01,000 --> 00:00:02,000\r\nCaf".utf8) + [0xE9, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80] + [0x0D, 0x0A]
        let (document, diagnostics) = try readBytes(bytes, as: .srt, name: "old.srt")
        #expect(document.transcript.segments.map(\.text) == ["Café – 5 €"])
        #expect(
            diagnostics.all.map(\.description) == [
                "old.srt:3:4: warning: the file is not valid UTF-8; read it as Windows-1252, the usual encoding of older subtitle files [srt.encoding]"
            ])
    }

    @Test func anEmptyFileHasNoCues() throws {
        let (document, diagnostics) = try readText("\n\n", as: .srt, name: "empty.srt")
        #expect(document.transcript.segments.isEmpty)
        #expect(diagnostics.all.map(\.description) == ["empty.srt:1: warning: the file holds no cues [srt.empty]"])
    }
}

@Suite struct TranscriptJSONReadingRulesTests {
    @Test func numbersInEveryJSONSpellingBecomeMilliseconds() throws {
        let text =
            #"{"version":"1.0.0","segments":[{"startTime":1e1,"endTime":10.0005,"body":"a"},{"startTime":0.0015,"endTime":null,"speaker":null,"body":""}]}"#
        let (document, diagnostics) = try readText(text, as: .json)
        #expect(document.transcript.segments == [segment(10_000, 10_001, nil, "a"), segment(2, nil, nil, "")])
        #expect(diagnostics.isEmpty)
    }

    @Test func unknownSegmentFieldsAreNamedInANote() throws {
        let text =
            "{\"version\":\"1.0.0\",\"segments\":[\n{\"startTime\":1,\"body\":\"a\",\"confidence\":0.9,\"words\":[]},\n{\"startTime\":2,\"body\":\"b\",\"confidence\":0.8}]}"
        let (document, diagnostics) = try readText(text, as: .json, name: "t.json")
        #expect(document.transcript.segments.count == 2)
        #expect(
            diagnostics.all.map(\.description) == [
                "t.json:2: note: segment fields a transcript has no place for were not kept: 'confidence', 'words' [podcast-transcript.fields.unknown]"
            ])
    }
}
