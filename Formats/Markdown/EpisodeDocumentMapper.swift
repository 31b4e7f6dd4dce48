import QuireCommonMark
import QuireCore

/// Maps an episode-shaped document to the model: `#` starts an episode, a fenced `yaml` block right
/// after it holds its metadata (the first episode's is in the front matter), text up to the first `##`
/// is the summary, each `##` is a chapter (timed when it starts with `[MM:SS]`) whose trailing block
/// quotes are its quotes, a `## Transcript` after the chapters holds the transcript's segments, and a
/// last `## Entities` holding a list or table is the entities section.
/// Text is taken from the source lines, so inline markup stays exactly as written.
struct EpisodeDocumentMapper {
    let source: MarkdownSource
    var applier: EpisodeFrontMatter.Applier
    var diagnostics = Diagnostics()

    init(source: MarkdownSource, applier: EpisodeFrontMatter.Applier) {
        self.source = source
        self.applier = applier
    }

    mutating func map(_ blocks: [CommonMarkBlock], firstEpisodeEntries: [FrontMatterYAML.Entry]) {
        let titles = blocks.indices.filter { if case .heading(1) = blocks[$0].kind { true } else { false } }
        if titles.isEmpty && !firstEpisodeEntries.isEmpty {
            // Episode fields with no episode: kept as the collection's preamble lines.
            for entry in firstEpisodeEntries {
                diagnostics.report(
                    .warning(
                        "markdown.front-matter.unplaced", "'\(entry.key)' describes an episode, but the file has none; kept in the preamble",
                        at: source.location(line: entry.line)))
                applier.collection.preamble.append(entry.key + ": " + FrontMatterYAML.rawText(of: entry))
            }
        }
        for (number, titleIndex) in titles.enumerated() {
            let end = number + 1 < titles.count ? titles[number + 1] : blocks.endIndex
            let lastLine = end < blocks.endIndex ? blocks[end].startLine - 1 : source.lines.count
            mapEpisode(
                heading: blocks[titleIndex], content: blocks[(titleIndex + 1)..<end], lastLine: lastLine,
                entries: number == 0 ? firstEpisodeEntries : [])
        }
    }

    private mutating func mapEpisode(heading: CommonMarkBlock, content: ArraySlice<CommonMarkBlock>, lastLine: Int, entries: [FrontMatterYAML.Entry]) {
        var episode = Episode(title: PlainTextEscaping.unescape(HeadingText.raw(of: heading, in: source)))
        var entries = entries
        var content = content
        var firstLine = heading.endLine + 1
        if let first = content.first, case .codeBlock(info: "yaml") = first.kind {
            entries += metadataEntries(in: first)
            firstLine = first.endLine + 1
            content = content.dropFirst()
        }
        let sections = content.indices.filter { if case .heading(2) = content[$0].kind { true } else { false } }
        episode.summary = text(from: firstLine, through: (sections.first.map { content[$0].startLine } ?? lastLine + 1) - 1)
        for (number, sectionIndex) in sections.enumerated() {
            let next = number + 1 < sections.count ? sections[number + 1] : content.endIndex
            let sectionLast = next < content.endIndex ? content[next].startLine - 1 : lastLine
            let heading = content[sectionIndex]
            let blocks = content[(sectionIndex + 1)..<next]
            let raw = HeadingText.raw(of: heading, in: source)
            let isLast = number == sections.count - 1
            // The transcript comes after the chapters: last, or just before the entities.
            let beforeEntities = number == sections.count - 2 && HeadingText.raw(of: content[sections[number + 1]], in: source) == EntitySyntax.heading
            if (isLast || beforeEntities) && raw == TranscriptSyntax.heading {
                let lines = (heading.endLine + 1) <= sectionLast ? ((heading.endLine + 1)...sectionLast).map { source.line($0) } : []
                if let transcript = TranscriptSyntax.transcript(fromLines: lines) {
                    episode.transcript = transcript
                    continue
                }
                diagnostics.report(
                    .warning(
                        "markdown.transcript.unreadable",
                        "the Transcript section is not a list of '[HH:MM:SS.mmm] **Speaker:** text' paragraphs; read as a chapter",
                        at: source.location(line: heading.startLine)))
            }
            if isLast && raw == EntitySyntax.heading {
                if let entities = entities(in: blocks, lines: (heading.endLine + 1)...max(heading.endLine + 1, sectionLast)) {
                    episode.entities = entities
                    continue
                }
                diagnostics.report(
                    .warning(
                        "markdown.entities.unreadable",
                        "the Entities section is not a list of '**Name** (Type): description' items or a Name/Type/Description table; read as a chapter",
                        at: source.location(line: heading.startLine)))
            }
            episode.chapters.append(chapter(heading: heading, raw: raw, blocks: blocks, lastLine: sectionLast))
        }
        applier.apply(entries, to: &episode)
        applier.collection.episodes.append(episode)
    }

