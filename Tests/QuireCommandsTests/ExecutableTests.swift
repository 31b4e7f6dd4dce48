import Foundation
import QuireTestSupport
import Testing

/// Runs the built `quire` binary: exit statuses as a shell sees them, standard input and output.
@Suite struct ExecutableTests {
    static let binary = CLIHarness.binary

    private func run(_ arguments: [String], input: Data = Data()) throws -> (status: Int32, output: Data, error: String) {
        try CLIHarness.runBinary(arguments, input: input)
    }

    @Test(.enabled(if: CLIHarness.hasBinary, "needs a built .build/debug/quire"))
    func pipesStandardInputToStandardOutput() throws {
        let page = try Data(contentsOf: Fixtures.url("Examples/sample-page.txt"))
        let json = try run(["convert", "-", "--to", "json"], input: page)
        #expect(json.status == 0)
        let summary = try run(["convert", "-", "--from", "json", "--to", "summary"], input: json.output)
        #expect(summary.status == 0)
        let again = try run(["convert", "-", "--to", "json"], input: summary.output)
        #expect(again.output == json.output)
    }

    @Test(.enabled(if: CLIHarness.hasBinary, "needs a built .build/debug/quire"))
    func theBinaryFindsTheExamplePlugins() throws {
        let episode = try Data(contentsOf: Fixtures.url("Examples/episode.txt"))
        let chapters = try run(["convert", "-", "--from", "summary", "--to", "podcast-chapters"], input: episode)
        #expect(chapters.status == 0, "\(chapters.error)")
        #expect(String(decoding: chapters.output, as: UTF8.self).contains("\"version\" : \"1.2.0\""))
    }

    static let fuzzReplayer = CLIHarness.fuzzReplayer

    /// Every input that once crashed a reader (Tests/FuzzCrashers/<reader>/) reads without crashing now.
    @Test(.enabled(if: CLIHarness.hasFuzzReplayer, "needs a built .build/debug/quire-fuzz"))
    func savedCrashersNoLongerCrash() throws {
        // Every reader's folder that holds crashers; readers the fuzzer never crashed have none.
        let readers = try FileManager.default.contentsOfDirectory(atPath: Fixtures.url("Tests/FuzzCrashers").path).filter { !$0.contains(".") }
        #expect(Set(["summary", "json", "opml"]).isSubset(of: readers))
        for reader in readers.sorted() {
            let folder = Fixtures.url("Tests/FuzzCrashers/\(reader)")
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).map { folder.appendingPathComponent($0).path }
            if files.isEmpty { continue }
            let result = try ExternalTool.run(path: Self.fuzzReplayer, [reader] + files)
            #expect(result.status == 0, "\(reader): \(result.error)")
        }
    }

    @Test(.enabled(if: CLIHarness.hasBinary && FileManager.default.fileExists(atPath: "/dev/full"), "needs a built quire and /dev/full"))
    func aFullStandardOutputIsAnErrorNotACrash() throws {
        let result = try ExternalTool.run(
            path: "/bin/sh", ["-c", "\"$0\" convert \"$1\" --to json > /dev/full", Self.binary, Fixtures.url("Examples/episode.txt").path])
        #expect(result.status == 1)
        #expect(result.error.contains("cannot write <stdout>: No space left on device"))
    }

    @Test(.enabled(if: CLIHarness.hasBinary, "needs a built .build/debug/quire"))
    func exitStatusesReachTheShell() throws {
        #expect(try run(["formats"]).status == 0)
        #expect(try run(["convert", "/nonexistent.txt", "--to", "json"]).status == 1)
        #expect(try run(["convert", "--to", "json"]).status == 2)
        #expect(try run(["route", "summary", "docx"]).status == 2)
    }
}
