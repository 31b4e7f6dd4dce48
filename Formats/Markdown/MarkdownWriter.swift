import QuireCore

/// Writes GitHub-flavoured Markdown that reads well as plain text: front matter when the episode has
/// metadata (always with option `front-matter`), `# Title` per episode, the summary, `## [MM:SS] Heading`
/// per chapter with its quotes as `> [MM:SS] text` block quotes, `## Transcript` with one
/// `[HH:MM:SS.mmm] **Speaker:** text` paragraph per segment, and `## Entities` as a list or, with
/// option `entities=table`, a table. Everything the reader needs to rebuild the model exactly is there
/// (docs/markdown-format.md).
public struct MarkdownWriter: FormatWriter {
    public init() {}

    public func write(_ collection: EpisodeCollection, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> [UInt8] {
        let entityStyle = try options.choice(MarkdownSettings.entities, as: MarkdownSettings.EntityStyle.self)
        var writer = Writer(
            collection: collection, forceFrontMatter: options.flag(MarkdownSettings.frontMatter), entitiesAsTable: entityStyle == .table)
        writer.writeCollection()
        for diagnostic in writer.diagnostics { diagnostics.report(diagnostic) }
        return Array(writer.output.utf8)
    }

    /// One vault note's text: a one-episode collection with front matter, entity names given by
    /// `linkedName` (links to their notes; `nil` keeps a name as text).
    static func vaultNoteText(_ collection: EpisodeCollection, linkedName: @escaping (Entity) -> String?, diagnostics: inout Diagnostics) -> String {
        var writer = Writer(collection: collection, forceFrontMatter: true, entitiesAsTable: false)
        writer.linkedName = linkedName
        writer.writeCollection()
        for diagnostic in writer.diagnostics { diagnostics.report(diagnostic) }
        return writer.output
    }

    private struct Writer {
        let collection: EpisodeCollection
        let forceFrontMatter: Bool
        let entitiesAsTable: Bool
        var output = ""
        var diagnostics: [Diagnostic] = []
        var linkedName: (Entity) -> String? = { _ in nil }
        /// Channel details go with the first episode of each channel, unless a `channels:` list names them all.
        let listsChannels: Bool
        var channelsWritten: Set<String> = []

        init(collection: EpisodeCollection, forceFrontMatter: Bool, entitiesAsTable: Bool) {
            self.collection = collection
            self.forceFrontMatter = forceFrontMatter
            self.entitiesAsTable = entitiesAsTable
            var order: [String] = []
            for name in collection.episodes.compactMap(\.channel) where !order.contains(name) { order.append(name) }
            listsChannels = order != collection.channels.map(\.title)
            output.reserveCapacity(1 << 16)
        }

        mutating func writeCollection() {
            var top = EpisodeFrontMatter.collectionLines(collection, listingChannels: listsChannels)
            if let first = collection.episodes.first {
                // A file of untimed chapters and nothing else would read as notes: front matter marks it.
                let marked = collection.episodes.contains { !$0.entities.isEmpty || $0.transcript != nil || $0.chapters.contains { $0.start != nil } }
                top += episodeLines(first, includingTitle: forceFrontMatter || (top.isEmpty && !marked && !EpisodeFrontMatter.hasMetadata(first)))
            }
            if !top.isEmpty { output += "---\n" + top.map { $0 + "\n" }.joined() + "---\n" }
            for (index, episode) in collection.episodes.enumerated() { writeEpisode(episode, isFirst: index == 0) }
        }

        private mutating func episodeLines(_ episode: Episode, includingTitle: Bool) -> [String] {
            var details: Channel?
            if !listsChannels, let name = episode.channel, channelsWritten.insert(name).inserted { details = collection.channel(named: name) }
            guard includingTitle || EpisodeFrontMatter.hasMetadata(episode) else { return [] }
            return EpisodeFrontMatter.episodeLines(episode, channelDetails: details, includingTitle: includingTitle)
        }

        private mutating func writeEpisode(_ episode: Episode, isFirst: Bool) {
            let links = (episode.metadata.chaptersLink.map { [$0] } ?? []) + episode.metadata.transcriptLinks
            for link in links where !MediaLinkText.isExact(link) {
                diagnostics.append(
                    .warning(
                        "markdown.link.inexact",
                        "episode '\(episode.title)': link '\(link.url)' does not read back as written: its address ends like a type, language or rel, or one of them holds white space"
                    ))
            }
            if !output.isEmpty { output += "\n" }
            output += heading(1, PlainTextEscaping.escape(episode.title))
            if !isFirst {
                let lines = episodeLines(episode, includingTitle: forceFrontMatter)
                if !lines.isEmpty { output += "\n```yaml\n" + lines.map { $0 + "\n" }.joined() + "```\n" }
            }
            if !episode.summary.isEmpty { output += "\n" + BlockEscaping.escapeLines(episode.summary).joined(separator: "\n") + "\n" }
            for chapter in episode.chapters { writeChapter(chapter) }
            if let transcript = episode.transcript {
                output += "\n" + heading(2, TranscriptSyntax.heading)
                for paragraph in TranscriptSyntax.paragraphs(transcript) { output += "\n" + paragraph + "\n" }
            }
            if !episode.entities.isEmpty { writeEntities(episode.entities) }
        }

        private mutating func writeChapter(_ chapter: Chapter) {
            var title = PlainTextEscaping.escape(chapter.title)
            if let start = chapter.start {
                title = "[" + Timestamp.string(fromSeconds: start) + "]" + (title.isEmpty ? "" : " " + title)
            } else if title == EntitySyntax.heading || title == TranscriptSyntax.heading {
                // An untimed chapter named like the entities or transcript section: its first letter as a character reference.
                title = "&#\(title.unicodeScalars.first!.value);" + title.dropFirst()
            }
            output += "\n" + heading(2, title)
            if !chapter.body.isEmpty { output += "\n" + BlockEscaping.escapeLines(chapter.body).joined(separator: "\n") + "\n" }
            for quote in chapter.quotes { writeQuote(quote) }
        }

        private mutating func writeQuote(_ quote: Quote) {
            var lines: [String]
            if let time = quote.time {
                // After the time, the first line is text on the same line, where nothing starts a block;
                // the lines below it are a text of their own.
                let first = quote.text.prefix { $0 != "\n" }
                lines = ["[" + Timestamp.string(fromSeconds: time) + "]" + (first.isEmpty ? "" : " " + first)]
                if first.endIndex < quote.text.endIndex { lines += BlockEscaping.escapeLines(quote.text[quote.text.index(after: first.endIndex)...]) }
            } else {
                lines = BlockEscaping.escapeLines(quote.text)
            }
            output += "\n" + lines.map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n") + "\n"
        }

        private mutating func writeEntities(_ entities: [Entity]) {
            output += "\n" + heading(2, EntitySyntax.heading) + "\n"
            if entitiesAsTable {
                let withLinks = entities.contains { $0.role != nil || $0.url != nil }
                let rows = entities.map { EntitySyntax.tableRow($0, withLinks: withLinks) }
                if rows.allSatisfy({ $0 != nil }) {
                    output += (EntitySyntax.tableHead(withLinks: withLinks) + rows.compactMap { $0 }).map { $0 + "\n" }.joined()
                    return
                }
                diagnostics.append(
                    .note(
                        "markdown.entities.list",
                        "an entity has an empty role or page, or a description line ending in a backslash or white space at its ends, which a table cannot keep; these entities are written as a list"
                    ))
            }
            for entity in entities where entity.url.map(EntitySyntax.isWritableAddress) == false {
                diagnostics.append(
                    .warning(
                        "markdown.entity.url", "the page of entity '\(entity.name)' holds a line break, which an entity line cannot keep; written as a space"))
            }
            output += entities.map { EntitySyntax.listItem($0, linkedName: linkedName($0)) + "\n" }.joined()
        }

        private func heading(_ level: Int, _ text: String) -> String {
            String(repeating: "#", count: level) + (text.isEmpty ? "" : " " + text) + "\n"
        }
    }
}
