import QuireCore
import QuireXHTML

/// Writes one standalone HTML5 page for a collection, or with `--split` a small site: `index.html`,
/// a page per episode under `episodes/` and a shared `style.css`. Options: `template` (a folder of
/// `*.mustache` replacements), `unsafe-html` (let raw HTML in the inline markup through), `split`.
public struct HTMLWriter: FolderWriter {
    public init() {}

    public func write(_ collection: EpisodeCollection, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> [UInt8] {
        let templates = try HTMLTemplates.load(options, diagnostics: &diagnostics)
        warnAboutUnwritableCharacters(collection, diagnostics: &diagnostics)
        let view = PageView(collection: collection, templates: templates, options: options)
        var context = view.base(channels: collection.channels, language: Self.pageLanguage(collection, options))
        let episodes = try collection.episodes.enumerated().map { try view.episode($1, at: $0) }
        context["episodes"] = episodes
        context["hasContents"] = !episodes.isEmpty
        return Array(try HTMLTemplates.render("page", context, with: templates).utf8)
    }

    public func writesFolder(options: ConversionOptions) -> Bool { options.flag(HTMLSettings.split) }

    public func writeFolder(_ collection: EpisodeCollection, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> [OutputFile]? {
        guard writesFolder(options: options) else { return nil }
        let templates = try HTMLTemplates.load(options, diagnostics: &diagnostics)
        warnAboutUnwritableCharacters(collection, diagnostics: &diagnostics)
        let view = PageView(collection: collection, templates: templates, options: options)
        let paths = collection.episodes.indices.map {
            SplitFileNames.episodePage(index: $0, title: collection.episodes[$0].title, count: collection.episodes.count)
        }
        let pageName = { (index: Int) in String(paths[index].split(separator: "/").last!) }

        var files: [OutputFile] = []
        let language = Self.pageLanguage(collection, options)
        var index = view.base(channels: collection.channels, language: language)
        index["stylesheet"] = "style.css"
        index["episodes"] = try collection.episodes.enumerated().map { position, episode in
            try view.episode(episode, at: position, href: { _ in paths[position] })
        }
        index["hasContents"] = !collection.episodes.isEmpty
        files.append(OutputFile(path: "index.html", bytes: Array(try HTMLTemplates.render("index", index, with: templates).utf8)))

        for position in collection.episodes.indices {
            let episode = collection.episodes[position]
            // Each page carries its episode's channel, so one page read alone keeps it.
            let channels = episode.channel.flatMap { collection.channel(named: $0) }.map { [$0] } ?? []
            var page = view.base(channels: channels, language: language)
            let episodeContext = try view.episode(episode, at: position)
            page["pageTitle"] = episodeContext["title"]
            // The page is in its episode's language, so its navigation labels and fonts are too.
            if let language = episode.language {
                page["lang"] = MarkupEscaping.attribute(language)
                page["labels"] = ArticleLabels.labels(for: language)
            }
            page["stylesheet"] = "../style.css"
            page["indexHref"] = "../index.html"
            page["hasPreamble"] = false
            page["episodes"] = [episodeContext]
            page["previous"] = position > 0 ? neighbour(position - 1, collection, pageName) : false
            page["next"] = position + 1 < collection.episodes.count ? neighbour(position + 1, collection, pageName) : false
            files.append(OutputFile(path: paths[position], bytes: Array(try HTMLTemplates.render("episode-page", page, with: templates).utf8)))
        }
        files.append(OutputFile(path: "style.css", bytes: Array(try HTMLTemplates.render("style", [:], with: templates).utf8)))
        return files
    }

    private func neighbour(_ index: Int, _ collection: EpisodeCollection, _ pageName: (Int) -> String) -> [String: Any] {
        ["href": MarkupEscaping.attribute(pageName(index)), "title": MarkupEscaping.text(collection.episodes[index].title)]
    }

    /// The page's language: the one all episodes share, else the job's, else "undetermined".
    private static func pageLanguage(_ collection: EpisodeCollection, _ options: ConversionOptions) -> String {
        var language = PageLanguage()
        for episode in collection.episodes { language.include(episode) }
        return language.resolved(options)
    }

    private func warnAboutUnwritableCharacters(_ collection: EpisodeCollection, diagnostics: inout Diagnostics) {
        let header = CollectionHeader(title: collection.title, preamble: collection.preamble, channels: collection.channels)
        if Self.hasUnwritableCharacters(header) || collection.episodes.contains(where: EpisodeArticle.containsUnwritableCharacters) {
            Self.warnAboutUnwritableCharacters(diagnostics: &diagnostics)
        }
    }

    /// Whether the title, preamble or channels hold characters HTML cannot carry.
    static func hasUnwritableCharacters(_ header: CollectionHeader) -> Bool {
        let texts =
            [header.title ?? ""] + header.preamble
            + header.channels.flatMap {
                [$0.title, $0.feedURL ?? "", $0.siteURL ?? "", $0.description ?? "", $0.image ?? "", $0.author ?? ""] + $0.categories
            }
        return texts.contains(where: MarkupEscaping.containsUnwritable)
    }

    /// Reported once per output, however many texts lost characters.
    static func warnAboutUnwritableCharacters(diagnostics: inout Diagnostics) {
        diagnostics.report(.warning("html.control-characters", "control characters cannot be written in HTML and were left out"))
    }
}
