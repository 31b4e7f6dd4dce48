import Dispatch
import QuireCore
import QuireXHTML
import QuireZip

/// Episode documents, rendered in parallel: the bulk of a book's work.
enum EpisodeDocuments {
    /// One episode's document, with what the serial part of the writer needs to know about it.
    struct Document {
        /// Deflated on the worker: the book holds compressed bytes only, and compresses on all cores.
        var entry: ZipWriter.PrecompressedEntry
        /// The document's own content digest, computed on the worker.
        var digest: [UInt8]
        var hasUnwritableText: Bool
        /// The document draws the episode's timeline (inline SVG).
        var hasTimeline: Bool
    }

    /// Episodes rendered at once: enough to keep every core busy, few enough to bound memory.
    static let batchSize = 64

    /// Renders the episodes at reading `positions` on all cores; results come back in `positions` order.
    static func render(
        _ positions: [Int], collection: EpisodeCollection, readingOrder: [Int], language: String, labels: BookLabels, options: ArticleOptions
    ) throws -> [Document] {
        let results = RenderResults(count: positions.count)
        DispatchQueue.concurrentPerform(iterations: positions.count) { slot in
            let episode = collection.episodes[readingOrder[positions[slot]]]
            let result = Result { () throws -> Document in
                let article = try EpisodeArticle.render(
                    episode, channel: episode.channel.flatMap { collection.channel(named: $0) }, idPrefix: EPUBWriter.idPrefix, options: options)
                let documentLanguage = episode.language.flatMap { LanguageTag.isWellFormed($0) ? $0 : nil } ?? language
                let text = XHTMLPage.document(
                    title: TableOfContents.label(episode.title, fallback: labels.episode(positions[slot] + 1)), language: documentLanguage,
                    bodyClass: "episode", body: article)
                var digest = ContentIdentifier()
                digest.add(text)
                return Document(
                    entry: try ZipWriter.PrecompressedEntry.deflate(
                        PackageLayout.episode(positions[slot]).path, text: text, level: PackageAssembly.textLevel),
                    digest: digest.bytes, hasUnwritableText: EpisodeArticle.containsUnwritableCharacters(episode),
                    hasTimeline: options.timeline && EpisodeTimeline(episode) != nil)
            }
            results.store(result, at: slot)
        }
        return try results.values()
    }
}

/// Results written by concurrent workers, each to its own slot, read once all have finished.
private final class RenderResults: @unchecked Sendable {
    private var slots: [Result<EpisodeDocuments.Document, any Error>?]
    private let lock = DispatchQueue(label: "quire.epub.render")

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ result: Result<EpisodeDocuments.Document, any Error>, at index: Int) { lock.sync { slots[index] = result } }

    func values() throws -> [EpisodeDocuments.Document] { try slots.map { try $0!.get() } }
}
