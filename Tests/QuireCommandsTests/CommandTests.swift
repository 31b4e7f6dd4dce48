import Foundation
import QuireCommands
import QuireCore
import QuireTestSupport
import Testing

/// A write-only format, as a channel-list format would be: nothing can be read out of it.
private struct SinkFormat: FormatPlugin, FormatWriter {
    var name: String { "test-sink" }
    func register(in registry: inout FormatRegistry) throws {
        try registry.add(FormatDescriptor(id: "sink", displayName: "Sink", fileExtensions: ["sink"]))
        try registry.addWriter(self, for: "sink", loss: .lossy("everything but titles"))
    }
    func write(_ collection: EpisodeCollection, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> [UInt8] {
        Array(collection.episodes.map(\.title).joined(separator: "\n").utf8)
    }
}

private let examplePage = Fixtures.url("Examples/sample-page.txt").path
private let episodeFile = Fixtures.url("Examples/episode.txt").path

@Suite struct ConvertCommandTests {
    @Test func convertsToJSONOnStandardOutput() throws {
        let result = quire(["convert", examplePage, "--to", "json"])
        #expect(result.status == .success)
        #expect(result.output.hasPrefix("{\n  \"schemaVersion\": 1,"))
        #expect(result.error.isEmpty)
    }

    @Test func infersTheTargetFromTheOutputExtensionAndWritesAFile() throws {
        let directory = try TemporaryDirectory()
        let output = directory.path("page.json")
        let result = quire(["convert", examplePage, "-o", output])
        #expect(result.status == .success)
        #expect(result.output.isEmpty)
        let back = quire(["convert", output, "--to", "summary"])
        #expect(back.status == .success)
        #expect(back.output.contains("## [00:00]"))
    }

    @Test func sniffsInputsWithoutExtensions() throws {
        let directory = try TemporaryDirectory()
        let json = directory.path("no-extension")
        #expect(quire(["convert", examplePage, "-o", json, "--to", "json"]).status == .success)
        let result = quire(["convert", json, "--to", "summary", "--explain"])
        #expect(result.status == .success)
        #expect(result.error.contains("1. json → model"))
    }

    /// pandoc's short spellings work the same: -f FORMAT -t FORMAT.
    @Test func shortFromAndToNameTheFormats() throws {
        let directory = try TemporaryDirectory()
        let json = directory.path("no-extension")
        #expect(quire(["convert", examplePage, "-t", "json", "-o", json]).status == .success)
        let result = quire(["convert", "-f", "json", "-t", "summary", json])
        #expect(result.status == .success)
        #expect(result.output == quire(["convert", examplePage, "--to", "summary"]).output)
        #expect(quire(["convert", "-f", "opml", json, "-t", "summary"]).status != .success)
    }

    @Test func mergesSeveralInputsInOrder() throws {
        let single = quire(["convert", episodeFile, "--to", "json"])
        let both = quire(["convert", examplePage, episodeFile, "--to", "json"])
        #expect(both.status == .success)
        let titles = try episodeTitles(both.output)
        #expect(titles.count == (try episodeTitles(quire(["convert", examplePage, "--to", "json"]).output)).count + 1)
        #expect(titles.last == (try episodeTitles(single.output)).first)
    }

    @Test func channelAndFeedApplyToInputsThatCarryNone() throws {
        let result = quire(["convert", examplePage, "--to", "json", "--channel", "All-In", "--feed", "https://example.org/feed.xml"])
        #expect(result.status == .success)
        #expect(result.output.contains("\"title\": \"All-In\",\n      \"feedURL\": \"https://example.org/feed.xml\""))
        #expect(!result.output.contains("\"channel\": null"))
    }

    @Test func readsStandardInputWhenGivenADash() throws {
        // `-` cannot be fed from here; the format must still be known, so a dash without --from or
        // sniffable content is the only path, checked in the executable test below.
        let result = quire(["convert", "-", "-", "--to", "json"])
        #expect(result.status == .usage)
        #expect(result.error.contains("standard input (-) can be read only once"))
    }

