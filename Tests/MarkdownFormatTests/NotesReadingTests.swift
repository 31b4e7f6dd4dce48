import QuireCore
import QuireTestSupport
import Testing

@testable import QuireMarkdown

/// Markdown that is not an episode file reads as one episode of untimed chapters, with a warning.
@Suite struct NotesReadingTests {
    @Test func notesFileReadsIntoUntimedChaptersWithAWarning() throws {
        let (collection, diagnostics) = try readMarkdown(try Fixtures.input("Tests/MarkdownFormatTests/Fixtures/meeting-notes.md"))
        #expect(diagnostics.all.map(\.id) == ["markdown.not-episode"])
        #expect(diagnostics.all.first?.location == SourceLocation(file: "Tests/MarkdownFormatTests/Fixtures/meeting-notes.md", line: 1, column: 1))
        #expect(diagnostics.all.first?.severity == .warning)
        #expect(
            collection
                == EpisodeCollection(episodes: [
                    Episode(
                        title: "meeting-notes",
                        summary: "Notes taken during the planning call.\nSee also [the brief](https://example.org/brief).",
                        chapters: [
                            Chapter(start: nil, title: "Planning call"),
                            Chapter(start: nil, title: "Decisions", body: "- Ship the Markdown reader first.\n- Keep **bold** text as written."),
                            Chapter(
                                start: nil, title: "Open questions",
                                body: "> Who owns the HTML edge?\n\n```swift\nlet answer = 42\n```\n\n[brief]: https://example.org/brief"),
                            Chapter(start: nil, title: "Next steps", body: "1. Write the docs.\n2. Measure."),
                        ])
                ]))
    }

    @Test func aReadmeWithATitleKeepsItAndItsIntroduction() throws {
        let text = "# Quire\n\nConverts *summaries*.\n\n## Install\n\nRun `make`.\n\n## Use\n\nSee below.\n"
        let (collection, diagnostics) = try readMarkdown(text, name: "README.md")
        #expect(diagnostics.all.map(\.id) == ["markdown.not-episode"])
        #expect(
            collection.episodes == [
                Episode(
                    title: "Quire", summary: "Converts *summaries*.",
                    chapters: [
                        Chapter(start: nil, title: "Install", body: "Run `make`."), Chapter(start: nil, title: "Use", body: "See below."),
                    ])
            ])
    }

    @Test func obsidianFrontMatterIsKeptAsMetadata() throws {
        let text = "---\ntitle: Daily note\ntags: [podcast, ideas]\naliases:\n  - today\n---\nSome text.\n\n### Later\n\nMore.\n"
        let (collection, diagnostics) = try readMarkdown(text, name: "2026-11-26.md")
        #expect(diagnostics.all.map(\.id) == ["markdown.not-episode"])
        #expect(collection.episodes.first?.title == "Daily note")
        #expect(collection.episodes.first?.summary == "Some text.")
        #expect(
            collection.episodes.first?.metadata.extra == [
                MetadataField(key: "tags", value: "[podcast, ideas]"), MetadataField(key: "aliases", value: "- today"),
            ])
        #expect(collection.episodes.first?.chapters == [Chapter(start: nil, title: "Later", body: "More.")])
    }

    @Test func episodeFilesReadWithoutWarnings() throws {
        let text = "# Episode\n\nSummary.\n\n## [00:10] First\n\nBody.\n\n> [00:12] Said.\n\n## Plain section\n\nMore.\n"
        let (collection, diagnostics) = try readMarkdown(text)
        #expect(diagnostics.isEmpty)
        #expect(
            collection.episodes == [
                Episode(
                    title: "Episode", summary: "Summary.",
                    chapters: [
                        Chapter(start: 10, title: "First", body: "Body.", quotes: [Quote(text: "Said.", time: 12)]),
                        Chapter(start: nil, title: "Plain section", body: "More."),
                    ])
            ])
    }

    @Test func anEntitiesSectionThatIsNotAListIsReadAsAChapterWithAWarning() throws {
        let text = "# Episode\n\n## [00:10] First\n\n## Entities\n\nJust prose about people.\n"
        let (collection, diagnostics) = try readMarkdown(text)
        #expect(diagnostics.all.map(\.id) == ["markdown.entities.unreadable"])
        #expect(diagnostics.all.first?.location?.line == 5)
        #expect(collection.episodes.first?.chapters.last == Chapter(start: nil, title: "Entities", body: "Just prose about people."))
    }

    @Test func handWrittenEntityVariantsAreRead() throws {
        let text = "# E\n\n## Entities\n\n* **Ada** (Person): First line\n  second line\n* **Bob**\n* **Cy**: no type\n"
        let (collection, diagnostics) = try readMarkdown(text)
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
        #expect(
            collection.episodes.first?.entities == [
                Entity(name: "Ada", type: "Person", description: "First line\nsecond line"), Entity(name: "Bob", type: "", description: ""),
                Entity(name: "Cy", type: "", description: "no type"),
            ])
    }

    @Test func closingSequencesAndSetextHeadingsAreRead() throws {
        let text = "Episode *one*\n=============\n\n## [00:10] Chapter ##\n\nBody.\n\n## C\\# \\#\n"
        let (collection, diagnostics) = try readMarkdown(text)
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
        #expect(
            collection.episodes == [
                Episode(title: "Episode *one*", chapters: [Chapter(start: 10, title: "Chapter", body: "Body."), Chapter(start: nil, title: "C# #")])
            ])
    }
}
