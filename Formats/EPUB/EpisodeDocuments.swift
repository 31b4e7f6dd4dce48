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

    /// An episode and its place in the reading order.
    struct Placed: Sendable {
        var position: Int
        var episode: Episode
    }

    /// Renders `episodes` on all cores; results come back in the same order. `language` and `labels`
    /// are the book's, which an episode's document uses only when it has no well-formed language of
    /// its own (`dependsOnBook`).
    static func render(
        _ episodes: [Placed], channels: [Channel], language: String, labels: BookLabels, options: ArticleOptions
    ) throws -> [Document] {
        try concurrentMap(count: episodes.count) { slot in
            let (position, episode) = (episodes[slot].position, episodes[slot].episode)
            let article = try EpisodeArticle.render(
                episode, channel: episode.channel.flatMap { name in channels.first { $0.title == name } }, idPrefix: EPUBWriter.idPrefix,
                options: options)
            let documentLanguage = episode.language.flatMap { LanguageTag.isWellFormed($0) ? $0 : nil } ?? language
            let text = XHTMLPage.document(
                title: TableOfContents.label(episode.title, fallback: labels.episode(position + 1)), language: documentLanguage,
                bodyClass: "episode", stylesheets: labels.stylesheets, body: article)
            var digest = ContentIdentifier()
            digest.add(text)
            return Document(
                entry: try ZipWriter.PrecompressedEntry.deflate(
                    PackageLayout.episode(position).path, text: text, level: PackageAssembly.textLevel),
                digest: digest.bytes, hasUnwritableText: EpisodeArticle.containsUnwritableCharacters(episode),
                hasTimeline: options.timeline && EpisodeTimeline(episode) != nil)
        }
    }

    /// Whether the episode's document depends on the book's language: it has no well-formed language
    /// of its own (the document's falls back to the book's) or no title to show (it is named with
    /// the book's labels, `Episode 3`).
    static func dependsOnBook(_ episode: Episode) -> Bool {
        !(episode.language.map(LanguageTag.isWellFormed) ?? false) || TableOfContents.label(episode.title, fallback: "").isEmpty
    }
}