    @Test func strictTurnsWarningsIntoFailureAndWritesNothing() throws {
        let directory = try TemporaryDirectory()
        let input = directory.path("warn.txt")
        try "T\n\n## [99:99] Broken\n".write(toFile: input, atomically: true, encoding: .utf8)
        let output = directory.path("out.json")
        let lenient = quire(["convert", input, "-o", output])
        #expect(lenient.status == .success)
        #expect(lenient.error.contains("warn.txt:3:1: warning: '[99:99]' is not a timestamp"))
        try FileManager.default.removeItem(atPath: output)
        let strict = quire(["convert", input, "-o", output, "--strict"])
        #expect(strict.status == .failure)
        #expect(strict.error.contains("warn.txt:3:1: error: '[99:99]' is not a timestamp"))
        #expect(strict.error.contains("1 warnings treated as errors (--strict); nothing written"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func failedConversionLeavesAnExistingOutputUntouched() throws {
        let directory = try TemporaryDirectory()
        let bad = directory.path("bad.json")
        try "{\"episodes\": [".write(toFile: bad, atomically: true, encoding: .utf8)
        let output = directory.path("out.txt")
        try "precious".write(toFile: output, atomically: true, encoding: .utf8)
        let result = quire(["convert", bad, "-o", output])
        #expect(result.status == .failure)
        #expect(result.error == "\(bad):1:15: error: unexpected end of input, expected a value [json.syntax]\n")
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "precious")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).sorted() == ["bad.json", "out.txt"])
    }

    @Test func quietHidesWarningsVerboseShowsNotes() throws {
        let quiet = quire(["convert", examplePage, "--to", "json", "-q"])
        #expect(quiet.error.isEmpty)
        let verbose = quire(["convert", examplePage, "--to", "json", "--verbose"])
        #expect(verbose.error.contains("note: page form: the heading/body split of"))
    }
}

@Suite struct CommandErrorTests {
    @Test func unknownFormatIsAUsageError() {
        let result = quire(["convert", examplePage, "--to", "docx"])
        #expect(result.status == .usage)
        // Built-ins first, then whatever plugins were found.
        #expect(result.error.hasPrefix("quire: error: unknown format 'docx'; known formats: summary, json, opml"))
        #expect(quire(["route", "summary", "nope"]).status == .usage)
        #expect(quire(["convert", examplePage, "--from", "nope", "--to", "json"]).status == .usage)
    }

    @Test func missingTargetIsAUsageError() {
        let toStdout = quire(["convert", examplePage])
        #expect(toStdout.status == .usage)
        #expect(toStdout.error == "quire: error: cannot tell the output format (writing to standard output); give --to\n")
        let unknownExtension = quire(["convert", examplePage, "-o", "out.docx"])
        #expect(unknownExtension.status == .usage)
        #expect(unknownExtension.error.contains("'out.docx' has no known extension"))
    }

    @Test func modelIsNotAFileFormat() {
        #expect(quire(["convert", examplePage, "--to", "model"]).status == .usage)
    }

    @Test func argumentErrorsAreUsageErrors() {
        #expect(quire(["convert"]).status == .usage)
        #expect(quire(["convert", examplePage, "--bogus"]).status == .usage)
        #expect(quire(["frobnicate"]).status == .usage)
        #expect(quire(["route", "summary"]).status == .usage)
        let feed = quire(["convert", examplePage, "--to", "json", "--feed", "ftp://x"])
        #expect(feed.status == .usage)
        #expect(feed.error.contains("--feed must be an http or https URL"))
    }

    @Test func missingInputIsAnInputError() {
        let result = quire(["convert", "/nonexistent/page.txt", "--to", "json"])
        #expect(result.status == .failure)
        #expect(result.error == "quire: error: cannot read /nonexistent/page.txt: No such file or directory\n")
    }

    @Test func unreadableFormatIsAnInputError() throws {
        let directory = try TemporaryDirectory()
        let binary = directory.path("blob")
        try Data([0xFF, 0xFE, 0x00, 0x01]).write(to: URL(fileURLWithPath: binary))
        let result = quire(["convert", binary, "--to", "json"])
        #expect(result.status == .failure)
        #expect(result.error == "quire: error: \(binary): cannot tell the input format from its name or content; give --from\n")
    }

    @Test func impossibleRouteIsAConversionError() {
        let route = quire(["route", "sink", "json"], plugins: [SinkFormat()])
        #expect(route.status == .failure)
        #expect(route.error == "quire: error: no route from sink to json; it reaches no other format\n")
        let convert = quire(["convert", examplePage, "--from", "sink", "--to", "json"], plugins: [SinkFormat()])
        #expect(convert.status == .failure)
    }

