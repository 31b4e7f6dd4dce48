import QuireCore

/// What the front matter carries: the collection's own fields (with the first episode) and each
/// episode's metadata, channel and recovered chapters: everything the Markdown body has no place for.
enum EpisodeFrontMatter {
    /// Keys with a meaning; an extra metadata field with one of these names is written under `extra:`.
    /// Besides the shared keys, Markdown's front matter has `channels` (every channel, listed), `title` and `extra`.
    static let collectionKeys: Set<String> = Set(EpisodeMetadataKey.collectionKeys.map(\.rawValue)).union(["channels"])
    static let episodeKeys: Set<String> = Set(EpisodeMetadataKey.episodeKeys.map(\.rawValue)).union(["title", "extra"])

    // MARK: Writing

    static func collectionLines(_ collection: EpisodeCollection, listingChannels: Bool) -> [String] {
        var lines: [String] = []
        if let title = collection.title { lines.append(EpisodeMetadataKey.collectionTitle.rawValue + ": " + FrontMatterYAML.scalarText(title)) }
        if !collection.preamble.isEmpty {
            lines.append(EpisodeMetadataKey.preamble.rawValue + ":")
            lines += collection.preamble.map { "  - " + FrontMatterYAML.scalarText($0) }
        }
        if listingChannels {
            lines.append(collection.channels.isEmpty ? "channels: []" : "channels:")
            for channel in collection.channels {
                lines.append("  - title: " + FrontMatterYAML.scalarText(channel.title))
                if let feed = channel.feedURL { lines.append("    feed: " + FrontMatterYAML.scalarText(feed)) }
                if let site = channel.siteURL { lines.append("    url: " + FrontMatterYAML.scalarText(site)) }
                if let description = channel.description { lines.append("    description: " + FrontMatterYAML.scalarText(description)) }
                if let image = channel.image { lines.append("    image: " + FrontMatterYAML.scalarText(image)) }
                if let author = channel.author { lines.append("    author: " + FrontMatterYAML.scalarText(author)) }
                if !channel.categories.isEmpty { lines.append("    categories: " + FrontMatterYAML.flowSequenceText(channel.categories)) }
            }
        }
        return lines
    }

    /// An episode's lines; `channel` is given with the first episode of each channel, to carry its details.
    static func episodeLines(_ episode: Episode, channelDetails channel: Channel?, includingTitle: Bool) -> [String] {
        var lines: [String] = []
        func add(_ key: String, _ value: String) { lines.append(key + ": " + FrontMatterYAML.scalarText(value)) }
        if includingTitle { add("title", episode.title) }
        for (key, value) in EpisodeMetadataKey.fields(of: episode, channelDetails: channel) {
            switch value {
            // A YAML boolean, as other tools read front matter; Quire reads it back as the word it is.
            case .text(let text) where key == .explicit: lines.append(key.rawValue + ": " + text)
            case .text(let text): add(key.rawValue, text)
            // A flow sequence, so that the numbers read back as a list.
            case .chapterNumbers(let numbers): lines.append(key.rawValue + ": [" + numbers.map(String.init).joined(separator: ", ") + "]")
            // A block sequence: one item a line, however long the links are.
            case .repeated(let items): lines.append(key.rawValue + ":"); lines += items.map { "  - " + FrontMatterYAML.scalarText($0) }
            }
        }
        let extra = episode.metadata.extra
        let keys = extra.map(\.key)
        let topLevel =
            keys.allSatisfy { FrontMatterYAML.isSimpleKey($0) && !episodeKeys.contains($0) && !collectionKeys.contains($0) }
            && Set(keys).count == keys.count
        if topLevel {
            for field in extra { add(field.key, field.value) }
        } else {
            // Names that would mean something else, or repeat, keep their order under one key.
            lines.append("extra:")
            for field in extra { lines.append("  " + FrontMatterScalar.quoted(field.key, .yaml) + ": " + FrontMatterYAML.scalarText(field.value)) }
        }
        return lines
    }

