import Foundation
import PropertyBased
import QuireCore
import QuireTestSupport
import QuireZip
import Testing

@testable import QuireEPUB

#if canImport(Glibc)
import Glibc
#endif

/// The EPUB writer streamed a batch of episodes at a time, held to the bytes of `write` for the whole
/// collection.
@Suite struct EPUBStreamingTests {
    static let batchSizes = [1, 3, 64, 10_000]
    static let optionSets: [[String: String]] = [
        Book.fixedDate,
        Book.fixedDate.merging(["no-timeline": "true"]) { $1 },
        Book.fixedDate.merging(["title": "My podcasts", "author": "Quire Tests"]) { $1 },
        [:],
    ]

    @Test(arguments: batchSizes)
    func everyFieldStreamsTheSameBytes(batchSize: Int) throws {
        for options in Self.optionSets {
            try expectSameBytes(ModelSamples.everyField, options: options, batchSize: batchSize)
        }
    }

    @Test(arguments: ["Examples/sample-page.txt", "Examples/episode.txt"])
    func examplesStreamTheSameBytes(path: String) throws {
        let model = try Book.summaryText(try Fixtures.input(path))
        for batchSize in Self.batchSizes {
            for options in Self.optionSets { try expectSameBytes(model, options: options, batchSize: batchSize) }
        }
    }

    /// The sample page with the shared corpus page when this clone has it, over several scratch archives.
    @Test func samplePageStreamsTheSameBytesThroughSeveralScratchArchives() throws {
        let model = try Book.samplePage()
        #expect(model.episodes.count > 10)
        for batchSize in [1, 5, 64] {
            let writer = SpoolSizedEPUBWriter(documentsPerArchive: 4)
            try expectSameBytes(model, batchSize: batchSize, writer: writer)
            #expect(writer.archiveCount == (model.episodes.count + 3) / 4)
        }
    }

    /// Episodes whose documents wait for the book's language (none of their own, a malformed one, no
    /// title) land in later scratch archives than the episodes around them: the book must still list
    /// every document in reading order.
    @Test func deferredDocumentsKeepTheirPlaceAcrossScratchArchives() throws {
        var collection = ModelSamples.everyField
        let base = collection.episodes
        collection.episodes = (0..<40).map { number in
            var episode = base[number % base.count]
            switch number % 5 {
            case 1: episode.language = nil
            case 2: episode.language = "en_US.UTF-8"
            case 3: episode.title = "  "
            default: episode.title += " \(number)"
            }
            return episode
        }
        for batchSize in [1, 7, 64] {
            let writer = SpoolSizedEPUBWriter(documentsPerArchive: 6)
            try expectSameBytes(collection, batchSize: batchSize, writer: writer)
            #expect(writer.archiveCount == 7)
        }
        try expectSameBytes(collection, options: Book.fixedDate.merging(["language": "ko"]) { $1 }, batchSize: 3)
    }

    @Test func episodesLackingALanguageStreamTheSameBytes() throws {
        let untagged = EpisodeCollection(
            title: "Untagged",
            episodes: [
                Episode(title: "First", summary: "An episode about the weather and the sea, told in plain English."),
                Episode(title: "", language: "x", summary: "No title and a malformed language."),
                Episode(title: "Third", language: "en_US", summary: "A locale name, not a language tag."),
            ])
        for batchSize in [1, 2, 64] {
            try expectSameBytes(untagged, batchSize: batchSize)
            try expectSameBytes(untagged, options: Book.fixedDate.merging(["language": "zh"]) { $1 }, batchSize: batchSize)
        }
        // One tagged episode decides the book's language for the untagged ones.
        var mixed = untagged
        mixed.episodes.append(Episode(title: "한국어", language: "ko", summary: "요약"))
        try expectSameBytes(mixed, batchSize: 1)
        try expectSameBytes(EdgeCases.mixedLanguages, batchSize: 1)
    }

