import QuireCore

/// Writes the episode form: front matter when there is metadata, the title, the overview, one
/// `## [MM:SS] Heading` section per chapter with body and quotes, the entities; `---` between episodes.
public struct SummaryTextWriter: FormatWriter {
    public init() {}

    public func write(_ collection: EpisodeCollection, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> [UInt8] {
        let used = Set(collection.episodes.compactMap(\.channel))
        for channel in collection.channels where !used.contains(channel.title) {
            diagnostics.report(
                .warning("summary.channel.dropped", "channel '\(channel.title)' has no episodes; summary text can only carry channels through their episodes"))
        }
        var walker = Walker(collection: collection)
        walker.visitCollection(collection)
        for warning in walker.warnings { diagnostics.report(warning) }
        if collection.episodes.isEmpty && (collection.title != nil || !collection.preamble.isEmpty) {
            var fields: [(String, String)] = collection.title.map { [(EpisodeMetadataKey.collectionTitle.rawValue, $0)] } ?? []
            fields += collection.preamble.map { (EpisodeMetadataKey.preamble.rawValue, $0) }
            walker.output = "---\n" + fields.map { FrontMatter.line(key: $0.0, value: $0.1) + "\n" }.joined() + "---\n"
        }
        return Array(walker.output.utf8)
    }

    private struct Walker: ModelWalker {
        let collection: EpisodeCollection
        var output = ""
        var channelsWritten: Set<String> = []
        var isFirstEpisode = true
        var warnings: [Diagnostic] = []

        init(collection: EpisodeCollection) {
            self.collection = collection
            output.reserveCapacity(1 << 16)
        }

        mutating func visitEpisode(_ episode: Episode) {
            let frontMatter = frontMatterFields(for: episode)
            if isFirstEpisode {
                if !frontMatter.isEmpty { output += "---\n" }
            } else {
                output += "\n---\n"
            }
            if !frontMatter.isEmpty {
                for (key, value) in frontMatter { output += FrontMatter.line(key: key, value: value) + "\n" }
                output += "---\n"
            }
            isFirstEpisode = false
            warnAboutEdgeWhiteSpace(in: episode)
            warnAboutFeedFields(of: episode)
            output += BlockEscaping.escape(Substring(oneLine(episode.title, "episode title"))) + "\n"
            if !episode.summary.isEmpty { output += "\n" + escapedParagraphs(episode.summary) + "\n" }
            for chapter in episode.chapters { visitChapter(chapter) }
            if !episode.entities.isEmpty {
                output += "\n## Entities\n\n"
                for entity in episode.entities { visitEntity(entity) }
            }
        }

        mutating func visitChapter(_ chapter: Chapter) {
            output += "\n## "
            let title = oneLine(chapter.title, "chapter heading")
            if let start = chapter.start {
                output += "[\(Timestamp.string(fromSeconds: start))] "
                // A title that starts with a dash would lose it as the optional separator; write one.
                if ["–", "—", "-"].contains(where: { title == $0 || title.hasPrefix($0 + " ") }) { output += "– " }
                output += title + "\n"
            } else {
                output += BlockEscaping.escapeUntimedHeading(title) + "\n"
            }
            if !chapter.body.isEmpty { output += "\n" + escapedParagraphs(chapter.body) + "\n" }
            for quote in chapter.quotes { visitQuote(quote) }
        }

        mutating func visitQuote(_ quote: Quote) {
            let text = oneLine(quote.text, "quote")
            let line = "> *\"\(text)\"*"
            if !Self.quoteLine(line, readsBackAs: text) {
                warnings.append(
                    .warning(
                        "summary.ambiguous",
                        "quote '\(text)' will not read back the same from summary text, which has no escape for its markup (JSON and OPML keep it)"))
            }
            output += "\n" + line + "\n"
            if let time = quote.time { output += "> *[\(time / 60), \(time % 60)]*\n" }
        }

        mutating func visitEntity(_ entity: Entity) {
            let name = oneLine(entity.name, "entity name")
            var item = "- **\(SummarySyntax.escapeName(name))**"
            let type = oneLine(entity.type, "entity type")
            if !type.isEmpty { item += " (\(type))" }
            item += ":"
            // Names are escaped; a type holding a closing parenthesis has no escape.
            if let read = SummarySyntax.entity(fromItem: Substring(item)), read.name != name || read.type != type {
                warnings.append(
                    .warning(
                        "summary.ambiguous",
                        "entity '\(name)' (\(type)) will not read back the same from summary text, which has no escape for its markup (JSON and OPML keep it)"))
            }
            output += item
            let lines = entity.description.split(separator: "\n", omittingEmptySubsequences: false)
            if let first = lines.first, !first.isEmpty { output += " " + first }
            for line in lines.dropFirst() { output += "\n  " + BlockEscaping.escape(line) }
            output += "\n"
        }

        /// Titles, headings, quotes and entity names are one line each in summary text: a line break in
        /// them would start new structure, so it is written as a space, with a warning.
        private mutating func oneLine(_ text: String, _ field: String) -> String {
            guard text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return text }
            let line = text.split(whereSeparator: { $0.unicodeScalars.contains { $0 == "\n" || $0 == "\r" } }).joined(separator: " ")
            warnings.append(.warning("summary.line-break", "\(field) '\(line)' held a line break, which summary text cannot carry there; written as a space"))
            return line
        }

        /// Lines of summary text are read trimmed, and runs of blank lines are one paragraph break: white
        /// space at the start or end of a line, or extra blank lines, in any field do not come back.
        private mutating func warnAboutEdgeWhiteSpace(in episode: Episode) {
            let check = Self.hasEdgeWhiteSpace
            let found =
                check(episode.title) || check(episode.summary)
                || episode.chapters.contains { check($0.title) || check($0.body) || $0.quotes.contains { check($0.text) } }
                || episode.entities.contains { check($0.name) || check($0.type) || check($0.description) }
            guard found else { return }
            warnings.append(
                .warning(
                    "summary.whitespace",
                    "episode '\(episode.title)': white space at the start or end of a line, or an extra blank line, is not kept by summary text"))
        }

        /// What a feed gives an episode that summary text has no place for: its transcript (the text has
        /// no timed segments), entities' roles and pages, and links that would not read back (`MediaLinkText.isExact`).
        private mutating func warnAboutFeedFields(of episode: Episode) {
            if let transcript = episode.transcript {
                warnings.append(
                    .warning(
                        "summary.transcript.dropped",
                        "episode '\(episode.title)': its transcript (\(transcript.segments.count) segments) is not written; summary text has no place for one (Markdown and JSON keep it)"
                    ))
            }
            let described = episode.entities.filter { $0.role != nil || $0.url != nil }.map(\.name)
            if !described.isEmpty {
                warnings.append(
                    .warning(
                        "summary.entity.dropped",
                        "episode '\(episode.title)': the role and page of \(described.map { "'\($0)'" }.joined(separator: ", ")) are not written; summary text's entity lines have no place for them"
                    ))
            }
            let links = (episode.metadata.chaptersLink.map { [$0] } ?? []) + episode.metadata.transcriptLinks
            for link in links where !MediaLinkText.isExact(link) {
                warnings.append(
                    .warning(
                        "summary.link.inexact",
                        "episode '\(episode.title)': link '\(link.url)' does not read back as written: its address ends like a type, language or rel, or one of them holds white space"
                    ))
            }
        }

        /// A space or tab next to a line's start or end, a leading or trailing line break, or two blank lines in a row.
        static func hasEdgeWhiteSpace(_ text: String) -> Bool {
            if text.utf8.first == 0x0A { return true }
            var previous: UInt8 = 0x0A
            var newlines = 0
            for byte in text.utf8 {
                let isBlank = byte == 0x20 || byte == 0x09
                if isBlank && previous == 0x0A { return true }
                if byte == 0x0A {
                    if previous == 0x20 || previous == 0x09 { return true }
                    newlines += 1
                    if newlines == 3 { return true }
                } else {
                    newlines = 0
                }
                previous = byte
            }
            return previous == 0x20 || previous == 0x09 || (previous == 0x0A && !text.isEmpty)
        }

        /// The format has no escapes for a quote's own markup (`"*` followed by a space ends one), so
        /// the line is read back with the reader's own grammar to find the quotes it would not keep.
        private static func quoteLine(_ line: String, readsBackAs text: String) -> Bool {
            // Only a `*` or a `>` in the text can end the quote early or open another: skip the rest.
            guard text.utf8.contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: ">") }) else { return true }
            let pieces = SummarySyntax.pieces(of: Substring(line))
            guard pieces.count == 1, case .quote(let read, _, false) = pieces[0] else { return false }
            return read.text == text
        }

        private func escapedParagraphs(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).map(BlockEscaping.escape).joined(separator: "\n")
        }

        /// Channel fields go with the first episode of each channel; collection fields with the first episode.
        private mutating func frontMatterFields(for episode: Episode) -> [(String, String)] {
            var fields: [(String, String)] = []
            if isFirstEpisode {
                if let title = collection.title { fields.append((EpisodeMetadataKey.collectionTitle.rawValue, title)) }
                for line in collection.preamble { fields.append((EpisodeMetadataKey.preamble.rawValue, line)) }
            }
            var details: Channel?
            if let name = episode.channel, channelsWritten.insert(name).inserted { details = collection.channel(named: name) }
            // `und` (BCP 47 "undetermined") keeps an unknown language unknown: the reader would otherwise detect one.
            for (key, value) in EpisodeMetadataKey.fields(of: episode, channelDetails: details, languageWhenUnknown: FrontMatter.undeterminedLanguage) {
                switch value {
                case .text(let text): fields.append((key.rawValue, text))
                case .chapterNumbers(let numbers): fields.append((key.rawValue, numbers.map(String.init).joined(separator: ", ")))
                case .repeated(let items): fields += items.map { (key.rawValue, $0) }
                }
            }
            for field in episode.metadata.extra {
                // Summary text has no place apart for extra fields: one named like a key of its own reads back as that key.
                if EpisodeMetadataKey(rawValue: field.key) != nil {
                    warnings.append(
                        .warning(
                            "summary.extra.shadowed",
                            "episode '\(episode.title)': extra field '\(field.key)' has the name of a front matter key and will read back as that key, not as extra metadata (Markdown and JSON keep it apart)"
                        ))
                }
                fields.append((field.key, field.value))
            }
            return fields
        }
    }
}