    /// Whether the episode has anything the body cannot carry.
    static func hasMetadata(_ episode: Episode) -> Bool {
        episode.channel != nil || episode.language != nil || !episode.metadata.isEmpty || episode.chapters.contains(where: \.isRecovered)
    }

    // MARK: Reading

    /// Applies front matter to the collection and one episode as it is read.
    struct Applier {
        var collection: EpisodeCollection
        var diagnostics: Diagnostics
        let source: MarkdownSource
        /// A `channels:` list names every channel, in order: episodes then only refer to them.
        private var listedChannels = false

        init(source: MarkdownSource) {
            self.source = source
            collection = EpisodeCollection()
            diagnostics = Diagnostics()
        }

        /// Applies the collection's keys; returns the rest, which belong to the first episode.
        mutating func applyCollectionEntries(_ entries: [FrontMatterYAML.Entry]) -> [FrontMatterYAML.Entry] {
            var rest: [FrontMatterYAML.Entry] = []
            for entry in entries {
                switch entry.key {
                case "collection-title":
                    collection.title = scalar(entry)
                case "preamble":
                    if let lines = FrontMatterYAML.scalarSequence(inline: entry.inline, nested: entry.nested) {
                        collection.preamble += lines
                    } else {
                        collection.preamble.append(scalar(entry))
                    }
                case "channels":
                    guard let items = FrontMatterYAML.mappingSequence(inline: entry.inline, nested: entry.nested) else {
                        warn(
                            "markdown.front-matter.channels",
                            "'channels' is not a list of title/feed/url/description/image/author/categories entries; kept as extra metadata", entry)
                        rest.append(entry)
                        continue
                    }
                    listedChannels = true
                    for item in items { collection.channels.append(channel(from: item, entry: entry)) }
                default:
                    rest.append(entry)
                }
            }
            return rest
        }

