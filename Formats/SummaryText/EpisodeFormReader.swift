import QuireCore

/// Reads the multi-line episode form: optional front matter, a title line, overview paragraphs,
/// `## [MM:SS] Heading` chapters with body and quotes, an entities list; episodes separated by `---`.
struct EpisodeFormReader {
    let input: InputFile
    let source: SourceText
    var diagnostics = Diagnostics()
    /// Episodes whose front matter said `language: und`: their language stays unknown.
    private(set) var undeterminedLanguages: Set<Int> = []
    private var index = 0
    private var reportedFrontMatterLines: Set<Int> = []

    init(input: InputFile, source: SourceText) {
        self.input = input
        self.source = source
    }

    private var lines: [SourceText.Line] { source.lines }

    mutating func read() -> EpisodeCollection {
        var applier = FrontMatterApplier(collection: EpisodeCollection(), diagnostics: Diagnostics(), input: input)
        var isFirst = true
        while true {
            skipBlankLines()
            guard index < lines.count else { break }
            let frontMatter = readFrontMatter(openingFenceRequired: isFirst)
            isFirst = false
            skipBlankLines()
            guard index < lines.count else {
                // A collection without episodes is front matter alone: its title and preamble.
                let leftover = applier.applyCollectionFields(frontMatter)
                if let first = leftover.first {
                    diagnostics.report(
                        .warning(
                            "summary.front-matter.orphan", "front matter with no episode after it; its episode fields are ignored",
                            at: input.location(line: first.line, column: 1)))
                }
                break
            }
            if Self.isSeparator(lines[index].text) {
                index += 1
                continue
            }
            var episode = readEpisode()
            applier.apply(frontMatter, to: &episode)
            applier.collection.episodes.append(episode)
        }
        diagnostics.report(contentsOf: applier.diagnostics)
        undeterminedLanguages = applier.undeterminedLanguages
        return applier.collection
    }

    static func isSeparator(_ line: Substring) -> Bool { line.trimmingWhitespace() == "---" }

    private mutating func skipBlankLines() {
        while index < lines.count && lines[index].isBlank { index += 1 }
    }

    /// Front matter: at the very start, fenced `---` … `---`; after a separator, `key: value` lines up
    /// to a closing `---` (the separator itself opens it).
    private mutating func readFrontMatter(openingFenceRequired: Bool) -> [(key: String, value: String, line: Int)] {
        var cursor = index
        let fenced = Self.isSeparator(lines[cursor].text)
        if fenced {
            cursor += 1
        } else if openingFenceRequired {
            return []
        }
        var fields: [(key: String, value: String, line: Int)] = []
        while cursor < lines.count, !Self.isSeparator(lines[cursor].text) {
            guard let field = FrontMatter.field(from: lines[cursor].text) else {
                // After a separator, a title line is the usual case; after fields, or after the
                // file's opening fence, it means the front matter is broken.
                // (One such line after a separator is just a title with a colon.)
                if fields.count >= 2 || fenced && openingFenceRequired { reportBrokenFrontMatter(at: lines[cursor], reason: "is not a 'key: value' line") }
                return []
            }
            fields.append((field.key, field.value, lines[cursor].number))
            cursor += 1
        }
        guard cursor < lines.count, !fields.isEmpty else {
            if fields.count >= 2 || fenced && openingFenceRequired && !fields.isEmpty {
                reportBrokenFrontMatter(at: lines[index], reason: "opens front matter that is never closed with '---'")
            }
            return []
        }
        index = cursor + 1
        return fields
    }

    private mutating func reportBrokenFrontMatter(at line: SourceText.Line, reason: String) {
        // The same broken block is looked at again from the line after its fence; say it once.
        guard reportedFrontMatterLines.insert(line.number).inserted else { return }
        diagnostics.report(
            .warning(
                "summary.front-matter.malformed", "line \(reason); the front matter is read as episode text",
                at: input.location(line: line.number, column: 1)))
    }

