import Foundation
import QuireBuiltinFormats
import QuireConversion
import QuireCore
import QuireTestSupport
import Testing

private let filters = Fixtures.url("Tests/QuirePluginHostTests/Fixtures/filters").path
private let pluginDir = Fixtures.url("Plugins").path

/// The titles of the episodes in Quire JSON output, in order.
private func titles(_ bytes: [UInt8]) throws -> [String] {
    let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    return (object["episodes"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
}

/// `quire convert --filter`: filters between reader and writer, in order, isolated like plugins.
@Suite struct FilterCommandTests {
    /// Each kind of broken filter ends the conversion with an error naming it, and writes nothing.
    @Test(arguments: [
        ("fail.sh", [], "exited with status 1"),
        ("crash.sh", [], "crashed (signal 11)"),
        ("hang.sh", ["--plugin-timeout", "1"], "did not finish within 1 s and was stopped (raise --plugin-timeout if it needs longer)"),
        ("flood.sh", ["--plugin-output-limit", "100000"], "wrote more than 100000 bytes to standard output and was stopped"),
        (
            "garbage.sh", [],
            "wrote output that is not Quire JSON: <output of filter '\(filters)/garbage.sh'>:2:13: error: unexpected character, expected a value [json.syntax]"
        ),
    ])
    func aBrokenFilterEndsTheConversionAndWritesNothing(script: String, flags: [String], what: String) throws {
        let directory = try TemporaryDirectory()
        let output = directory.path("out.md")
        let result = quire(["convert", filters + "/episodes.json", "--filter", filters + "/" + script, "-o", output] + flags)
        #expect(result.status == .failure)
        #expect(result.error.contains("quire: error: filter '\(filters)/\(script)' \(what) [plugin.failed]"), "\(result.error)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func aFailingFiltersOwnMessageComesFirstAndAnExistingOutputIsUntouched() throws {
        let directory = try TemporaryDirectory()
        let output = directory.path("out.json")
        try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: output))
        let result = quire(["convert", filters + "/episodes.json", "--filter", filters + "/fail.sh", "-o", output])
        #expect(result.status == .failure)
        #expect(
            result.error == """
                quire: error: no episodes today [plugin.fail.sh.refused]
                quire: error: filter '\(filters)/fail.sh' exited with status 1 [plugin.failed]

                """)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "keep me\n")
    }

    @Test func filtersApplyInTheOrderGiven() throws {
        let ab = quire(["convert", filters + "/episodes.json", "--filter", filters + "/append-a.py", "--filter", filters + "/append-b.py", "--to", "json"])
        #expect(ab.status == .success, "\(ab.error)")
        #expect(try titles(ab.outputBytes).prefix(2) == ["Bread a:json b:json", "Steam a:json b:json"])
        let ba = quire(["convert", filters + "/episodes.json", "--filter", filters + "/append-b.py", "--filter", filters + "/append-a.py", "--to", "json"])
        #expect(try titles(ba.outputBytes).prefix(2) == ["Bread b:json a:json", "Steam b:json a:json"])
    }

    @Test func anUnknownFilterIsAUsageError() throws {
        let result = quire(["convert", filters + "/episodes.json", "--filter", "no-such-filter", "--to", "json", "--plugin-dir", pluginDir])
        #expect(result.status == .usage)
        #expect(
            result.error
                == "quire: error: --filter 'no-such-filter': no filter has that name (filters: normalize-entities, select-episodes), and it is no executable file in the working folder or on PATH\n"
        )
    }

    @Test func routeShowsFiltersAsSteps() throws {
        let result = quire([
            "route", "summary", "epub", "--filter", "select-episodes", "--filter", filters + "/append-a.py", "--plugin-dir", pluginDir,
        ])
        #expect(result.status == .success, "\(result.error)")
        #expect(
            result.output == """
                route summary → epub: 4 steps, cost 2, lossy
                  1. summary → model  reader from built-in, cost 1
                  2. model → model  filter 'select-episodes' from select-episodes
                  3. model → model  filter '\(filters)/append-a.py' from program \(filters)/append-a.py
                  4. model → epub  writer from built-in, cost 1, loses control characters, which XHTML cannot hold

                """)
    }

    @Test func aDirectConverterRouteGoesThroughTheModelWhenFiltered() throws {
        let result = quire(["route", "epub", "kepub", "--filter", "normalize-entities", "--plugin-dir", pluginDir])
        #expect(
            result.output.hasPrefix(
                """
                route epub → kepub: 4 steps, cost 3, lossy
                  1. epub → model  reader from built-in, cost 1
                  2. model → model  filter 'normalize-entities' from normalize-entities
                  3. model → epub  writer from built-in
                """), "\(result.output)")
    }

    @Test func explainSaysAFilteredJobIsReadWhole() throws {
        let directory = try TemporaryDirectory()
        let result = quire([
            "convert", filters + "/episodes.json", "--filter", "select-episodes", "--select-language", "ko", "--streaming", "always", "--explain",
            "--plugin-dir", pluginDir, "-o", directory.path("out.json"),
        ])
        #expect(result.status == .success, "\(result.error)")
        #expect(
            result.error == """
                route json → json: 3 steps, cost 2, lossless
                  1. json → model  reader from built-in, cost 1
                  2. model → model  filter 'select-episodes' from select-episodes
                  3. model → json  writer from built-in, cost 1
                not streamed: filters take the whole collection, so the input is read whole
                quire: warning: not streamed although --streaming is 'always': filters take the whole collection, so the input is read whole [filter.streaming]

                """)
        #expect(try titles(Array(Data(contentsOf: directory.url.appendingPathComponent("out.json")))) == ["부엌"])
    }

    /// Asked for explicitly, streaming that a filter rules out is a warning even without `--explain`;
    /// `auto` stays quiet.
    @Test func streamingAlwaysWithAFilterWarns() throws {
        let directory = try TemporaryDirectory()
        let always = quire([
            "convert", filters + "/episodes.json", "--filter", filters + "/append-a.py", "--streaming", "always", "-o", directory.path("a.json"),
        ])
        #expect(always.status == .success, "\(always.error)")
        #expect(
            always.error
                == "quire: warning: not streamed although --streaming is 'always': filters take the whole collection, so the input is read whole [filter.streaming]\n"
        )
        let auto = quire(["convert", filters + "/episodes.json", "--filter", filters + "/append-a.py", "-o", directory.path("b.json")])
        #expect(auto.status == .success, "\(auto.error)")
        #expect(auto.error == "")
    }

    /// A filter's setting without the filter changes nothing: said, naming the filter to add.
    @Test func aFiltersSettingWithoutTheFilterWarns() throws {
        let result = quire(["convert", filters + "/episodes.json", "--select-language", "zh", "--to", "json", "--plugin-dir", pluginDir])
        #expect(result.status == .success, "\(result.error)")
        #expect(
            result.error
                == "quire: warning: --select-language belongs to filter 'select-episodes', which this conversion does not run (add --filter select-episodes) [filter.setting.unused]\n"
        )
        #expect(try titles(result.outputBytes).count == 7)
        let filtered = quire([
            "convert", filters + "/episodes.json", "--filter", "select-episodes", "--select-language", "zh", "--to", "json", "--plugin-dir", pluginDir,
        ])
        #expect(filtered.error == "")
        let strict = quire(["convert", filters + "/episodes.json", "--option", "since=2024-01-01", "--strict", "--to", "json", "--plugin-dir", pluginDir])
        #expect(strict.status == .failure)
        #expect(strict.error.contains("--since belongs to filter 'select-episodes'"), "\(strict.error)")
    }

    /// A failing filter's plain standard error is shown with its error, without `--verbose`, once.
    @Test func aFailingFiltersPlainStandardErrorIsShown() throws {
        for verbose in [[], ["--verbose"]] {
            let result = quire(["convert", filters + "/episodes.json", "--filter", filters + "/fail-plain.sh", "--to", "json"] + verbose)
            #expect(result.status == .failure)
            #expect(
                result.error == """
                    quire: error: filter '\(filters)/fail-plain.sh' exited with status 3 [plugin.failed]
                    note: fail-plain.sh: boom from filter
                    note: fail-plain.sh: while reading episode 2

                    """)
        }
    }

    /// Generated flags and `--option` reach the filter alike.
    @Test func selectEpisodesThroughConvert() throws {
        let flags = quire([
            "convert", filters + "/episodes.json", "--plugin-dir", pluginDir, "--filter", "select-episodes", "--since", "2024-01-01", "--until",
            "2024-02-01", "--undated", "match", "--to", "json",
        ])
        #expect(flags.status == .success, "\(flags.error)")
        #expect(try titles(flags.outputBytes) == ["Bread", "发酵", "부엌", "Zhuang"])
        let options = quire([
            "convert", filters + "/episodes.json", "--plugin-dir", pluginDir, "--filter", "select-episodes", "--option", "select-language=zh",
            "--option", "select=drop", "--to", "json",
        ])
        #expect(try titles(options.outputBytes) == ["Bread", "Steam", "부엌", "Old", "Zhuang", "Zha"])
        let bad = quire(["convert", filters + "/episodes.json", "--plugin-dir", pluginDir, "--filter", "select-episodes", "--select", "maybe", "--to", "json"])
        #expect(bad.status == .usage)
        #expect(bad.error.contains("--select"), "\(bad.error)")
    }

    /// Several inputs are merged first, so one spelling wins across the files.
    @Test func normalizeEntitiesAcrossMergedInputs() throws {
        let result = quire([
            "convert", filters + "/entities-1.json", filters + "/entities-2.json", "--plugin-dir", pluginDir, "--filter", "normalize-entities", "--to",
            "json",
        ])
        #expect(result.status == .success, "\(result.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.outputBytes)) as? [String: Any])
        let names = (object["episodes"] as? [[String: Any]] ?? []).map { episode in
            (episode["entities"] as? [[String: Any]] ?? []).map { "\($0["name"] ?? "")|\($0["description"] ?? "")" }
        }
        #expect(
            names == [
                ["OpenAI|Makes ChatGPT.", "深度求索|DeepSeek 的公司名。"],
                ["OpenAI|An AI lab.\nFull-width spelling.", "深度求索|Spaced.", "Sam Altman|CEO."],
                ["OpenAI|Mentioned.\nAn AI lab.", "Sam Altman|"],
            ])
    }

    /// In a batch each file is filtered on its own.
    @Test func filtersRunOnEachFileOfABatch() throws {
        let directory = try TemporaryDirectory()
        let inputs = directory.path("in")
        try FileManager.default.createDirectory(atPath: inputs, withIntermediateDirectories: true)
        for name in ["episodes.json", "entities-1.json"] {
            try FileManager.default.copyItem(atPath: filters + "/" + name, toPath: inputs + "/" + name)
        }
        let result = quire([
            "convert", inputs, "--plugin-dir", pluginDir, "--filter", "select-episodes", "--select-language", "en", "--to", "json", "-o",
            directory.path("out") + "/",
        ])
        #expect(result.status == .success, "\(result.error)")
        #expect(try titles(Array(Data(contentsOf: URL(fileURLWithPath: directory.path("out/episodes.json"))))) == ["Bread", "Steam", "Old"])
        #expect(try titles(Array(Data(contentsOf: URL(fileURLWithPath: directory.path("out/entities-1.json"))))) == [])
    }

    @Test func pluginsCheckRunsTheExampleFiltersOnTheirSamples() throws {
        for (name, count) in [("select-episodes", 2), ("normalize-entities", 2)] {
            let result = quire(["plugins", "check", pluginDir + "/" + name])
            #expect(result.status == .success, "\(result.error)")
            #expect(result.output == "ok: \(name) 1.0.0: filter '\(name)' gave back \(count) episodes\n")
        }
    }

    @Test func listingsShowTheFilters() throws {
        let formats = quire(["formats", "--plugin-dir", pluginDir])
        #expect(formats.output.contains("\nFilters (model → model, --filter NAME; `quire formats NAME` lists a filter's settings):\n  normalize-entities"))
        let one = quire(["formats", "select-episodes", "--plugin-dir", pluginDir])
        #expect(one.output.hasPrefix("select-episodes: filter (model → model) from select-episodes\n"))
        #expect(one.output.contains("select-language  <text> ...      -         Match episodes in this BCP 47 language"))
        let plugins = quire(["plugins", "--plugin-dir", pluginDir])
        #expect(plugins.output.contains("  filter select-episodes: Keeps the episodes that match"))
        let help = quire(["convert", "--help", "--plugin-dir", pluginDir])
        #expect(help.output.contains("Filter select-episodes (--filter select-episodes):\n  --select <keep|drop>"), "\(help.output)")
    }
}

