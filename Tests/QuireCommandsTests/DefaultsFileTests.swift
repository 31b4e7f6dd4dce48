import Foundation
import QuireBuiltinFormats
import QuireCore
import QuireTestSupport
import Testing

@testable import QuireCommands

private let fixtures = Fixtures.url("Tests/QuireCommandsTests/Fixtures/defaults").path
private let project = fixtures + "/project"
private let examplePage = Fixtures.url("Examples/sample-page.txt").path

/// `quire` run with `folder` as the working folder `./quire.yaml` is looked for in.
private func quire(in folder: String, _ arguments: [String], environment: [String: String] = CLIHarness.isolatedEnvironment) -> CLIRun {
    ConvertDefaults.$workingDirectory.withValue(folder) { quire(arguments, environment: environment) }
}

private func write(_ text: String, to path: String) throws {
    try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
}

/// The collection's title in `quire convert --to json` output.
private func collectionTitle(_ json: String) throws -> String? {
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    return object?["title"] as? String
}

/// A defaults file means exactly the command line it stands for.
@Suite struct DefaultsFileEquivalenceTests {
    @Test func aDefaultsFileGivesTheSameBookAsTheCommandLine() throws {
        let scratch = try TemporaryDirectory()
        let fromFile = quire(in: scratch.url.path, ["convert", "--defaults", project + "/book.yaml", "-o", scratch.path("file.epub")])
        #expect(fromFile.status == .success, "\(fromFile.error)")
        let commandLine = [
            "convert", project + "/episode.txt", "--to", "epub", "--title", "A Book From Defaults", "--subject", "podcasts", "--subject", "notes",
            "--option", "date=1700000000",
        ]
        let fromLine = quire(in: scratch.url.path, commandLine + ["--css", project + "/style.css", "-o", scratch.path("line.epub")])
        #expect(fromLine.status == .success, "\(fromLine.error)")
        let book = try Data(contentsOf: scratch.url.appendingPathComponent("file.epub"))
        #expect(book == (try Data(contentsOf: scratch.url.appendingPathComponent("line.epub"))))
        // The file's stylesheet (a path relative to the file) is in the book: without it the book differs.
        #expect(quire(in: scratch.url.path, commandLine + ["-o", scratch.path("plain.epub")]).status == .success)
        #expect(book != (try Data(contentsOf: scratch.url.appendingPathComponent("plain.epub"))))
    }

    @Test func aQuireYAMLInTheWorkingFolderGivesTheSameNotesAsTheCommandLine() throws {
        let scratch = try TemporaryDirectory()
        let fromFile = quire(in: project, ["convert"])
        #expect(fromFile.status == .success, "\(fromFile.error)")
        let fromLine = quire(
            in: scratch.url.path,
            ["convert", project + "/episode.txt", "--to", "markdown", "--front-matter", "--language", "en", "--channel", "Fixture Radio"])
        #expect(fromLine.status == .success)
        #expect(fromFile.outputBytes == fromLine.outputBytes)
        #expect(fromFile.output.hasPrefix("---\ntitle: "))
        #expect(fromFile.error.isEmpty)
    }

    @Test func theUsersConfigurationAppliesFromXDGConfigHome() throws {
        let scratch = try TemporaryDirectory()
        try write("to: json\ntitle: From XDG\n", to: scratch.path("config/quire/quire.yaml"))
        let environment = ["HOME": "/nonexistent", "XDG_CONFIG_HOME": scratch.path("config")]
        let result = quire(in: scratch.url.path, ["convert", examplePage], environment: environment)
        #expect(result.status == .success, "\(result.error)")
        #expect(try collectionTitle(result.output) == "From XDG")
        // Without XDG_CONFIG_HOME the file is looked for under ~/.config.
        try write("to: json\ntitle: From HOME\n", to: scratch.path("home/.config/quire/quire.yaml"))
        let fromHome = quire(in: scratch.url.path, ["convert", examplePage], environment: ["HOME": scratch.path("home")])
        #expect(try collectionTitle(fromHome.output) == "From HOME")
    }
}

