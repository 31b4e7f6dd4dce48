import QuireCore

/// The shipped `episode`, `chapter` and `timeline` templates, compiled by hand into string building:
/// the same bytes as Mustache renders from `EpisodeView`, without its dynamic lookups (most of an
/// EPUB's writing time on a 2,000-episode book). Used only while those three templates are the
/// shipped ones; `DefaultArticleWriterTests` holds it to Mustache's output byte for byte, so a change
/// to a template fails there until this follows it.
struct DefaultArticleWriter {
    let episode: Episode
    let channel: Channel?
    let prefix: String
    let options: ArticleOptions
    let labels: [String: String]
    private(set) var output = ""

    init(_ episode: Episode, channel: Channel?, idPrefix: String, options: ArticleOptions) {
        self.episode = episode
        self.channel = channel
        self.prefix = EpisodeView.safeIDPrefix(idPrefix)
        self.options = options
        self.labels = ArticleLabels.labels(for: episode.language)
        output.reserveCapacity(4096 + episode.summary.utf8.count * 2 + episode.chapters.count * 512)
    }

    static func render(_ episode: Episode, channel: Channel?, idPrefix: String, options: ArticleOptions) -> String {
        var writer = DefaultArticleWriter(episode, channel: channel, idPrefix: idPrefix, options: options)
        writer.writeArticle()
        return writer.output
    }

    private mutating func writeArticle() {
        output += "<article class=\"episode\" id=\"\(prefix)episode\""
        if let language = episode.language { output += " lang=\"\(MarkupEscaping.attribute(language))\"" }
        if EpisodeView.isRightToLeft(episode.language) { output += " dir=\"rtl\"" }
        output += ">\n<header class=\"episode-header\">\n<h2 class=\"episode-title\">\(MarkupEscaping.text(episode.title))</h2>\n"
        writeMetadata()
        output += "</header>\n"
        if options.timeline, let timeline = TimelineView(episode, idPrefix: prefix, labels: labels) { writeTimeline(timeline) }
        let summary = paragraphs(episode.summary)
        if !summary.isEmpty {
            output += "<div class=\"summary\">\n"
            for paragraph in summary { write(paragraph) }
            output += "</div>\n"
        }
        for (index, chapter) in episode.chapters.enumerated() { writeChapter(chapter, index: index) }
        if !episode.entities.isEmpty { writeEntities() }
        output += "</article>\n"
    }

    private mutating func writeMetadata() {
        let metadata = episode.metadata
        guard episode.channel != nil || !metadata.isEmpty else { return }
        output += "<dl class=\"episode-metadata\">\n"
        if let name = episode.channel {
            output += "<dt>\(labels["channel"]!)</dt><dd class=\"episode-channel\">"
            if let site = channel?.siteURL, EpisodeView.isSafeLink(site) {
                output += "<a href=\"\(MarkupEscaping.attribute(site))\">\(MarkupEscaping.text(name))</a>"
            } else {
                output += MarkupEscaping.text(name)
            }
            output += "</dd>\n"
        }
        if let published = metadata.published {
            output += "<dt>\(labels["published"]!)</dt><dd class=\"episode-published\">"
            output +=
                EpisodeView.isValidDate(published)
                ? "<time datetime=\"\(published)\">\(MarkupEscaping.text(published))</time>" : MarkupEscaping.text(published)
            output += "</dd>\n"
        }
        if let duration = metadata.duration {
            output += "<dt>\(labels["duration"]!)</dt><dd class=\"episode-duration\">\(time(duration))</dd>\n"
        }
        if let url = metadata.url {
            output += "<dt>\(labels["link"]!)</dt><dd class=\"episode-url\">"
            output += EpisodeView.isSafeLink(url) ? "<a href=\"\(MarkupEscaping.attribute(url))\">\(MarkupEscaping.text(url))</a>" : MarkupEscaping.text(url)
            output += "</dd>\n"
        }
        for field in metadata.extra {
            output += "<dt class=\"extra-key\">\(MarkupEscaping.text(field.key))</dt><dd class=\"extra-value\">\(MarkupEscaping.text(field.value))</dd>\n"
        }
        output += "</dl>\n"
    }

