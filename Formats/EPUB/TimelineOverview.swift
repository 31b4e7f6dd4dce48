import QuireCore
import QuireXHTML

/// The collection's shape at a glance, at the front of the book: each episode's title, linking to it,
/// above a small timeline of its chapters and quotes, so a whole channel's shape is visible at once.
///
/// Written as rows, one per episode: the stream writer renders each row as its episode arrives
/// (`OverviewRowSpool`), so it keeps no quote times for the end.
enum TimelineOverview {
    struct Row {
        var text: String
        /// The row draws a timeline: the overview is written only when some row does.
        var isDrawn: Bool
    }

    /// The episode's row. It reads the book's labels only for an untitled episode's name.
    static func row(_ episode: Episode, position: Int, labels: BookLabels) -> Row {
        let title = MarkupEscaping.text(TableOfContents.label(episode.title, fallback: labels.episode(position + 1)))
        let lang = episode.language.flatMap { LanguageTag.isWellFormed($0) ? $0 : nil }
        var text = "<li\(lang.map { " lang=\"\(MarkupEscaping.attribute($0))\" xml:lang=\"\(MarkupEscaping.attribute($0))\"" } ?? "")>"
        text += "<a href=\"\(PackageLayout.episode(position).href)\">\(title)</a>"
        var isDrawn = false
        if let timeline = EpisodeTimeline(episode) {
            let episodeLabels = ArticleLabels.labels(for: episode.language)
            text += "<div class=\"overview-timeline\">\(TimelineSVG.compact(timeline, of: episode, labels: episodeLabels))</div>"
            isDrawn = true
        }
        return Row(text: text + "</li>\n", isDrawn: isDrawn)
    }

    /// Everything before the rows.
    static func head(language: String, labels: BookLabels) -> String {
        XHTMLPage.head(title: labels.overview, language: language, bodyClass: "overview-page", stylesheets: labels.stylesheets)
            + "<section class=\"overview\">\n<h1>\(MarkupEscaping.text(labels.overview))</h1>\n<ol class=\"overview-list\">\n"
    }

    /// Everything after the rows.
    static let tail = "</ol>\n</section>" + XHTMLPage.tail

    /// Writes the whole collection's overview; `false`, writing nothing, when no episode has a timed
    /// chapter: there is nothing to draw.
    static func write(
        collection: EpisodeCollection, readingOrder: [Int], to document: GeneratedDocument, language: String, labels: BookLabels
    ) throws -> Bool {
        let rows = readingOrder.enumerated().map { position, index in row(collection.episodes[index], position: position, labels: labels) }
        guard rows.contains(where: \.isDrawn) else { return false }
        try document.append(head(language: language, labels: labels))
        for row in rows { try document.append(row.text) }
        try document.append(tail)
        return true
    }
}

/// The overview's rows written ahead of the book by the stream writer, in reading order, to a scratch
/// file. An episode whose row needs the book's labels (an untitled one, rendered with the episodes
/// that wait for the book's language) leaves a hole, filled when the overview is written.
final class OverviewRowSpool {
    private let output: StreamOutput
    /// Made with the first row.
    private var spool: SpoolFile?
    /// Reading positions whose rows are missing, with the offset in the spool where each belongs.
    private var holes: [(position: Int, offset: Int)] = []
    private(set) var drawnCount = 0

    init(output: StreamOutput) { self.output = output }

    func add(_ row: TimelineOverview.Row) throws {
        if spool == nil { spool = try output.makeSpool() }
        try spool!.write(row.text.utf8)
        if row.isDrawn { drawnCount += 1 }
    }

    func leaveHole(at position: Int) {
        holes.append((position, spool?.count ?? 0))
    }

    /// Writes the overview, the holes filled by `row`; `false`, writing nothing, when no row draws a
    /// timeline.
    func write(to document: GeneratedDocument, language: String, labels: BookLabels, row: (Int) throws -> TimelineOverview.Row) throws -> Bool {
        let filled = try holes.map { try row($0.position) }
        guard drawnCount + filled.count(where: \.isDrawn) > 0 else { return false }
        try document.append(TimelineOverview.head(language: language, labels: labels))
        var copied = 0
        for (hole, row) in zip(holes, filled) {
            try copy(copied..<hole.offset, to: document)
            try document.append(row.text)
            copied = hole.offset
        }
        try copy(copied..<(spool?.count ?? 0), to: document)
        try document.append(TimelineOverview.tail)
        return true
    }

    private func copy(_ range: Range<Int>, to document: GeneratedDocument) throws {
        guard let spool, !range.isEmpty else { return }
        let descriptor = try spool.flushedDescriptor()
        var chunk = [UInt8](repeating: 0, count: 1 << 18)
        var offset = range.lowerBound
        while offset < range.upperBound {
            let wanted = min(chunk.count, range.upperBound - offset)
            let read: Int
            do {
                read = try System.read(descriptor, into: &chunk, count: wanted, at: offset)
            } catch {
                throw ConversionFailure(.error("epub.stream.scratch", "cannot read back the overview's scratch file: \(error)"))
            }
            guard read > 0 else {
                throw ConversionFailure(.error("epub.stream.scratch", "cannot read back the overview's scratch file: it ended early"))
            }
            try chunk.withUnsafeBytes { try document.append(UnsafeRawBufferPointer(rebasing: $0[0..<read])) }
            offset += read
        }
    }
}