/// Command line over `--defaults` over `./quire.yaml` over the user's configuration.
@Suite struct DefaultsPrecedenceTests {
    @Test func singleValuesFromTheNearestSourceWin() throws {
        let scratch = try TemporaryDirectory()
        let environment = ["HOME": "/nonexistent", "XDG_CONFIG_HOME": scratch.path("config")]
        let working = scratch.path("work")
        try write("to: json\ntitle: user\nchannel: User Channel\n", to: scratch.path("config/quire/quire.yaml"))
        try write("title: working folder\n", to: working + "/quire.yaml")
        try write("title: defaults\n", to: scratch.path("book.yaml"))
        func title(_ arguments: [String]) throws -> String? {
            let result = quire(in: working, ["convert", examplePage] + arguments, environment: environment)
            #expect(result.status == .success, "\(result.error)")
            return try collectionTitle(result.output)
        }
        #expect(try title(["--defaults", scratch.path("book.yaml"), "--title", "command line"]) == "command line")
        #expect(try title(["--defaults", scratch.path("book.yaml")]) == "defaults")
        #expect(try title([]) == "working folder")
        #expect(try title(["--no-config", "--to", "json"]) == nil)
        try FileManager.default.removeItem(atPath: working + "/quire.yaml")
        #expect(try title([]) == "user")
    }

    /// ArgumentParser keeps the last value of a single-value option: what placing the files'
    /// arguments first relies on.
    @Test func theLaterValueOfAnOptionWins() throws {
        let command = try ConvertCommand.parse(["in.txt", "--to=json", "--title", "first", "--to", "epub", "--title=second"])
        #expect(command.to == "epub")
        #expect(command.title == "second")
    }

    /// Values that are empty or start with a dash reach the option as they are.
    @Test func emptyAndDashedValuesKeepTheirPlace() throws {
        let scratch = try TemporaryDirectory()
        try write("to: json\ntitle: \"\"\nchannel: -5 Minutes\n", to: scratch.path("odd.yaml"))
        let result = quire(in: scratch.url.path, ["convert", "--defaults", scratch.path("odd.yaml"), examplePage])
        #expect(result.status == .success, "\(result.error)")
        #expect(result.output.contains("\"title\": \"-5 Minutes\""))
        let line = quire(in: scratch.url.path, ["convert", examplePage, "--to", "json", "--title", "", "--channel=-5 Minutes"])
        #expect(line.status == .success)
        #expect(result.outputBytes == line.outputBytes)
    }

    @Test func aLaterFileTurnsAFlagOff() throws {
        let scratch = try TemporaryDirectory()
        let input = scratch.path("warn.txt")
        try write("T\n\n## [99:99] Broken\n", to: input)
        try write("strict: true\nto: json\n", to: scratch.path("quire.yaml"))
        try write("strict: false\n", to: scratch.path("lenient.yaml"))
        #expect(quire(in: scratch.url.path, ["convert", input]).status == .failure)
        #expect(quire(in: scratch.url.path, ["convert", input, "--defaults", scratch.path("lenient.yaml")]).status == .success)
    }

