import Foundation
import QuireBuiltinFormats
import QuireConversion
import QuireCore
import QuireTestSupport
import Testing

/// Settings declared by formats (and plugins), checked before a job starts, named as flags by the
/// command line; the conversion API without the command line; diagnostics as JSON lines.
@Suite struct DeclaredSettingsTests {
    private let episode = Fixtures.url("Examples/episode.txt").path

    @Test func formatsFormatListsItsSettings() {
        let result = quire(["formats", "epub"])
        #expect(result.status == .success)
        let rows = result.output.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(rows.contains("order input|published|channel input Episode order."))
        #expect(rows.contains("group-by channel - 'channel' makes channels the top level of the table of contents."))
        #expect(quire(["formats", "json"]).output.contains("settings: none"))
        #expect(quire(["formats", "nonsense"]).status == .usage)
    }

    @Test func aValueASettingDoesNotTakeIsAUsageErrorNamingTheFlag() {
        let result = quire(["convert", episode, "--to", "epub", "-o", "/nonexistent/x.epub", "--order", "sideways"])
        #expect(result.status == .usage)
        #expect(result.error == "quire: error: --order takes 'input', 'published' or 'channel', not 'sideways'\n")
        let flag = quire(["convert", episode, "--to", "markdown", "--option", "front-matter=maybe"])
        #expect(flag.status == .usage)
        #expect(flag.error.contains("--front-matter is on or off ('true' or 'false'), not 'maybe'"))
    }

    @Test func aSettingNoFormatDeclaresIsRefused() {
        let result = quire(["convert", episode, "--to", "json", "--option", "colour=blue"])
        #expect(result.status == .usage)
        #expect(result.error.contains("unknown setting 'colour'; `quire formats FORMAT` lists the settings of a format"))
        #expect(result.output.isEmpty)
    }

    @Test func aPluginsDeclaredSettingIsAFlagAndReachesThePlugin() throws {
        let listed = quire(["formats", "webvtt-chapters"])
        #expect(listed.output.contains("last-chapter-length  <n>     300      Seconds the last chapter lasts"))
        // An episode without a duration: its last cue ends by the setting.
        let directory = try TemporaryDirectory()
        let input = directory.path("episode.txt")
        try Data("# An episode\n\nA summary.\n\n## [00:00] Intro\n\nHi.\n\n## [01:00] End\n\nBye.\n".utf8).write(to: URL(fileURLWithPath: input))
        let defaultLength = quire(["convert", input, "--to", "webvtt-chapters"])
        let shorter = quire(["convert", input, "--to", "webvtt-chapters", "--last-chapter-length", "60", "--verbose"])
        #expect(defaultLength.status == .success && shorter.status == .success)
        #expect(defaultLength.output.hasSuffix("00:01:00.000 --> 00:06:00.000\nEnd\n"))
        #expect(shorter.output.hasSuffix("00:01:00.000 --> 00:02:00.000\nEnd\n"))
        #expect(shorter.error.contains("the last chapter ends 60 seconds after it starts"))
        let bad = quire(["convert", episode, "--to", "webvtt-chapters", "--last-chapter-length", "soon"])
        #expect(bad.status == .usage)
        #expect(bad.error.contains("--last-chapter-length takes a whole number of 0 or more, not 'soon'"))
    }

