import QuireCore

/// Reads a scraped channel page: chrome lines, then per episode a title line and a summary line
/// holding the whole summary with its newlines collapsed.
struct PageFormReader {
    let input: InputFile
    let source: SourceText
    var diagnostics = Diagnostics()
    /// Chapters whose heading/body boundary scored close to another candidate.
    private var uncertainSplits: [(SummarySyntax.ChapterMarker, Substring)] = []

    init(input: InputFile, source: SourceText) {
        self.input = input
        self.source = source
    }

    /// Titles are short; an overview with no chapters is long prose.
    static let minimumProseSummaryLength = 280

    mutating func read() -> EpisodeCollection {
        var collection = EpisodeCollection()
        let lines = source.lines.filter { !$0.isBlank }
        let isSummary = lines.map { line in
            !SummarySyntax.chapterMarkers(in: line.text).isEmpty || SummarySyntax.entitiesHeader(in: line.text) != nil
                || line.text.count >= Self.minimumProseSummaryLength
        }
        var pending: [SourceText.Line] = []
        var inferredSplits = 0
        for (index, line) in lines.enumerated() {
            guard isSummary[index] else {
                pending.append(line)
                continue
            }
            let title = pending.popLast()
            if collection.episodes.isEmpty {
                collection.preamble = pending.map { String($0.text) }
            } else if !pending.isEmpty {
                reportUnplaced(pending)
                let extra = pending.map { $0.text.trimmingWhitespace() }.joined(separator: "\n\n")
                let previous = collection.episodes.count - 1
                collection.episodes[previous].summary += (collection.episodes[previous].summary.isEmpty ? "" : "\n\n") + extra
            }
            pending = []
            if title == nil {
                diagnostics.report(
                    .warning("summary.episode.untitled", "summary line with no title line before it; the episode has an empty title",
                             at: input.location(line: line.number, column: 1)))
            }
            var episode = readSummaryLine(line, title: title.map { $0.text.trimmingWhitespace() } ?? "")
            inferredSplits += episode.chapters.count
            normalize(&episode)
            collection.episodes.append(episode)
        }
        if collection.episodes.isEmpty {
            collection.preamble = pending.map { String($0.text) }
        } else if !pending.isEmpty {
            reportUnplaced(pending)
            let extra = pending.map { $0.text.trimmingWhitespace() }.joined(separator: "\n\n")
            let last = collection.episodes.count - 1
            collection.episodes[last].summary += (collection.episodes[last].summary.isEmpty ? "" : "\n\n") + extra
        }
        if inferredSplits > 0 {
            let notes = uncertainSplits.map { marker, heading in
                Diagnostic.Note("uncertain: [\(marker.timestamp)] '\(heading)'", at: location(of: marker))
            }
            diagnostics.report(
                .note(
                    "summary.heading.inferred",
                    "page form: the heading/body split of \(inferredSplits) chapters was inferred from run-in text, \(notes.count) of them uncertain",
                    at: input.location(), notes: notes))
        }
        return collection
    }

    /// Detects a leaked data dump in the episode's quotes and recovers heading-only chapters from it.
    private mutating func repairUpstreamDump(_ episode: inout Episode, markers: [SummarySyntax.ChapterMarker], line: SourceText.Line) {
        guard let report = UpstreamDumpRecovery.repair(&episode) else { return }
        let chapter = episode.chapters[report.chapter]
        let recovered = report.recovered.map { index in
            let recoveredChapter = episode.chapters[index]
            return Diagnostic.Note(
                "recovered the body and \(recoveredChapter.quotes.count) quotes of [\(markers[index].timestamp)] '\(recoveredChapter.title)'",
                at: location(of: markers[index]))
        }
        diagnostics.report(
            .warning(
                "summary.upstream.dump",
                "episode '\(episode.title)': chapter [\(markers[report.chapter].timestamp)] '\(chapter.title)' holds a leaked data dump (\(report.dumpCharacters) characters) in its quotes; kept as it is, \(report.recovered.count) heading-only chapters recovered from it and marked as recovered",
                at: location(of: markers[report.chapter]), notes: recovered))
    }

    private func location(of marker: SummarySyntax.ChapterMarker, in line: SourceText.Line) -> SourceLocation {
        input.location(line: line.number, column: line.text.distance(from: line.text.startIndex, to: marker.range.lowerBound) + 1)
    }

    private func location(of marker: SummarySyntax.ChapterMarker) -> SourceLocation {
        let line = source.lines.first { $0.text.startIndex <= marker.range.lowerBound && marker.range.lowerBound <= $0.text.endIndex }!
        return input.location(line: line.number, column: line.text.distance(from: line.text.startIndex, to: marker.range.lowerBound) + 1)
    }

