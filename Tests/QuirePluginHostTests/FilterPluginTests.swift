import Foundation
import QuireCore
import QuirePluginHost
import QuireTestSupport
import Testing

private let filterFixtures = Fixtures.url("Tests/QuirePluginHostTests/Fixtures/filters").path

/// The two example filters of `Plugins/`, loaded as Quire loads them and run on models built here:
/// exact models out.
@Suite struct ExampleFilterTests {
    private func run(_ plugin: String, _ collection: EpisodeCollection, options: [(String, String)] = []) throws -> EpisodeCollection {
        let found = try PluginDiscovery.load(folder: Fixtures.url("Plugins/\(plugin)").path).get()
        let registry = try FormatRegistry(plugins: [ProcessPlugin(found)])
        let filter = try #require(registry.filter(named: plugin))
        var settings = ConversionOptions()
        for (key, value) in options { settings.append(value, for: key) }
        var diagnostics = Diagnostics()
        return try filter.filter.filter(collection, options: settings, target: "json", diagnostics: &diagnostics)
    }

    private func episode(_ title: String, channel: String?, language: String?, published: String?) -> Episode {
        Episode(title: title, channel: channel, language: language, metadata: EpisodeMetadata(published: published))
    }

    private var dated: EpisodeCollection {
        EpisodeCollection(
            channels: [Channel(title: "Kitchen Physics"), Channel(title: "厨房物理"), Channel(title: "Listed Only")],
            episodes: [
                episode("Bread", channel: "Kitchen Physics", language: "en", published: "2024-01-05"),
                episode("Steam", channel: "kitchen  PHYSICS", language: "en-GB", published: "2024-03-01T09:30:00Z"),
                episode("发酵", channel: "厨房物理", language: "zh-Hans", published: "Tue, 02 Jan 2024 08:00:00 +0800"),
                episode("부엌", channel: nil, language: "ko", published: nil),
                episode("Zhuang", channel: "ＫＩＴＣＨＥＮ Physics", language: "za", published: "2024-02-01"),
                episode("Zha", channel: "厨房物理", language: "zha", published: "2024-02-02"),
            ])
    }

    @Test(arguments: [
        ([], ["Bread", "Steam", "发酵", "부엌", "Zhuang", "Zha"]),
        ([("select-channel", "kitchen physics")], ["Bread", "Steam", "Zhuang"]),
        ([("since", "2024-01-01"), ("until", "2024-02-01")], ["Bread", "发酵", "Zhuang"]),
        ([("since", "2024-01-01"), ("until", "2024-02-01"), ("undated", "match")], ["Bread", "发酵", "부엌", "Zhuang"]),
        ([("select-language", "zh")], ["发酵"]),
        ([("select-language", "ZH"), ("select-language", "ko")], ["发酵", "부엌"]),
        ([("select-language", "en"), ("select", "drop")], ["发酵", "부엌", "Zhuang", "Zha"]),
        ([("select-channel", "厨房物理"), ("since", "2024-01-03")], ["Zha"]),
    ])
    func selectEpisodesKeepsOrDropsByItsQuery(options: [(String, String)], titles: [String]) throws {
        let result = try run("select-episodes", dated, options: options)
        #expect(result.episodes.map(\.title) == titles)
        // The episodes that stay are the very ones that went in.
        #expect(result.episodes == dated.episodes.filter { titles.contains($0.title) })
    }

    @Test func selectEpisodesDropsChannelsItEmptiedAndKeepsListedOnes() throws {
        let result = try run("select-episodes", dated, options: [("select-language", "zh")])
        #expect(result.channels.map(\.title) == ["厨房物理", "Listed Only"])
    }

