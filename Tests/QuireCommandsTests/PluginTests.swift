import Foundation
import QuireCommands
import QuireTestSupport
import Testing

/// Misbehaving plugins, shared with the plugin host's own tests.
private let misbehaving = Fixtures.url("Tests/QuirePluginHostTests/Fixtures/plugins").path
private let episode = Fixtures.url("Examples/episode.txt").path

@Suite struct ExamplePluginTests {
    @Test func examplePluginsAreFoundWithNoFlags() {
        let result = quire(["plugins", "list"])
        #expect(result.status == .success)
        for name in ["podcast-chapters 1.0.0", "webvtt-chapters 1.0.0", "youtube-chapters 1.0.0", "calibre-bridge 1.0.0"] {
            #expect(result.output.contains(name), "\(result.output)")
        }
        let formats = quire(["formats"]).output
        for format in ["podcast-chapters", "webvtt-chapters", "youtube-chapters", "azw3", "mobi", "pdf"] {
            #expect(formats.contains(format), "\(format)")
        }
    }

    @Test func podcastChaptersFollowsTheSpec() throws {
        let directory = try TemporaryDirectory()
        let output = directory.path("episode.chapters.json")
        let result = quire(["convert", episode, "-o", output])
        #expect(result.status == .success, "\(result.error)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [String: Any])
        #expect(document["version"] as? String == "1.2.0")
        let chapters = try #require(document["chapters"] as? [[String: Any]])
        #expect(chapters.count == 5)
        #expect(chapters.allSatisfy { $0["startTime"] is NSNumber && $0["title"] is String })
        #expect(chapters.map { $0["startTime"] as? Int } == chapters.map { $0["startTime"] as? Int }.sorted { ($0 ?? 0) < ($1 ?? 0) })
        #expect(chapters.first?["startTime"] as? Int == 0)
        #expect(document["podcastName"] as? String != nil)
    }

    @Test func webVTTChaptersAreWellFormedCues() throws {
        let result = quire(["convert", episode, "--to", "webvtt-chapters"])
        #expect(result.status == .success, "\(result.error)")
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "WEBVTT")
        let cues = lines.filter { $0.contains(" --> ") }
        #expect(cues.count == 5)
        // Each cue ends where the next begins; the last ends at the episode's duration (41:26).
        #expect(cues.first == "00:00:00.000 --> 00:03:45.000")
        #expect(cues.last?.hasSuffix(" --> 00:41:26.000") == true)
    }

    @Test(.enabled(if: ExternalTool.isAvailable("python3"), "needs python3 for the Python example plugin"))
    func pythonReaderFeedsEveryWriter() throws {
        let sample = Fixtures.url("Plugins/youtube-chapters/sample.chapters.txt").path
        let json = quire(["convert", sample, "--to", "json"])
        #expect(json.status == .success, "\(json.error)")
        #expect(json.output.contains("\"title\": \"How Bread Rises\""))
        #expect(json.output.contains("\"start\": 3926"))
        // Plugin reader into a plugin writer: two plugins in one route.
        let route = quire(["route", "youtube-chapters", "webvtt-chapters"])
        #expect(route.output.contains("1. youtube-chapters → model  reader from youtube-chapters"))
        #expect(route.output.contains("2. model → webvtt-chapters  writer from webvtt-chapters"))
        let vtt = quire(["convert", sample, "--to", "webvtt-chapters"])
        #expect(vtt.output.contains("00:01:36.000 --> 00:12:05.000\nWhy steam matters"))
        let opml = quire(["convert", sample, "--to", "opml", "--opml", "outline"])
        #expect(opml.output.contains(#"text="[12:05] Shaping" start="725""#))
    }

    @Test func pluginsCheckRunsTheFirstEdge() {
        for name in ["podcast-chapters", "webvtt-chapters"] {
            let result = quire(["plugins", "check", Fixtures.url("Plugins/\(name)").path])
            #expect(result.status == .success, "\(result.error)")
            #expect(result.output.hasPrefix("ok: \(name) 1.0.0: model → \(name) wrote "))
        }
    }
}

