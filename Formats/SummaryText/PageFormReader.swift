import QuireCore

/// Reads a scraped channel page: chrome lines, then per episode a title line and a summary line
/// holding the whole summary with its newlines collapsed.
struct PageFormReader {
    let input: InputFile
    /// The language given for the whole input (`--language`), or `nil` to detect each episode's.
    var language: String?
    var diagnostics = Diagnostics()
    /// Chapters whose heading/body boundary scored close to another candidate.
    /// Strings, not slices: a slice would keep its whole summary line alive until the page is read.
    private var uncertainSplits: [UncertainSplit] = []
    /// Corrections of splits (`--split-hints`), and which of them applied or no longer match.
    var splitHints: SplitHints?
    private var appliedHints: Set<String> = []
    private var staleHints: [SplitHints.Hint] = []
    /// For training the splitter: every split's candidates and features, in page order.
    var recordsCandidates = false
    private(set) var recordedSplits: [RecordedSplit] = []
    /// All uncertain splits, listed or not.
    private var uncertainSplitCount = 0
    /// Uncertain splits named in notes; past these they are only counted, so that a page of thousands
    /// of episodes does not keep a note per chapter until it is read (and print pages of them).
    static let listedUncertainSplits = 200

    init(input: InputFile) {
        self.input = input
    }

    /// Titles are short; an overview with no chapters is long prose.
    static let minimumProseSummaryLength = 280

    /// One episode of the page: its title line, its summary line, and lines between it and the
    /// episode before that belong to neither.
    private struct EpisodeLines: Sendable {
        var unplacedBefore: [SourceText.Line]
        var title: SourceText.Line?
        var summary: SourceText.Line
    }

    /// What reading one summary line produced; episodes are read in parallel and assembled in order.
    private struct EpisodeReading: Sendable {
        var episode: Episode
        var diagnostics: Diagnostics
        var uncertainSplits: [UncertainSplit]
        var appliedHints: Set<String>
        var staleHints: [SplitHints.Hint]
        var recordedSplits: [RecordedSplit]
    }

    /// Reading state carried from one piece of the page to the next.
    struct Progress {
        /// Lines since the last summary line: the next episode's title and lines no one claims.
        fileprivate var pending: [SourceText.Line] = []
        /// Set once the first summary line is found: everything before its title.
        fileprivate(set) var preamble: [String]?
        /// The latest episode, held back until it is known whether unplaced lines follow it.
        fileprivate var held: Episode?
        fileprivate var inferredSplits = 0
        fileprivate var episodeCount = 0
    }

    /// Reads a whole page.
    mutating func read(_ source: SourceText) -> EpisodeCollection {
        var progress = Progress()
        var episodes = readPiece(source.lines, progress: &progress)
        episodes += finish(&progress)
        return EpisodeCollection(preamble: progress.preamble ?? [], episodes: episodes)
    }

    /// Reads the next lines of the page, returning the episodes now complete. The preamble is
    /// `progress.preamble` once the first summary line has been seen.
    mutating func readPiece(_ lines: some Collection<SourceText.Line>, progress: inout Progress) -> [Episode] {
        var plan: [EpisodeLines] = []
        for line in lines where !line.isBlank {
            // Finding one marker is enough here; the episode's reader finds them all, in parallel.
            let isSummary =
                SummarySyntax.hasChapterMarker(line.text) || SummarySyntax.entitiesHeader(in: line.text) != nil
                || !line.text.unicodeScalars.dropFirst(Self.minimumProseSummaryLength - 1).isEmpty
            guard isSummary else {
                progress.pending.append(line)
                continue
            }
            let title = progress.pending.popLast()
            if progress.preamble == nil {
                progress.preamble = progress.pending.map { String($0.text) }
                progress.pending = []
            }
            plan.append(EpisodeLines(unplacedBefore: progress.pending, title: title, summary: line))
            progress.pending = []
        }

        var complete: [Episode] = []
        let readings = readInParallel(plan)
        for (lines, reading) in zip(plan, readings) {
            if !lines.unplacedBefore.isEmpty { appendUnplaced(lines.unplacedBefore, to: &progress.held) }
            if lines.title == nil {
                diagnostics.report(
                    .warning(
                        "summary.episode.untitled", "summary line with no title line before it; the episode has an empty title",
                        at: input.location(line: lines.summary.number, column: 1)))
            }
            diagnostics.report(contentsOf: reading.diagnostics)
            appliedHints.formUnion(reading.appliedHints)
            for var recorded in reading.recordedSplits {
                recorded.episode = progress.episodeCount
                recordedSplits.append(recorded)
            }
            staleHints += reading.staleHints
            uncertainSplitCount += reading.uncertainSplits.count
            uncertainSplits += reading.uncertainSplits.prefix(max(0, Self.listedUncertainSplits - uncertainSplits.count))
            progress.inferredSplits += reading.episode.chapters.count
            if let held = progress.held { complete.append(completed(held)) }
            progress.held = reading.episode
            progress.episodeCount += 1
        }
        return complete
    }

