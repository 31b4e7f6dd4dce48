@testable import QuireCommands
import Testing

/// Every format flag reaches the formats under the key they read (docs/*-format.md), and
/// `--option KEY=VALUE` reaches any key; a flag wins over the same key given with `--option`.
@Suite struct FormatOptionsTests {
    @Test func flagsBecomeTheKeysFormatsRead() throws {
        let options = try FormatOptions.parse([
            "--opml", "outline", "--front-matter", "--entities", "table", "--split", "--template", "t/", "--unsafe-html",
            "--no-timeline", "--author", "Me", "--cover", "c.png", "--order", "published", "--group-by", "channel",
            "--option", "zip-max-entries=5", "--option", "entities=list", "--option", "plugin-setting=a=b",
        ])
        #expect(options.values == [
            "opml": "outline", "front-matter": "true", "entities": "table", "split": "true", "template": "t/", "unsafe-html": "true",
            "no-timeline": "true", "author": "Me", "cover": "c.png", "order": "published", "group-by": "channel",
            "zip-max-entries": "5", "plugin-setting": "a=b",
        ])
        #expect(options.writesFolder)
    }

    @Test func noFlagsMeanNoSettings() throws {
        let options = try FormatOptions.parse([])
        #expect(options.values.isEmpty)
        #expect(!options.writesFolder)
        #expect(try FormatOptions.parse(["--option", "split=yes"]).writesFolder)
    }
}
