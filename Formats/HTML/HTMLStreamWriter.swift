import QuireCore
import QuireXHTML

extension HTMLWriter: StreamingFormatWriter {
    /// Streams the single page with the shipped templates. Declines a site (`split`: many files, not
    /// one output) and a user's templates (`template`: a replaced `page` may use any episode's variables
    /// anywhere, so it cannot be cut into per-episode pieces); those take the whole collection.
    public func streamWriter(options: ConversionOptions, output: StreamOutput) throws -> (any EpisodeStreamWriter)? {
        guard !options.flag(HTMLSettings.split), options.value(HTMLSettings.template) == nil else { return nil }
        return try HTMLStreamWriter(options: options, output: output)
    }
}

/// Writes the single page as episodes arrive, the same bytes as `HTMLWriter.write`.
///
/// The page's language and whether it has a table of contents are known only after the last episode,
/// and both sit before the first one's entry. So each batch's table-of-contents entries (the
/// `contents-entry` template) and articles go to two scratch files, and `finish` renders the rest of
/// the page from the `page` template (`PageLayout`) and joins the five parts. Memory holds one batch.
final class HTMLStreamWriter: EpisodeStreamWriter {
    private let output: StreamOutput
    private let options: ConversionOptions
    private var view: PageView?
    /// What the page template puts between two episodes' entries and articles, found at `begin`.
    private var separators: PageLayout.Separators?
    private var contentsEntries: SpoolFile?
    private var articles: SpoolFile?
    private var language = PageLanguage()
    private var episodeCount = 0
    private var hasWarnedAboutUnwritableCharacters = false

    init(options: ConversionOptions, output: StreamOutput) throws {
        self.options = options
        self.output = output
        contentsEntries = try output.makeSpool()
        articles = try output.makeSpool()
    }

    func begin(_ header: CollectionHeader, diagnostics: inout Diagnostics) throws {
        let view = PageView(header: header, templates: HTMLTemplates.shipped, options: options)
        self.view = view
        // The separators do not depend on the page's language, which is not known yet.
        separators = try PageLayout(page: view.base(channels: header.channels, language: "und")).separators
        if HTMLWriter.hasUnwritableCharacters(header) { warnAboutUnwritableCharacters(&diagnostics) }
    }

    func write(_ episodes: [Episode], diagnostics: inout Diagnostics) throws {
        guard let view, let separators, let contentsEntries, let articles else { preconditionFailure("HTMLStreamWriter.write before begin or after finish") }
        for (episode, rendered) in zip(episodes, try Self.render(episodes, from: episodeCount, with: view)) {
            if episodeCount > 0 {
                try contentsEntries.write(separators.contents)
                try articles.write(separators.articles)
            }
            try contentsEntries.write(rendered.contentsEntry)
            try articles.write(rendered.article)
            language.include(episode)
            if rendered.hasUnwritableCharacters { warnAboutUnwritableCharacters(&diagnostics) }
            episodeCount += 1
        }
    }

    func finish(diagnostics: inout Diagnostics) throws {
        guard let view, let contentsEntries, let articles else { preconditionFailure("HTMLStreamWriter.finish before begin or twice") }
        // The scratch files go once copied, however this ends.
        defer {
            self.contentsEntries = nil
            self.articles = nil
        }
        var context = view.base(channels: view.header.channels, language: language.resolved(options))
        guard episodeCount > 0 else {
            // Nothing was spooled: the page is the template's, without a table of contents.
            context["episodes"] = [[String: Any]]()
            context["hasContents"] = false
            try output.write(try HTMLTemplates.render("page", context, with: view.templates))
            return
        }
        let layout = try PageLayout(page: context)
        precondition(layout.separators == separators, "the page template writes text that depends on the page between episodes")
        try output.write(layout.beforeContents)
        try output.append(contentsEntries)
        try output.write(layout.betweenContentsAndArticles)
        try output.append(articles)
        try output.write(layout.afterArticles)
    }