    /// After the last piece: trailing lines join the last episode (or, on a page with no summary
    /// line, make the preamble), and the episodes read are summed up in one note.
    mutating func finish(_ progress: inout Progress) -> [Episode] {
        if progress.preamble == nil {
            progress.preamble = progress.pending.map { String($0.text) }
        } else if !progress.pending.isEmpty {
            appendUnplaced(progress.pending, to: &progress.held)
        }
        progress.pending = []
        if progress.inferredSplits > 0 {
            let notes = uncertainSplits.map { Diagnostic.Note($0.description, at: $0.location) }
            diagnostics.report(
                .note(
                    "summary.heading.inferred",
                    "page form: the heading/body split of \(progress.inferredSplits) chapters was inferred from run-in text, \(uncertainSplitCount) of them uncertain"
                        + (uncertainSplitCount > notes.count ? " (the first \(notes.count) listed)" : ""),
                    at: input.location(), notes: notes))
        }
        reportHints()
        defer { progress.held = nil }
        return progress.held.map { [completed($0)] } ?? []
    }

    /// An episode no more lines can join: one whose language could not be told from its own lines
    /// gets a second try with the unplaced lines it took on, or the job's language.
    private func completed(_ episode: Episode) -> Episode {
        var episode = episode
        if episode.language == nil { episode.language = language ?? LanguageDetector.detect(episode) }
        return episode
    }

    /// Episodes are independent, so their lines are read on every core; results keep page order.
    private func readInParallel(_ plan: [EpisodeLines]) -> [EpisodeReading] {
        let worker = {
            var worker = PageFormReader(input: input)
            worker.language = language
            worker.splitHints = splitHints
            worker.recordsCandidates = recordsCandidates
            return worker
        }()
        return concurrentMap(count: plan.count) { index in
            var reader = worker
            let lines = plan[index]
            // A private copy of the line: every slice of it then counts references on this copy, not on
            // the whole page's text, which both cores would otherwise contend for.
            let summary = SourceText.Line(number: lines.summary.number, text: Substring(String(lines.summary.text)))
            var episode = reader.readSummaryLine(
                summary, markers: SummarySyntax.chapterMarkers(in: summary.text), title: lines.title.map { $0.text.trimmingWhitespace() } ?? "")
            episode.summary = episode.summary.trimmingWhitespace()
            // Pages declare no languages; detecting here spreads the work over the cores too.
            episode.language = language ?? LanguageDetector.detect(episode)
            return EpisodeReading(
                episode: episode, diagnostics: reader.diagnostics, uncertainSplits: reader.uncertainSplits,
                appliedHints: reader.appliedHints, staleHints: reader.staleHints, recordedSplits: reader.recordedSplits)
        }
    }

    /// Lines that are neither title nor summary: kept as paragraphs of the previous episode's overview.
    private mutating func appendUnplaced(_ lines: [SourceText.Line], to episode: inout Episode?) {
        reportUnplaced(lines)
        let extra = lines.map { $0.text.trimmingWhitespace() }.joined(separator: "\n\n")
        guard var last = episode else { return }
        last.summary += (last.summary.isEmpty ? "" : "\n\n") + extra
        episode = last
    }

