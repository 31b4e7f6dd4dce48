import Foundation
import QuireCommands
import QuireTestSupport
import Testing

@Suite struct BatchTests {
    /// A folder of 1,000 episodes, three of them corrupt.
    private func makeFolder() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        let input = directory.url.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input.appendingPathComponent("nested"), withIntermediateDirectories: true)
        let episode = try Data(contentsOf: Fixtures.url("Examples/episode.txt"))
        for index in 1...1000 {
            let folder = index % 10 == 0 ? input.appendingPathComponent("nested") : input
            let corrupt = [7, 500, 999].contains(index)
            try (corrupt ? Data([0x54, 0xFF, 0x0A]) : episode).write(to: folder.appendingPathComponent("episode-\(index).txt"))
        }
        return directory
    }

    @Test func convertsEveryGoodFileAndReportsTheBadOnes() throws {
        let directory = try makeFolder()
        let output = directory.path("out") + "/"
        let result = quire(["convert", directory.path("in"), "--to", "json", "-o", output])
        #expect(result.status == .failure)
        #expect(result.error.hasSuffix("converted 997, skipped 0, failed 3\n"))
        for name in ["episode-7.txt", "nested/episode-500.txt", "episode-999.txt"] {
            #expect(result.error.contains("failed \(directory.path("in"))/\(name):"))
        }
        #expect(result.error.contains("error: the input is not UTF-8 text (first invalid byte here) [summary.encoding]"))
        let top = try FileManager.default.contentsOfDirectory(atPath: output).filter { $0.hasSuffix(".json") }
        let nested = try FileManager.default.contentsOfDirectory(atPath: output + "nested")
        #expect(top.count + nested.count == 997)
        // No progress bar outside a terminal.
        #expect(!result.error.contains("\r"))
    }

    @Test func existingOutputsAreKeptUnlessForced() throws {
        let directory = try TemporaryDirectory()
        let input = directory.path("one.txt")
        try FileManager.default.copyItem(atPath: Fixtures.url("Examples/episode.txt").path, toPath: input)
        let output = directory.path("out")
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        try "precious".write(toFile: output + "/one.json", atomically: true, encoding: .utf8)
        let kept = quire(["convert", input, "--to", "json", "-o", output, "--jobs", "1"])
        #expect(kept.status == .success)
        #expect(kept.error.contains("skipped \(input): \(output)/one.json exists; --force replaces it"))
        #expect(try String(contentsOfFile: output + "/one.json", encoding: .utf8) == "precious")
        let forced = quire(["convert", input, "--to", "json", "-o", output, "--force"])
        #expect(forced.status == .success)
        #expect(forced.error == "converted 1, skipped 0, failed 0\n")
        #expect(try String(contentsOfFile: output + "/one.json", encoding: .utf8).hasPrefix("{"))
    }

    @Test func quietBatchesPrintOnlyFailures() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path("in"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixtures.url("Examples/episode.txt").path, toPath: directory.path("in/good.txt"))
        let clean = quire(["convert", directory.path("in"), "--to", "json", "-o", directory.path("out") + "/", "--quiet"])
        #expect(clean.status == .success)
        #expect(clean.error == "")
        try Data([0x54, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: directory.path("in/bad.txt")))
        let failing = quire(["convert", directory.path("in"), "--to", "json", "-o", directory.path("out") + "/", "--quiet", "--force"])
        #expect(failing.status == .failure)
        #expect(failing.error.hasSuffix("converted 1, skipped 0, failed 1\n"))
    }

    @Test func filesQuireCannotReadAreSkippedNotFailed() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path("in"), withIntermediateDirectories: true)
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00]).write(to: URL(fileURLWithPath: directory.path("in/cover.png")))
        try "hidden".write(toFile: directory.path("in/.DS_Store"), atomically: true, encoding: .utf8)
        let result = quire(["convert", directory.path("in"), "--to", "json", "-o", directory.path("out") + "/"])
        #expect(result.status == .success)
        #expect(result.error.hasSuffix("converted 0, skipped 1, failed 0\n"))
        #expect(result.error.contains("cover.png: cannot tell the input format"))
    }

    @Test func aBatchNeedsATargetFormatAndWorkers() {
        #expect(quire(["convert", Fixtures.url("Examples").path, "-o", "/tmp/quire-batch-out/"]).status == .usage)
        #expect(quire(["convert", Fixtures.url("Examples").path, "--to", "json", "-o", "/tmp/quire-batch-out/", "--jobs", "0"]).status == .usage)
    }
}