    /// Lists append (user, working folder, each --defaults, command line), inputs are replaced.
    @Test func listsAppendInOrderAndInputsAreReplaced() throws {
        let scratch = try TemporaryDirectory()
        let environment = ["HOME": "/nonexistent", "XDG_CONFIG_HOME": scratch.path("config")]
        try write("via: json\nsettings:\n  subject: [user]\n", to: scratch.path("config/quire/quire.yaml"))
        try write("via: [html]\nsubject: working\ninputs: [a.txt, b.txt]\n", to: scratch.path("work/quire.yaml"))
        try write("via: [summary]\nsettings: {subject: [defaults, more]}\ninputs: c.txt\nopml: outline\n", to: scratch.path("d.yaml"))
        let given = ["--defaults", scratch.path("d.yaml"), "--via", "markdown", "--subject", "line", "--to", "epub"]
        let (fromFiles, commandLine) = try ConvertDefaults.$workingDirectory.withValue(scratch.path("work")) {
            try arguments(given, environment: environment)
        }
        let command = try ConvertCommand.parse(fromFiles + commandLine)
        #expect(command.via == ["json", "html", "summary", "markdown"])
        #expect(command.request.settings.allValues("subject") == ["user", "working", "defaults", "more", "line"])
        #expect(command.request.settings.allValues("opml") == ["outline"])
        #expect(command.inputs == [scratch.path("c.txt")])
        #expect(command.to == "epub")
        // Inputs on the command line replace the files'.
        let (withInputs, line) = try ConvertDefaults.$workingDirectory.withValue(scratch.path("work")) {
            try arguments(["x.txt", "--defaults", scratch.path("d.yaml")], environment: environment)
        }
        #expect(try ConvertCommand.parse(withInputs + line).inputs == ["x.txt"])
    }

    @Test func inputsOnTheCommandLineReplaceTheFilesEndToEnd() throws {
        let single = quire(in: project, ["convert", examplePage, "--to", "json", "--no-config"])
        let replaced = quire(in: project, ["convert", examplePage, "--to", "json"])
        #expect(replaced.status == .success)
        let count = { (json: String) throws -> Int in
            ((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["episodes"] as? [Any])?.count ?? -1
        }
        #expect(try count(replaced.output) == (try count(single.output)))
    }

    /// The files' arguments and the command line's, as `QuireCLI.run` builds them.
    private func arguments(_ given: [String], environment: [String: String]) throws -> (fromFiles: [String], commandLine: [String]) {
        let registry = try BuiltinFormats.registry()
        let defaults = try ConvertDefaults(commandLine: given, environment: environment)
        let commandLine = SettingFlags(registry: registry).rewrite(given)
        return (try defaults.arguments(registry: registry, commandLine: commandLine), commandLine)
    }
}

/// Relative paths in a file are relative to the file's folder.
@Suite struct DefaultsPathTests {
    @Test func relativePathsResolveAgainstTheFilesFolder() {
        let nested = DefaultsFile(path: "conf/book.yaml", entries: [])
        #expect(nested.resolve("style.css", home: "/home/me") == "conf/style.css")
        #expect(nested.resolve("../in/a.txt", home: nil) == "conf/../in/a.txt")
        #expect(nested.resolve("/abs/a.txt", home: nil) == "/abs/a.txt")
        #expect(nested.resolve("~/notes/a.txt", home: "/home/me") == "/home/me/notes/a.txt")
        #expect(nested.resolve("-", home: nil) == "-")
        #expect(nested.resolve("https://example.org/x.css", home: nil) == "https://example.org/x.css")
        let here = DefaultsFile(path: "quire.yaml", entries: [])
        #expect(here.resolve("a.txt", home: nil) == "a.txt")
        #expect(here.resolve("-odd.txt", home: nil) == "./-odd.txt")
    }

    @Test func pathOptionsAndPathSettingsAreResolvedTextIsNot() throws {
        let scratch = try TemporaryDirectory()
        let file = scratch.path("conf/d.yaml")
        // `filter` once the filters' `--filter` exists: a program path is resolved, a plugin filter's name kept.
        let hasFilters = ConvertOptionTable.convert.kinds["filter"] != nil
        try write(
            "inputs: in/a.txt\noutput: out/\nplugin-dir: plugins\ncss: style.css\ntitle: notes/a.txt\n" + (hasFilters ? "filter: [./f.py, normalise]\n" : ""),
            to: file)
        let registry = try BuiltinFormats.registry()
        let defaults = try ConvertDefaults(commandLine: ["--defaults", file], environment: CLIHarness.isolatedEnvironment)
        let folder = scratch.path("conf") + "/"
        let arguments = try defaults.arguments(registry: registry, commandLine: [])
        let line = arguments.joined(separator: " ")
        #expect(line.contains("--output \(folder)out/"))
        #expect(line.contains("--plugin-dir \(folder)plugins"))
        #expect(line.contains("--option css=\(folder)style.css"))
        #expect(line.contains("--title notes/a.txt"))
        #expect(arguments.last == folder + "in/a.txt")
        if hasFilters {
            #expect(line.contains("--filter \(folder)./f.py"))
            #expect(line.contains("--filter normalise"))
        }
    }