    @Test func diagnosticsAsJSONLines() throws {
        let directory = try TemporaryDirectory()
        let input = directory.path("page.txt")
        try Data("# An episode\n\nA summary.\n\n## [99:99] Opening\n\nThe host opens.\n".utf8).write(to: URL(fileURLWithPath: input))
        let result = quire(["convert", input, "--to", "json", "--diagnostics", "json"])
        #expect(result.status == .success)
        let lines = result.error.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["file"] as? String == input)
            #expect(["note", "warning", "error"].contains(object["severity"] as? String))
            #expect((object["id"] as? String)?.isEmpty == false)
        }
        let warning = try #require(
            lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
                .first { $0["severity"] as? String == "warning" })
        #expect(warning["line"] as? Int == 5)
        #expect(warning["column"] as? Int != nil)
        // A failure the library reports with a message is a JSON line too, not text.
        let failed = quire(["convert", directory.path("missing.txt"), "--to", "json", "--diagnostics", "json"])
        #expect(failed.status == .failure)
        let record = try #require(try JSONSerialization.jsonObject(with: Data(failed.error.utf8)) as? [String: Any])
        #expect(record["id"] as? String == "quire.failure")
        #expect((record["message"] as? String)?.hasPrefix("cannot read \(directory.path("missing.txt"))") == true)
    }
}

/// `ConversionService` without the command line: what an embedding program or a server does.
@Suite struct ConversionServiceTests {
    private let service = ConversionService(registry: try! FormatRegistry(plugins: BuiltinFormats.plugins))

    @Test func bytesInBytesOutWithDiagnosticsCollected() throws {
        let text = try String(contentsOf: Fixtures.url("Examples/episode.txt"), encoding: .utf8)
        let request = ConversionRequest(inputs: [.bytes(name: "episode.txt", Array(text.utf8))], targetFormat: "json")
        let collector = DiagnosticCollector()
        guard case .output(let bytes) = try service.run(request, diagnostics: collector) else {
            Issue.record("expected bytes for standard output")
            return
        }
        let model = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect((model["episodes"] as? [Any])?.count == 1)
        #expect(collector.diagnostics.allSatisfy { $0.severity != .error })
    }

    @Test func aWrongRequestIsARequestErrorNamingTheSetting() {
        let request = ConversionRequest(inputs: [.path("x.txt")], targetFormat: "opml", settings: ConversionOptions(["opml": "tree"]))
        #expect(throws: ConversionError(.request, "setting 'opml' takes 'channels' or 'outline', not 'tree'")) {
            try service.run(request, diagnostics: DiagnosticCollector())
        }
        #expect(throws: ConversionError(.request, "cannot tell the output format (writing to standard output); give setting 'to'")) {
            try service.run(ConversionRequest(inputs: [.path("x.txt")]), diagnostics: DiagnosticCollector())
        }
    }

    @Test func strictRefusesWarningsAndWritesNothing() throws {
        let directory = try TemporaryDirectory()
        let output = directory.path("out.json")
        let page = Array("# An episode\n\n## [99:99] Opening\n\nThe host opens.\n".utf8)
        let request = ConversionRequest(
            inputs: [.bytes(name: "page.txt", page)], output: .file(output), targetFormat: "json",
            settings: ConversionOptions([CommonSettings.strict.key: "true"]))
        let collector = DiagnosticCollector()
        #expect(throws: ConversionError.self) { try service.run(request, diagnostics: collector) }
        #expect(!collector.diagnostics.isEmpty && collector.diagnostics.allSatisfy { $0.severity == .error })
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}

/// The README's `import Quire` example is the one the package builds, and it runs.
@Suite struct EmbeddingExampleTests {
    @Test func theReadmeShowsTheBuiltExample() throws {
        let readme = try String(contentsOf: Fixtures.url("README.md"), encoding: .utf8)
        let example = try String(contentsOf: Fixtures.url("Examples/Embedding/main.swift"), encoding: .utf8)
        #expect(readme.contains("```swift\n" + example + "```\n"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: Fixtures.url(".build/debug/quire-embedding-example").path)))
    func theExampleConvertsTheSamplePage() throws {
        let run = try ExternalTool.run(
            path: Fixtures.url(".build/debug/quire-embedding-example").path, [Fixtures.url("Examples/sample-page.txt").path])
        #expect(run.status == 0)
        let text = String(decoding: run.output, as: UTF8.self)
        #expect(text.hasPrefix("1. "))
        #expect(text.hasSuffix(" diagnostics\n"))
    }
}
