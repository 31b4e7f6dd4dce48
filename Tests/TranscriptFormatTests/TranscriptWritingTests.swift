import PropertyBased
import QuireCore
import QuireTestSupport
import QuireTimedText
import QuireTranscripts
import Testing

func write(_ collection: EpisodeCollection, as kind: TimedText.Kind) throws -> (String, [String]) {
    var diagnostics = Diagnostics()
    let bytes = try TranscriptWriter(kind: kind).write(collection, options: ConversionOptions(), diagnostics: &diagnostics)
    return (String(decoding: bytes, as: UTF8.self), diagnostics.all.map(\.description))
}

func readBack(_ text: String, as kind: TimedText.Kind, name: String) throws -> EpisodeCollection {
    var diagnostics = Diagnostics()
    return try TranscriptReader(kind: kind).read(InputFile(name: name, bytes: Array(text.utf8)), options: ConversionOptions(), diagnostics: &diagnostics)
}

private let goldenFolder = "Tests/TranscriptFormatTests/Fixtures"

@Suite struct TranscriptWriterTests {
    /// The sample with every field: the first episode's transcript (speakers, a two-line segment, markup-like
    /// text, a segment without an end), and a warning naming everything else.
    @Test(arguments: TimedText.Kind.allCases)
    func everyFieldMatchesGolden(_ kind: TimedText.Kind) throws {
        let (text, warnings) = try write(ModelSamples.everyField, as: kind)
        try Golden.expect(text, matches: "\(goldenFolder)/every-field.golden.\(kind == .json ? "transcript.json" : kind.fileExtension)")
        let lostEverywhere =
            "2 other episodes (1 with a transcript); the collection's title, preamble and channels; the episode's channel, summary, 3 chapters, entities, metadata"
        let expected: String =
            switch kind {
            case .webVTT:
                "quire: warning: WebVTT keeps one transcript; not written: \(lostEverywhere); the end of 1 segment exactly (a segment without an end, or ending before its start, gets one); first at segment 3, 0:00:12.000 [webvtt.lossy]"
            case .srt:
                "quire: warning: SRT keeps one transcript; not written: \(lostEverywhere); the title 'Why Bread Rises: Yeast & Steam' (a reader names the episode after the file); the language; the end of 1 segment exactly (a segment without an end, or ending before its start, gets one); first at segment 3, 0:00:12.000 [srt.lossy]"
            case .json:
                "quire: warning: transcript JSON keeps one transcript; not written: \(lostEverywhere); the title 'Why Bread Rises: Yeast & Steam' (a reader names the episode after the file); the language [podcast-transcript.lossy]"
            }
        #expect(warnings == [expected])
    }

    @Test(arguments: TimedText.Kind.allCases)
    func aCollectionWithoutATranscriptIsRefused(_ kind: TimedText.Kind) throws {
        let collection = EpisodeCollection(episodes: [Episode(title: "No words", summary: "Only a summary.")])
        #expect {
            try write(collection, as: kind)
        } throws: { error in
            let failure = try #require(error as? ConversionFailure)
            return failure.diagnostics.map(\.description) == [
                "quire: error: nothing to write as \(kind.displayName): none of its 1 episode(s) has a transcript; read a feed with podcast:transcript links, or a WebVTT, SRT or transcript JSON file [\(kind.diagnosticPrefix).no-transcript]"
            ]
        }
    }

    /// The first episode with a transcript is written, whichever it is.
    @Test func theFirstEpisodeWithATranscriptIsWritten() throws {
        let words = Transcript(segments: [TranscriptSegment(start: 0, end: 1000, text: "Second.")])
        let collection = EpisodeCollection(episodes: [Episode(title: "One"), Episode(title: "Two", transcript: words), Episode(title: "Three")])
        let (text, warnings) = try write(collection, as: .webVTT)
        #expect(text == "WEBVTT - Two\n\n00:00:00.000 --> 00:00:01.000\nSecond.\n")
        #expect(warnings == ["quire: warning: WebVTT keeps one transcript; not written: 2 other episodes [webvtt.lossy]"])
    }

    @Test func anEmptyTranscriptIsAnEmptyFileOfTheKind() throws {
        let collection = EpisodeCollection(episodes: [Episode(title: "Quiet", transcript: Transcript())])
        #expect(try write(collection, as: .webVTT) == ("WEBVTT - Quiet\n", []))
        #expect(try write(collection, as: .json).0 == "{\n  \"version\": \"1.0.0\",\n  \"segments\": []\n}\n")
        #expect(try write(collection, as: .srt).0 == "")
    }

    /// What WebVTT reserves is escaped, so it reads back as written.
    @Test func webVTTEscapesWhatItReserves() throws {
        let segments = [
            TranscriptSegment(start: 0, end: 1000, speaker: "R&D <team>", text: "a --> b & <i>not a tag</i>"),
            TranscriptSegment(start: 1000, end: 2000, text: "NOTE this is text\nWEBVTT too"),
        ]
        let collection = EpisodeCollection(episodes: [Episode(title: "Escapes --> here", transcript: Transcript(segments: segments))])
        let (text, warnings) = try write(collection, as: .webVTT)
        #expect(
            text
                == "WEBVTT - Escapes -> here\n\n00:00:00.000 --> 00:00:01.000\n<v R&amp;D &lt;team&gt;>a --&gt; b &amp; &lt;i&gt;not a tag&lt;/i&gt;\n\n00:00:01.000 --> 00:00:02.000\nNOTE this is text\nWEBVTT too\n"
        )
        #expect(try readBack(text, as: .webVTT, name: "x.vtt").episodes[0].transcript == Transcript(segments: segments))
        #expect(
            warnings == [
                "quire: warning: WebVTT keeps one transcript; not written: the title exactly (WebVTT keeps one trimmed line after 'WEBVTT') [webvtt.lossy]"
            ])
    }
}