    @Test func helpAndVersionSucceed() {
        let help = quire(["--help"])
        #expect(help.status == .success)
        #expect(help.output.contains("USAGE: quire <subcommand>"))
        #expect(quire(["convert", "--help"]).output.contains("--via"))
        #expect(quire(["--version"]).output == "0.1.0\n")
    }
}

@Suite struct ListingCommandTests {
    @Test func formatsListsReadersWritersAndExtensions() {
        let result = quire(["formats"], plugins: [SinkFormat()])
        #expect(result.status == .success)
        let lines = result.output.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(lines.contains("summary yes yes .txt .summary summary-text, txt, text built-in Summary text"))
        #expect(lines.contains("json yes yes .json built-in Quire JSON"))
        #expect(lines.contains("opml yes yes .opml built-in OPML"))
        #expect(lines.contains("sink - yes .sink test-sink Sink"))
    }

    @Test func routePrintsEveryStep() {
        let result = quire(["route", "summary", "json"])
        #expect(result.status == .success)
        #expect(
            result.output == """
                route summary → json: 2 steps, cost 2, lossless
                  1. summary → model  reader from built-in, cost 1
                  2. model → json  writer from built-in, cost 1

                """)
        let back = quire(["route", "json", "txt"])
        // Summary text has no escape for some markup: the graph says so.
        #expect(back.output.hasPrefix("route json → summary: 2 steps, cost 2, lossy"))
        #expect(back.output.contains("2. model → summary  writer from built-in, cost 1, loses text the format cannot escape"))
        let lossy = quire(["route", "summary", "sink"], plugins: [SinkFormat()])
        #expect(lossy.output.contains("2. model → sink  writer from test-sink, cost 1, loses everything but titles"))
        #expect(lossy.output.hasPrefix("route summary → sink: 2 steps, cost 2, lossy"))
    }
}

