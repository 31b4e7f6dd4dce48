import Foundation
import QuireCore
import QuireTestSupport
import Testing

/// A conversion that fails, is interrupted or runs out of disk leaves no partial output and an
/// existing output file as it was. Runs the built binary, as a user's shell would.
@Suite struct NothingLostTests {
    static let binary = CLIHarness.binary
    static let hasBinary = CLIHarness.hasBinary

    /// The sample page repeated until it is several megabytes, so a conversion takes a while.
    private func largePage(in directory: TemporaryDirectory, copies: Int) throws -> String {
        let page = try FileIO.read(Fixtures.url("Examples/sample-page.txt").path)
        let path = directory.path("large.txt")
        try FileIO.writeAtomically(Array([[UInt8]](repeating: page + Array("\n".utf8), count: copies).joined()), to: path)
        return path
    }

    /// Read whole, and streamed (written into the output file as it goes).
    @Test(.enabled(if: hasBinary, "needs a built .build/debug/quire"), arguments: [[], ["--streaming", "always"]])
    func aSignalMidConversionLeavesTheOldOutputAndNoTemporaryFile(_ mode: [String]) throws {
        let directory = try TemporaryDirectory()
        let input = try largePage(in: directory, copies: 150)
        try FileManager.default.createDirectory(atPath: directory.path("out"), withIntermediateDirectories: true)
        let output = directory.path("out/page.json")
        let old = Array("old contents\n".utf8)
        // One whole run first: how long a conversion takes here, so the signals can land from early in
        // the reading to the last moments, when the output is being written.
        let started = Date()
        let whole = try spawnWithDefaultSignals(Self.binary, ["convert", input, "-o", output, "--quiet"] + mode)
        var wholeStatus: Int32 = 0
        waitpid(whole, &wholeStatus, 0)
        try #require(wholeStatus == 0)
        let duration = Date().timeIntervalSince(started)
        var interrupted = 0
        for (index, fraction) in [0.1, 0.5, 0.9, 0.97, 0.99, 0.995].enumerated() {
            let delay = duration * fraction
            try FileIO.writeAtomically(old, to: output)
            let pid = try spawnWithDefaultSignals(Self.binary, ["convert", input, "-o", output, "--quiet"] + mode)
            Thread.sleep(forTimeInterval: delay)
            kill(pid, index.isMultiple(of: 2) ? SIGINT : SIGTERM)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            let contents = try FileIO.read(output)
            // WIFSIGNALED: the low seven bits hold the signal that ended the process.
            if status & 0x7F != 0 {
                interrupted += 1
                #expect(contents == old, "signal after \(delay) s changed the existing output")
            } else {
                // Finished before the signal arrived: then the output is whole.
                #expect(status == 0)
                #expect(contents.starts(with: Array("{\n  \"schemaVersion\": 1".utf8)) && contents.last == UInt8(ascii: "\n"))
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path("out")) == ["page.json"])
        }
        #expect(interrupted > 0, "every conversion finished before its signal; the test proved nothing")
    }

    /// Starts a process with SIGINT and SIGTERM unblocked and at their defaults, as a shell starts a
    /// command; the test runner's own signal settings must not leak into it.
    private func spawnWithDefaultSignals(_ path: String, _ arguments: [String]) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), defaults = sigset_t()
        sigemptyset(&none)
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGTERM)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var files = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&files)
        defer { posix_spawn_file_actions_destroy(&files) }
        posix_spawn_file_actions_addopen(&files, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &files, &attributes, argv, environ)
        guard result == 0 else { throw FileIO.Failure(path: path, reason: String(cString: strerror(result))) }
        return pid
    }

    /// A tiny file system of its own (tmpfs needs root, as CI has); skipped elsewhere.
    private static let canMount: Bool = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/bin/mount")

    @Test(
        .enabled(if: hasBinary && canMount, "needs a built quire and root to mount a small tmpfs"),
        arguments: [
            ["--to", "json"], ["--to", "json", "--streaming", "always"], ["--to", "html", "--streaming", "always"], ["--to", "epub", "--streaming", "always"],
        ])
    func aFullDiskFailsCleanlyAndKeepsTheOldOutput(_ mode: [String]) throws {
        let directory = try TemporaryDirectory()
        let disk = directory.path("disk")
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        let mount = try ExternalTool.run(path: "/bin/mount", ["-t", "tmpfs", "-o", "size=8k", "tmpfs", disk])
        try #require(mount.status == 0, "mount failed: \(mount.error)")
        defer { _ = try? ExternalTool.run(path: "/bin/umount", [disk]) }
        let output = disk + "/page.json"
        let old = Array("old contents\n".utf8)
        try FileIO.writeAtomically(old, to: output)

        // The sample page's JSON is (about 20 KB) does not fit on the 8 KB disk.
        let result = try CLIHarness.runBinary(["convert", Fixtures.url("Examples/sample-page.txt").path, "-o", output] + mode)
        #expect(result.status == 1)
        #expect(result.error.contains("cannot write \(output)"), "\(result.error)")
        #expect(result.error.contains("No space left on device"), "\(result.error)")
        #expect(try FileIO.read(output) == old)
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk) == ["page.json"])
    }
}
