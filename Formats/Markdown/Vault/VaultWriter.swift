import QuireCore

/// Writes a collection as an Obsidian-style vault, or brings an existing one up to date
/// (docs/notes-vault.md): a note per episode at the `note-name` template's path, a note per entity
/// under `Entities/`, a folder note per channel (`<Channel>/<Channel>.md`), and a home note holding the
/// collection's title and preamble when it has them (`<Title>.md`). Quire owns each note's
/// marked region and the front-matter keys it writes; everything else is the user's and is kept.
struct VaultWriter {
    /// Existing notes larger than this are not read (and so never changed).
    static let maximumNoteBytes = 4 << 20
    static let entitiesFolder = "Entities"

    let collection: EpisodeCollection
    let template: NoteNameTemplate
    let style: VaultLinks.Style
    let prune: Bool

    enum Kind {
        case episode(Int)
        case entity(String)
        case channel(String)
        /// The collection's own note: its title, preamble, channels and unchanneled episodes.
        case collection
    }

    /// A note Quire writes this run.
    struct Planned {
        var identity: String
        var kind: Kind
        var path: String
    }

    /// A note already in the folder that carries a Quire identity.
    struct Existing {
        var path: String
        var bytes: [UInt8]
        var note: VaultNote
    }

    struct EntityGroup {
        var name: String
        /// (episode index, descriptions given there), in the collection's order.
        var mentions: [(episode: Int, descriptions: [String])]
    }

