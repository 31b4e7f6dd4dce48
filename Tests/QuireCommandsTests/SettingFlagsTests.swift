import Foundation
import QuireBuiltinFormats
import QuireCore
import QuireTestSupport
import Testing

@testable import QuireCommands

/// The format flags of `convert` come from the settings formats declare, and reach the formats under
/// the keys they read; `--option KEY=VALUE` reaches the same keys.
@Suite struct SettingFlagsTests {
    private let flags = SettingFlags(registry: try! BuiltinFormats.registry())

    @Test func everyBuiltInFlagBecomesTheKeyItsFormatReads() throws {
        let rewritten = flags.rewrite([
            "page.txt", "--opml", "outline", "--front-matter", "--entities=table", "--split", "--template", "t/", "--unsafe-html",
            "--no-timeline", "--author", "Me", "--cover", "c.png", "--order", "published", "--group-by", "channel",
            "--split-hints", "hints.txt", "--zip-max-entries", "5", "-o", "out.epub",
        ])
        #expect(
            rewritten == [
                "page.txt", "--option", "opml=outline", "--option", "front-matter=true", "--option", "entities=table",
                "--option", "split=true", "--option", "template=t/", "--option", "unsafe-html=true", "--option", "no-timeline=true",
                "--option", "author=Me", "--option", "cover=c.png", "--option", "order=published", "--option", "group-by=channel",
                "--option", "split-hints=hints.txt", "--option", "zip-max-entries=5", "-o", "out.epub",
            ])
    }

    @Test func leavesConvertsOwnOptionsTheirValuesAndEverythingAfterTheTerminator() {
        #expect(
            flags.rewrite(["--title", "--split", "--channel=x", "--split=false", "--", "--opml", "outline"])
                == ["--title", "--split", "--channel=x", "--option", "split=false", "--", "--opml", "outline"])
    }

    /// The list the rewriter trusts is the command's real list: every long option `convert --help`
    /// shows is in it, and nothing else.
    @Test func ownOptionNamesAreConvertsOptions() {
        let help = ConvertCommand.helpMessage(columns: 200)
        let usage = help[help.range(of: "OPTIONS:")!.upperBound...]
        let shown = Set(
            usage.split(separator: "\n").compactMap { line -> String? in
                guard let range = line.range(of: #"--[a-z-]+"#, options: .regularExpression), line.hasPrefix("  ") else { return nil }
                return String(line[range].dropFirst(2))
            })
        #expect(shown == ConvertCommand.ownOptionNames)
    }

    @Test func helpListsEachFormatsSettingsWrapped() {
        let help = SettingFlags.help(for: try! BuiltinFormats.registry())
        #expect(help.contains("OPML (opml):\n  --opml <channels|outline>\n        'channels': a subscription list for podcast apps; 'outline': the whole\n"))
        #expect(help.contains("  --cover <image>\n"))
        #expect(help.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func messagesNameFlagsWhereFormatsNameSettings() {
        let spelling = FlagSpelling(registry: try! BuiltinFormats.registry())
        #expect(spelling.rewrite("setting 'group-by' takes 'channel', not 'x'") == "--group-by takes 'channel', not 'x'")
        #expect(spelling.rewrite("name one with setting 'channel', or setting 'unknown'") == "name one with --channel, or setting 'unknown'")
    }
}