    private mutating func writeTimeline(_ timeline: TimelineView) {
        output += "<figure class=\"timeline\" id=\"\(timeline.id)\">\n\(timeline.svg)\n<ol class=\"timeline-legend\">\n"
        for segment in timeline.segments {
            output +=
                "<li><a href=\"\(segment.href)\">\(time(segment.start)) \(segment.title)</a> <span class=\"timeline-length\">\(segment.length)</span></li>\n"
        }
        output += "</ol>\n<figcaption class=\"timeline-caption\">\(timeline.label)</figcaption>\n</figure>\n"
    }

    private mutating func writeChapter(_ chapter: Chapter, index: Int) {
        output += "<section class=\"chapter\" id=\"\(prefix)chapter-\(index + 1)\"\(chapter.isRecovered ? " data-recovered=\"true\"" : "")>\n"
        output += "<h3 class=\"chapter-heading\">"
        if let start = chapter.start {
            output += "<time class=\"chapter-start\" datetime=\"\(Timestamp.isoDuration(fromSeconds: start))\">\(Timestamp.string(fromSeconds: start))</time> "
        }
        output += "<span class=\"chapter-title\">\(MarkupEscaping.text(chapter.title))</span></h3>\n"
        if chapter.isRecovered { output += "<p class=\"recovered-note\">\(labels["recovered"]!)</p>\n" }
        let body = paragraphs(chapter.body)
        if !body.isEmpty {
            output += "<div class=\"chapter-body\">\n"
            for paragraph in body { write(paragraph) }
            output += "</div>\n"
        }
        for quote in chapter.quotes {
            output += "<blockquote class=\"quote\">\n"
            for paragraph in paragraphs(quote.text) { write(paragraph) }
            if let seconds = quote.time {
                output +=
                    "<footer><time class=\"quote-time\" datetime=\"\(Timestamp.isoDuration(fromSeconds: seconds))\">\(Timestamp.string(fromSeconds: seconds))</time></footer>\n"
            }
            output += "</blockquote>\n"
        }
        output += "</section>\n"
    }

    private mutating func writeEntities() {
        output += "<section class=\"entities\" id=\"\(prefix)entities\">\n<h3>\(labels["entities"]!)</h3>\n<dl class=\"entity-list\">\n"
        for entity in episode.entities {
            output += "<div class=\"entity\">\n<dt class=\"entity-name\">\(MarkupEscaping.text(entity.name))</dt>\n"
            if !entity.type.isEmpty { output += "<dd class=\"entity-type\">\(MarkupEscaping.text(entity.type))</dd>\n" }
            let description = paragraphs(entity.description)
            if !description.isEmpty {
                output += "<dd class=\"entity-description\">"
                for paragraph in description { output += "<p\(paragraph.markdownAttribute)>\(paragraph.html)</p>" }
                output += "</dd>\n"
            }
            if entity.type.isEmpty && description.isEmpty { output += "<dd class=\"entity-empty\"></dd>\n" }
            output += "</div>\n"
        }
        output += "</dl>\n</section>\n"
    }

    private func paragraphs(_ text: String) -> [RenderedParagraph] {
        InlineMarkupWriter.paragraphs(text, unsafeHTML: options.unsafeHTML)
    }

    private mutating func write(_ paragraph: RenderedParagraph) {
        output += "<p\(paragraph.markdownAttribute)>\(paragraph.html)</p>\n"
    }

    /// `<time datetime="PT1M36S">01:36</time>`.
    private func time(_ seconds: Int) -> String {
        "<time datetime=\"\(Timestamp.isoDuration(fromSeconds: seconds))\">\(Timestamp.string(fromSeconds: seconds))</time>"
    }
}