    @Test func emptyCollectionsStreamTheSameBytes() throws {
        for model in [EpisodeCollection(), EpisodeCollection(title: "Nothing yet", preamble: ["", "  spaced  "]), EdgeCases.longEpisode] {
            for options in Self.optionSets { try expectSameBytes(model, options: options, batchSize: 3) }
        }
    }

    @Test func coverAndControlCharactersStreamTheSameBytesAndDiagnostics() throws {
        let cover = Fixtures.url("Tests/EPUBFormatTests/Fixtures/cover.png").path
        try expectSameBytes(EdgeCases.longEpisode, options: ["cover": cover, "date": "1"], batchSize: 1)
        try expectSameBytes(EdgeCases.longEpisode, options: ["cover": "/nonexistent/cover.png", "date": "1"], batchSize: 1)
        let bell = EpisodeCollection(title: "bell", episodes: [Episode(title: "E\u{07}", language: "en"), Episode(title: "F", language: "en")])
        let diagnostics = try expectSameBytes(bell, batchSize: 1)
        #expect(diagnostics.map { $0.id } == ["epub.control-characters"])
    }

    @Test func generatedModelsStreamTheSameBytes() async {
        await propertyCheck(count: 30, input: Gen.int(in: 0...Int.max)) { seed in
            var generator = ModelGenerator(seed: UInt64(seed), options: .init(controlCharacters: seed % 3 == 0, untrimmedText: true))
            let model = generator.collection()
            do {
                try expectSameBytes(model, batchSize: 1 + seed % 5, writer: SpoolSizedEPUBWriter(documentsPerArchive: 1 + seed % 3))
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }

    /// Sorting by channel keeps the input order when every streamed episode has the same channel, as
    /// streamed episodes do; a stream that breaks that is refused, not written in another order.
    @Test func channelOrdersStreamWhenTheyKeepTheInputOrder() throws {
        var oneChannel = ModelSamples.everyField
        for index in oneChannel.episodes.indices { oneChannel.episodes[index].channel = oneChannel.channels.first?.title }
        for options in [["group-by": "channel"], ["order": "channel"], ["order": "input", "group-by": "channel"]] {
            try expectSameBytes(oneChannel, options: Book.fixedDate.merging(options) { $1 }, batchSize: 1)
        }
        let interleaved = EpisodeCollection(
            channels: [Channel(title: "A"), Channel(title: "B")],
            episodes: [Episode(title: "b1", channel: "B", language: "en"), Episode(title: "a1", channel: "A", language: "en")])
        #expect(throws: ConversionFailure.self) {
            _ = try StreamingHarness.streamedBytes(EPUBWriter(), collection: interleaved, options: ConversionOptions(["group-by": "channel"]))
        }
    }

    @Test func publishedOrderDoesNotStream() throws {
        let streamed = try StreamingHarness.streamedBytes(
            EPUBWriter(), collection: ModelSamples.everyField, options: ConversionOptions(["order": "published"]))
        #expect(streamed == nil)
        #expect(throws: ConversionFailure.self) {
            _ = try StreamingHarness.streamedBytes(EPUBWriter(), collection: ModelSamples.everyField, options: ConversionOptions(["order": "random"]))
        }
    }

    @Test(.enabled(if: EPUBCheck.isAvailable, "epubcheck (apt package epubcheck) or java is not installed"))
    func streamedBookPassesEPUBCheck() throws {
        let result = try StreamingHarness.streamedBytes(
            SpoolSizedEPUBWriter(documentsPerArchive: 4), collection: try Book.samplePage(), options: ConversionOptions(Book.fixedDate))
        let streamed = try #require(result)
        #expect(try EPUBCheck.problems(streamed.bytes) == [])
    }