private func episodeTitles(_ json: String) throws -> [String] {
    let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    return (root["episodes"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
}

@Suite struct OPMLCommandTests {
    @Test func makesAChannelListForPodcastApps() throws {
        let directory = try TemporaryDirectory()
        let output = directory.path("channels.opml")
        let result = quire(["convert", examplePage, "--channel", "All-In", "--feed", "https://example.org/feed.xml", "-o", output])
        #expect(result.status == .success)
        #expect(result.error.isEmpty)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.contains(#"<outline type="rss" text="All-In" title="All-In" xmlUrl="https://example.org/feed.xml"/>"#))
        #expect(!text.contains("type=\"episode\""))
    }

    @Test func outlineModeKeepsEpisodesAndReadsBack() throws {
        let directory = try TemporaryDirectory()
        let opml = directory.path("page.opml"), json = directory.path("page.json"), again = directory.path("again.json")
        #expect(quire(["convert", examplePage, "--channel", "All-In", "--opml", "outline", "-o", opml]).status == .success)
        #expect(quire(["convert", examplePage, "--channel", "All-In", "-o", json]).status == .success)
        #expect(quire(["convert", opml, "-o", again]).status == .success)
        #expect(try String(contentsOfFile: again, encoding: .utf8) == (try String(contentsOfFile: json, encoding: .utf8)))
    }

    @Test func unknownOPMLModeIsAUsageError() {
        let result = quire(["convert", examplePage, "--to", "opml", "--opml", "tree"])
        #expect(result.status == .usage)
        #expect(result.error.contains("--opml takes 'channels' or 'outline', not 'tree'"))
    }

    @Test func routeSaysWhatTheChannelListLoses() {
        let result = quire(["route", "summary", "opml"])
        #expect(result.output.contains("2. model → opml  writer from built-in, cost 1, loses episodes, unless written with --opml outline"))
    }
}

@Suite struct LanguageOptionTests {
    @Test func languageOptionReplacesDetectionButNotFrontMatter() throws {
        let page = quire(["convert", examplePage, "--to", "json", "--language", "fr"])
        #expect(page.status == .success)
        let languages = try #require(try JSONSerialization.jsonObject(with: Data(page.output.utf8)) as? [String: Any])["episodes"] as? [[String: Any]]
        #expect(languages?.allSatisfy { $0["language"] as? String == "fr" } == true)
        // The example episode declares `language: ko` in its front matter, which wins.
        let declared = quire(["convert", episodeFile, "--to", "json", "--language", "fr"])
        #expect(declared.output.contains("\"language\": \"ko\""))
    }

    @Test func inferredSplitsAreListedWhenUncertain() {
        let result = quire(["convert", examplePage, "--to", "json", "--verbose"])
        #expect(result.error.contains("note: page form: the heading/body split of 33 chapters was inferred from run-in text"))
        // Each uncertain split the summary counts is named with its place, the heading chosen, its
        // probability and the next best heading: `page.txt:5:1: note: uncertain: [01:36] 'A' (62%); next best 'A B' (30%)`.
        let uncertain = result.error.split(separator: "\n").filter { $0.contains(": note: uncertain: [") }
        let counted = result.error.firstRange(of: /, (\d+) of them uncertain/).map { Int(result.error[$0].split(separator: " ")[1])! }
        #expect(counted == uncertain.count)
        #expect(
            uncertain.allSatisfy { $0.hasPrefix("\(examplePage):") && $0.contains(/: note: uncertain: \[[0-9:]+\] '.+' \(\d+%\); next best '.+' \(\d+%\)$/) })
    }
}

@Suite struct InputCollectionTests {
    /// A folder holding two summaries and a picture.
    private func folder() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path("in/more"), withIntermediateDirectories: true)
        try FileIO.writeAtomically(try FileIO.read(episodeFile), to: directory.path("in/a.txt"))
        try FileIO.writeAtomically(try FileIO.read(examplePage), to: directory.path("in/more/b.txt"))
        try FileIO.writeAtomically([0x89, 0x50, 0x4E, 0x47], to: directory.path("in/cover.png"))
        return directory
    }

    private func episodeCount(_ jsonPath: String) throws -> Int {
        let object = try JSONSerialization.jsonObject(with: Data(try FileIO.read(jsonPath))) as! [String: Any]
        return (object["episodes"] as! [Any]).count
    }

    @Test func aFolderStandsForTheFilesInItMergedIntoOneOutput() throws {
        let directory = try folder()
        let output = directory.path("all.json")
        let result = quire(["convert", directory.path("in"), "-o", output])
        #expect(result.status == .success)
        #expect(result.error.contains("in/cover.png: warning: skipped: not a format Quire reads by its name [input.skipped]"))
        let single = quire(["convert", examplePage, "--to", "json"]).output
        let pageEpisodes = (try JSONSerialization.jsonObject(with: Data(single.utf8)) as! [String: Any])["episodes"] as! [Any]
        #expect(try episodeCount(output) == 1 + pageEpisodes.count)
    }

    @Test func aQuotedGlobIsExpandedByQuire() throws {
        let directory = try folder()
        let output = directory.path("some.json")
        #expect(quire(["convert", directory.path("in/*.txt"), "-o", output]).status == .success)
        #expect(try episodeCount(output) == 1)
        let none = quire(["convert", directory.path("in/*.nothing"), "-o", output])
        #expect(none.status == .failure)
        #expect(none.error.contains("No such file or directory"))
    }

    @Test func anOptionReachesTheWriterByName() throws {
        let outline = quire(["convert", episodeFile, "--to", "opml", "--option", "opml=outline"])
        #expect(outline.status == .success)
        #expect(outline.output.contains("type=\"chapter\""))
        let malformed = quire(["convert", episodeFile, "--to", "opml", "--option", "outline"])
        #expect(malformed.status == .usage)
        #expect(malformed.error.contains("--option takes KEY=VALUE, got 'outline'"))
    }

    @Test func aBatchDoesNotReadStandardInput() throws {
        let directory = try TemporaryDirectory()
        let result = quire(["convert", "-", "--to", "json", "-o", directory.path("out") + "/"])
        #expect(result.status == .usage)
        #expect(result.error.contains("a batch reads files, not standard input"))
    }
}