@Suite struct MisbehavingPluginTests {
    /// Runs a conversion through a misbehaving plugin: it fails with status 1 naming the plugin and
    /// step, and leaves no output file.
    private func expectFailure(_ arguments: [String], message: String) throws {
        let directory = try TemporaryDirectory()
        let output = directory.path("out.result")
        let result = quire(arguments + ["-o", output, "--plugin-dir", misbehaving])
        #expect(result.status == .failure)
        #expect(result.error.contains(message), "\(result.error)")
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).isEmpty)
    }

    private let input = Fixtures.url("Tests/QuirePluginHostTests/Fixtures/plugins/input.txt").path

    @Test func aCrashIsReported() throws {
        try expectFailure(["convert", input, "--from", "crasher", "--to", "json"], message: "plugin 'crasher' (crasher → model) crashed (signal 11)")
    }

    @Test func aHangIsStoppedAtTheTimeout() throws {
        let start = Date()
        try expectFailure(
            ["convert", input, "--from", "sleeper", "--to", "json", "--plugin-timeout", "1"],
            message: "plugin 'sleeper' (sleeper → model) did not finish within 1 s and was stopped")
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func aPluginThatClosesItsOutputIsStillStoppedAtTheTimeout() throws {
        let start = Date()
        try expectFailure(
            ["convert", input, "--from", "closer", "--to", "json", "--plugin-timeout", "1"],
            message: "plugin 'closer' (closer → model) did not finish within 1 s and was stopped")
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func absurdTimeoutsAreUsageErrors() {
        #expect(quire(["convert", input, "--from", "crasher", "--to", "json", "--plugin-timeout", "inf", "--plugin-dir", misbehaving]).status == .usage)
    }

    @Test func invalidOutputIsNamed() throws {
        try expectFailure(
            ["convert", input, "--from", "garbage", "--to", "json"],
            message:
                "plugin 'garbage' (garbage → model) wrote output that is not Quire JSON: <output of plugin 'garbage' (garbage → model)>:1:1: error: unexpected character"
        )
    }

    @Test func floodingStandardOutputIsStopped() throws {
        try expectFailure(
            ["convert", episode, "--to", "flooder", "--plugin-output-limit", "1000000"],
            message: "plugin 'flooder' (model → flooder) wrote more than 1000000 bytes to standard output and was stopped")
    }

    @Test func floodingStandardErrorIsStopped() throws {
        try expectFailure(
            ["convert", episode, "--to", "shouter"],
            message: "plugin 'shouter' (model → shouter) wrote more than 1048576 bytes to standard error and was stopped")
    }

    @Test func aNonZeroExitFailsWithThePluginsOwnMessage() throws {
        try expectFailure(["convert", episode, "--to", "failer"], message: "quire: error: cannot write this [plugin.failer.nope]")
        try expectFailure(["convert", episode, "--to", "failer"], message: "plugin 'failer' (model → failer) exited with status 3")
    }

    @Test func pluginDiagnosticsCarryTheirPlace() {
        let result = quire(["convert", input, "--from", "talker", "--to", "json", "--plugin-dir", misbehaving, "--verbose"])
        #expect(result.status == .success)
        #expect(result.error.contains("\(input):2:5: warning: odd line [plugin.talker.message]"))
        #expect(result.error.contains("note: talker: plain words"))
        #expect(result.output.contains("\"title\": \"From talker\""))
    }

    @Test func rejectedPluginsAreListedWithTheirReason() {
        let result = quire(["plugins", "list", "--plugin-dir", misbehaving])
        #expect(result.output.contains("plugins/broken: quire-plugin.json is not a valid manifest"))
        #expect(result.output.contains("plugins/future: speaks protocol 7; this Quire speaks 1...1"))
        #expect(result.output.contains("plugins/clash: clash: format name 'json' is already taken by format 'json'"))
        // A rejected plugin costs nothing else: the built-in JSON format still works.
        #expect(quire(["convert", episode, "--to", "json", "--plugin-dir", misbehaving]).status == .success)
    }

    @Test func checkReportsABrokenManifest() {
        let result = quire(["plugins", "check", misbehaving + "/broken"])
        #expect(result.status == .failure)
        #expect(result.error.contains("quire-plugin.json is not a valid manifest"))
    }
}

@Suite struct PluginRouteTests {
    /// summary text → model → JSON → a plugin's byte-level converter: a multi-hop route through a plugin.
    @Test func multiHopRoutesGoThroughPluginConverters() throws {
        let route = quire(["route", "summary", "json-copy", "--plugin-dir", misbehaving])
        #expect(
            route.output == """
                route summary → json-copy: 3 steps, cost 3, lossless
                  1. summary → model  reader from built-in, cost 1
                  2. model → json  writer from built-in, cost 1
                  3. json → json-copy  converter from json-copy, cost 1 — plugin 'json-copy' converts json to json-copy directly

                """)
        let direct = quire(["convert", episode, "--to", "json"])
        let copied = quire(["convert", episode, "--to", "json-copy", "--plugin-dir", misbehaving])
        #expect(copied.status == .success)
        #expect(copied.output == direct.output)
    }
}