    /// The contents' chapters go to a scratch file and are read back in chunks: titles longer than a
    /// chunk, untitled and untimed chapters, channel headings and untitled episodes (whose overview
    /// rows are written at the end) must all come back as `write` makes them.
    @Test func chaptersReadBackFromTheContentsScratchFileStreamTheSameBytes() throws {
        let long = String(repeating: "A very long chapter title ", count: 4_000)
        var episodes: [Episode] = []
        for number in 0..<9 {
            let chapters = [
                Chapter(start: 0, title: number % 3 == 0 ? long + "\(number)" : "Opening \(number)"),
                Chapter(start: nil, title: "  "),
                Chapter(start: 95 + number, title: "Spaced   out\tchapter", quotes: [Quote(text: "Said.", time: 100 + number)]),
            ]
            episodes.append(
                Episode(
                    title: number % 4 == 1 ? "" : "Episode \(number)", channel: "Show", language: number % 4 == 1 ? nil : "en",
                    summary: "A summary.", chapters: number % 5 == 4 ? [] : chapters, metadata: EpisodeMetadata(duration: 600)))
        }
        let collection = EpisodeCollection(title: "Long titles", channels: [Channel(title: "Show")], episodes: episodes)
        for options in [Book.fixedDate, Book.fixedDate.merging(["group-by": "channel"]) { $1 }, Book.fixedDate.merging(["no-timeline": "true"]) { $1 }] {
            for batchSize in [1, 4] { try expectSameBytes(collection, options: options, batchSize: batchSize) }
        }
    }

    /// Streams `collection` and expects `write`'s bytes and diagnostics; returns the diagnostics.
    @discardableResult
    private func expectSameBytes(
        _ collection: EpisodeCollection, options: [String: String] = Book.fixedDate, batchSize: Int,
        writer: any StreamingFormatWriter = EPUBWriter(), sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> [Diagnostic] {
        let (whole, wholeDiagnostics) = try Book.write(collection, options: options)
        let result = try StreamingHarness.streamedBytes(writer, collection: collection, options: ConversionOptions(options), batchSize: batchSize)
        let streamed = try #require(result, "the writer declined to stream \(options)", sourceLocation: sourceLocation)
        // Compared outside the expectation, which would print both books' bytes.
        let isSame = streamed.bytes == whole
        #expect(isSame, "\(options), batch size \(batchSize): \(firstEntryDifference(streamed.bytes, whole))", sourceLocation: sourceLocation)
        #expect(streamed.diagnostics.all == wholeDiagnostics.all, sourceLocation: sourceLocation)
        return streamed.diagnostics.all
    }

    /// The first entry whose path or text differs, so a failure says which part of the book broke.
    private func firstEntryDifference(_ streamed: [UInt8], _ whole: [UInt8]) -> String {
        guard streamed != whole else { return "" }
        guard let left = try? ZipReader.read(InputFile(name: "streamed.epub", bytes: streamed), prefix: "test"),
            let right = try? ZipReader.read(InputFile(name: "whole.epub", bytes: whole), prefix: "test")
        else { return "the streamed book is not a readable archive" }
        for (streamedEntry, wholeEntry) in zip(left.entries, right.entries) where streamedEntry != wholeEntry {
            return "\(streamedEntry.path) vs \(wholeEntry.path): \(String(decoding: streamedEntry.bytes.prefix(2000), as: UTF8.self))"
        }
        return left.entries.count == right.entries.count
            ? "same entries, different archive bytes" : "\(left.entries.count) entries vs \(right.entries.count)"
    }
}

/// The EPUB writer with small scratch archives, so tests spool several; it counts the archives its
/// last stream wrote.
final class SpoolSizedEPUBWriter: StreamingFormatWriter, @unchecked Sendable {
    let documentsPerArchive: Int
    private var stream: EPUBStreamWriter?

    init(documentsPerArchive: Int) { self.documentsPerArchive = documentsPerArchive }

    var archiveCount: Int { stream?.spoolArchiveCount ?? 0 }

    func write(_ collection: EpisodeCollection, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> [UInt8] {
        try EPUBWriter().write(collection, options: options, diagnostics: &diagnostics)
    }

    func streamWriter(options: ConversionOptions, output: StreamOutput) throws -> (any EpisodeStreamWriter)? {
        guard try EPUBWriter().streamWriter(options: options, output: output) != nil else { return nil }
        let stream = EPUBStreamWriter(settings: try EPUBSettings(options), output: output, documentsPerArchive: documentsPerArchive)
        self.stream = stream
        return stream
    }
}
