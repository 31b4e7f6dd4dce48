import QuireCore
import QuireXHTML
import QuireZip

extension EPUBWriter: StreamingFormatWriter {
    /// Declines `--order published`, the one reading order that sorts the episodes. `--order channel`
    /// and `--group-by channel` stream: they sort by channel, and streamed episodes all have the same
    /// one (the stream's `--channel`, or none), so the reading order is the input order; `finish`
    /// checks that it is before writing anything.
    public func streamWriter(options: ConversionOptions, output: StreamOutput) throws -> (any EpisodeStreamWriter)? {
        let settings = try EPUBSettings(options)
        // The kindle profile checks the finished book's bytes, which a stream writes straight to its output.
        guard settings.order != .published, settings.profile != .kindle else { return nil }
        return EPUBStreamWriter(settings: settings, output: output)
    }
}

/// Writes an EPUB as episodes arrive, the same bytes as `EPUBWriter.write` for the whole collection.
///
/// The archive is written at `finish`, when the front matter (which counts the episodes and is in
/// the book's language, the most frequent episode language) and the navigation can be made.
/// Until then memory holds:
/// - an outline of every episode: what the title page and package document read (titles, languages,
///   channels, dates), not summaries or bodies;
/// - the contents' outline: titles and chapter counts; the chapters go to a scratch file (`ContentsOutline`);
/// - the entity index, and each document's place in the scratch archives and its 16-byte digest;
/// - nothing of the overview: its rows are written to a scratch file as the episodes arrive;
/// - at most one scratch archive's worth of compressed documents (`EpisodeDocumentSpool`);
/// - whole, the episodes whose documents depend on the book's language, rendered at `finish`:
///   those with no well-formed language of their own or no title, when `--language` is not given.
///   Rare from summary text, whose reader detects every episode's language, but a JSON collection
///   with no languages is held whole, as `write` would hold it.
final class EPUBStreamWriter: EpisodeStreamWriter {
    private let settings: EPUBSettings
    private let output: StreamOutput
    private let articleOptions: ArticleOptions
    private let spool: EpisodeDocumentSpool
    private var header = CollectionHeader()
    /// Loaded at `begin`, so a bad cover is reported before the episodes, as `write` reports it.
    private var cover: CoverImage?
    private var outline: [Episode] = []
    /// Its chapters spooled from `begin`.
    private var contents = ContentsOutline()
    /// `nil` without `--timeline`.
    private let overviewRows: OverviewRowSpool?
    private var index = EntityIndex()
    /// By reading position; `nil` while the document waits in `deferred`.
    private var placements: [EpisodeDocumentSpool.Placement?] = []
    private var deferred: [EpisodeDocuments.Placed] = []
    private var hasUnwritableText = false

    init(settings: EPUBSettings, output: StreamOutput, documentsPerArchive: Int = EpisodeDocumentSpool.defaultDocumentsPerArchive) {
        self.settings = settings
        self.output = output
        articleOptions = ArticleOptions(unsafeHTML: settings.unsafeHTML, timeline: settings.timeline, collapsibleTranscript: false)
        spool = EpisodeDocumentSpool(output: output, documentsPerArchive: documentsPerArchive)
        overviewRows = settings.timeline ? OverviewRowSpool(output: output) : nil
    }

    /// The scratch archives written so far (for tests).
    var spoolArchiveCount: Int { spool.archives.count }

    func begin(_ header: CollectionHeader, diagnostics: inout Diagnostics) throws {
        self.header = header
        contents = ContentsOutline(spool: try output.makeSpool())
        cover = settings.coverPath.flatMap { CoverImage.load($0, diagnostics: &diagnostics) }
    }

