import Foundation
import QuireCore
import QuireHTML
import QuireTestSupport
import Testing

/// The streamed single page is byte for byte the page `write` gives for the whole collection, with
/// the same diagnostics, whatever the batch size.
@Suite struct HTMLStreamingTests {
    /// Streams `collection` in batches of 1, 3 and more than it holds, and compares each with `write`.
    /// Returns the page, for checks of its own.
    @discardableResult
    private func expectStreamedPageIsWritten(
        _ collection: EpisodeCollection, options: [String: String] = [:], sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> String {
        var expectedDiagnostics = Diagnostics()
        let expected = try HTMLWriter().write(collection, options: ConversionOptions(options), diagnostics: &expectedDiagnostics)
        for batchSize in [1, 3, collection.episodes.count + 1] {
            let streamed = try #require(
                try StreamingHarness.streamedBytes(HTMLWriter(), collection: collection, options: ConversionOptions(options), batchSize: batchSize),
                "the single page streams", sourceLocation: sourceLocation)
            // Compared apart from the expectation, which would print both pages byte by byte.
            let isSamePage = streamed.bytes == expected
            #expect(isSamePage, "batches of \(batchSize): \(Self.firstDifference(streamed.bytes, expected))", sourceLocation: sourceLocation)
            #expect(streamed.diagnostics == expectedDiagnostics, "batches of \(batchSize)", sourceLocation: sourceLocation)
        }
        return String(decoding: expected, as: UTF8.self)
    }

    /// Where two outputs first differ, with some text around it, for a readable failure.
    private static func firstDifference(_ streamed: [UInt8], _ written: [UInt8]) -> String {
        let common = min(streamed.count, written.count)
        guard let offset = (0..<common).first(where: { streamed[$0] != written[$0] }) ?? (streamed.count == written.count ? nil : common)
        else { return "same bytes" }
        let around = { (bytes: [UInt8]) in String(decoding: bytes[max(0, offset - 60)..<min(bytes.count, offset + 60)], as: UTF8.self).debugDescription }
        return
            "first difference at byte \(offset) of \(streamed.count) streamed, \(written.count) written: streamed \(around(streamed)), written \(around(written))"
    }

    @Test func everyFieldSample() throws {
        let page = try expectStreamedPageIsWritten(ModelSamples.everyField)
        // Channels come from the header: the episode's metadata links its channel's site.
        #expect(page.contains(#"<section class="channels""#))
        #expect(page.contains(#"<a href="https://example.org/kitchen">Kitchen Physics</a>"#))
    }

    @Test func examples() throws {
        try expectStreamedPageIsWritten(try summaryModel("Examples/sample-page.txt"))
        try expectStreamedPageIsWritten(try summaryModel("Examples/episode.txt"))
    }

    @Test(.needsSharedCorpus) func sharedCorpusPage() throws {
        try expectStreamedPageIsWritten(try sharedCorpusModel())
    }

    @Test func articleOptions() throws {
        let rawHTML = EpisodeCollection(episodes: [
            Episode(title: "Raw", summary: "Some <b>bold</b> and <script>alert(1)</script> text.", chapters: [Chapter(start: 30, title: "One")]),
            Episode(title: "Second", chapters: [Chapter(start: 0, title: "Open"), Chapter(start: 90, title: "Close")]),
        ])
        try expectStreamedPageIsWritten(ModelSamples.everyField, options: ["no-timeline": "true"])
        try expectStreamedPageIsWritten(ModelSamples.everyField, options: ["unsafe-html": "true"])
        let unsafe = try expectStreamedPageIsWritten(rawHTML, options: ["unsafe-html": "true"])
        #expect(unsafe.contains("<b>bold</b>"))
    }

    @Test func emptyCollectionHasNoContents() throws {
        let untitled = try expectStreamedPageIsWritten(EpisodeCollection())
        #expect(!untitled.contains(#"<nav class="contents""#))
        #expect(untitled.contains(#"<main>"#))
        let withHeader = try expectStreamedPageIsWritten(
            EpisodeCollection(title: "Nothing yet", preamble: ["A line"], channels: ModelSamples.everyField.channels))
        #expect(!withHeader.contains(#"<nav class="contents""#))
        #expect(withHeader.contains(#"<section class="channels""#))
    }

