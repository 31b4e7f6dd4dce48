import QuireCore

extension VaultWriter {
    /// The Quire-owned part of each note: front-matter keys and the marked region.
    struct Renderer {
        let collection: EpisodeCollection
        let planned: [Planned]
        let groups: [String: EntityGroup]
        let style: VaultLinks.Style
        let uniqueNames: Set<String>
        private let episodePaths: [Int: String]
        private let entityPaths: [String: String]
        private let channelPaths: [String: String]

        init(collection: EpisodeCollection, planned: [Planned], groups: [String: EntityGroup], style: VaultLinks.Style, uniqueNames: Set<String>) {
            self.collection = collection
            self.planned = planned
            self.groups = groups
            self.style = style
            self.uniqueNames = uniqueNames
            var episodePaths: [Int: String] = [:]
            var entityPaths: [String: String] = [:]
            var channelPaths: [String: String] = [:]
            for note in planned {
                switch note.kind {
                case .episode(let index): episodePaths[index] = note.path
                case .entity(let key): entityPaths[key] = note.path
                case .channel(let title): channelPaths[title] = note.path
                case .collection: break
                }
            }
            self.episodePaths = episodePaths
            self.entityPaths = entityPaths
            self.channelPaths = channelPaths
        }

        func note(_ note: Planned, diagnostics: inout Diagnostics) -> VaultNote {
            switch note.kind {
            case .episode(let index): episodeNote(index, at: note.path, identity: note.identity, diagnostics: &diagnostics)
            case .entity(let key): entityNote(key, at: note.path)
            case .channel(let title): channelNote(title, at: note.path)
            case .collection: collectionNote(at: note.path)
            }
        }

        private func episodeNote(_ index: Int, at path: String, identity: String, diagnostics: inout Diagnostics) -> VaultNote {
            let episode = collection.episodes[index]
            // Each note carries its channel's details, so that any one note read alone knows them.
            let channels = episode.channel.flatMap { collection.channel(named: $0) }.map { [$0] } ?? []
            let single = EpisodeCollection(channels: channels, episodes: [episode])
            let text = MarkdownWriter.vaultNoteText(
                single,
                linkedName: { entity in
                    guard Self.isLinkable(entity.name), let target = entityPaths[VaultWriter.entityKey(entity.name)] else { return nil }
                    return VaultLinks.link(to: target, text: entity.name, from: path, style: style, uniqueNames: uniqueNames)
                }, diagnostics: &diagnostics)
            let written = VaultNote(text: text)
            let id = VaultNote.Entry(
                key: VaultNote.idKey, lines: [VaultNote.idKey + ": " + FrontMatterYAML.scalarText(String(identity.dropFirst("episode:".count)))])
            return VaultNote(entries: [id] + written.entries, region: written.before)
        }

        /// Names a link can show as they are: no brackets or bars, nothing the Markdown escaping changes.
        static func isLinkable(_ name: String) -> Bool {
            !name.contains { "[]|\n\r".contains($0) } && PlainTextEscaping.escape(name) == name
        }

        private func kindEntries(_ kind: String, _ key: String) -> [VaultNote.Entry] {
            [
                VaultNote.Entry(key: VaultNote.kindKey, lines: [VaultNote.kindKey + ": " + kind]),
                VaultNote.Entry(key: VaultNote.keyKey, lines: [VaultNote.keyKey + ": " + FrontMatterYAML.scalarText(key)]),
            ]
        }

        private func entityNote(_ key: String, at path: String) -> VaultNote {
            let group = groups[key]!
            var region = "# " + PlainTextEscaping.escape(group.name) + "\n\n## Episodes\n\n"
            for mention in sortedByDate(group.mentions.map(\.episode)).compactMap({ index in group.mentions.first { $0.episode == index } }) {
                region += "- " + episodeLink(mention.episode, from: path)
                let descriptions = mention.descriptions.map { flattened($0) }.filter { !$0.isEmpty }
                if !descriptions.isEmpty { region += ": " + descriptions.joined(separator: "; ") }
                region += "\n"
            }
            return VaultNote(entries: kindEntries("entity", key), region: region)
        }

        private func channelNote(_ title: String, at path: String) -> VaultNote {
            var region = "# " + PlainTextEscaping.escape(title) + "\n"
            if let description = collection.channel(named: title)?.description, !description.isEmpty {
                region += "\n" + BlockEscaping.escapeLines(description).joined(separator: "\n") + "\n"
            }
            region += "\n## Episodes\n\n"
            let indices = collection.episodes.indices.filter { collection.episodes[$0].channel == title }
            for index in sortedByDate(Array(indices)) {
                let date = collection.episodes[index].metadata.published.flatMap(NoteNameTemplate.isoDate)
                region += "- " + (date.map { $0 + " " } ?? "") + episodeLink(index, from: path) + "\n"
            }
            return VaultNote(entries: kindEntries("channel", title), region: region)
        }

        /// The collection's title and preamble (in the front matter too, so reading the vault back
        /// restores them), then its channels and the episodes that belong to none.
        private func collectionNote(at path: String) -> VaultNote {
            var entries = kindEntries(VaultNote.collectionKind, VaultNote.collectionKey)
            let text = EpisodeFrontMatter.collectionLines(EpisodeCollection(title: collection.title, preamble: collection.preamble), listingChannels: false)
            entries += VaultNote(text: "---\n" + text.map { $0 + "\n" }.joined() + "---\n").entries
            var region = "# " + PlainTextEscaping.escape(collection.title ?? "Index") + "\n"
            for line in collection.preamble where !line.allSatisfy(\.isWhitespace) {
                region += "\n" + BlockEscaping.escapeLines(line).joined(separator: "\n") + "\n"
            }
            let channels = channelPaths.sorted { $0.value < $1.value }
            if !channels.isEmpty {
                region += "\n## Channels\n\n"
                for (_, target) in channels {
                    region += "- " + VaultLinks.link(to: target, text: VaultNames.baseName(target), from: path, style: style, uniqueNames: uniqueNames) + "\n"
                }
            }
            let unchanneled = collection.episodes.indices.filter { collection.episodes[$0].channel == nil }
            if !unchanneled.isEmpty {
                region += "\n## Episodes\n\n"
                for index in sortedByDate(unchanneled) {
                    let date = collection.episodes[index].metadata.published.flatMap(NoteNameTemplate.isoDate)
                    region += "- " + (date.map { $0 + " " } ?? "") + episodeLink(index, from: path) + "\n"
                }
            }
            return VaultNote(entries: entries, region: region)
        }

        private func episodeLink(_ index: Int, from path: String) -> String {
            let target = episodePaths[index]!
            return VaultLinks.link(to: target, text: VaultNames.baseName(target), from: path, style: style, uniqueNames: uniqueNames)
        }

        /// Episodes by date, then note path: an order that does not depend on how the input was read.
        private func sortedByDate(_ indices: [Int]) -> [Int] {
            indices.sorted { left, right in
                let leftKey = (collection.episodes[left].metadata.published.flatMap(NoteNameTemplate.isoDate) ?? "", episodePaths[left] ?? "")
                let rightKey = (collection.episodes[right].metadata.published.flatMap(NoteNameTemplate.isoDate) ?? "", episodePaths[right] ?? "")
                return leftKey < rightKey
            }
        }

        private func flattened(_ text: String) -> String {
            PlainTextEscaping.escape(text.split(whereSeparator: \.isNewline).joined(separator: " "))
        }
    }
}