    func update(existing folder: any ExistingFolder, diagnostics: inout Diagnostics) -> FolderUpdate {
        // What is there already.
        var claimed: [String: Existing] = [:]
        var userNotes: [(path: String, text: String)] = []
        var quireNotes: [Existing] = []
        for file in folder.files where file.path.hasSuffix(".md") {
            guard file.size <= Self.maximumNoteBytes else {
                diagnostics.report(
                    .warning("vault.too-large", "larger than \(Self.maximumNoteBytes >> 20) MB: not read, left as it is", at: SourceLocation(file: file.path)))
                continue
            }
            guard let bytes = try? folder.contents(of: file.path), let note = VaultNote(bytes: bytes) else { continue }
            guard let identity = note.identity else {
                userNotes.append((file.path, note.text))
                continue
            }
            if let first = claimed[identity] {
                diagnostics.report(
                    .warning(
                        "vault.duplicate", "the same Quire note as '\(first.path)' (\(identity)); this copy is left as it is",
                        at: SourceLocation(file: file.path)))
                continue
            }
            let existing = Existing(path: file.path, bytes: bytes, note: note)
            claimed[identity] = existing
            quireNotes.append(existing)
        }

        // The notes of this run and their paths.
        let groups = entityGroups()
        var planned = plan(groups)
        let plannedIdentities = Set(planned.map(\.identity))
        // Files no note of this run claims: the user's, stale notes, anything else. New paths avoid them.
        let claimedPaths = Set(quireNotes.filter { plannedIdentities.contains($0.note.identity ?? "") }.map(\.path))
        var occupied = Set(folder.files.map(\.path).filter { !claimedPaths.contains($0) }.map(VaultNames.folded))
        for index in planned.indices {
            // An unmarked note stays where it is; so does one whose name differs only in case (the most
            // common spelling of an entity can flip): a case-only move is churn, and on a case-insensitive
            // file system writing the new name and removing the old would remove the note itself.
            if let existing = claimed[planned[index].identity],
                existing.note.region == nil || VaultNames.folded(existing.path) == VaultNames.folded(planned[index].path)
            {
                planned[index].path = existing.path
            }
        }
        settleCollisions(&planned, occupied: &occupied)
        // A note at the vault's root is linked by its base name alone; when a note in a folder has the
        // same base name, `[[Name]]` would be ambiguous, so the root note takes a suffix.
        let folderedNames = Set(
            (planned.map(\.path) + folder.files.map(\.path).filter { !claimedPaths.contains($0) }).filter { $0.contains("/") }.map {
                VaultNames.folded(VaultNames.baseName($0))
            })
        for index in planned.indices where !planned[index].path.contains("/") {
            guard folderedNames.contains(VaultNames.folded(VaultNames.baseName(planned[index].path))) else { continue }
            occupied.remove(VaultNames.folded(planned[index].path))
            planned[index].path = Self.suffixedPath(planned[index], avoiding: occupied.union(folderedNames.map { $0 + ".md" }))
            occupied.insert(VaultNames.folded(planned[index].path))
        }
        var baseNameCounts: [String: Int] = [:]
        for path in planned.map(\.path) + userNotes.map(\.path) + quireNotes.filter({ !plannedIdentities.contains($0.note.identity ?? "") }).map(\.path) {
            baseNameCounts[VaultNames.folded(VaultNames.baseName(path)), default: 0] += 1
        }
        let uniqueNames = Set(baseNameCounts.filter { $0.value == 1 }.keys)
        var renames: [VaultLinks.Rename] = []
        for note in planned {
            if let existing = claimed[note.identity], existing.path != note.path {
                renames.append(.init(oldPath: existing.path, newPath: note.path, newTarget: VaultLinks.wikiTarget(for: note.path, uniqueNames: uniqueNames)))
            }
        }

        // Each note's text, merged into what is there.
        let renderer = Renderer(collection: collection, planned: planned, groups: groups, style: style, uniqueNames: uniqueNames)
        var files: [OutputFile] = []
        var removals: [String] = []
        for note in planned {
            let fresh = renderer.note(note, diagnostics: &diagnostics)
            guard let existing = claimed[note.identity] else {
                files.append(OutputFile(path: note.path, bytes: Array(fresh.text.utf8)))
                continue
            }
            guard existing.note.region != nil else {
                diagnostics.report(
                    .warning(
                        "vault.unmarked", "Quire's markers (\(VaultNote.endMarker) and its begin line) are gone from this note; it is left as it is",
                        at: SourceLocation(file: existing.path)))
                continue
            }
            var merged = existing.note.updated(to: fresh, ownedKeys: Self.ownedKeys(note.kind))
            merged.before = VaultLinks.rewrite(merged.before, in: note.path, renames: renames)
            merged.after = VaultLinks.rewrite(merged.after, in: note.path, renames: renames)
            let bytes = Array(merged.text.utf8)
            if note.path == existing.path && bytes == existing.bytes { continue }
            files.append(OutputFile(path: note.path, bytes: bytes))
            if note.path != existing.path { removals.append(existing.path) }
        }
        for (path, text) in userNotes {
            let rewritten = VaultLinks.rewrite(text, in: path, renames: renames)
            if rewritten != text { files.append(OutputFile(path: path, bytes: Array(rewritten.utf8))) }
        }
        // What the user's text links to: a stale note still linked from it is not pruned.
        let keptTexts =
            userNotes.map { (path: $0.path, text: $0.text) }
            + quireNotes.map { (path: $0.path, text: $0.note.before + $0.note.after) }
        for stale in quireNotes where !plannedIdentities.contains(stale.note.identity ?? "") {
            let kind: Kind =
                switch stale.note.value(VaultNote.kindKey) {
                case nil: .episode(0)
                case VaultNote.collectionKind?: .collection
                default: .entity("")
                }
            guard prune else {
                diagnostics.report(.note("vault.stale", "no longer in the input; kept (--prune removes it)", at: SourceLocation(file: stale.path)))
                continue
            }
            if stale.note.hasUserText(ownedKeys: Self.ownedKeys(kind)) || stale.note.region == nil {
                diagnostics.report(
                    .warning(
                        "vault.prune.kept", "no longer in the input, but it holds text of yours outside Quire's part; kept, not pruned",
                        at: SourceLocation(file: stale.path)))
            } else if let linking = keptTexts.first(where: { $0.path != stale.path && VaultLinks.links($0.text, in: $0.path, to: stale.path) }) {
                diagnostics.report(
                    .warning(
                        "vault.prune.linked", "no longer in the input, but '\(linking.path)' links to it; kept, so that link still resolves",
                        at: SourceLocation(file: stale.path)))
            } else {
                removals.append(stale.path)
            }
        }
        // Symbolic links in the vault lead out of it: neither they nor anything under them is touched.
        let links = folder.symbolicLinks
        let throughLink = { (path: String) in links.first { path == $0 || path.hasPrefix($0 + "/") } }
        var skipped: [String: Int] = [:]
        for path in files.map(\.path) + removals { if let link = throughLink(path) { skipped[link, default: 0] += 1 } }
        for (link, count) in skipped.sorted(by: { $0.key < $1.key }) {
            diagnostics.report(
                .warning(
                    "vault.link", "a symbolic link: Quire does not write through links or replace them; \(count) notes there were left as they are",
                    at: SourceLocation(file: link)))
        }
        return FolderUpdate(
            files: files.filter { throughLink($0.path) == nil }.sorted { $0.path < $1.path },
            removals: removals.filter { throughLink($0) == nil }.sorted())
    }

    static func ownedKeys(_ kind: Kind) -> Set<String> {
        switch kind {
        case .episode: EpisodeFrontMatter.episodeKeys.union(EpisodeFrontMatter.collectionKeys).union([VaultNote.idKey])
        case .entity, .channel: [VaultNote.kindKey, VaultNote.keyKey]
        case .collection: EpisodeFrontMatter.collectionKeys.union([VaultNote.kindKey, VaultNote.keyKey])
        }
    }