    @Test func aDateThatIsNoDateEndsTheFilterWithItsMessage() throws {
        do {
            _ = try run("select-episodes", dated, options: [("since", "2024-13-01")])
            Issue.record("expected a failure")
        } catch let failure as ConversionFailure {
            #expect(
                failure.diagnostics.map(\.description) == [
                    "quire: error: setting 'since': '2024-13-01' is not a date (YYYY-MM-DD) [plugin.select-episodes.bad-date]",
                    "quire: error: filter 'select-episodes' (plugin select-episodes) exited with status 2 [plugin.failed]",
                ])
        }
    }

    /// `OpenAI` is written twice; `Open-AI`, `ＯｐｅｎＡＩ` and `openai` once each.
    @Test func normalizeEntitiesGivesEachNameItsMostCommonSpellingAndMergesDuplicates() throws {
        let collection = EpisodeCollection(episodes: [
            Episode(
                title: "One",
                entities: [
                    Entity(name: "Open-AI", type: "Organization", description: "Makes ChatGPT."),
                    Entity(name: "深度求索", type: "公司", description: "DeepSeek 的公司名。"),
                ]),
            Episode(
                title: "Two",
                entities: [
                    Entity(name: "OpenAI", type: "Organization", description: "An AI lab.", url: "https://openai.com"),
                    Entity(name: "ＯｐｅｎＡＩ", type: "", description: "Full-width spelling."),
                    Entity(name: "深度 求索", type: "公司", description: "Spaced."),
                    Entity(name: "Sam Altman", type: "Person", description: "CEO.", role: "host"),
                ]),
            Episode(
                title: "Three",
                entities: [
                    Entity(name: "openai", type: "company", description: "Mentioned."),
                    Entity(name: "OpenAI", type: "Organization", description: "Mentioned.", role: "subject"),
                    Entity(name: "sam  altman", type: "Person", description: "", role: "guest"),
                ]),
        ])
        let result = try run("normalize-entities", collection)
        #expect(
            result.episodes.map(\.entities) == [
                [
                    Entity(name: "OpenAI", type: "Organization", description: "Makes ChatGPT."),
                    // A tie (one each): the spelling seen first.
                    Entity(name: "深度求索", type: "公司", description: "DeepSeek 的公司名。"),
                ],
                [
                    Entity(name: "OpenAI", type: "Organization", description: "An AI lab.\nFull-width spelling.", url: "https://openai.com"),
                    Entity(name: "深度求索", type: "公司", description: "Spaced."),
                    Entity(name: "Sam Altman", type: "Person", description: "CEO.", role: "host"),
                ],
                [
                    // Merged: the first one's type, each description once, the roles joined.
                    Entity(name: "OpenAI", type: "company", description: "Mentioned.", role: "subject"),
                    Entity(name: "Sam Altman", type: "Person", description: "", role: "guest"),
                ],
            ])
        #expect(result.episodes.map(\.title) == ["One", "Two", "Three"])
    }

    /// Punctuation that is part of a name keeps names apart; marks that only join its parts do not.
    @Test(arguments: [
        (["C#", "C"], ["C#", "C"]),
        (["F", "F#"], ["F", "F#"]),
        (["C++", "C"], ["C++", "C"]),
        (["AT&T", "ATT"], ["AT&T", "ATT"]),
        ([".NET", "NET"], [".NET", "NET"]),
        (["GPT-3.5", "GPT-35"], ["GPT-3.5", "GPT-35"]),
        (["A.I.", "AI", "AI"], ["AI"]),
        (["open_ai", "Open-AI", "OpenAI", "OpenAI"], ["OpenAI"]),
        (["O’Reilly", "O'Reilly", "OReilly", "O’Reilly"], ["O’Reilly"]),
        (["萨姆·奥尔特曼", "萨姆・奥尔特曼", "萨姆奥尔特曼", "萨姆·奥尔特曼"], ["萨姆·奥尔特曼"]),
    ])
    func normalizeEntitiesMergesOnlySpellingsOfOneName(names: [String], kept: [String]) throws {
        let collection = EpisodeCollection(episodes: [Episode(title: "One", entities: names.map { Entity(name: $0, type: "Thing", description: "") })])
        let result = try run("normalize-entities", collection)
        #expect(result.episodes.first?.entities.map(\.name) == kept)
    }

    /// Run as a plain program, as docs/plugin-protocol.md describes: the model on standard input.
    @Test func theExampleFiltersRunOnTheirOwn() throws {
        let input = try Data(contentsOf: Fixtures.url("Plugins/select-episodes/sample.json"))
        let result = try ExternalTool.run(
            path: "/usr/bin/env",
            [#"QUIRE_OPTIONS={"select-language": ["ko"]}"#, Fixtures.url("Plugins/select-episodes/select_episodes.py").path, "model", "model"], input: input)
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: result.output) as? [String: Any])
        let titles = (object["episodes"] as? [[String: Any]])?.compactMap { $0["title"] as? String }
        #expect(titles == ["조선의 부엌"])
        #expect(result.error == #"{"severity": "note", "message": "kept 1 of 2 episodes", "id": "summary"}"# + "\n")
    }
}

/// Programs named by `--filter`: found by path or on PATH, run under the plugins' limits.
@Suite struct ProgramFilterTests {
    @Test func aNameWithASlashOrInTheWorkingFolderIsAPathOthersAreLookedUpOnPath() throws {
        let folder = filterFixtures
        #expect(ProgramFilters.resolve("./fail.sh", workingDirectory: folder, environment: [:]) == folder + "/fail.sh")
        #expect(ProgramFilters.resolve("fail.sh", workingDirectory: folder, environment: [:]) == folder + "/fail.sh")
        #expect(ProgramFilters.resolve("fail.sh", workingDirectory: "/", environment: ["PATH": "/nonexistent:" + folder]) == folder + "/fail.sh")
        #expect(ProgramFilters.resolve("fail.sh", workingDirectory: "/", environment: ["PATH": "/nonexistent"]) == nil)
        // A file that is not executable, and a folder, are no programs.
        #expect(ProgramFilters.resolve("episodes.json", workingDirectory: folder, environment: [:]) == nil)
        #expect(ProgramFilters.resolve("/tmp", workingDirectory: folder, environment: [:]) == nil)
    }

    @Test func aProgramIsRegisteredAsAFilterUnderTheNameGiven() throws {
        let path = filterFixtures + "/append-a.py"
        let registry = try FormatRegistry(plugins: [ProgramFilters(programs: [("./append-a.py", path)])])
        let filter = try #require(registry.filter(named: "./append-a.py"))
        #expect(filter.provider == "program \(path)")
        #expect(filter.step.kind == "filter './append-a.py'")
        var diagnostics = Diagnostics()
        let result = try filter.filter.filter(
            EpisodeCollection(episodes: [Episode(title: "T")]), options: ConversionOptions(), target: "epub", diagnostics: &diagnostics)
        #expect(result.episodes.map(\.title) == ["T a:epub"])
        #expect(result.title == "argv=['epub'] target=epub filter=./append-a.py protocol=1")
    }
}