    func write(_ episodes: [Episode], diagnostics: inout Diagnostics) throws {
        // Documents that do not depend on the book never read its language or labels: any will do.
        let language = settings.language ?? "und"
        let labels = BookLabels(language: language, stylesheets: settings.metadata.stylesheetHrefs)
        var ready: [EpisodeDocuments.Placed] = []
        for episode in episodes {
            let position = outline.count
            outline.append(Self.outline(of: episode, position: position))
            try contents.append(episode)
            index.add(episode, at: position)
            placements.append(nil)
            // With `--language` the book's language and labels are known now.
            if settings.language == nil && EpisodeDocuments.dependsOnBook(episode) {
                deferred.append(EpisodeDocuments.Placed(position: position, episode: episode))
                overviewRows?.leaveHole(at: position)
            } else {
                ready.append(EpisodeDocuments.Placed(position: position, episode: episode))
                // An overview row reads the labels only for an untitled episode, which waits.
                try overviewRows?.add(TimelineOverview.row(episode, position: position, labels: labels))
            }
        }
        try render(ready, language: language, labels: labels)
    }

    func finish(diagnostics: inout Diagnostics) throws {
        let collection = header.collection(episodes: outline)
        outline = []
        let readingOrder = ReadingOrder.indices(for: collection, settings: settings)
        guard readingOrder == Array(collection.episodes.indices) else {
            throw ConversionFailure(
                .error(
                    "epub.stream.order",
                    "the episodes of this stream are not in the reading order \(EPUBSettings.order.mention) or \(EPUBSettings.groupBy.mention) asks for; convert without streaming"
                ))
        }
        let waiting = Dictionary(uniqueKeysWithValues: deferred.map { ($0.position, $0.episode) })
        let book = try EPUBWriter.assemble(
            collection, readingOrder: readingOrder, settings: settings, cover: cover, index: index, contents: contents, spoolingTo: output,
            overview: { [overviewRows] document, language, labels in
                guard let overviewRows else { return false }
                return try overviewRows.write(to: document, language: language, labels: labels) { position in
                    guard let episode = waiting[position] else {
                        throw ConversionFailure(.error("epub.stream.missing", "the overview's row for episode \(position + 1) was never written"))
                    }
                    return TimelineOverview.row(episode, position: position, labels: labels)
                }
            },
            diagnostics: &diagnostics
        ) { book, language, labels in
            try render(deferred, language: language, labels: labels)
            deferred = []
            try spool.flush()
            for (position, placement) in placements.enumerated() {
                guard let placement else {
                    throw ConversionFailure(.error("epub.stream.missing", "episode \(position + 1) was never rendered"))
                }
                try book.addEpisode(at: position, spooled: placement, from: spool.archives[placement.archive])
            }
            return hasUnwritableText
        }
        try output.withFileDescriptor { descriptor in try book.archive.finish(into: descriptor) }
    }

    /// Renders documents in parallel batches into the spool.
    private func render(_ episodes: [EpisodeDocuments.Placed], language: String, labels: BookLabels) throws {
        for batchStart in stride(from: 0, to: episodes.count, by: EpisodeDocuments.batchSize) {
            let batch = Array(episodes[batchStart..<min(batchStart + EpisodeDocuments.batchSize, episodes.count)])
            let documents = try EpisodeDocuments.render(batch, channels: header.channels, language: language, labels: labels, options: articleOptions)
            for (placed, document) in zip(batch, documents) {
                hasUnwritableText = hasUnwritableText || document.hasUnwritableText
                placements[placed.position] = try spool.add(document)
            }
        }
    }

    /// What of an episode the book needs after its document is written: what `EPUBWriter.assemble`
    /// reads of the collection besides the documents, the contents and the overview. Entities go to
    /// the index, chapters to the contents' outline and overview rows to their spool as they come.
    static func outline(of episode: Episode, position: Int) -> Episode {
        Episode(
            title: episode.title, channel: episode.channel, language: episode.language,
            // The book's language is guessed from the first summaries when no episode has one.
            summary: position < LanguageTag.detectionSample ? episode.summary : "",
            metadata: EpisodeMetadata(published: episode.metadata.published))
    }
}