    private func warnAboutUnwritableCharacters(_ diagnostics: inout Diagnostics) {
        guard !hasWarnedAboutUnwritableCharacters else { return }
        hasWarnedAboutUnwritableCharacters = true
        HTMLWriter.warnAboutUnwritableCharacters(diagnostics: &diagnostics)
    }

    /// One episode's parts of the page.
    struct RenderedEpisode {
        var contentsEntry: String
        var article: String
        var hasUnwritableCharacters: Bool
    }

    /// Renders `episodes`, the collection's from index `firstIndex` on, on all cores; results in order.
    static func render(_ episodes: [Episode], from firstIndex: Int, with view: PageView) throws -> [RenderedEpisode] {
        try concurrentMap(count: episodes.count) { slot in
            let context = try view.episode(episodes[slot], at: firstIndex + slot)
            return RenderedEpisode(
                contentsEntry: try HTMLTemplates.render("contents-entry", context, with: view.templates),
                article: context["article"] as! String,
                hasUnwritableCharacters: EpisodeArticle.containsUnwritableCharacters(episodes[slot]))
        }
    }
}

/// The single page cut around its two runs of per-episode parts (table-of-contents entries, articles),
/// taken from the real `page` template: it is rendered for two marker episodes, whose entry and
/// article are markers no rendered text can hold, and cut at the markers.
struct PageLayout {
    /// What the template writes between two consecutive episodes' parts.
    struct Separators: Equatable {
        var contents: [UInt8]
        var articles: [UInt8]
    }

    var beforeContents: [UInt8]
    var betweenContentsAndArticles: [UInt8]
    var afterArticles: [UInt8]
    var separators: Separators

    /// Cuts the page `page` renders to with the page's context `page` (everything but its episodes).
    init(page context: [String: Any]) throws {
        var context = context
        context["episodes"] = [1, 2].map { ["contentsMarker": Self.contentsMarker($0), "article": Self.articleMarker($0)] }
        context["hasContents"] = true
        let page = Array(try HTMLTemplates.render("page", context, with: Self.markerTemplates).utf8)
        let markers = [Self.contentsMarker(1), Self.contentsMarker(2), Self.articleMarker(1), Self.articleMarker(2)]
        // Each marker once: a template that wrote an episode's part twice could not be cut this way.
        precondition(page.count(where: { $0 == 0x01 }) == 2 * markers.count, "the page template writes an episode's part more than once")
        var pieces: [[UInt8]] = []
        var rest = page[...]
        for marker in markers {
            let marker = Array(marker.utf8)
            guard let start = Self.firstIndex(of: marker, in: rest) else {
                preconditionFailure("the page template does not write each episode's contents entry and article once, in order")
            }
            pieces.append(Array(rest[..<start]))
            rest = rest[(start + marker.count)...]
        }
        pieces.append(Array(rest))
        beforeContents = pieces[0]
        separators = Separators(contents: pieces[1], articles: pieces[3])
        betweenContentsAndArticles = pieces[2]
        afterArticles = pieces[4]
    }

    /// The shipped templates with the contents entry replaced by its marker.
    private static let markerTemplates: EpisodeTemplates = {
        do {
            return try HTMLTemplates.shipped.adding(["contents-entry": "{{{contentsMarker}}}"])
        } catch {
            preconditionFailure("the marker template does not compile: \(error)")
        }
    }()

    // U+0001 cannot be written in HTML: every rendered text leaves it out, so only the markers hold it.
    private static func contentsMarker(_ number: Int) -> String { "\u{1}quire-contents-entry-\(number)\u{1}" }
    private static func articleMarker(_ number: Int) -> String { "\u{1}quire-article-\(number)\u{1}" }

    private static func firstIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var start = haystack.startIndex
        while start + needle.count <= haystack.endIndex {
            if haystack[start] == needle[0] && haystack[start..<start + needle.count].elementsEqual(needle) { return start }
            start += 1
        }
        return nil
    }
}
