import QuireCore
import QuireXHTML

/// The collection's shape at a glance, at the front of the book: each episode's title, linking to it,
/// above a small timeline of its chapters and quotes, so a whole channel's shape is visible at once.
enum TimelineOverview {
    /// `nil` when no episode has a timed chapter: there is nothing to draw.
    static func document(collection: EpisodeCollection, readingOrder: [Int], language: String, labels: BookLabels) -> String? {
        var items = ""
        var drawn = 0
        for (position, index) in readingOrder.enumerated() {
            let episode = collection.episodes[index]
            let title = MarkupEscaping.text(TableOfContents.label(episode.title, fallback: labels.episode(position + 1)))
            let lang = episode.language.flatMap { LanguageTag.isWellFormed($0) ? $0 : nil }
            items += "<li\(lang.map { " lang=\"\(MarkupEscaping.attribute($0))\" xml:lang=\"\(MarkupEscaping.attribute($0))\"" } ?? "")>"
            items += "<a href=\"\(PackageLayout.episode(position).href)\">\(title)</a>"
            if let timeline = EpisodeTimeline(episode) {
                let episodeLabels = ArticleLabels.labels(for: episode.language)
                items += "<div class=\"overview-timeline\">\(TimelineSVG.compact(timeline, of: episode, labels: episodeLabels))</div>"
                drawn += 1
            }
            items += "</li>\n"
        }
        guard drawn > 0 else { return nil }
        let body = "<section class=\"overview\">\n<h1>\(MarkupEscaping.text(labels.overview))</h1>\n<ol class=\"overview-list\">\n\(items)</ol>\n</section>"
        return XHTMLPage.document(title: labels.overview, language: language, bodyClass: "overview-page", body: body)
    }
}