    @Test func pluginOptionsFromAFileChooseThePlugins() throws {
        let scratch = try TemporaryDirectory()
        let plugins = Fixtures.url("Tests/QuirePluginHostTests/Fixtures/plugins").path
        try write("plugin-dir: \(plugins)\nfrom: talker\nto: json\nplugin-timeout: 30\n", to: scratch.path("talker.yaml"))
        let result = quire(in: scratch.url.path, ["convert", "--defaults", scratch.path("talker.yaml"), plugins + "/input.txt"])
        #expect(result.status == .success, "\(result.error)")
        #expect(result.output.contains("\"title\": \"From talker\""))
        try write("plugin-dir: \(plugins)\nfrom: sleeper\nto: json\nplugin-timeout: 1\n", to: scratch.path("sleeper.yaml"))
        let stopped = quire(in: scratch.url.path, ["convert", "--defaults", scratch.path("sleeper.yaml"), plugins + "/input.txt"])
        #expect(stopped.status == .failure)
        #expect(stopped.error.contains("did not finish within 1 s and was stopped"))
    }

    @Test func inputsThatLookLikeOptionsAreToldApart() {
        let table = ConvertOptionTable.convert
        #expect(!table.namesInputs(["-o", "x.json", "--to", "json", "--option", "split=true", "-qt", "json", "--title=a"]))
        #expect(table.namesInputs(["--to", "json", "a.txt"]))
        #expect(table.namesInputs(["-"]))
        #expect(table.namesInputs(["--", "-odd.txt"]))
        #expect(!table.namesInputs(["--strict", "--"]))
    }

    @Test func everyOwnOptionIsAKeyWithItsKind() {
        let table = ConvertOptionTable.convert
        let expected = ConvertCommand.ownOptionNames.subtracting(ConvertOptionTable.commandLineOnly.keys)
        #expect(Set(table.kinds.keys) == expected)
        #expect(table.kinds["via"] == .repeating && table.kinds["plugin-dir"] == .repeating)
        #expect(table.kinds["to"] == .single && table.kinds["jobs"] == .single)
        #expect(table.kinds["strict"] == .flag && table.kinds["force"] == .flag)
    }
}

/// Bad entries name the file, line, column and key, and end the run with a usage error.
@Suite struct DefaultsErrorTests {
    private func expectError(_ name: String, _ expected: String) {
        let path = fixtures + "/errors/" + name
        let result = quire(in: fixtures, ["convert", "--defaults", path, examplePage])
        #expect(result.status == .usage)
        #expect(result.output.isEmpty)
        #expect(result.error.hasPrefix("\(path):\(expected)\n"), "\(result.error)")
    }

    @Test func unknownKeySuggestsTheClosest() {
        expectError("unknown-key.yaml", "3:1: error: unknown key 'form'; did you mean 'from'? [defaults.unknown-key]")
    }

    @Test func badValue() { expectError("bad-value.yaml", "2:7: error: 'jobs' takes a whole number, not 'many' [defaults.value]") }

    @Test func badSettingValue() {
        expectError("bad-setting.yaml", "3:9: error: 'opml' takes 'channels' or 'outline', not 'tree' [defaults.value]")
    }

