import QuireCore
import QuireTestSupport
import Testing

@testable import QuireMarkdown

/// The sniffer claims Markdown without stealing summary text.
@Suite struct SnifferTests {
    private func sniff(_ text: String) -> SniffMatch? { MarkdownFormat.sniff(ContentSample(Array(text.utf8))) }

    @Test func aLeadingTitleHeadingIsLikelyMarkdown() throws {
        #expect(sniff("# Episode\n\n## [00:10] Chapter\n") == .likely)
        #expect(sniff("---\nlanguage: en\n---\n# Episode\n") == .likely)
        let (written, _) = try writeMarkdown(ModelSamples.everyField)
        #expect(sniff(written) == .likely)
    }

    @Test func summaryTextIsNotClaimedAboveSummaryText() throws {
        // Summary text has `## [` chapters too; its sniffer says `.likely` and is registered first.
        for path in ["Examples/episode.txt", "Examples/sample-page.txt"] {
            let match = sniff(try Fixtures.text(path))
            #expect(match == nil || match! < .likely, "\(path)")
        }
    }

    @Test func plainProseIsNotClaimed() {
        #expect(sniff("Just a sentence.\nAnother one.\n") == nil)
        #expect(sniff("Intro\n\n### Section\n") == .possible)
    }

    @Test func theExtensionNamesTheFormat() throws {
        let registry = try FormatRegistry(plugins: [MarkdownFormat()])
        #expect(registry.format(forPath: "notes/Episode 12.md")?.id == "markdown")
        #expect(registry.format(forPath: "README.markdown")?.id == "markdown")
        #expect(registry.format(named: "gfm")?.id == "markdown")
    }
}