    /// Detects a leaked data dump in the episode's quotes and recovers heading-only chapters from it.
    private mutating func repairUpstreamDump(_ episode: inout Episode, markers: [SummarySyntax.ChapterMarker], line: SourceText.Line) {
        guard let report = UpstreamDumpRecovery.repair(&episode) else { return }
        let markerLocations = locations(of: markers, in: line)
        let chapter = episode.chapters[report.chapter]
        let recovered = report.recovered.map { index in
            let recoveredChapter = episode.chapters[index]
            return Diagnostic.Note(
                "recovered the body and \(recoveredChapter.quotes.count) quotes of [\(markers[index].timestamp)] '\(recoveredChapter.title)'",
                at: markerLocations[index])
        }
        diagnostics.report(
            .warning(
                "summary.upstream.dump",
                "episode '\(episode.title)': chapter [\(markers[report.chapter].timestamp)] '\(chapter.title)' holds a leaked data dump (\(report.dumpCharacters) characters) in its quotes; kept as it is, \(report.recovered.count) heading-only chapters recovered from it and marked as recovered",
                at: markerLocations[report.chapter], notes: recovered))
    }

    /// Where each marker stands, counted in one walk along the line.
    private func locations(of markers: [SummarySyntax.ChapterMarker], in line: SourceText.Line) -> [SourceLocation] {
        var column = 1
        var position = line.text.startIndex
        return markers.map { marker in
            let segment = line.text[position..<marker.range.lowerBound]
            // Columns count characters; in ASCII, that is bytes, found without breaking graphemes.
            column += segment.utf8.allSatisfy { $0 < 0x80 } ? segment.utf8.count : segment.count
            position = marker.range.lowerBound
            return input.location(line: line.number, column: column)
        }
    }

    /// Hints that no longer match their chapter, or match no chapter at all, are reported at their own line.
    private mutating func reportHints() {
        guard let splitHints else { return }
        for hint in staleHints {
            diagnostics.report(
                .warning(
                    "summary.hints.stale", "the chapter's text no longer starts with the hinted heading '\(hint.heading)'; the split was inferred",
                    at: hint.location))
        }
        let staleLines = Set(staleHints.compactMap(\.location.line))
        for (episode, chapters) in splitHints.hints.sorted(by: { $0.key < $1.key }) {
            for (timestamp, hint) in chapters.sorted(by: { $0.key < $1.key })
            where !appliedHints.contains(SplitHints.key(episode: episode, timestamp: timestamp)) && !staleLines.contains(hint.location.line ?? 0) {
                diagnostics.report(
                    .warning(
                        "summary.hints.unmatched", "no chapter [\(timestamp)] in an episode titled '\(episode)'; the hint was not used",
                        at: hint.location))
            }
        }
    }

    private mutating func reportUnplaced(_ lines: [SourceText.Line]) {
        for line in lines {
            diagnostics.report(
                .warning(
                    "summary.text.unplaced", "line is neither a title nor a summary; kept as a paragraph of the previous episode's overview",
                    at: input.location(line: line.number, column: 1)))
        }
    }