    @Test func wrongType() { expectError("wrong-type.yaml", "1:5: error: 'to' takes one value, not a list [defaults.type]") }

    @Test func syntaxError() {
        expectError("syntax.yaml", "3:6: error: did not find expected ',' or ']' (while parsing a flow sequence) [defaults.syntax]")
    }

    @Test func duplicatedKey() { expectError("dup.yaml", "2:1: error: 'to' is given twice (first at 1:1) [defaults.syntax]") }

    @Test func aliasBombIsStopped() {
        expectError("alias-bomb.yaml", "1:28: error: the document expands to more than 100000 values (aliases repeat it) [defaults.syntax]")
    }

    @Test func missingDefaultsFile() {
        let result = quire(in: fixtures, ["convert", "--defaults", fixtures + "/missing.yaml", examplePage])
        #expect(result.status == .usage)
        #expect(result.error == "\(fixtures)/missing.yaml: error: cannot read the defaults file: No such file or directory [defaults.unreadable]\n")
    }

    @Test func everyProblemIsReportedAtOnce() throws {
        let scratch = try TemporaryDirectory()
        let file = scratch.path("many.yaml")
        try write(
            "to: json\nto: html\njobs: 0\nstreaming: sometimes\ndiagnostics: xml\nstrict: maybe\nsettings:\n  covr: a.png\nfront-matte: true\noption: x=y\n",
            to: file)
        let result = quire(in: scratch.url.path, ["convert", "--defaults", file, examplePage])
        #expect(result.status == .usage)
        // A key given twice is a syntax error, one line at the second.
        #expect(result.error == file + ":2:1: error: 'to' is given twice (first at 1:1) [defaults.syntax]\n")
        // With the duplicate gone, every other problem is reported together, in line order: options,
        // command-line-only keys and settings alike.
        try write(
            "to: json\njobs: 0\nstreaming: sometimes\ndiagnostics: xml\nstrict: maybe\noption: x=y\nsettings:\n  covr: a.png\nfront-matte: true\n"
                + "split: maybe\nvia: [html, {x: 1}]\n",
            to: file)
        let rest = quire(in: scratch.url.path, ["convert", "--defaults", file, examplePage])
        #expect(rest.status == .usage)
        let messages = rest.error.split(separator: "\n").filter { $0.contains(": error: ") }.map { $0.dropFirst(file.count + 1) }
        #expect(
            messages == [
                "2:7: error: 'jobs' must be 1 or more [defaults.value]",
                "3:12: error: 'streaming' takes 'auto', 'always', 'never', not 'sometimes' [defaults.value]",
                "4:14: error: 'diagnostics' takes 'text' or 'json', not 'xml' [defaults.value]",
                "5:9: error: 'strict' is on or off (true or false), not 'maybe' [defaults.value]",
                "6:1: error: 'option' is not read from a defaults file; give format settings under 'settings:' (or by name at the top level) [defaults.unknown-key]",
                "8:3: error: unknown setting 'covr'; did you mean 'cover'? [defaults.unknown-key]",
                "9:1: error: unknown key 'front-matte'; did you mean 'front-matter'? [defaults.unknown-key]",
                "10:8: error: 'split' is on or off ('true' or 'false'), not 'maybe' [defaults.value]",
                "11:13: error: 'via' takes a list of values, not a list holding a mapping [defaults.type]",
            ])
    }

    @Test func aBrokenConfigurationIsIgnoredWithNoConfigAndForHelp() throws {
        let scratch = try TemporaryDirectory()
        try write("to: [\n", to: scratch.path("quire.yaml"))
        let broken = quire(in: scratch.url.path, ["convert", examplePage, "--to", "json"])
        #expect(broken.status == .usage)
        #expect(broken.error.hasPrefix(scratch.path("quire.yaml") + ":2:1: error: "))
        #expect(quire(in: scratch.url.path, ["convert", examplePage, "--to", "json", "--no-config"]).status == .success)
        let environment = CLIHarness.isolatedEnvironment.merging(["QUIRE_NO_CONFIG": "1"]) { $1 }
        #expect(quire(in: scratch.url.path, ["convert", examplePage, "--to", "json"], environment: environment).status == .success)
        let help = quire(in: scratch.url.path, ["convert", "--help"])
        #expect(help.status == .success)
        #expect(help.output.contains("--defaults <file>"))
        #expect(help.output.contains("$XDG_CONFIG_HOME/quire/quire.yaml"))
    }