    // MARK: Planning

    /// An episode's identity: its guid, else its page, else a hash of its channel and summary (so
    /// that a changed title keeps the note).
    static func episodeID(_ episode: Episode) -> String {
        if let guid = episode.metadata.guid, !guid.isEmpty { return guid }
        if let url = episode.metadata.url, !url.isEmpty { return url }
        let text = (episode.channel ?? "") + "\n" + (episode.summary.isEmpty ? episode.title : episode.summary)
        return "h-" + String(FNV1a.of(text.utf8), radix: 16)
    }

    /// Entities grouped by name, case and spacing aside; the most common spelling names the group.
    func entityGroups() -> [String: EntityGroup] {
        var spellings: [String: [String: Int]] = [:]
        var mentions: [String: [(episode: Int, descriptions: [String])]] = [:]
        for (index, episode) in collection.episodes.enumerated() {
            for entity in episode.entities {
                let key = Self.entityKey(entity.name)
                guard !key.isEmpty else { continue }
                spellings[key, default: [:]][entity.name, default: 0] += 1
                var list = mentions[key, default: []]
                if list.last?.episode == index {
                    if !entity.description.isEmpty { list[list.count - 1].descriptions.append(entity.description) }
                } else {
                    list.append((index, entity.description.isEmpty ? [] : [entity.description]))
                }
                mentions[key] = list
            }
        }
        var groups: [String: EntityGroup] = [:]
        for (key, counts) in spellings {
            let name = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }!.key
            groups[key] = EntityGroup(name: name, mentions: mentions[key] ?? [])
        }
        return groups
    }

    static func entityKey(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private func plan(_ groups: [String: EntityGroup]) -> [Planned] {
        var planned: [Planned] = []
        if collection.title != nil || !collection.preamble.isEmpty {
            let name = VaultNames.component(collection.title ?? "", suffix: ".md")
            planned.append(
                Planned(identity: VaultNote.collectionKind + ":" + VaultNote.collectionKey, kind: .collection, path: name.isEmpty ? "Index.md" : name))
        }
        var channels: [String] = []
        for name in collection.channels.map(\.title) + collection.episodes.compactMap(\.channel) where !channels.contains(name) { channels.append(name) }
        for channel in channels {
            let folder = VaultNames.component(channel).isEmpty ? "Channel" : VaultNames.component(channel)
            planned.append(Planned(identity: "channel:" + channel, kind: .channel(channel), path: folder + "/" + folder + ".md"))
        }
        for key in groups.keys.sorted() {
            let name = VaultNames.component(groups[key]!.name, suffix: ".md")
            planned.append(Planned(identity: "entity:" + key, kind: .entity(key), path: Self.entitiesFolder + "/" + (name.isEmpty ? "Unnamed.md" : name)))
        }
        var seen: [String: Int] = [:]
        for (index, episode) in collection.episodes.enumerated() {
            var id = Self.episodeID(episode)
            seen[id, default: 0] += 1
            if seen[id]! > 1 { id += "#\(seen[id]!)" }
            planned.append(Planned(identity: "episode:" + id, kind: .episode(index), path: template.path(for: episode)))
        }
        return planned
    }

    /// The note's path with a short hash of its identity before `.md`, long enough to be free in `occupied`.
    static func suffixedPath(_ note: Planned, avoiding occupied: Set<String>) -> String {
        let hash = String(FNV1a.of(note.identity.utf8), radix: 16)
        var length = 6
        var path: String
        repeat {
            path = VaultNames.suffixed(note.path, tag: String(hash.suffix(length)))
            length += 2
        } while occupied.contains(VaultNames.folded(path)) && length <= 16
        return path
    }

    /// Paths unique case-insensitively: channel and entity notes first, then episodes; of notes that
    /// want the same path, the one whose identity sorts first keeps it and the others get a short hash
    /// of their identity, so the result does not depend on the input's order.
    private func settleCollisions(_ planned: inout [Planned], occupied: inout Set<String>) {
        for pass in 0..<2 {
            let indices = planned.indices.filter { index in
                if case .episode = planned[index].kind { return pass == 1 }
                return pass == 0
            }
            let byPath = Dictionary(grouping: indices, by: { VaultNames.folded(planned[$0].path) })
            for key in byPath.keys.sorted() {
                for (rank, index) in byPath[key]!.sorted(by: { planned[$0].identity < planned[$1].identity }).enumerated() {
                    if rank > 0 || occupied.contains(VaultNames.folded(planned[index].path)) {
                        planned[index].path = Self.suffixedPath(planned[index], avoiding: occupied)
                    }
                    occupied.insert(VaultNames.folded(planned[index].path))
                }
            }
        }
    }
}