    private mutating func readEpisode() -> Episode {
        var episode = Episode(title: BlockEscaping.unescape(lines[index].text).trimmingWhitespace())
        index += 1
        episode.summary = readParagraphs(until: { $0.hasPrefix("## ") })
        var parser = ChapterTextParser(input: input)
        var untimedHeadings: [SourceText.Line] = []
        var chapterLines: [Int] = []
        while index < lines.count, !Self.isSeparator(lines[index].text) {
            let line = lines[index]
            guard line.text.hasPrefix("## ") else {
                index += 1  // unreachable by construction: paragraphs stop only at headings and separators
                continue
            }
            if let marker = SummarySyntax.chapterMarker(at: line.text.startIndex, in: line.text) {
                index += 1
                chapterLines.append(line.number)
                episode.chapters.append(readChapter(marker: marker, line: line, parser: &parser))
            } else if nextNonBlankLine(after: index).map({ SummarySyntax.isEntityItemStart($0.text) }) ?? false {
                index += 1
                episode.entities += readEntities()
            } else {
                untimedHeadings.append(line)
                chapterLines.append(line.number)
                index += 1
                let title = BlockEscaping.unescapeUntimedHeading(line.text.dropFirst(3)).trimmingWhitespace()
                var chapter = readChapterContent(parser: &parser)
                chapter.title = title
                episode.chapters.append(chapter)
            }
        }
        diagnostics.report(contentsOf: parser.diagnostics)
        for diagnostic in ChapterOrder.diagnostics(for: episode.chapters.map(\.start), location: { input.location(line: chapterLines[$0], column: 1) }) {
            diagnostics.report(diagnostic)
        }
        // Untimed sections are normal in an untimed outline; among timed chapters they are suspicious.
        if episode.chapters.contains(where: { $0.start != nil }) {
            for line in untimedHeadings {
                diagnostics.report(
                    .warning(
                        "summary.chapter.untimed", "'##' heading without a timestamp among timed chapters; read as a chapter with no start",
                        at: input.location(line: line.number, column: 1)))
            }
        }
        return episode
    }

    private mutating func readChapter(marker: SummarySyntax.ChapterMarker, line: SourceText.Line, parser: inout ChapterTextParser) -> Chapter {
        var chapter = readChapterContent(parser: &parser)
        chapter.start = marker.seconds
        chapter.title = SummarySyntax.droppingHeadingDash(line.text[marker.range.upperBound...]).trimmingWhitespace()
        if marker.seconds == nil {
            diagnostics.report(
                .warning(
                    "summary.timestamp.invalid", "'[\(marker.timestamp)]' is not a timestamp; the chapter is kept without a start",
                    at: input.location(line: line.number, column: 1)))
            chapter.title = "[\(marker.timestamp)] " + chapter.title
        }
        return chapter
    }

    /// Body paragraphs and quotes up to the next heading or separator.
    private mutating func readChapterContent(parser: inout ChapterTextParser) -> Chapter {
        var paragraphs: [String] = []
        var current: [String] = []
        var quotes: [Quote] = []
        while index < lines.count, !lines[index].text.hasPrefix("## "), !Self.isSeparator(lines[index].text) {
            let line = lines[index]
            index += 1
            if line.isBlank {
                if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
                current = []
            } else if line.text.hasPrefix(">") {
                let prose = parser.parse(line.text, line: line, quotes: &quotes)
                let text = prose.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }.joined(separator: " ")
                if !text.isEmpty { current.append(text) }
            } else {
                current.append(BlockEscaping.unescape(line.text).trimmingWhitespace())
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
        return Chapter(start: nil, title: "", body: paragraphs.joined(separator: "\n\n"), quotes: quotes)
    }

    /// Overview paragraphs, up to a line `stop` accepts or a separator.
    private mutating func readParagraphs(until stop: (Substring) -> Bool) -> String {
        var paragraphs: [String] = []
        var current: [String] = []
        while index < lines.count, !stop(lines[index].text), !Self.isSeparator(lines[index].text) {
            let line = lines[index]
            index += 1
            if line.isBlank {
                if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
                current = []
            } else {
                current.append(BlockEscaping.unescape(line.text).trimmingWhitespace())
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
        return paragraphs.joined(separator: "\n\n")
    }

    /// One item per `- **` line; other lines continue the item before them.
    private mutating func readEntities() -> [Entity] {
        var entities: [Entity] = []
        while index < lines.count, !lines[index].text.hasPrefix("## "), !Self.isSeparator(lines[index].text) {
            let line = lines[index]
            index += 1
            if line.isBlank { continue }
            if let entity = SummarySyntax.entity(fromItem: line.text) {
                entities.append(entity)
            } else if !entities.isEmpty, !line.text.trimmingLeadingWhitespace().hasPrefix("- ") {
                entities[entities.count - 1].description += "\n" + BlockEscaping.unescape(line.text.trimmingLeadingWhitespace()).trimmingWhitespace()
            } else {
                diagnostics.report(
                    .warning(
                        "summary.entity.malformed", "entity item without a bold name; kept whole as the name",
                        at: input.location(line: line.number, column: 1)))
                entities.append(Entity(name: line.text.trimmingWhitespace(), type: "", description: ""))
            }
        }
        return entities
    }

    private func nextNonBlankLine(after position: Int) -> SourceText.Line? {
        lines[(position + 1)...].first { !$0.isBlank }
    }
}