@Suite struct TranscriptRoundTripTests {
    /// Fixture → model → the same kind → model: nothing changes; the WebVTT writer says nothing, SRT and
    /// JSON only that the title lives in the file name.
    @Test(arguments: [
        ("youtube-captions.vtt", TimedText.Kind.webVTT), ("youtube-auto-captions.vtt", .webVTT), ("descript-voices.vtt", .webVTT), ("caption-tool.srt", .srt),
        ("buzzsprout.transcript.json", .json),
    ])
    func fixturesRoundTrip(_ name: String, _ kind: TimedText.Kind) throws {
        let (model, _) = try readFixture(name, as: kind)
        let (text, warnings) = try write(model, as: kind)
        #expect(try readBack(text, as: kind, name: name) == model)
        if kind != .webVTT {
            let stem = TranscriptFileName.stem(name)
            #expect(
                warnings.count == 1 && warnings[0].contains("not written: the title '\(stem)' (a reader names the episode after the file) ["), "\(warnings)")
        } else {
            #expect(warnings.isEmpty)
        }
    }

    /// VTT → SRT → VTT and JSON: the times to the millisecond, the speakers and the text.
    @Test func crossConversionsKeepTimesSpeakersAndText() throws {
        let (model, _) = try readFixture("descript-voices.vtt", as: .webVTT)
        let transcript = try #require(model.episodes[0].transcript)
        let (srt, _) = try write(model, as: .srt)
        #expect(
            srt.hasPrefix(
                "1\n00:00:00,000 --> 00:00:04,500\n>> Maya Ortiz: Welcome to Kitchen Physics.\n\n2\n00:00:04,500 --> 00:00:09,250\n>> Sam Lee: Thanks, Maya.\nBread is a slow explosion.\n"
            ))
        #expect(srt.contains("\n5\n01:02:03,004 --> 01:02:05,100\n>> Sam Lee: Steam > yeast, at the end.\n"))
        let fromSRT = try readBack(srt, as: .srt, name: "talk.srt")
        #expect(fromSRT.episodes[0].transcript == transcript)
        let (json, jsonWarnings) = try write(fromSRT, as: .json)
        #expect(try readBack(json, as: .json, name: "talk.json").episodes[0].transcript == transcript)
        #expect(
            jsonWarnings == [
                "quire: warning: transcript JSON keeps one transcript; not written: the title 'talk' (a reader names the episode after the file) [podcast-transcript.lossy]"
            ])
    }

    /// JSON may leave out an end; WebVTT and SRT may not, so the writer gives one and says so.
    @Test func aSegmentWithoutAnEndGetsOneInWebVTT() throws {
        let (model, _) = try readFixture("buzzsprout.transcript.json", as: .json)
        let (vtt, warnings) = try write(model, as: .webVTT)
        #expect(vtt.hasSuffix("01:02:03.004 --> 01:02:05.004\n<v Maya Ortiz>That's our show.\n"))
        #expect(
            warnings == [
                "quire: warning: WebVTT keeps one transcript; not written: the end of 1 segment exactly (a segment without an end, or ending before its start, gets one); first at segment 5, 1:02:03.004 [webvtt.lossy]"
            ])
        let back = try readBack(vtt, as: .webVTT, name: "x.vtt").episodes[0].transcript!.segments
        #expect(back.dropLast() == model.episodes[0].transcript!.segments.dropLast())
    }

    /// Generated transcripts of text every kind can hold round-trip exactly, with no warning.
    @Test(arguments: TimedText.Kind.allCases)
    func cleanGeneratedTranscriptsRoundTripExactly(_ kind: TimedText.Kind) async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int.max)) { seed in
            var generator = TranscriptGenerator(seed: UInt64(seed), hostile: false)
            let transcript = generator.transcript(endsAlways: kind != .json)
            let title = kind == .webVTT ? "Generated: 生成" : ""
            let collection = EpisodeCollection(episodes: [Episode(title: title, transcript: transcript)])
            do {
                let (text, warnings) = try write(collection, as: kind)
                #expect(warnings.isEmpty, "\(kind), seed \(seed)")
                #expect(try readBack(text, as: kind, name: ".x").episodes[0].transcript == transcript, "\(kind), seed \(seed)")
            } catch {
                Issue.record("\(kind), seed \(seed): \(error)")
            }
        }
    }

    /// With hostile text (blank lines, markup, timing lines, surrounding spaces, speakers with colons) the
    /// round trip is exact or the writer warned.
    @Test(arguments: TimedText.Kind.allCases)
    func hostileGeneratedTranscriptsRoundTripOrWarn(_ kind: TimedText.Kind) async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int.max)) { seed in
            var generator = TranscriptGenerator(seed: UInt64(seed), hostile: true)
            let transcript = generator.transcript(endsAlways: false)
            let collection = EpisodeCollection(episodes: [Episode(title: "", transcript: transcript)])
            do {
                let (text, warnings) = try write(collection, as: kind)
                let back = try readBack(text, as: kind, name: "x").episodes[0].transcript
                if back != transcript {
                    #expect(warnings.count == 1, "\(kind), seed \(seed) lost part of the transcript without a warning")
                }
            } catch {
                Issue.record("\(kind), seed \(seed): \(error)")
            }
        }
    }
}