    @Test func pageLanguage() throws {
        let english = (1...4).map { Episode(title: "Episode \($0)", language: "en") }
        let shared = try expectStreamedPageIsWritten(EpisodeCollection(episodes: english))
        #expect(shared.contains(#"<html lang="en">"#))
        // One episode in another language, in the last batch: the page is undetermined.
        let mixed = try expectStreamedPageIsWritten(EpisodeCollection(episodes: english + [Episode(title: "第五集", language: "zh")]))
        #expect(mixed.contains(#"<html lang="und">"#))
        // Episodes without a language do not count; the job's language is the fallback.
        let unset = [Episode(title: "One"), Episode(title: "Two", language: "ko"), Episode(title: "Three")]
        let korean = try expectStreamedPageIsWritten(EpisodeCollection(episodes: unset), options: ["language": "fr"])
        #expect(korean.contains(#"<html lang="ko">"#))
        let french = try expectStreamedPageIsWritten(EpisodeCollection(episodes: [Episode(title: "Un"), Episode(title: "Deux")]), options: ["language": "fr"])
        #expect(french.contains(#"<html lang="fr">"#))
        let mixedWithOption = try expectStreamedPageIsWritten(
            EpisodeCollection(episodes: english + [Episode(title: "第五集", language: "zh")]), options: ["language": "fr"])
        #expect(mixedWithOption.contains(#"<html lang="fr">"#))
        // The page's labels follow its language, and are rendered only at the end.
        let chinese = try expectStreamedPageIsWritten(EpisodeCollection(episodes: [Episode(title: "一", language: "zh"), Episode(title: "二", language: "zh")]))
        #expect(chinese.contains(#"<html lang="zh">"#))
    }

    @Test func titleSetOrNot() throws {
        let episodes = [Episode(title: "One", chapters: [Chapter(start: 5, title: "Start")]), Episode(title: "Two")]
        let untitled = try expectStreamedPageIsWritten(EpisodeCollection(episodes: episodes))
        #expect(untitled.contains(#"data-untitled="true""#))
        let titled = try expectStreamedPageIsWritten(
            EpisodeCollection(title: "Kitchen <notes> & more", preamble: ["Line one", "Line two"], episodes: episodes))
        #expect(titled.contains("Kitchen &lt;notes&gt; &amp; more</h1>"))
        #expect(!titled.contains("data-untitled"))
    }

    @Test func episodesFindTheirChannelsInTheHeader() throws {
        let channels = [Channel(title: "First", siteURL: "https://example.org/first"), Channel(title: "Second", feedURL: "https://example.org/second.xml")]
        let episodes =
            (1...7).map {
                Episode(title: "Episode \($0)", channel: $0.isMultiple(of: 2) ? "Second" : "First", metadata: EpisodeMetadata(published: "2026-01-0\($0)"))
            }
            + [Episode(title: "No such channel", channel: "Third")]
        let page = try expectStreamedPageIsWritten(EpisodeCollection(title: "Channels", channels: channels, episodes: episodes))
        #expect(page.contains(#"<a href="https://example.org/first">First</a>"#))
    }

    @Test func controlCharacterWarningOnce() throws {
        let episodes = (1...5).map { Episode(title: "Episode\u{1} \($0)", summary: "Bell\u{7}") }
        for collection in [
            EpisodeCollection(episodes: episodes), EpisodeCollection(title: "Title\u{2}", episodes: episodes), EpisodeCollection(title: "Title\u{2}"),
        ] {
            for batchSize in [1, 2, 10] {
                let streamed = try #require(
                    try StreamingHarness.streamedBytes(HTMLWriter(), collection: collection, options: ConversionOptions(), batchSize: batchSize))
                #expect(streamed.diagnostics.filter { $0.id.rawValue == "html.control-characters" }.count == 1)
                #expect(streamed.diagnostics.count == 1)
            }
            try expectStreamedPageIsWritten(collection)
        }
        // Clean text: no warning.
        let clean = try #require(try StreamingHarness.streamedBytes(HTMLWriter(), collection: ModelSamples.everyField, options: ConversionOptions()))
        #expect(clean.diagnostics.isEmpty)
    }

    @Test func manyEpisodesAcrossManyBatches() throws {
        // Ids and links are numbered by the episode's place in the whole collection, not in its batch.
        let episodes = (1...40).map { number in
            Episode(
                title: "Episode \(number)", language: number.isMultiple(of: 3) ? "en" : nil, summary: "Summary **\(number)**.",
                chapters: (0..<(number % 4)).map { Chapter(start: $0 * 60, title: "Part \($0 + 1)", body: "Text \($0).") })
        }
        let page = try expectStreamedPageIsWritten(EpisodeCollection(title: "Forty", episodes: episodes))
        #expect(page.contains(#"id="e40-episode""#))
    }

    @Test func declinesWhatNeedsTheWholeCollection() throws {
        for options in [["split": "true"], ["template": "/nonexistent/templates"], ["template": "/nonexistent/templates", "split": "true"]] {
            let streamed = try StreamingHarness.streamedBytes(HTMLWriter(), collection: ModelSamples.everyField, options: ConversionOptions(options))
            #expect(streamed == nil, "\(options)")
        }
        #expect(try StreamingHarness.streamedBytes(HTMLWriter(), collection: ModelSamples.everyField, options: ConversionOptions(["split": "false"])) != nil)
    }
}