/// Keeps the episodes whose title holds the `keep-word` setting; says how many it dropped.
private struct KeepWordFilter: ModelFilter {
    func filter(_ collection: EpisodeCollection, options: ConversionOptions, target: FormatID?, diagnostics: inout Diagnostics) throws
        -> EpisodeCollection
    {
        let word = options.values["keep-word"] ?? ""
        var kept = collection
        kept.episodes = collection.episodes.filter { $0.title.contains(word) }
        diagnostics.report(.note("keep-word.dropped", "dropped \(collection.episodes.count - kept.episodes.count) for \(target?.rawValue ?? "-")"))
        return kept
    }
}

private struct KeepWordPlugin: FormatPlugin {
    var name = "keep-word"
    func register(in registry: inout FormatRegistry) throws {
        try registry.addFilter(
            KeepWordFilter(), named: "keep-word", help: "Keeps titles holding a word.",
            settings: [FormatSetting("keep-word", .text(valueName: "word"), help: "The word.")])
    }
}

/// Filters through the conversion API, without the command line: a Swift `ModelFilter` registered
/// like a format, named in the request.
@Suite struct FilterAPITests {
    private let service = ConversionService(registry: try! FormatRegistry(plugins: BuiltinFormats.plugins + [KeepWordPlugin()]))
    private let input = try! Array(Data(contentsOf: URL(fileURLWithPath: filters + "/episodes.json")))

    @Test func aRequestNamesItsFiltersAndTheirSettingsAreChecked() throws {
        var settings = ConversionOptions()
        settings.append("ea", for: "keep-word")
        let request = ConversionRequest(
            inputs: [.bytes(name: "episodes.json", input)], targetFormat: "json", settings: settings, filters: ["keep-word"])
        let collector = DiagnosticCollector()
        guard case .output(let bytes) = try service.run(request, diagnostics: collector) else {
            Issue.record("expected output")
            return
        }
        #expect(try titles(bytes) == ["Bread", "Steam"])
        #expect(collector.diagnostics.map(\.message) == ["dropped 5 for json"])
    }

    @Test func anUnknownFilterIsARequestError() throws {
        let request = ConversionRequest(inputs: [.bytes(name: "episodes.json", input)], targetFormat: "json", filters: ["nope"])
        #expect(throws: ConversionError(.request, "unknown filter 'nope'; the filters are 'keep-word'")) {
            try service.run(request, diagnostics: DiagnosticCollector())
        }
    }
}