/// Seeded transcripts: clean ones any kind holds, or hostile ones meant to break a writer.
struct TranscriptGenerator {
    private var random: SeededRandom
    let hostile: Bool

    init(seed: UInt64, hostile: Bool) {
        random = SeededRandom(state: seed)
        self.hostile = hostile
    }

    private mutating func int(_ range: ClosedRange<Int>) -> Int { random.int(range) }
    private mutating func pick<T>(_ items: [T]) -> T { random.pick(items) }
    private mutating func chance(_ percent: Int) -> Bool { random.chance(percent) }

    static let cleanWords = [
        "bread", "Yeast", "steam,", "2 + 2", "a:b", "“curly”", "'single'", "&", "<slow>", "R&D", "#hash", "—", "é", "주인", "主持人", "مرحبا", "🎙️",
        "50%", "1.", "(laughs)", "[music]", "x > y", "{braces}",
    ]
    static let hostileWords =
        cleanWords + [
            "-->", "00:00:01,000 --> 00:00:02,000", "<b>bold</b>", "{\\an8}", "NOTE", "WEBVTT", "&amp;", "&nbsp;", " ", "\t", "\u{07}", "SPEAKER:", ">> A:",
            "\r", "\n\n", "12", "<v X>",
        ]
    static let cleanNames = ["Ada", "Grace Hopper", "주인", "主持人", "Dr. O'Neil-Smith", "R&D <team>"]
    static let hostileNames = cleanNames + ["", " padded ", "a: b", "two\nlines", "NOTE"]

    private mutating func line() -> String {
        let words = hostile ? Self.hostileWords : Self.cleanWords
        return (0..<int(1...6)).map { _ in pick(words) }.joined(separator: " ")
    }

    mutating func transcript(endsAlways: Bool) -> Transcript {
        var segments: [TranscriptSegment] = []
        var time = int(0...5_000)
        for _ in 0..<int(0...8) {
            let length = int(0...20_000)
            let lines = (0..<int(1...3)).map { _ in line() }
            let text = hostile ? lines.joined(separator: "\n") : lines.map { TextLinesForTests.trimmed($0) }.filter { !$0.isEmpty }.joined(separator: "\n")
            let end: Int? = endsAlways || chance(80) ? (hostile && chance(10) ? time - 1 : time + length) : nil
            let speaker: String? = chance(60) ? pick(hostile ? Self.hostileNames : Self.cleanNames) : nil
            segments.append(TranscriptSegment(start: time, end: end, speaker: speaker, text: text))
            time += hostile && chance(10) ? 0 : length + int(0...2_000)
        }
        return Transcript(segments: segments)
    }
}

enum TextLinesForTests {
    static func trimmed(_ text: String) -> String {
        String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
