import Foundation
import QuireCore
import QuireTestSupport
import Testing

@testable import QuireMarkdown

// The notes vault (`--split`, docs/notes-vault.md): names, links, the re-sync that keeps user edits, pruning, reading back.

/// One vault run against `existing` (the folder as it is), in memory.
func vaultUpdate(_ collection: EpisodeCollection, _ options: [String: String] = [:], existing: [OutputFile] = []) throws -> (FolderUpdate, Diagnostics) {
    var diagnostics = Diagnostics()
    var all = options
    all["split"] = "true"
    let update = try #require(
        try MarkdownWriter().updateFolder(collection, existing: FolderSnapshot(existing), options: ConversionOptions(all), diagnostics: &diagnostics))
    return (update, diagnostics)
}

/// The folder after `update`, as `FileIO.apply` leaves it.
func applying(_ update: FolderUpdate, to files: [OutputFile]) -> [OutputFile] {
    var byPath = Dictionary(files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { $1 })
    for file in update.files { byPath[file.path] = file.bytes }
    for path in update.removals { byPath[path] = nil }
    return byPath.map { OutputFile(path: $0.key, bytes: $0.value) }.sorted { $0.path < $1.path }
}

func text(_ files: [OutputFile], _ path: String) -> String? {
    files.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) }
}

/// Every `[[…]]` wikilink and relative Markdown link in every note, resolved under Obsidian's rules: a
/// base name unique in the vault, or a path from the vault's top (wikilinks); a path relative to the
/// note (Markdown links). Returns the links that resolve to no note.
func unresolvedLinks(in files: [OutputFile]) -> [String] {
    let paths = Set(files.map(\.path))
    var byBaseName: [String: [String]] = [:]
    for path in paths where path.hasSuffix(".md") { byBaseName[VaultNames.folded(VaultNames.baseName(path)), default: []].append(path) }
    var unresolved: [String] = []
    for file in files where file.path.hasSuffix(".md") {
        let text = String(decoding: file.bytes, as: UTF8.self)
        var rest = Substring(text)
        while let open = rest.range(of: "[[") {
            guard let close = rest[open.upperBound...].range(of: "]]") else { break }
            let inner = rest[open.upperBound..<close.lowerBound]
            let target = String(inner.prefix { $0 != "|" && $0 != "#" })
            let resolves = target.contains("/") ? paths.contains(target + ".md") : byBaseName[VaultNames.folded(target)]?.count == 1
            if !resolves { unresolved.append("\(file.path): [[\(inner)]]") }
            rest = rest[close.upperBound...]
        }
        rest = Substring(text)
        while let open = rest.range(of: "](") {
            guard let close = rest[open.upperBound...].firstIndex(of: ")") else { break }
            let destination = String(rest[open.upperBound..<close])
            if !destination.contains(":"), destination.hasSuffix(".md") {
                let resolved = VaultLinks.resolve(VaultLinks.decoded(Substring(destination)), from: file.path)
                if !paths.contains(resolved) { unresolved.append("\(file.path): (\(destination))") }
            }
            rest = rest[close...]
        }
    }
    return unresolved
}

/// Four episodes of one channel that mention shared entities, spelled in different ways.
let vaultSample = EpisodeCollection(
    channels: [Channel(title: "Kitchen Physics", description: "Science in the kitchen.")],
    episodes: [
        Episode(
            title: "Why Bread Rises", channel: "Kitchen Physics", language: "en", summary: "Yeast and steam.",
            chapters: [Chapter(start: 0, title: "Intro", body: "Maya opens.", quotes: [Quote(text: "Bread is alive.", time: 12)])],
            entities: [Entity(name: "Maya Ortiz", type: "person", description: "Host."), Entity(name: "Yeast", type: "organism", description: "A fungus.")],
            metadata: EpisodeMetadata(published: "2026-05-21", guid: "kp-1")),
        Episode(
            title: "Salt: a Story", channel: "Kitchen Physics", language: "en", summary: "Salt in dough.",
            chapters: [Chapter(start: 0, title: "Salt", body: "Why salt matters.")],
            entities: [Entity(name: "maya  ortiz", type: "person", description: "Host, again.")],
            metadata: EpisodeMetadata(published: "2026-05-28", guid: "kp-2")),
        Episode(
            title: "Steam", channel: "Kitchen Physics", language: "en", summary: "Steam and crust.",
            chapters: [Chapter(start: 0, title: "Crust", body: "Steam keeps it soft.")],
            entities: [Entity(name: "Maya Ortiz", type: "person", description: ""), Entity(name: "yeast", type: "organism", description: "Again.")],
            metadata: EpisodeMetadata(published: "2026-06-04", guid: "kp-3")),
        Episode(
            title: "Ovens", channel: "Kitchen Physics", language: "en", summary: "Heat.", chapters: [Chapter(start: 0, title: "Heat", body: "Hot.")],
            metadata: EpisodeMetadata(published: "2026-06-11", guid: "kp-4")),
    ])

