import Foundation
import QuireCore
import QuireSummaryText
import QuireTestSupport
import Testing

/// A page streamed a piece at a time reads to exactly the model, and the diagnostics, of reading it
/// whole, wherever the pieces are cut.
@Suite struct StreamingReadTests {
    /// Pieces of one line (every boundary), of a few lines, and of the default size.
    static let pieceSizes = [1, 700, 64 << 10, 4 << 20]

    private func streamed(_ bytes: [UInt8], pieceSize: Int, options: ConversionOptions = ConversionOptions())
        throws -> (collection: EpisodeCollection?, diagnostics: Diagnostics, writer: CollectingStreamWriter)
    {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quire-streaming-\(UUID().uuidString).txt")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let writer = CollectingStreamWriter()
        var diagnostics = Diagnostics()
        var reported: [Int] = []
        let didStream = try SummaryTextReader(pieceSize: pieceSize).stream(
            path: url.path, name: "in.txt", options: options, diagnostics: &diagnostics, into: writer, progress: { reported.append($0) })
        if didStream {
            #expect(writer.isFinished)
            #expect(reported.last == bytes.count, "progress ends at the input's size")
        }
        return (didStream ? writer.collection : nil, diagnostics, writer)
    }

    private func whole(_ bytes: [UInt8], options: ConversionOptions = ConversionOptions()) throws -> (EpisodeCollection, Diagnostics) {
        var diagnostics = Diagnostics()
        let collection = try SummaryTextReader().read(InputFile(name: "in.txt", bytes: bytes), options: options, diagnostics: &diagnostics)
        return (collection, diagnostics)
    }

    private func expectSameAsWhole(_ bytes: [UInt8], options: ConversionOptions = ConversionOptions(), label: String) throws {
        let (expected, expectedDiagnostics) = try whole(bytes, options: options)
        for size in Self.pieceSizes {
            let result = try streamed(bytes, pieceSize: size, options: options)
            #expect(result.collection == expected, "\(label), pieces of \(size) bytes")
            #expect(result.diagnostics.all.map(\.description) == expectedDiagnostics.all.map(\.description), "\(label), pieces of \(size) bytes")
            #expect(result.diagnostics.all.flatMap(\.notes).count == expectedDiagnostics.all.flatMap(\.notes).count)
        }
    }

    @Test(.needsSharedCorpus) func theSharedCorpusPageStreamsToTheWholeModel() throws {
        let url = try #require(Fixtures.sharedCorpus("sample-channel-page.txt"))
        let bytes = try [UInt8](Data(contentsOf: url))
        try expectSameAsWhole(bytes, label: "corpus page")
        try expectSameAsWhole(bytes, options: ConversionOptions(["language": "en"]), label: "corpus page, --language en")
    }

    /// A page of thousands of chapters names its first 200 uncertain heading splits and counts the
    /// rest, read whole or streamed: the notes do not grow with the page.
    @Test(.needsSharedCorpus) func uncertainSplitsPastTheFirst200AreCountedNotListed() throws {
        let url = try #require(Fixtures.sharedCorpus("sample-channel-page.txt"))
        let page = try [UInt8](Data(contentsOf: url))
        var bytes: [UInt8] = []
        for _ in 0..<10 { bytes += page + [0x0A] }
        let (_, once) = try whole(page)
        let perPage = try #require(once.all.first { $0.id == "summary.heading.inferred" }).notes.count
        #expect(perPage > 20 && perPage < 200)
        let (_, diagnostics) = try whole(bytes)
        let note = try #require(diagnostics.all.first { $0.id == "summary.heading.inferred" })
        #expect(note.notes.count == 200)
        #expect(note.message.hasSuffix("\(perPage * 10) of them uncertain (the first 200 listed)"))
        let streamedNote = try streamed(bytes, pieceSize: 64 << 10).diagnostics.all.first { $0.id == "summary.heading.inferred" }
        #expect(streamedNote?.description == note.description)
        #expect(streamedNote?.notes == note.notes)
    }

    @Test func theExamplePageStreamsToTheWholeModel() throws {
        try expectSameAsWhole(try Fixtures.input("Examples/sample-page.txt").bytes, label: "Examples/sample-page.txt")
        try expectSameAsWhole(try Fixtures.input("Tests/SummaryTextTests/Fixtures/page-form.txt").bytes, label: "page-form.txt")
        try expectSameAsWhole(try Fixtures.input("Tests/SummaryTextTests/Fixtures/page-dump.txt").bytes, label: "page-dump.txt")
    }

    /// Lines no episode claims (between episodes, after the last), a summary line with no title, a
    /// byte order mark and CRLF line ends: each handled as the whole read handles it, across cuts.
    @Test func unplacedLinesUntitledEpisodesAndLineEndsMatchTheWholeRead() throws {
        let page =
            "\u{FEFF}Site chrome\r\nMenu\r\nFirst title\r\nOverview. ## [00:10] Heading body text here ## Entities - **Ann** (person): host\r\n"
            + "stray line one\r\nstray line two\r\nSecond title\r\nOther overview ## [01:00] Another heading with text\r\n"
            + "An untitled overview ## [02:00] Summary line with a marker\r\ntrailing line\r\n"
        try expectSameAsWhole(Array(page.utf8), label: "edge page")
        let (_, wholeDiagnostics) = try whole(Array(page.utf8))
        #expect(Set(wholeDiagnostics.all.map(\.id)).isSuperset(of: ["summary.text.unplaced", "summary.episode.untitled"]))
        let streamedPage = try streamed(Array(page.utf8), pieceSize: 1)
        // Cut after every line: episodes go on only once the next summary line shows nothing more joins them.
        #expect(streamedPage.collection?.episodes.count == 3)
        #expect(streamedPage.collection?.preamble == ["Site chrome", "Menu"])
        #expect(streamedPage.writer.batchSizes.reduce(0, +) == 3)
    }

    @Test func anInvalidByteInALaterPieceNamesItsLineAndColumn() throws {
        var bytes = Array("Title\nOverview ## [00:01] Heading text\n".utf8)
        for _ in 0..<50 { bytes += Array("Another\nMore ## [00:02] Heading text\n".utf8) }
        bytes += Array("Bad\nab".utf8) + [0xFF] + Array("c ## [00:03] x\n".utf8)
        for size in [1, 100] {
            do {
                _ = try streamed(bytes, pieceSize: size)
                Issue.record("expected a failure")
            } catch let failure as ConversionFailure {
                #expect(
                    failure.diagnostics.map(\.description) == [
                        "in.txt:104:3: error: the input is not UTF-8 text (first invalid byte here) [summary.encoding]"
                    ])
            }
        }
    }

    @Test func markupIsRefusedBeforeAnythingIsWritten() throws {
        do {
            let result = try streamed(Array("\n<?xml version=\"1.0\"?>\n<opml/>\n".utf8), pieceSize: 1)
            Issue.record("expected a failure, got \(String(describing: result.collection))")
        } catch let failure as ConversionFailure {
            #expect(failure.diagnostics.map(\.id) == ["summary.not-summary-text"])
        }
    }

    /// The episode form (and blank input) is read whole: the stream declines before calling the writer.
    @Test func theEpisodeFormAndBlankInputDecline() throws {
        let episode = try Fixtures.input("Examples/episode.txt").bytes
        let result = try streamed(episode, pieceSize: 100)
        #expect(result.collection == nil)
        #expect(result.diagnostics.all.isEmpty)
        #expect(try streamed(Array("\n \n".utf8), pieceSize: 1).collection == nil)
    }
}