    /// Splits one summary line into overview, chapters and entities.
    private mutating func readSummaryLine(_ line: SourceText.Line, markers: [SummarySyntax.ChapterMarker], title: String) -> Episode {
        var episode = Episode(title: title)
        let text = line.text
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
        var uncertain: [(SummarySyntax.ChapterMarker, HeadingSplitter.Split)] = []
        let splitter = HeadingSplitter(evidence: Self.evidence(entities: episode.entities, overview: Substring(episode.summary), chapterTexts: contents))
        for (chapterIndex, (marker, content)) in zip(markers, contents).enumerated() {
            var quotes: [Quote] = []
            let prose = parser.parse(content, line: line, quotes: &quotes)
            // The heading runs into the first prose piece; prose after a quote is body.
            var bodyParts: [String] = []
            var heading = ""
            if let first = prose.first, content[content.startIndex..<first.startIndex].allSatisfy(\.isWhitespace) {
                let split: HeadingSplitter.Split
                switch splitHints?.apply(to: first, episode: title, timestamp: marker.timestamp) {
                case .applied(let hinted)?:
                    split = hinted
                    appliedHints.insert(SplitHints.key(episode: title, timestamp: marker.timestamp))
                case .stale(let hint)?:
                    staleHints.append(hint)
                    split = splitter.split(first)
                case nil:
                    split = splitter.split(first)
                }
                if recordsCandidates { record(first, chapter: chapterIndex, with: splitter) }
                if split.probability < HeadingSplitter.uncertainProbability { uncertain.append((marker, split)) }
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
        let orderDiagnostics = ChapterOrder.diagnostics(for: markers.map(\.seconds)) { _ in input.location() }
        if !uncertain.isEmpty || !orderDiagnostics.isEmpty {
            // Columns cost a walk along the line, so they are counted once, for all markers together.
            let markerLocations = locations(of: markers, in: line)
            let index = Dictionary(uniqueKeysWithValues: markers.enumerated().map { ($0.element.range.lowerBound, $0.offset) })
            for (marker, split) in uncertain {
                uncertainSplits.append(
                    UncertainSplit(
                        timestamp: String(marker.timestamp), heading: String(split.heading), probability: split.probability,
                        runnerUp: split.runnerUp.map(String.init), runnerUpProbability: split.runnerUpProbability,
                        location: markerLocations[index[marker.range.lowerBound]!]))
            }
            for diagnostic in ChapterOrder.diagnostics(for: markers.map(\.seconds), location: { markerLocations[$0] }) {
                diagnostics.report(diagnostic)
            }
        }
        repairUpstreamDump(&episode, markers: markers, line: line)
        return episode
    }

    private mutating func record(_ text: Substring, chapter: Int, with splitter: HeadingSplitter) {
        let candidates = splitter.candidates(text)
        recordedSplits.append(
            RecordedSplit(
                episode: 0, chapter: chapter, language: splitter.evidence.language.key,
                headings: candidates.map { c in (1...c.features.count).map { String(c.heading($0, in: text)) } } ?? [text.trimmingWhitespace()],
                named: candidates?.features.map(\.named) ?? [], shapeSlots: candidates?.features.map(\.shapes) ?? []))
    }

    /// What the episode's own text offers the splitter.
    static func evidence(entities: [Entity], overview: Substring, chapterTexts: [Substring]) -> EpisodeEvidence {
        EpisodeEvidence(names: entities.map { ($0.name, $0.kind == .person) }, overview: overview, chapterTexts: chapterTexts)
    }

    /// Page-form entities: `- **A** (T): d - **B** (T): d`, split where a new bold-name item starts.
    private mutating func readEntities(_ text: Substring, line: SourceText.Line) -> [Entity] {
        var starts: [String.Index] = []
        var searchFrom = text.startIndex
        while let range = text[searchFrom...].firstRange(ofASCII: "- **") {
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
                    .warning(
                        "summary.entity.malformed", "entity item without a bold name; kept whole as the name",
                        at: input.location(line: line.number, column: column)))
                entities.append(Entity(name: item.trimmingWhitespace(), type: "", description: ""))
            }
        }
        return entities
    }
}

/// A split the model was not sure of, kept for the `summary.heading.inferred` note.
struct UncertainSplit: Sendable {
    var timestamp: String
    var heading: String
    var probability: Double
    var runnerUp: String?
    var runnerUpProbability: Double
    var location: SourceLocation

    var description: String {
        let percent = { (value: Double) in "\(Int((value * 100).rounded()))%" }
        var text = "uncertain: [\(timestamp)] '\(heading)' (\(percent(probability)))"
        if let runnerUp { text += "; next best '\(runnerUp)' (\(percent(runnerUpProbability)))" }
        return text
    }
}

/// One chapter's candidate headings and their features, recorded for training (`features` is empty
/// when the text was a heading on its own).
package struct RecordedSplit: Sendable {
    /// The episode's position on the page, from 0.
    package var episode: Int
    package var chapter: Int
    package var language: String
    package var headings: [String]
    /// Per candidate: the named features' values, then the shape slots (each worth 1).
    package var named: [[Double]]
    package var shapeSlots: [[Int]]
}