        mutating func apply(_ entries: [FrontMatterYAML.Entry], to episode: inout Episode) {
            var channel: Channel?
            var extra: [MetadataField] = []
            for entry in entries {
                switch EpisodeMetadataKey(rawValue: entry.key) {
                case let named? where named.isPlainText: named.applyText(scalar(entry), to: &episode, channel: &channel)
                // A `channel` line names the channel that feed or site lines before it describe.
                case .channel:
                    episode.channel = scalar(entry)
                    channel = channel ?? Channel(title: scalar(entry))
                    channel?.title = scalar(entry)
                case let named? where named.isTyped:
                    // Repeated keys hold a list; every key also takes a single value.
                    let values = FrontMatterYAML.scalarSequence(inline: entry.inline, nested: entry.nested) ?? [scalar(entry)]
                    for value in values {
                        if let problem = named.applyTyped(value, to: &episode, channel: &channel) {
                            warn("markdown.front-matter.value", "\(problem); kept as extra metadata", entry)
                            extra.append(MetadataField(key: entry.key, value: value))
                        }
                    }
                case .language: episode.language = scalar(entry)
                case .duration:
                    let value = scalar(entry)
                    if let seconds = EpisodeMetadataKey.durationSeconds(from: value) {
                        episode.metadata.duration = seconds
                    } else {
                        warn("markdown.front-matter.duration", "duration '\(value)' is neither seconds nor H:MM:SS; kept as extra metadata", entry)
                        extra.append(MetadataField(key: entry.key, value: value))
                    }
                case .recoveredChapters:
                    let numbers = FrontMatterYAML.scalarSequence(inline: entry.inline, nested: entry.nested)?.map { Int($0) }
                    let marked = numbers.map { EpisodeMetadataKey.markRecoveredChapters($0, in: &episode) } ?? false
                    if !marked {
                        warn(
                            "markdown.front-matter.recovered",
                            "recovered-chapters '\(FrontMatterYAML.rawText(of: entry))' names chapters this episode does not have; kept as extra metadata",
                            entry)
                        extra.append(MetadataField(key: entry.key, value: FrontMatterYAML.rawText(of: entry)))
                    }
                case _ where collectionKeys.contains(entry.key):
                    // Only the document's front matter carries the collection's fields.
                    warn("markdown.front-matter.misplaced", "'\(entry.key)' belongs in the front matter at the top of the file; kept as extra metadata", entry)
                    extra.append(MetadataField(key: entry.key, value: FrontMatterYAML.rawText(of: entry)))
                case nil where entry.key == "title":
                    let title = scalar(entry)
                    if title != episode.title {
                        diagnostics.report(
                            .note(
                                "markdown.front-matter.title",
                                "front matter title '\(title)' differs from the heading '\(episode.title)'; kept as extra metadata 'title'",
                                at: source.location(line: entry.line)))
                        extra.append(MetadataField(key: "title", value: title))
                    }
                case nil where entry.key == "extra":
                    if let pairs = FrontMatterYAML.mapping(nested: entry.nested), entry.inline.isEmpty {
                        extra += pairs.map { MetadataField(key: $0.key, value: $0.value) }
                    } else {
                        warn("markdown.front-matter.extra", "'extra' is not a mapping of names to values; kept as one extra field", entry)
                        extra.append(MetadataField(key: entry.key, value: FrontMatterYAML.rawText(of: entry)))
                    }
                default:
                    extra.append(MetadataField(key: entry.key, value: FrontMatterYAML.rawText(of: entry)))
                }
            }
            let unplaced = EpisodeMetadataKey.finish(&episode)
            if !unplaced.isEmpty {
                diagnostics.report(
                    .warning(
                        "markdown.front-matter.enclosure", "enclosure-type or enclosure-length without an 'enclosure' address; kept as extra metadata",
                        at: source.location(line: entries.first?.line ?? 1)))
            }
            episode.metadata.extra += extra + unplaced
            if var channel {
                if channel.title.isEmpty {
                    diagnostics.report(
                        .warning(
                            "markdown.front-matter.channel", "feed or channel fields without a 'channel' name; using the episode title",
                            at: source.location(line: entries.first?.line ?? 1)))
                    channel.title = episode.title
                    episode.channel = episode.title
                }
                // With a `channels:` list, a bare name only refers to a channel: the list is complete as written.
                let isBare = channel == Channel(title: channel.title)
                if !(listedChannels && isBare) {
                    collection.merge(EpisodeCollection(channels: [channel]))
                }
            }
        }

        private mutating func channel(from pairs: [(key: String, value: String)], entry: FrontMatterYAML.Entry) -> Channel {
            var channel = Channel(title: "")
            for (key, value) in pairs {
                switch key {
                case "title": channel.title = value
                case "feed": channel.feedURL = value
                case "url": channel.siteURL = value
                case "description": channel.description = value
                case "image": channel.image = value
                case "author": channel.author = value
                case "categories":
                    if let categories = FrontMatterYAML.scalarSequence(inline: Substring(value), nested: []) {
                        channel.categories += categories
                    } else {
                        channel.categories.append(value)
                    }
                default:
                    warn(
                        "markdown.front-matter.channels",
                        "channel field '\(key)' is not one Quire knows (title, feed, url, description, image, author, categories); left out", entry)
                }
            }
            return channel
        }

        private func scalar(_ entry: FrontMatterYAML.Entry) -> String {
            entry.nested.isEmpty ? FrontMatterYAML.scalar(entry.inline) ?? String(entry.inline) : FrontMatterYAML.rawText(of: entry)
        }

        private mutating func warn(_ id: DiagnosticID, _ message: String, _ entry: FrontMatterYAML.Entry) {
            diagnostics.report(.warning(id, message, at: source.location(line: entry.line)))
        }
    }
}