@Suite struct FolderOutputAndRouteTests {
    // Markdown's `--split` writes a folder too (a notes vault), so a site now names its format.
    @Test func aSplitSiteIsWrittenIntoTheFolder() throws {
        let directory = try TemporaryDirectory()
        let site = directory.path("site") + "/"
        let result = quire(["convert", examplePage, "--to", "html", "--split", "-o", site])
        #expect(result.status == .success, "\(result.error)")
        let pages = try FileManager.default.contentsOfDirectory(atPath: site + "episodes")
        let episodes = quire(["convert", examplePage, "--to", "json"]).output.components(separatedBy: "\"chapters\"").count - 1
        #expect(pages.count == episodes && episodes > 1)
        #expect(try String(decoding: FileIO.read(site + "index.html"), as: UTF8.self).contains("href=\"episodes/\(pages.sorted()[0])\""))
        #expect(FileManager.default.fileExists(atPath: site + "style.css"))
    }

    @Test func noTimelineLeavesTheDrawingOut() throws {
        #expect(quire(["convert", episodeFile, "--to", "html"]).output.contains("<figure class=\"timeline\""))
        #expect(!quire(["convert", episodeFile, "--to", "html", "--no-timeline"]).output.contains("<figure class=\"timeline\""))
    }

    @Test func theRouteForAnInputSaysWhetherTheDirectConverterTakesIt() throws {
        let directory = try TemporaryDirectory()
        let notes = directory.path("notes.md"), episode = directory.path("episode.md")
        try FileIO.writeAtomically(Array("# Notes\n\nSome *thoughts*.\n\n## Later\n\nMore.\n".utf8), to: notes)
        #expect(quire(["convert", episodeFile, "-o", episode]).status == .success)

        let general = quire(["route", "markdown", "html"]).output
        #expect(general.contains("1. markdown → html  converter from built-in"))
        #expect(general.contains("inputs the direct converter declines take:"))
        let forNotes = quire(["route", "markdown", "html", "--input", notes]).output
        #expect(forNotes.hasPrefix("route markdown → html: 1 steps"))
        let forEpisode = quire(["route", "markdown", "html", "--input", episode]).output
        #expect(forEpisode.contains("1. markdown → model  reader"))
        #expect(forEpisode.contains("episode.md: the direct converter markdown → html declined it"))

        // And convert takes the same routes.
        #expect(quire(["convert", notes, "--to", "html", "--explain"]).error.contains("1. markdown → html"))
        #expect(quire(["convert", episode, "--to", "html", "--explain"]).error.contains("1. markdown → model"))
    }
}

@Suite struct MislabelledInputTests {
    /// A file whose name claims a strict format but holds another fails with a diagnostic at the file,
    /// exit status 1, and leaves no output.
    @Test(arguments: [("book.epub", "error"), ("page.json", "[json.syntax]"), ("list.opml", "[opml.xml]")])
    func aFileHoldingAnotherFormatFailsWithoutOutput(name: String, expected: String) throws {
        let directory = try TemporaryDirectory()
        let input = directory.path(name), output = directory.path("out.html")
        try FileIO.writeAtomically(try FileIO.read(episodeFile), to: input)
        let result = quire(["convert", input, "-o", output])
        #expect(result.status == .failure)
        #expect(result.error.hasPrefix(input), "\(result.error)")
        #expect(result.error.contains(expected))
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}

@Suite struct ReadingCollectionTests {
    /// Files of several formats, a folder and a glob become one book, read back in input order.
    @Test func filesFoldersAndGlobsMakeOneBook() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path("more"), withIntermediateDirectories: true)
        let markdown = directory.path("episode.md")
        #expect(quire(["convert", episodeFile, "-o", markdown]).status == .success)
        try FileIO.writeAtomically(try FileIO.read(examplePage), to: directory.path("more/page.txt"))
        try FileIO.writeAtomically(try FileIO.read(episodeFile), to: directory.path("glob-a.txt"))
        let book = directory.path("collection.epub")
        let result = quire([
            "convert", episodeFile, markdown, directory.path("more"), directory.path("glob-*.txt"), "-o", book,
            "--title", "My podcasts", "--author", "Me",
        ])
        #expect(result.status == .success, "\(result.error)")
        let titles = try episodeTitles(quire(["convert", book, "--to", "json"]).output)
        let pageTitles = try episodeTitles(quire(["convert", examplePage, "--to", "json"]).output)
        let episodeTitle = try episodeTitles(quire(["convert", episodeFile, "--to", "json"]).output)
        #expect(titles == episodeTitle + episodeTitle + pageTitles + episodeTitle)
    }
}