    private mutating func reportUnplaced(_ lines: [SourceText.Line]) {
        for line in lines {
            diagnostics.report(
                .warning(
                    "summary.text.unplaced", "line is neither a title nor a summary; kept as a paragraph of the previous episode's overview",
                    at: input.location(line: line.number, column: 1)))
        }
    }

    private func normalize(_ episode: inout Episode) {
        episode.summary = episode.summary.trimmingWhitespace()
    }

    /// Splits one summary line into overview, chapters and entities.
    private mutating func readSummaryLine(_ line: SourceText.Line, title: String) -> Episode {
        var episode = Episode(title: title)
        let text = line.text
        let markers = SummarySyntax.chapterMarkers(in: text)
        let afterLastMarker = markers.last?.range.upperBound ?? text.startIndex
        let entities = SummarySyntax.entitiesHeader(in: text[afterLastMarker...])
        let chaptersEnd = entities?.range.lowerBound ?? text.endIndex
        episode.summary = text[..<(markers.first?.range.lowerBound ?? chaptersEnd)].trimmingWhitespace()

        if let entities {
            episode.entities = readEntities(text[entities.range.upperBound...], line: line)
        }
        var parser = ChapterTextParser(input: input)
        let contents = markers.enumerated().map { index, marker in
            let end = index + 1 < markers.count ? markers[index + 1].range.lowerBound : chaptersEnd
            return SummarySyntax.droppingHeadingDash(text[marker.range.upperBound..<end])
        }
        let splitter = HeadingSplitter(
            names: episode.entities.map { ($0.name, $0.kind == .person) }, overview: Substring(episode.summary), chapterTexts: contents)
        for (marker, content) in zip(markers, contents) {
            var quotes: [Quote] = []
            let prose = parser.parse(content, line: line, quotes: &quotes)
            // The heading runs into the first prose piece; prose after a quote is body.
            var bodyParts: [String] = []
            var heading = ""
            if let first = prose.first, content[content.startIndex..<first.startIndex].allSatisfy(\.isWhitespace) {
                let split = splitter.split(first)
                if split.margin < HeadingSplitter.uncertainMargin { uncertainSplits.append((marker, split.heading)) }
                heading = split.heading.trimmingWhitespace()
                bodyParts.append(split.body.trimmingWhitespace())
                bodyParts += prose.dropFirst().map { $0.trimmingWhitespace() }
            } else {
                bodyParts += prose.map { $0.trimmingWhitespace() }
            }
            var chapter = Chapter(
                start: marker.seconds, title: heading, body: bodyParts.filter { !$0.isEmpty }.joined(separator: " "), quotes: quotes)
            if marker.seconds == nil {
                diagnostics.report(
                    .warning(
                        "summary.timestamp.invalid", "'[\(marker.timestamp)]' is not a timestamp; the chapter is kept without a start",
                        at: parser.location(of: marker.range.lowerBound, in: line)))
                chapter.title = "[\(marker.timestamp)] " + chapter.title
            }
            episode.chapters.append(chapter)
        }
        diagnostics.report(contentsOf: parser.diagnostics)
        for diagnostic in ChapterOrder.diagnostics(for: markers.map(\.seconds), location: { location(of: markers[$0], in: line) }) {
            diagnostics.report(diagnostic)
        }
        repairUpstreamDump(&episode, markers: markers, line: line)
        return episode
    }

    /// Page-form entities: `- **A** (T): d - **B** (T): d`, split where a new bold-name item starts.
    private mutating func readEntities(_ text: Substring, line: SourceText.Line) -> [Entity] {
        var starts: [String.Index] = []
        var searchFrom = text.startIndex
        while let range = text[searchFrom...].firstRange(of: "- **") {
            if range.lowerBound == text.startIndex || text[text.index(before: range.lowerBound)].isWhitespace {
                starts.append(range.lowerBound)
            }
            searchFrom = range.upperBound
        }
        var entities: [Entity] = []
        for (index, start) in starts.enumerated() {
            let item = text[start..<(index + 1 < starts.count ? starts[index + 1] : text.endIndex)]
            if let entity = SummarySyntax.entity(fromItem: item) {
                entities.append(entity)
            } else {
                let column = line.text.distance(from: line.text.startIndex, to: start) + 1
                diagnostics.report(
                    .warning("summary.entity.malformed", "entity item without a bold name; kept whole as the name",
                             at: input.location(line: line.number, column: column)))
                entities.append(Entity(name: item.trimmingWhitespace(), type: "", description: ""))
            }
        }
        return entities
    }
}
