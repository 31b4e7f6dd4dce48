import Foundation
import QuireCommands
import QuireTestSupport
import Testing

/// `--streaming`: the streamed conversion writes the same file as the whole one, says so with
/// `--explain`, and keeps every promise of an ordinary conversion (`--strict`, atomic output).
@Suite struct StreamingCommandTests {
    /// The corpus page three times over, with a summary line at the end that has no title (tests that
    /// use it need the shared corpus).
    private func makePage(in directory: TemporaryDirectory) throws -> String {
        let page = try Data(contentsOf: try #require(Fixtures.sharedCorpus("sample-channel-page.txt")))
        var bytes = Data()
        for _ in 0..<3 { bytes += page }
        let path = directory.path("page.txt")
        try bytes.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Every format that streams, with the job's defaults applied on the way.
    @Test(.needsSharedCorpus, arguments: ["json", "html", "epub"])
    func streamingWritesTheSameFileAsAWholeConversion(format: String) throws {
        let directory = try TemporaryDirectory()
        let page = try makePage(in: directory)
        let defaults = ["--channel", "Channel", "--feed", "https://example.org/feed.xml", "--title", "Streamed", "--to", format]
        let whole = quire(["convert", page, "-o", directory.path("whole.\(format)"), "--streaming", "never"] + defaults)
        let streamed = quire(["convert", page, "-o", directory.path("streamed.\(format)"), "--streaming", "always", "--explain"] + defaults)
        #expect(whole.status == .success && streamed.status == .success, "\(whole.error)\n\(streamed.error)")
        #expect(streamed.error.contains("streamed: read and written a piece at a time"), "\(format) did not stream")
        #expect(!whole.error.contains("streamed:"))
        // The progress bar (megabytes read) is for terminals only.
        #expect(!streamed.error.contains("\r"))
        let wholeBytes = try Data(contentsOf: URL(fileURLWithPath: directory.path("whole.\(format)")))
        #expect(try Data(contentsOf: URL(fileURLWithPath: directory.path("streamed.\(format)"))) == wholeBytes)
        // The same diagnostics, apart from the route.
        #expect(
            streamed.error.split(separator: "\n").filter { !$0.hasPrefix("route") && !$0.hasPrefix("  ") && !$0.hasPrefix("streamed:") }
                == whole.error.split(separator: "\n"))
    }

    /// `--strict` refuses a streamed result with warnings, and the file that was there stays whole.
    @Test(.needsSharedCorpus) func strictLeavesTheExistingFileWhenStreaming() throws {
        let directory = try TemporaryDirectory()
        let page = try makePage(in: directory)
        let output = directory.path("out.json")
        try "precious".write(toFile: output, atomically: true, encoding: .utf8)
        let result = quire(["convert", page, "-o", output, "--streaming", "always", "--strict"])
        #expect(result.status == .failure)
        #expect(result.error.contains("warnings treated as errors (--strict); nothing written"))
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "precious")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).sorted() == ["out.json", "page.txt"])
    }

    /// Options that need the whole collection, and inputs of the episode form, are converted whole.
    @Test(.needsSharedCorpus) func jobsThatNeedTheWholeCollectionAreNotStreamed() throws {
        let directory = try TemporaryDirectory()
        let page = try makePage(in: directory)
        let ordered = quire(["convert", page, "-o", directory.path("book.epub"), "--streaming", "always", "--order", "published", "--explain"])
        #expect(ordered.status == .success)
        #expect(!ordered.error.contains("streamed:"))
        let episode = quire(["convert", Fixtures.url("Examples/episode.txt").path, "-o", directory.path("e.json"), "--streaming", "always", "--explain"])
        #expect(episode.status == .success)
        #expect(!episode.error.contains("streamed:"))
        let toStandardOutput = quire(["convert", page, "--to", "json", "--streaming", "always", "--explain"])
        #expect(!toStandardOutput.error.contains("streamed:"))
        #expect(toStandardOutput.output.hasPrefix("{"))
    }

    @Test func anUnknownPolicyIsAUsageError() {
        let result = quire(["convert", "in.txt", "-o", "out.json", "--streaming", "sometimes"])
        #expect(result.status == .usage)
        #expect(result.error.contains("--streaming takes 'auto', 'always', 'never', not 'sometimes'"))
    }

    /// Bad input found part-way through a stream fails with its location, and writes nothing.
    @Test(.needsSharedCorpus) func badInputPartWayThroughWritesNothing() throws {
        let directory = try TemporaryDirectory()
        let page = try makePage(in: directory)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: page))
        bytes += Data([0x0A, 0x41, 0xFF, 0x0A])
        try bytes.write(to: URL(fileURLWithPath: page))
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).count - 1
        let result = quire(["convert", page, "-o", directory.path("out.json"), "--streaming", "always"])
        #expect(result.status == .failure)
        #expect(result.error.contains("page.txt:\(lines):2: error: the input is not UTF-8 text"))
        #expect(!FileManager.default.fileExists(atPath: directory.path("out.json")))
    }
}