@Suite struct VaultFileNameTests {
    @Test func forbiddenCharactersBecomeSpacesAndEndsAreTidied() {
        #expect(VaultNames.component("a/b\\c:d*e?f\"g<h>i|j#k^l[m]n", suffix: ".md") == "a b c d e f g h i j k l m n.md")
        #expect(VaultNames.component("..hidden. ", suffix: ".md") == "hidden.md")
        #expect(VaultNames.component("tab\there\u{0007}bell") == "tab here bell")
        #expect(VaultNames.component("   ") == "")
    }

    @Test func windowsReservedNamesAreSuffixed() {
        #expect(VaultNames.component("CON", suffix: ".md") == "CON_.md")
        #expect(VaultNames.component("nul", suffix: ".md") == "nul_.md")
        #expect(VaultNames.component("com1.backup", suffix: ".md") == "com1_.backup.md")
        #expect(VaultNames.component("Console", suffix: ".md") == "Console.md")
    }

    @Test func longCJKTitlesAreCutOnACharacterBoundaryKeepingTheExtension() {
        let title = String(repeating: "역사산책의밤", count: 40)
        let name = VaultNames.component(title, suffix: ".md")
        #expect(name.utf8.count <= 255)
        #expect(name.hasSuffix(".md"))
        #expect(title.hasPrefix(name.dropLast(3)))
        #expect(name.utf8.count > 240)
    }

    @Test func namesAreNFCNormalised() {
        let decomposed = "Cafe\u{301}"
        #expect(Array(VaultNames.component(decomposed).utf8) == Array("Caf\u{E9}".utf8))
    }

    @Test func caseCollisionsGetAStableSuffixWhateverTheOrder() throws {
        let one = Episode(title: "Steam", summary: "First.", metadata: EpisodeMetadata(guid: "a"))
        let two = Episode(title: "STEAM", summary: "Second.", metadata: EpisodeMetadata(guid: "b"))
        let (forward, _) = try vaultUpdate(EpisodeCollection(episodes: [one, two]))
        let (backward, _) = try vaultUpdate(EpisodeCollection(episodes: [two, one]))
        let paths = forward.files.map(\.path)
        #expect(Set(paths.map { $0.lowercased() }).count == paths.count)
        #expect(paths.contains("Steam.md"))
        #expect(paths.contains { $0.hasPrefix("STEAM (") })
        #expect(Set(paths) == Set(backward.files.map(\.path)))
        #expect(unresolvedLinks(in: forward.files).isEmpty)
    }

    @Test func templateFillsPlaceholdersAndTidiesMissingOnes() throws {
        let template = try NoteNameTemplate(MarkdownSettings.defaultNoteName)
        #expect(template.path(for: Episode(title: "Why: Bread?", summary: "")) == "Why Bread.md")
        #expect(
            template.path(
                for: Episode(title: "Steam", channel: "Kitchen/Physics", summary: "", metadata: EpisodeMetadata(published: "Tue, 05 Mar 2024 10:00:00 GMT")))
                == "Kitchen Physics/2024-03-05 Steam.md")
        let numbered = try NoteNameTemplate("{channel}/{year}/{number} - {title}")
        #expect(
            numbered.path(for: Episode(title: "Steam", channel: "KP", summary: "", metadata: EpisodeMetadata(published: "2026-05-21", number: 7)))
                == "KP/2026/7 - Steam.md")
        #expect(numbered.path(for: Episode(title: "Steam", summary: "")) == "Steam.md")
    }

    @Test(arguments: ["/abs/{title}.md", "../{title}.md", "a/../{title}", "{nope}.md", "{title.md", "}{title}.md"])
    func badTemplatesAreErrorsNamingTheSetting(template: String) throws {
        #expect {
            _ = try vaultUpdate(vaultSample, ["note-name": template])
        } throws: { error in
            "\(error)".contains("note-name")
        }
    }
}