    private func chapter(heading: CommonMarkBlock, raw: Substring, blocks: ArraySlice<CommonMarkBlock>, lastLine: Int) -> Chapter {
        var chapter = Chapter(start: nil, title: "")
        if let (seconds, rest) = Self.leadingTime(raw) {
            chapter.start = seconds
            chapter.title = PlainTextEscaping.unescape(rest.trimmingLeadingBlanks)
        } else {
            chapter.title = PlainTextEscaping.unescape(raw)
        }
        let quoteStart = blocks.lastIndex { if case .blockQuote = $0.kind { false } else { true } }.map { $0 + 1 } ?? blocks.startIndex
        chapter.body = text(from: heading.endLine + 1, through: (quoteStart < blocks.endIndex ? blocks[quoteStart].startLine : lastLine + 1) - 1)
        chapter.quotes = blocks[quoteStart...].map(quote)
        return chapter
    }

    /// `[MM:SS]` at the start of a heading or quote, followed by a space or the end: the seconds and the rest.
    static func leadingTime(_ text: Substring) -> (Int, Substring)? {
        guard text.hasPrefix("["), let close = text.firstIndex(of: "]"),
            let seconds = Timestamp.seconds(from: text[text.index(after: text.startIndex)..<close])
        else { return nil }
        let rest = text[text.index(after: close)...]
        guard rest.isEmpty || rest.first == " " else { return nil }
        return (seconds, rest.isEmpty ? rest : rest.dropFirst())
    }

    private func quote(_ block: CommonMarkBlock) -> Quote {
        let lines = block.lines.map { number -> Substring in
            let line = source.line(number)
            let content = line.trimmingLeadingBlanks
            // A lazy continuation line has no marker and is taken as it is.
            guard content.hasPrefix(">"), line.utf8.count - content.utf8.count <= 3 else { return line }
            let afterMarker = content.dropFirst()
            return afterMarker.hasPrefix(" ") ? afterMarker.dropFirst() : afterMarker
        }
        var quote = Quote(text: "")
        if let first = lines.first, let (seconds, rest) = Self.leadingTime(first) {
            // After the time, the first line is as written; the lines below it are a text of their own.
            quote.time = seconds
            quote.text = String(rest) + (lines.count > 1 ? "\n" + BlockEscaping.unescapeLines(Array(lines.dropFirst())) : "")
        } else {
            quote.text = BlockEscaping.unescapeLines(lines)
        }
        return quote
    }

    private func entities(in blocks: ArraySlice<CommonMarkBlock>, lines: ClosedRange<Int>) -> [Entity]? {
        guard blocks.count == 1, let block = blocks.first else { return nil }
        // Nothing may sit beside the list or table (a link definition has no block of its own).
        let written = source.trimmedLines(lines)
        guard written.first?.number == block.startLine, let last = written.last?.number, last <= block.endLine else { return nil }
        switch block.kind {
        case .list(ordered: false):
            var entities: [Entity] = []
            for item in block.children {
                let itemLines = source.trimmedLines(item.lines).map(\.text)
                guard let entity = EntitySyntax.entity(fromItemLines: itemLines) else { return nil }
                entities.append(entity)
            }
            return entities
        case .table:
            let header = EntitySyntax.cells(ofRow: source.line(block.startLine))
            let withLinks = header == EntitySyntax.tableHeaderWithLinks.map { Substring($0) }
            guard withLinks || header == EntitySyntax.tableHeader.map({ Substring($0) }) else { return nil }
            var entities: [Entity] = []
            for row in block.children {
                guard case .tableRow(isHeader: false) = row.kind else { continue }
                guard let entity = EntitySyntax.entity(fromRow: source.line(row.startLine), withLinks: withLinks) else { return nil }
                entities.append(entity)
            }
            return entities
        default:
            return nil
        }
    }

    private mutating func metadataEntries(in fence: CommonMarkBlock) -> [FrontMatterYAML.Entry] {
        let closing = source.line(fence.endLine).trimmingLeadingBlanks
        let last = fence.endLine > fence.startLine && closing.hasPrefix("```") ? fence.endLine - 1 : fence.endLine
        let lines = last > fence.startLine ? ((fence.startLine + 1)...last).map { (number: $0, text: source.line($0)) } : []
        var problems: [FrontMatterYAML.Problem] = []
        let entries = FrontMatterYAML.entries(lines, problems: &problems)
        for problem in problems {
            diagnostics.report(.warning("markdown.front-matter.syntax", problem.message, at: source.location(line: problem.line)))
        }
        return entries
    }

    /// A text field from source lines: blank lines at both ends left out, block escapes undone.
    private func text(from first: Int, through last: Int) -> String {
        guard first <= last else { return "" }
        return BlockEscaping.unescapeLines(source.trimmedLines(first...last).map(\.text))
    }
}