    @Test func diagnosticsAsJSONLines() {
        let path = fixtures + "/errors/bad-value.yaml"
        let result = quire(in: fixtures, ["convert", "--defaults", path, examplePage, "--diagnostics", "json"])
        #expect(result.status == .usage)
        #expect(result.error.contains("\"column\":7,\"file\":\"\(path)\",\"id\":\"defaults.value\",\"line\":2,"))
    }

    @Test func verboseNamesTheFilesThatApplied() {
        let result = quire(in: project, ["convert", "--verbose", "--defaults", project + "/book.yaml", "-o", "-", "--to", "json"])
        #expect(result.status == .success, "\(result.error)")
        #expect(result.error.hasPrefix("configuration: \(project)/quire.yaml (working folder)\nconfiguration: \(project)/book.yaml (--defaults)\n"))
        #expect(!quire(in: project, ["convert", "--to", "json"]).error.contains("configuration:"))
    }
}

/// The built `quire` in a real working folder: `./quire.yaml` is found there and named as the user
/// would name it.
@Suite struct DefaultsExecutableTests {
    /// `env -C FOLDER quire …`: the process starts in that folder.
    private func runQuire(in folder: String, _ arguments: [String]) throws -> (status: Int32, output: Data, error: String) {
        try ExternalTool.run(path: "/usr/bin/env", ["-C", folder, "QUIRE_NO_CONFIG=", "XDG_CONFIG_HOME=/nonexistent", CLIHarness.binary] + arguments)
    }

    @Test(.enabled(if: CLIHarness.hasBinary, "needs a built .build/debug/quire"))
    func theWorkingFoldersQuireYAMLApplies() throws {
        let fromFile = try runQuire(in: project, ["convert", "--verbose", "-q"])
        #expect(fromFile.status == 0, "\(fromFile.error)")
        let fromLine = try runQuire(
            in: project, ["convert", "--no-config", "episode.txt", "--to", "markdown", "--front-matter", "--language", "en", "--channel", "Fixture Radio"])
        #expect(fromFile.output == fromLine.output)
        #expect(!fromFile.output.isEmpty)
    }

    @Test(.enabled(if: CLIHarness.hasBinary, "needs a built .build/debug/quire"))
    func aBadEntryIsNamedByFileLineColumnAndKey() throws {
        let scratch = try TemporaryDirectory()
        try write("# defaults for this folder\nto: json\n\n  \njobs: many\n", to: scratch.path("quire.yaml"))
        let result = try runQuire(in: scratch.url.path, ["convert", examplePage])
        #expect(result.status == 2)
        #expect(result.error == "quire.yaml:5:7: error: 'jobs' takes a whole number, not 'many' [defaults.value]\n")
        #expect(result.output.isEmpty)
    }
}

/// `./quire.yaml` applies by itself, so a downloaded folder's file may not choose programs to run;
/// the same file named with `--defaults`, or the user's own, may.
@Suite struct DefaultsSafetyTests {
    private let filters = Fixtures.url("Tests/QuirePluginHostTests/Fixtures/filters").path

