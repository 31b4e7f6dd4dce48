import QuireCommonMark
import QuireCore
import QuireXHTML

/// The template context for a page: the collection's title, preamble and channels, and the episodes
/// (each the episode markup's context plus its rendered `article` and the `href` that reaches it).
///
/// Built from the collection's header alone, so a streamed page can build each episode's context as
/// the episode arrives; the page's language is only known after the last one (`PageLanguage`).
struct PageView: Sendable {
    let header: CollectionHeader
    let templates: EpisodeTemplates
    let articleOptions: ArticleOptions

    init(header: CollectionHeader, templates: EpisodeTemplates, options: ConversionOptions) {
        self.header = header
        self.templates = templates
        self.articleOptions = ArticleOptions(
            unsafeHTML: options.flag(MarkupSettings.unsafeHTML), templates: templates, timeline: !options.flag(ArticleSettings.noTimeline))
    }

    init(collection: EpisodeCollection, templates: EpisodeTemplates, options: ConversionOptions) {
        self.init(
            header: CollectionHeader(title: collection.title, preamble: collection.preamble, channels: collection.channels),
            templates: templates, options: options)
    }

    static let untitled = "Podcast summaries"

    /// The best name an untitled collection offers: its one channel's title, else the site's brand its
    /// page chrome begins with. Shown with `data-untitled`, so reading the page back keeps no title.
    static func fallbackTitle(_ header: CollectionHeader) -> String? {
        let candidates = [header.channels.count == 1 ? header.channels[0].title : nil, PageChrome.siteName(preamble: header.preamble)]
        return candidates.compactMap { $0?.trimmingWhitespace() }.first { !$0.isEmpty }
    }

    /// The id prefix of episode `index` (0-based): `e1-`, `e2-`…, so ids stay unique on one page.
    static func idPrefix(_ index: Int) -> String { "e\(index + 1)-" }

    /// The context shared by every page: title, preamble, channels, labels, in `language`.
    func base(channels: [Channel], language: String) -> [String: Any] {
        let title = header.title ?? Self.fallbackTitle(header) ?? Self.untitled
        return [
            "lang": MarkupEscaping.attribute(language),
            "title": MarkupEscaping.text(title), "pageTitle": MarkupEscaping.text(title.isEmpty ? Self.untitled : title),
            "hasTitle": header.title != nil,
            "hasPreamble": !header.preamble.isEmpty,
            "preamble": header.preamble.map { ["text": MarkupEscaping.text($0)] },
            "hasChannels": !channels.isEmpty,
            "channels": channels.map(channelContext),
            "labels": ArticleLabels.labels(for: language),
            "stylesheet": false,
        ]
    }

    private func channelContext(_ channel: Channel) -> [String: Any] {
        var context = EpisodeView.channelContext(channel)
        // The list holds the links and the show's other details (author, artwork, categories).
        context["hasLinks"] =
            channel.feedURL != nil || channel.siteURL != nil || channel.author != nil || channel.image != nil || !channel.categories.isEmpty
        context["hasDescription"] = channel.description != nil
        return context
    }

    /// The header's channel named `title` (the first, as `EpisodeCollection.channel(named:)`).
    func channel(named title: String) -> Channel? {
        header.channels.first { $0.title == title }
    }

    /// The context of `episode`, the collection's episode `index` (0-based), with its rendered article;
    /// `href` reaches the article from the page.
    func episode(_ episode: Episode, at index: Int, href: ((String) -> String)? = nil) throws -> [String: Any] {
        let channel = episode.channel.flatMap(channel(named:))
        let prefix = Self.idPrefix(index)
        var context = EpisodeView.context(episode, channel: channel, idPrefix: prefix, options: articleOptions)
        do {
            // The shipped article templates are written directly (same bytes, without Mustache's lookups).
            context["article"] =
                articleOptions.templates.hasShippedArticleTemplates
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

/// A page's language, gathered one episode at a time: the one all episodes share, else the job's
/// `language` option, else "und" (undetermined).
struct PageLanguage {
    private var shared: String?
    private var isMixed = false

    mutating func include(_ episode: Episode) {
        guard let language = episode.language, !isMixed else { return }
        if shared == nil {
            shared = language
        } else if shared != language {
            isMixed = true
        }
    }

    func resolved(_ options: ConversionOptions) -> String {
        isMixed ? options.value(CommonSettings.language) ?? "und" : shared ?? options.value(CommonSettings.language) ?? "und"
    }
}
