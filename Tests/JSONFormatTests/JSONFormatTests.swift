import QuireCore
import QuireJSON
import QuireTestSupport
import Testing

private func write(_ collection: EpisodeCollection) throws -> [UInt8] {
    var diagnostics = Diagnostics()
    let bytes = try JSONModelWriter().write(collection, options: ConversionOptions(), diagnostics: &diagnostics)
    #expect(diagnostics.isEmpty)
    return bytes
}

private func read(_ text: String, name: String = "in.json") throws -> (EpisodeCollection, Diagnostics) {
    var diagnostics = Diagnostics()
    let collection = try JSONModelReader().read(InputFile(name: name, bytes: Array(text.utf8)), options: ConversionOptions(), diagnostics: &diagnostics)
    return (collection, diagnostics)
}

/// The diagnostics a failing read threw.
private func failure(_ text: String) -> [Diagnostic] {
    do {
        _ = try read(text)
        Issue.record("expected the read to fail")
        return []
    } catch let failure as ConversionFailure {
        return failure.diagnostics
    } catch {
        Issue.record("unexpected error \(error)")
        return []
    }
}

@Suite struct JSONFormatTests {
    @Test func roundTripIsExact() throws {
        let bytes = try write(ModelSamples.everyField)
        let (model, diagnostics) = try read(String(decoding: bytes, as: UTF8.self))
        #expect(model == ModelSamples.everyField)
        #expect(diagnostics.isEmpty)
        #expect(try write(model) == bytes)
    }

    @Test func outputMatchesTheGoldenFile() throws {
        let actual = String(decoding: try write(ModelSamples.everyField), as: UTF8.self)
        try Golden.expect(actual, matches: "Tests/JSONFormatTests/Fixtures/every-field.json")
    }

    @Test func carriesTheNamesOutsideToolsRelyOn() throws {
        let text = String(decoding: try write(ModelSamples.everyField), as: UTF8.self)
        for name in [
            "schemaVersion", "title", "channels", "episodes", "channel", "language", "summary", "chapters", "entities",
            "start", "body", "quotes", "text", "time", "name", "type", "description",
        ] {
            #expect(text.contains("\"\(name)\": "), "missing \(name)")
        }
        #expect(text.contains("\"start\": 96,"))
        #expect(text.contains("{\"text\": \"Open the oven and you lose it.\", \"time\": null}"))
        #expect(text.contains("\"kind\": \"person\""))
    }

