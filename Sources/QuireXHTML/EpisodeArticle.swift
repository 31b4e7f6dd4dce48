import QuireCore
import QuireXML

/// One episode as an XHTML `<article>`, and back: the markup the HTML and EPUB formats share.
public enum EpisodeArticle {
    /// One episode as an `<article>` element: well-formed XHTML that is also valid HTML5 (void elements
    /// self-closed, only numeric character references or `&amp;` `&lt;` `&gt;` `&quot;`), every text
    /// escaped, ids prefixed with `idPrefix` so several articles can share a page. Rendered with the
    /// `episode` template of `options.templates`.
    public static func render(_ episode: Episode, channel: Channel?, idPrefix: String, options: ArticleOptions) throws -> String {
        if options.templates.hasShippedArticleTemplates {
            return DefaultArticleWriter.render(episode, channel: channel, idPrefix: idPrefix, options: options)
        }
        return try renderWithTemplates(episode, channel: channel, idPrefix: idPrefix, options: options)
    }

    /// Always through the `episode` template, even the shipped one (which `render` writes directly).
    static func renderWithTemplates(_ episode: Episode, channel: Channel?, idPrefix: String, options: ArticleOptions) throws -> String {
        try options.templates.render("episode", EpisodeView.context(episode, channel: channel, idPrefix: idPrefix, options: options))
    }

    /// The id `render` gives the article (`idPrefix` + `episode`), for links to it.
    public static func articleID(idPrefix: String) -> String { EpisodeView.safeIDPrefix(idPrefix) + "episode" }

    /// The id `render` gives chapter `index` (0-based) of the article.
    public static func chapterID(idPrefix: String, index: Int) -> String { EpisodeView.safeIDPrefix(idPrefix) + "chapter-\(index + 1)" }

    /// The id `render` gives the transcript section (`idPrefix` + `transcript`).
    public static func transcriptID(idPrefix: String) -> String { EpisodeView.safeIDPrefix(idPrefix) + "transcript" }

    /// Whether `episode` holds characters XHTML and HTML cannot carry (C0 controls), which `render`
    /// leaves out; writers warn about them.
    public static func containsUnwritableCharacters(_ episode: Episode) -> Bool {
        var texts = [episode.title, episode.summary, episode.channel ?? "", episode.language ?? ""]
        texts += [episode.metadata.url ?? "", episode.metadata.published ?? ""]
        texts += episode.metadata.extra.flatMap { [$0.key, $0.value] }
        texts += episode.chapters.flatMap { [$0.title, $0.body] + $0.quotes.map(\.text) }
        texts += episode.entities.flatMap { [$0.name, $0.type, $0.description, $0.role ?? "", $0.url ?? ""] }
        let metadata = episode.metadata
        texts += [metadata.guid ?? "", metadata.image ?? "", metadata.enclosure?.url ?? "", metadata.enclosure?.mediaType ?? ""]
        texts += ([metadata.chaptersLink].compactMap { $0 } + metadata.transcriptLinks).flatMap {
            [$0.url, $0.mediaType ?? "", $0.language ?? "", $0.rel ?? ""]
        }
        texts += episode.transcript?.segments.flatMap { [$0.speaker ?? "", $0.text] } ?? []
        return texts.contains(where: MarkupEscaping.containsUnwritable)
    }

    /// Episodes read back from a parsed (X)HTML tree (from `SafeHTMLParser` or `SafeXMLParser`): every
    /// article Quire wrote, exactly; other HTML (a pandoc page, a blog post, a novel's chapter) as one
    /// episode with chapters from its headings (`h1` → title, `h2`/`h3` → chapters without timestamps,
    /// text before the first heading → summary), with a warning; nothing dropped.
    ///
    /// Parse XHTML with `SafeXMLParser.parse(_:prefix:keepingWhitespace: true)`: by default the XML
    /// parser drops white space between elements, which inline markup needs (`<em>a</em> <b>b</b>`).
    public static func read(from root: XMLElement, input: InputFile, diagnostics: inout Diagnostics) -> [Episode] {
        var articles: [XMLElement] = []
        collectArticles(in: root, into: &articles)
        if !articles.isEmpty {
            var reader = ArticleReader(input: input, diagnostics: diagnostics)
            let episodes = articles.map { reader.episode(from: $0) }
            diagnostics = reader.diagnostics
            return episodes
        }
        var reader = ForeignHTMLReader(input: input)
        guard let episode = reader.read(root) else {
            diagnostics.report(.warning("html.empty", "the page has no text to read", at: input.location(line: root.line)))
            return []
        }
        diagnostics.report(
            .warning(
                "html.foreign",
                "this HTML was not written by Quire; read as one episode: its first heading is the title, the next ones are chapters without times",
                at: input.location(line: root.line)))
        return [episode]
    }

    /// Only the articles Quire wrote, in document order; no fallback for other HTML (a page Quire wrote
    /// for a collection without episodes has none).
    public static func readArticles(from root: XMLElement, input: InputFile, diagnostics: inout Diagnostics) -> [Episode] {
        var articles: [XMLElement] = []
        collectArticles(in: root, into: &articles)
        var reader = ArticleReader(input: input, diagnostics: diagnostics)
        let episodes = articles.map { reader.episode(from: $0) }
        diagnostics = reader.diagnostics
        return episodes
    }

    /// Whether the document says Quire wrote it (`<meta name="generator" content="Quire">`).
    public static func isWrittenByQuire(_ root: XMLElement) -> Bool {
        root.firstDescendant { $0.name.lowercased() == "meta" && $0.attribute("name")?.lowercased() == "generator" && $0.attribute("content") == "Quire" }
            != nil
    }

    /// Quire's articles in document order, nested ones too (a template may wrap one in another).
    private static func collectArticles(in element: XMLElement, into result: inout [XMLElement]) {
        for child in element.children {
            if child.name.lowercased() == "article" && child.hasClass("episode") { result.append(child) }
            collectArticles(in: child, into: &result)
        }
    }
}
