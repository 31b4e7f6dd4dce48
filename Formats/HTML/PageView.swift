import QuireCore
import QuireXHTML

/// The template context for a page: the collection's title, preamble and channels, and the episodes
/// (each the episode markup's context plus its rendered `article` and the `href` that reaches it).
struct PageView {
    let collection: EpisodeCollection
    let templates: EpisodeTemplates
    let articleOptions: ArticleOptions
    let language: String

    init(collection: EpisodeCollection, templates: EpisodeTemplates, options: ConversionOptions) {
        self.collection = collection
        self.templates = templates
        self.articleOptions = ArticleOptions(unsafeHTML: options.flag("unsafe-html"), templates: templates, timeline: !options.flag("no-timeline"))
        // The page's language: the one all episodes share, else the job's, else "undetermined".
        let languages = Set(collection.episodes.compactMap(\.language))
        language = languages.count == 1 ? languages.first! : options["language"] ?? "und"
    }

    static let untitled = "Podcast summaries"

    /// The id prefix of episode `index` (0-based): `e1-`, `e2-`…, so ids stay unique on one page.
    static func idPrefix(_ index: Int) -> String { "e\(index + 1)-" }

    /// The context shared by every page: title, preamble, channels, labels.
    func base(channels: [Channel]) -> [String: Any] {
        let title = collection.title ?? Self.untitled
        return [
            "lang": MarkupEscaping.attribute(language),
            "title": MarkupEscaping.text(title), "pageTitle": MarkupEscaping.text(title.isEmpty ? Self.untitled : title),
            "hasTitle": collection.title != nil,
            "hasPreamble": !collection.preamble.isEmpty,
            "preamble": collection.preamble.map { ["text": MarkupEscaping.text($0)] },
            "hasChannels": !channels.isEmpty,
            "channels": channels.map(channelContext),
            "labels": ArticleLabels.labels(for: language),
            "stylesheet": false,
        ]
    }

    private func channelContext(_ channel: Channel) -> [String: Any] {
        var context = EpisodeView.channelContext(channel)
        context["hasLinks"] = channel.feedURL != nil || channel.siteURL != nil
        context["hasDescription"] = channel.description != nil
        return context
    }

    /// Episode `index`'s context with its rendered article; `href` reaches the article from the page.
    func episode(_ index: Int, href: ((String) -> String)? = nil) throws -> [String: Any] {
        let episode = collection.episodes[index]
        let channel = episode.channel.flatMap { collection.channel(named: $0) }
        let prefix = Self.idPrefix(index)
        var context = EpisodeView.context(episode, channel: channel, idPrefix: prefix, options: articleOptions)
        do {
            // The shipped article templates are written directly (same bytes, without Mustache's lookups).
            context["article"] = articleOptions.templates.hasShippedArticleTemplates
                ? try EpisodeArticle.render(episode, channel: channel, idPrefix: prefix, options: articleOptions)
                : try templates.render("episode", context)
        } catch let error as TemplateError {
            throw ConversionFailure(.error("html.template", error.message, at: SourceLocation(file: error.file)))
        }
        let articleID = EpisodeArticle.articleID(idPrefix: prefix)
        context["href"] = href.map { $0(articleID) } ?? "#" + articleID
        context["channelName"] = episode.channel.map { MarkupEscaping.text($0) } ?? false
        context["published"] = episode.metadata.published.map { MarkupEscaping.text($0) } ?? false
        return context
    }
}
