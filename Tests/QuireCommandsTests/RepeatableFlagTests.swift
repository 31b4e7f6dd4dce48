import QuireBuiltinFormats
import QuireCore
import Testing

@testable import QuireCommands

/// `--subject a --subject b` and `--embed-font` twice reach the EPUB writer as every value given.
@Suite struct RepeatableFlagTests {
    @Test func repeatedFlagsAreEachAnOptionAndTheRequestKeepsThemAll() throws {
        let flags = SettingFlags(registry: try BuiltinFormats.registry())
        let arguments = flags.rewrite([
            "page.txt", "--subject", "podcasts", "--subject=design", "--embed-font", "a.ttf", "--embed-font", "b.otf", "--series", "S", "--series", "T",
            "-o", "book.epub",
        ])
        #expect(
            arguments == [
                "page.txt", "--option", "subject=podcasts", "--option", "subject=design", "--option", "embed-font=a.ttf", "--option",
                "embed-font=b.otf", "--option", "series=S", "--option", "series=T", "-o", "book.epub",
            ])
        let command = try ConvertCommand.parse(arguments + ["--option", "subject=a=b"])
        let settings = command.request.settings
        #expect(settings.allValues("subject") == ["podcasts", "design", "a=b"])
        #expect(settings.allValues("embed-font") == ["a.ttf", "b.otf"])
        // A setting that is not repeatable reads the last value given.
        #expect(settings["series"] == "T")
    }

    @Test func helpAndFormatListingsSayWhichSettingsRepeat() throws {
        let registry = try BuiltinFormats.registry()
        let help = SettingFlags.help(for: registry)
        #expect(help.contains("  --subject <tag>\n        A subject or tag of the book (dc:subject). Repeatable: give it once per\n        value.\n"))
        #expect(registry.setting(forKey: "embed-font")?.repeatable == true)
        #expect(registry.setting(forKey: "series")?.repeatable == false)
    }
}