    @Test func unknownFieldsAreReportedNotFatal() throws {
        let (model, diagnostics) = try read(
            """
            {"schemaVersion": 1, "generator": "x",
             "episodes": [{"title": "A", "rating": 5, "chapters": [{"start": 1, "title": "t", "mood": "ok"}]}]}
            """)
        #expect(model.episodes.map(\.title) == ["A"])
        #expect(model.episodes[0].chapters == [Chapter(start: 1, title: "t")])
        #expect(
            diagnostics.all.map(\.description) == [
                "in.json:1:35: warning: unknown field 'generator' in the collection; ignored [json.field.unknown]",
                "in.json:2:40: warning: unknown field 'rating' in an episode; ignored [json.field.unknown]",
                "in.json:2:91: warning: unknown field 'mood' in a chapter; ignored [json.field.unknown]",
            ])
    }

    @Test func syntaxErrorsNameLineAndColumn() {
        #expect(
            failure("{\n  \"episodes\": [\n    {\"title\": \"é\" \"x\"}\n]}").map(\.description) == [
                "in.json:3:19: error: expected ',' or '}' in an object [json.syntax]"
            ])
        #expect(failure("{\"title\": \"open").map(\.description) == ["in.json:1:16: error: unterminated string [json.syntax]"])
        #expect(failure("").map(\.description) == ["in.json:1:1: error: unexpected end of input, expected a value [json.syntax]"])
        #expect(failure("{} x").map(\.id) == ["json.syntax"])
        #expect(failure("{\"a\": 01}").map(\.description) == ["in.json:1:7: error: a number may not start with 0 [json.syntax]"])
    }

    @Test func wrongTypesAreErrorsWithPlaces() {
        let diagnostics = failure(
            """
            {"episodes": [{"title": 7, "chapters": {"start": 1}},
                          {"chapters": [{"start": 1.5, "title": "x"}, {"start": "00:10"}]}]}
            """)
        #expect(
            diagnostics.map(\.description) == [
                "in.json:1:25: error: expected title to be a string, found a number [json.type]",
                "in.json:1:40: error: expected chapters to be an array, found an object [json.type]",
                "in.json:2:15: error: an episode needs a 'title' [json.field.missing]",
                "in.json:2:39: error: start must be a whole, non-negative number of seconds, found 1.5 [json.seconds]",
                "in.json:2:69: error: expected start to be a number of seconds, found a string [json.type]",
            ])
        let seconds = failure("{\"episodes\": [{\"title\": \"a\", \"chapters\": [{\"start\": 1.5}, {\"start\": -3}, {\"start\": \"1:00\"}]}]}")
        #expect(seconds.map(\.id) == ["json.seconds", "json.seconds", "json.type"])
    }

    @Test func wholeFloatsAndNullsAreAccepted() throws {
        let (model, _) = try read(
            "{\"episodes\": [{\"title\": \"a\", \"duration\": 60.0, \"chapters\": [{\"start\": 96.0, \"title\": \"x\", \"quotes\": [{\"text\": \"q\", \"time\": null}]}]}]}"
        )
        #expect(model.episodes[0].metadata.duration == 60)
        #expect(model.episodes[0].chapters[0].start == 96)
        #expect(model.episodes[0].chapters[0].quotes == [Quote(text: "q")])
    }

    @Test func escapesAndSurrogatesDecode() throws {
        let (model, _) = try read(#"{"title": "a\"b\\c\n\u00e9\ud83c\udf99 \/"}"#)
        #expect(model.title == "a\"b\\c\né🎙 /")
        #expect(failure(#"{"title": "\ud83c"}"#).map(\.id) == ["json.syntax"])
        #expect(
            failure("{\"title\": \"tab\there\"}").map(\.description) == [
                "in.json:1:15: error: control character inside a string must be escaped [json.syntax]"
            ])
    }

    @Test func controlCharactersAreWrittenEscaped() throws {
        let model = EpisodeCollection(title: "bell\u{07} and \u{1F}", episodes: [])
        let text = String(decoding: try write(model), as: UTF8.self)
        #expect(text.contains(#""title": "bell\u0007 and \u001f""#))
        #expect(try read(text).0 == model)
    }

    @Test func deepNestingIsBoundedNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(failure(deep).map(\.description) == ["in.json:1:513: error: nesting deeper than 512 levels [json.syntax]"])
    }

    @Test func newerSchemaVersionsWarn() throws {
        let (_, diagnostics) = try read("{\"schemaVersion\": 9, \"episodes\": []}")
        #expect(diagnostics.all.map(\.id) == ["json.schema.newer"])
    }

    @Test func duplicateFieldsKeepTheFirst() throws {
        let (model, diagnostics) = try read("{\"title\": \"first\", \"title\": \"second\"}")
        #expect(model.title == "first")
        #expect(diagnostics.all.map(\.id) == ["json.field.duplicate"])
    }

    @Test func feedFieldsReadIntoAnExactModel() throws {
        let (model, diagnostics) = try read(
            """
            {"schemaVersion": 1,
             "channels": [{"title": "Show", "image": "https://s.example/art.png", "author": "Ada", "categories": ["News", "Arts/Food"]}],
             "episodes": [{"title": "One", "channel": "Show", "guid": "g-1",
               "enclosure": {"url": "https://cdn.example/1.mp3", "length": 1200.0},
               "image": "https://s.example/1.png", "season": 3, "number": 12, "explicit": null,
               "chaptersLink": {"url": "https://s.example/1.json", "mediaType": "application/json+chapters"},
               "transcriptLinks": [{"url": "https://s.example/1.vtt", "mediaType": "text/vtt", "language": "en", "rel": "captions"}],
               "entities": [{"name": "Ada", "type": "Person", "role": "host", "url": "https://ada.example"}],
               "transcript": {"segments": [{"startMs": 0, "endMs": 1500, "speaker": "Ada", "text": "Hi."}, {"startMs": 2000, "text": "Bye."}]}}]}
            """)
        #expect(diagnostics.isEmpty)
        #expect(
            model.channels == [Channel(title: "Show", image: "https://s.example/art.png", author: "Ada", categories: ["News", "Arts/Food"])])
        let expected = Episode(
            title: "One", channel: "Show", entities: [Entity(name: "Ada", type: "Person", description: "", role: "host", url: "https://ada.example")],
            metadata: EpisodeMetadata(
                guid: "g-1", enclosure: Enclosure(url: "https://cdn.example/1.mp3", length: 1200), image: "https://s.example/1.png", season: 3,
                number: 12, chaptersLink: MediaLink(url: "https://s.example/1.json", mediaType: "application/json+chapters"),
                transcriptLinks: [MediaLink(url: "https://s.example/1.vtt", mediaType: "text/vtt", language: "en", rel: "captions")]),
            transcript: Transcript(segments: [
                TranscriptSegment(start: 0, end: 1500, speaker: "Ada", text: "Hi."), TranscriptSegment(start: 2000, text: "Bye."),
            ]))
        #expect(model.episodes == [expected])
    }

    @Test func feedFieldsOfTheWrongTypeAreErrorsWithPlaces() {
        let diagnostics = failure(
            """
            {"episodes": [{"title": "a", "season": -1, "explicit": "yes", "enclosure": {"length": 5},
              "transcriptLinks": [{"url": 3}], "transcript": {"segments": [{"startMs": 1.5, "text": "x"}, {"text": "no start"}]}}]}
            """)
        #expect(
            diagnostics.map(\.description) == [
                "in.json:1:40: error: season must be a whole, non-negative number, found -1 [json.number]",
                "in.json:1:56: error: expected explicit to be true or false, found a string [json.type]",
                "in.json:1:76: error: an enclosure needs a 'url' [json.field.missing]",
                "in.json:2:31: error: expected url to be a string, found a number [json.type]",
                "in.json:2:76: error: startMs must be a whole, non-negative number of milliseconds, found 1.5 [json.number]",
                "in.json:2:95: error: a transcript segment needs a 'startMs' [json.field.missing]",
            ])
    }

    /// Version 1 documents written before the feed fields existed read as before and are written back
    /// byte for byte: the new fields are only written when present.
    @Test func documentsWithoutFeedFieldsAreWrittenAsBefore() throws {
        let old = """
            {
              "schemaVersion": 1,
              "title": null,
              "preamble": [],
              "channels": [
                {
                  "title": "Show",
                  "feedURL": null,
                  "siteURL": null,
                  "description": null
                }
              ],
              "episodes": [
                {
                  "title": "One",
                  "channel": "Show",
                  "language": "en",
                  "url": null,
                  "published": null,
                  "duration": 60,
                  "summary": "",
                  "chapters": [],
                  "entities": [
                    {"name": "Ada", "type": "Person", "kind": "person", "description": ""}
                  ]
                }
              ]
            }

            """
        let (model, diagnostics) = try read(old)
        #expect(diagnostics.isEmpty)
        #expect(String(decoding: try write(model), as: UTF8.self) == old)
    }
}