    /// A folder holding a filter program and a `quire.yaml` with `entry`.
    private func downloadedFolder(_ entry: String) throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        try FileManager.default.copyItem(atPath: filters + "/append-a.py", toPath: folder.path("append-a.py"))
        try write("to: json\n" + entry + "\n", to: folder.path("quire.yaml"))
        return folder
    }

    private func titles(_ result: CLIRun) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        return (object?["episodes"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
    }

    @Test(arguments: [("filter: ./append-a.py", 9), ("filter: [append-a.py]", 10)])
    func aProgramInTheWorkingFoldersFileIsRefused(entry: String, column: Int) throws {
        let folder = try downloadedFolder(entry)
        let result = quire(in: folder.url.path, ["convert", filters + "/episodes.json"])
        #expect(result.status == .usage)
        #expect(result.output.isEmpty)
        let value = entry.contains("[") ? "append-a.py" : "./append-a.py"
        #expect(
            result.error
                == "\(folder.path("quire.yaml")):2:\(column): error: filter '\(value)' names a program, refused in the working folder's quire.yaml, "
                + "which applies by itself; give the file with --defaults \(folder.path("quire.yaml")) to choose it, "
                + "or put the key in $XDG_CONFIG_HOME/quire/quire.yaml [defaults.unsafe]\n")
        // Named with --defaults, the same file is the user's choice and runs its filter (a bare name is
        // looked for in the process's working folder, which the test cannot change: only the path is tried).
        guard value.contains("/") else { return }
        let chosen = quire(in: folder.url.path, ["convert", "--no-config", "--defaults", folder.path("quire.yaml"), filters + "/episodes.json"])
        #expect(chosen.status == .success, "\(chosen.error)")
        #expect(try titles(chosen).first?.hasSuffix(" a:json") == true)
    }

    @Test func theUsersOwnConfigurationMayNameAProgram() throws {
        let folder = try downloadedFolder("title: t")
        try write("filter: \(folder.path("append-a.py"))\n", to: folder.path("config/quire/quire.yaml"))
        let environment = ["HOME": "/nonexistent", "XDG_CONFIG_HOME": folder.path("config")]
        let result = quire(in: folder.url.path, ["convert", filters + "/episodes.json"], environment: environment)
        #expect(result.status == .success, "\(result.error)")
        #expect(try titles(result).first?.hasSuffix(" a:json") == true)
        // Run in its own folder, the user's file is still the user's, not a working folder's.
        let inConfig = quire(in: folder.path("config/quire"), ["convert", filters + "/episodes.json", "--to", "json"], environment: environment)
        #expect(inConfig.status == .success, "\(inConfig.error)")
    }

    @Test func aPluginFolderInTheWorkingFoldersFileIsRefused() throws {
        let folder = try downloadedFolder("plugin-dir: plugins")
        let result = quire(in: folder.url.path, ["convert", filters + "/episodes.json"])
        #expect(result.status == .usage)
        #expect(
            result.error.hasPrefix(
                "\(folder.path("quire.yaml")):2:1: error: 'plugin-dir' is refused in the working folder's quire.yaml, which applies by itself: "
                    + "its plugins are programs Quire would run; give the file with --defaults"), "\(result.error)")
    }

    /// A bare name is allowed there only as the name of a filter a plugin declares.
    @Test func aBareNameMustBeAPluginsFilter() throws {
        let pluginDir = Fixtures.url("Plugins").path
        let allowed = try downloadedFolder("filter: select-episodes")
        let result = quire(in: allowed.url.path, ["convert", filters + "/episodes.json", "--plugin-dir", pluginDir])
        #expect(result.status == .success, "\(result.error)")
        let refused = try downloadedFolder("filter: [select-episodes, tidy]")
        let program = quire(in: refused.url.path, ["convert", filters + "/episodes.json", "--plugin-dir", pluginDir])
        #expect(program.status == .usage)
        #expect(
            program.error.hasPrefix(
                "\(refused.path("quire.yaml")):2:27: error: filter 'tidy' is no plugin's filter, and the working folder's quire.yaml, "
                    + "which applies by itself, may not choose a program; give the file with --defaults"), "\(program.error)")
    }
}