@Suite struct VaultLayoutTests {
    @Test(arguments: ["wikilinks", "markdown"])
    func everyLinkResolvesAndEntityNotesListTheirEpisodes(style: String) throws {
        let (update, _) = try vaultUpdate(vaultSample, ["links": style])
        #expect(update.removals.isEmpty)
        #expect(unresolvedLinks(in: update.files) == [])
        let maya = try #require(text(update.files, "Entities/Maya Ortiz.md"))
        for title in ["2026-05-21 Why Bread Rises", "2026-05-28 Salt a Story", "2026-06-04 Steam"] { #expect(maya.contains(title)) }
        #expect(!maya.contains("Ovens"))
        #expect(maya.contains("Host, again."))
        #expect(text(update.files, "Entities/maya ortiz.md") == nil)
        let index = try #require(text(update.files, "Kitchen Physics/Kitchen Physics.md"))
        #expect(index.contains("- 2026-06-11 "))
        if style == "markdown" {
            #expect(maya.contains("(../Kitchen%20Physics/2026-05-21%20Why%20Bread%20Rises.md)"))
            #expect(
                try #require(text(update.files, "Kitchen Physics/2026-06-04 Steam.md")).contains("- **[Maya Ortiz](../Entities/Maya%20Ortiz.md)** (person)"))
        } else {
            #expect(try #require(text(update.files, "Kitchen Physics/2026-06-04 Steam.md")).contains("- **[[Maya Ortiz]]** (person)"))
        }
    }

    @Test func aVaultOfTheSampleMatchesItsGoldenFiles() throws {
        let (update, diagnostics) = try vaultUpdate(vaultSample)
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
        try Golden.expect(update.files.map(\.path).joined(separator: "\n") + "\n", matches: "Tests/MarkdownFormatTests/Fixtures/vault/files.txt")
        for file in update.files {
            try Golden.expect(String(decoding: file.bytes, as: UTF8.self), matches: "Tests/MarkdownFormatTests/Fixtures/vault/" + file.path)
        }
    }

    @Test func everyFieldSampleRoundTripsThroughItsVault() throws {
        let (first, _) = try vaultUpdate(ModelSamples.everyField)
        #expect(unresolvedLinks(in: first.files) == [])
        var merged = EpisodeCollection()
        for file in first.files {
            let (collection, _) = try readMarkdown(InputFile(name: file.path, bytes: file.bytes))
            merged.merge(collection)
        }
        let expected = ModelSamples.everyField.episodes.sorted { $0.title < $1.title }
        #expect(merged.episodes.sorted { $0.title < $1.title } == expected)
        // The home note carries the collection's own fields.
        #expect(merged.title == ModelSamples.everyField.title)
        #expect(merged.preamble == ModelSamples.everyField.preamble)
        let (second, _) = try vaultUpdate(merged)
        #expect(second.files == first.files)
    }

    @Test func readingSkipsIndexNotesAndTheUsersText() throws {
        let (update, _) = try vaultUpdate(vaultSample)
        let (entity, entityDiagnostics) = try readMarkdown(
            InputFile(name: "Entities/Yeast.md", bytes: try #require(update.files.first { $0.path == "Entities/Yeast.md" }).bytes))
        #expect(entity.episodes.isEmpty)
        #expect(entityDiagnostics.all.map(\.id.rawValue) == ["markdown.vault.index"])
        let path = "Kitchen Physics/2026-05-21 Why Bread Rises.md"
        let edited = "My own thoughts.\n" + (try #require(text(update.files, path))) + "\nMore of mine.\n"
        let withFrontMatterFirst = edited.replacingOccurrences(of: "My own thoughts.\n---\n", with: "---\n").replacingOccurrences(
            of: "<!-- quire:begin", with: "My own thoughts.\n<!-- quire:begin")
        let (collection, diagnostics) = try readMarkdown(withFrontMatterFirst, name: path)
        #expect(collection.episodes == [vaultSample.episodes[0]])
        #expect(diagnostics.all.map(\.id.rawValue) == ["markdown.vault.user-text"])
    }
}

@Suite struct VaultResyncTests {
    static let renamedPath = "Kitchen Physics/2026-05-28 Salt the Whole Story.md"
    static let oldPath = "Kitchen Physics/2026-05-28 Salt a Story.md"

    @Test func userEditsSurviveARenameAndNothingElseIsRewritten() throws {
        let (first, _) = try vaultUpdate(vaultSample)
        var folder = first.files
        func edit(_ path: String, _ change: (String) -> String) {
            let index = folder.firstIndex { $0.path == path }!
            folder[index].bytes = Array(change(String(decoding: folder[index].bytes, as: UTF8.self)).utf8)
        }
        let before = "Kitchen Physics/2026-05-21 Why Bread Rises.md", after = "Kitchen Physics/2026-06-04 Steam.md", keyed = Self.oldPath
        edit(before) { $0.replacingOccurrences(of: "<!-- quire:begin", with: "My note above, see [[2026-05-28 Salt a Story#Salt]].\n\n<!-- quire:begin") }
        edit(after) { $0 + "\n## My notes\n\nBelow, by me.\n" }
        edit(keyed) { $0.replacingOccurrences(of: "quire-id: kp-2\n", with: "quire-id: kp-2\ntags: [bread, salt]\n") }
        folder.append(OutputFile(path: "My notes.md", bytes: Array("Links: [[2026-05-28 Salt a Story]] and [[2026-05-28 Salt a Story|salt]].\n".utf8)))
        let editedFolder = folder

        var changed = vaultSample
        changed.episodes[1].title = "Salt: the Whole Story"
        let (second, diagnostics) = try vaultUpdate(changed, existing: editedFolder)
        #expect(diagnostics.all.filter { $0.severity != .note }.isEmpty, "\(diagnostics.all)")
        #expect(second.removals == [Self.oldPath])
        // Written: the renamed note, the notes linking to it (index, entity, the user's), nothing else.
        #expect(
            second.files.map(\.path) == [
                "Entities/Maya Ortiz.md", "Kitchen Physics/2026-05-21 Why Bread Rises.md", Self.renamedPath, "Kitchen Physics/Kitchen Physics.md",
                "My notes.md",
            ])
        let result = applying(second, to: editedFolder)
        #expect(unresolvedLinks(in: result) == [])
        let renamed = try #require(text(result, Self.renamedPath))
        #expect(renamed.contains("quire-id: kp-2\ntags: [bread, salt]\ntitle: \"Salt: the Whole Story\"\n"))
        #expect(text(result, "My notes.md") == "Links: [[2026-05-28 Salt the Whole Story]] and [[2026-05-28 Salt the Whole Story|salt]].\n")
        // The user's text is kept where it was; only its link follows the rename.
        let userPart = { (text: String) in text.components(separatedBy: "My note above").first! }
        #expect(userPart(try #require(text(result, before))) == userPart(try #require(text(editedFolder, before))))
        #expect(try #require(text(result, before)).contains("My note above, see [[2026-05-28 Salt the Whole Story#Salt]].\n\n<!-- quire:begin"))
        #expect(text(result, after) == text(editedFolder, after))
        // A third run changes nothing at all.
        let (third, _) = try vaultUpdate(changed, existing: result)
        #expect(third.files.isEmpty && third.removals.isEmpty)
    }

    @Test func aNoteWithoutItsMarkersIsLeftAloneWithAWarning() throws {
        let (first, _) = try vaultUpdate(vaultSample)
        var folder = first.files
        let index = folder.firstIndex { $0.path == Self.oldPath }!
        folder[index].bytes = Array(String(decoding: folder[index].bytes, as: UTF8.self).replacingOccurrences(of: "<!-- quire:end -->\n", with: "").utf8)
        var changed = vaultSample
        changed.episodes[1].summary = "Salt in dough, changed."
        let (second, diagnostics) = try vaultUpdate(changed, existing: folder)
        #expect(!second.files.contains { $0.path == Self.oldPath })
        // Nor is a second copy of the episode written anywhere else.
        #expect(!second.files.contains { String(decoding: $0.bytes, as: UTF8.self).contains("quire-id: kp-2\n") })
        #expect(second.removals.isEmpty)
        #expect(diagnostics.all.contains { $0.id.rawValue == "vault.unmarked" && $0.location?.file == Self.oldPath })
    }

    @Test func aNoteSavedWithCRLFIsStillQuiresAndKeepsItsLineBreaks() throws {
        let (first, _) = try vaultUpdate(vaultSample)
        var folder = first.files
        let path = "Kitchen Physics/2026-05-21 Why Bread Rises.md"
        let index = folder.firstIndex { $0.path == path }!
        let windows = "\u{FEFF}" + (String(decoding: folder[index].bytes, as: UTF8.self) + "\nMy line.\n").replacingOccurrences(of: "\n", with: "\r\n")
        folder[index].bytes = Array(windows.utf8)
        // Unchanged input: the note is recognised and left alone.
        let (same, _) = try vaultUpdate(vaultSample, existing: folder)
        #expect(same.files.isEmpty && same.removals.isEmpty)
        // A changed summary: the same note is updated, in its own line breaks, the user's line kept.
        var changed = vaultSample
        changed.episodes[0].summary = "Yeast, steam and time."
        let (second, _) = try vaultUpdate(changed, existing: folder)
        #expect(second.files.map(\.path) == [path])
        let updated = try #require(text(second.files, path))
        #expect(updated.hasPrefix("\u{FEFF}---\r\n"))
        #expect(updated.contains("Yeast, steam and time.\r\n"))
        #expect(updated.hasSuffix("<!-- quire:end -->\r\n\r\nMy line.\r\n"))
        #expect(!updated.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func aChangeOfCaseAloneKeepsTheNotesName() throws {
        let (first, _) = try vaultUpdate(vaultSample)
        var changed = vaultSample
        changed.episodes[2].title = "STEAM"
        let (second, _) = try vaultUpdate(changed, existing: first.files)
        #expect(second.removals.isEmpty)
        #expect(second.files.map(\.path).contains("Kitchen Physics/2026-06-04 Steam.md"))
        #expect(text(second.files, "Kitchen Physics/2026-06-04 Steam.md")?.contains("# STEAM\n") == true)
    }

    @Test func anEpisodeAtTheTopNamedLikeAnEntityGetsLinksThatResolve() throws {
        let entity = Entity(name: "Claude Code", type: "product", description: "A coding agent.")
        let collection = EpisodeCollection(episodes: [
            Episode(title: "Claude Code", summary: "All about it.", entities: [entity], metadata: EpisodeMetadata(guid: "cc")),
            Episode(title: "Other", summary: "Mentions it.", entities: [entity], metadata: EpisodeMetadata(guid: "other")),
        ])
        let (update, _) = try vaultUpdate(collection)
        #expect(unresolvedLinks(in: update.files) == [])
        let paths = update.files.map(\.path)
        #expect(paths.contains("Entities/Claude Code.md"))
        #expect(!paths.contains("Claude Code.md"))
        #expect(paths.contains { $0.hasPrefix("Claude Code (") && !$0.contains("/") })
    }

    @Test func pruningKeepsANoteTheUsersTextStillLinksTo() throws {
        let (first, _) = try vaultUpdate(vaultSample)
        var shorter = vaultSample
        shorter.episodes.removeLast(2)
        let steam = "Kitchen Physics/2026-06-04 Steam.md", ovens = "Kitchen Physics/2026-06-11 Ovens.md"
        let mine = OutputFile(path: "Mine.md", bytes: Array("Read [[2026-06-04 Steam]] again.\n".utf8))
        let (pruned, diagnostics) = try vaultUpdate(shorter, ["prune": "true"], existing: first.files + [mine])
        #expect(pruned.removals.contains(ovens))
        #expect(!pruned.removals.contains(steam))
        #expect(diagnostics.all.contains { $0.id.rawValue == "vault.prune.linked" && $0.location?.file == steam })
        #expect(unresolvedLinks(in: applying(pruned, to: first.files + [mine])) == [])
    }

    @Test func staleNotesAreKeptUnlessPrunedAndNeverWhenTheyHoldUserText() throws {
        let (first, _) = try vaultUpdate(vaultSample)
        var shorter = vaultSample
        shorter.episodes.removeLast()
        let ovens = "Kitchen Physics/2026-06-11 Ovens.md"
        let (kept, keptDiagnostics) = try vaultUpdate(shorter, existing: first.files)
        #expect(kept.removals.isEmpty)
        #expect(keptDiagnostics.all.contains { $0.id.rawValue == "vault.stale" && $0.location?.file == ovens })

        let (pruned, _) = try vaultUpdate(shorter, ["prune": "true"], existing: first.files)
        #expect(pruned.removals == [ovens])

        var edited = first.files
        let index = edited.firstIndex { $0.path == ovens }!
        edited[index].bytes += Array("\nMy oven notes.\n".utf8)
        let (guarded, guardedDiagnostics) = try vaultUpdate(shorter, ["prune": "true"], existing: edited)
        #expect(guarded.removals.isEmpty)
        #expect(guardedDiagnostics.all.contains { $0.id.rawValue == "vault.prune.kept" && $0.severity == .warning && $0.location?.file == ovens })
    }

    @Test func largeFilesAreNotReadAndUserNotesAreNeverTouched() throws {
        let (first, _) = try vaultUpdate(vaultSample)
        let big = OutputFile(path: "Big.md", bytes: [UInt8](repeating: UInt8(ascii: "a"), count: VaultWriter.maximumNoteBytes + 1))
        let mine = OutputFile(path: "Kitchen Physics/Mine.md", bytes: Array("---\ntags: [x]\n---\nNo links here.\n".utf8))
        let (second, diagnostics) = try vaultUpdate(vaultSample, ["prune": "true"], existing: first.files + [big, mine])
        #expect(second.files.isEmpty && second.removals.isEmpty)
        #expect(diagnostics.all.contains { $0.id.rawValue == "vault.too-large" && $0.location?.file == "Big.md" })
    }
}

@Suite struct SharedPageVaultTests {
    @Test(.needsSharedCorpus) func everyLinkInTheSamplePagesVaultResolvesAndEntityNotesListExactlyTheirEpisodes() throws {
        let model = try sharedChannelPageModel()
        for style in ["wikilinks", "markdown"] {
            let (update, _) = try vaultUpdate(model, ["links": style])
            #expect(unresolvedLinks(in: update.files) == [], "\(style)")
            #expect(Set(update.files.map { VaultNames.folded($0.path) }).count == update.files.count)
            guard style == "wikilinks" else { continue }
            let notes = Dictionary(uniqueKeysWithValues: update.files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
            // Each episode's note, found by its identity.
            var episodeNote: [Int: String] = [:]
            for (index, episode) in model.episodes.enumerated() {
                episodeNote[index] =
                    notes.first { $0.value.hasPrefix("---\nquire-id: " + FrontMatterYAML.scalarText(VaultWriter.episodeID(episode)) + "\n") }?.key
            }
            #expect(episodeNote.count == model.episodes.count)
            // The page names no channel: its home note (title and preamble) lists every episode.
            let home = try #require(notes.first { $0.value.contains("\nquire-kind: collection\n") })
            #expect(VaultNote(text: home.value).value("collection-title") == model.title)
            let listed = home.value.split(separator: "\n").filter { $0.hasPrefix("- [[") }.map { String($0.dropFirst(4).prefix { $0 != "]" && $0 != "|" }) }
            #expect(Set(listed) == Set(episodeNote.values.map(VaultNames.baseName)))
            #expect(listed.count == model.episodes.count)
            let entityNotes = notes.filter { $0.value.contains("\nquire-kind: entity\n") }
            #expect(!entityNotes.isEmpty)
            for (path, text) in entityNotes {
                let key = try #require(VaultNote(text: text).value(VaultNote.keyKey))
                let expected = Set(
                    model.episodes.indices.filter { model.episodes[$0].entities.contains { VaultWriter.entityKey($0.name) == key } }.map { episodeNote[$0]! })
                var listed: Set<String> = []
                for line in text.split(separator: "\n") where line.hasPrefix("- [[") {
                    let target = String(line.dropFirst(4).prefix { $0 != "]" && $0 != "|" })
                    listed.insert(try #require(notes.keys.first { VaultNames.baseName($0) == target || $0 == target + ".md" }))
                }
                #expect(listed == expected, "\(path)")
            }
        }
    }
}
