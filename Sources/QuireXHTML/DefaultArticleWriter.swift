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
        if let transcript = episode.transcript { writeTranscript(transcript) }
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
        if metadata.season != nil || metadata.number != nil {
            output += "<dt>\(labels["series"]!)</dt><dd class=\"episode-numbering\">"
            if let season = metadata.season {
                output += "<span class=\"episode-season\" data-season=\"\(season)\">\(ArticleLabels.season(season, language: episode.language))</span>"
            }
            if metadata.season != nil && metadata.number != nil { output += " · " }
            if let number = metadata.number {
                output += "<span class=\"episode-number\" data-number=\"\(number)\">\(ArticleLabels.episodeNumber(number, language: episode.language))</span>"
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
        if let explicit = metadata.explicit {
            output +=
                "<dt>\(labels["rating"]!)</dt><dd class=\"episode-explicit\" data-explicit=\"\(explicit)\">\(labels[explicit ? "explicit" : "clean"]!)</dd>\n"
        }
        if let enclosure = metadata.enclosure {
            output += "<dt>\(labels["media"]!)</dt><dd class=\"episode-enclosure\" data-url=\"\(MarkupEscaping.attribute(enclosure.url))\""
            if let type = enclosure.mediaType { output += " data-type=\"\(MarkupEscaping.attribute(type))\"" }
            if let length = enclosure.length { output += " data-length=\"\(length)\"" }
            output +=
                EpisodeView.isSafeLink(enclosure.url)
                ? "><a href=\"\(MarkupEscaping.attribute(enclosure.url))\">\(labels[FeedMarkup.isVideo(enclosure) ? "watch" : "listen"]!)</a>"
                : ">\(MarkupEscaping.text(enclosure.url))"
            if let details = FeedMarkup.enclosureDetails(enclosure) { output += " <span class=\"enclosure-details\">(\(details))</span>" }
            output += "</dd>\n"
        }
        if let url = metadata.url { writeLinkField(label: "link", class: "episode-url", url) }
        if let image = metadata.image { writeLinkField(label: "artwork", class: "episode-image", image) }
        if let link = metadata.chaptersLink {
            output += "<dt>\(labels["chaptersFile"]!)</dt>"
            writeMediaLink(link, class: "episode-chapters-link")
        }
        if !metadata.transcriptLinks.isEmpty {
            output += "<dt>\(labels["transcripts"]!)</dt>\n"
            for link in metadata.transcriptLinks { writeMediaLink(link, class: "episode-transcript-link") }
        }
        if let guid = metadata.guid {
            output += "<dt>\(labels["guid"]!)</dt><dd class=\"episode-guid\">\(MarkupEscaping.text(guid))</dd>\n"
        }
        for field in metadata.extra {
            output += "<dt class=\"extra-key\">\(MarkupEscaping.text(field.key))</dt><dd class=\"extra-value\">\(MarkupEscaping.text(field.value))</dd>\n"
        }
        output += "</dl>\n"
    }

    /// `<dt>` and a `<dd>` holding the address, a link when it is safe to follow.
    private mutating func writeLinkField(label: String, class name: String, _ url: String) {
        output += "<dt>\(labels[label]!)</dt><dd class=\"\(name)\">"
        writeLink(url)
        output += "</dd>\n"
    }

    private mutating func writeLink(_ url: String) {
        output += EpisodeView.isSafeLink(url) ? "<a href=\"\(MarkupEscaping.attribute(url))\">\(MarkupEscaping.text(url))</a>" : MarkupEscaping.text(url)
    }

    /// A transcript or chapters link as a `<dd>`: every field in `data-*` attributes, the address shown.
    private mutating func writeMediaLink(_ link: MediaLink, class name: String) {
        output += "<dd class=\"\(name)\" data-url=\"\(MarkupEscaping.attribute(link.url))\""
        if let type = link.mediaType { output += " data-type=\"\(MarkupEscaping.attribute(type))\"" }
        if let language = link.language { output += " data-lang=\"\(MarkupEscaping.attribute(language))\"" }
        if let rel = link.rel { output += " data-rel=\"\(MarkupEscaping.attribute(rel))\"" }
        output += ">"
        writeLink(link.url)
        if let details = FeedMarkup.linkDetails(link) { output += " <span class=\"media-details\">(\(details))</span>" }
        output += "</dd>\n"
    }

    private mutating func writeTranscript(_ transcript: Transcript) {
        let id = prefix + "transcript"
        output +=
            options.collapsibleTranscript
            ? "<details class=\"transcript\" id=\"\(id)\">\n<summary class=\"transcript-heading\">\(labels["transcript"]!)</summary>\n"
            : "<section class=\"transcript\" id=\"\(id)\">\n<h3 class=\"transcript-heading\">\(labels["transcript"]!)</h3>\n"
        output += "<ol class=\"transcript-segments\">\n"
        for segment in transcript.segments {
            output += "<li class=\"transcript-segment\" data-start=\"\(segment.start)\""
            if let end = segment.end { output += " data-end=\"\(end)\"" }
            output += ">"
            let href = FeedMarkup.audioLink(episode.metadata.enclosure, milliseconds: segment.start)
            if let href { output += "<a class=\"segment-time\" href=\"\(href)\">" }
            output += href == nil ? "<time class=\"segment-time\"" : "<time"
            if let datetime = FeedMarkup.isoDuration(milliseconds: segment.start) { output += " datetime=\"\(datetime)\"" }
            output += ">\(FeedMarkup.clock(milliseconds: segment.start))</time>"
            if href != nil { output += "</a>" }
            if let speaker = segment.speaker { output += " <span class=\"segment-speaker\">\(MarkupEscaping.text(speaker))</span>" }
            output += " <span class=\"segment-text\">\(MarkupEscaping.text(segment.text))</span></li>\n"
        }
        output += "</ol>\n" + (options.collapsibleTranscript ? "</details>\n" : "</section>\n")
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
            if let role = entity.role { output += "<dd class=\"entity-role\">\(MarkupEscaping.text(role))</dd>\n" }
            let description = paragraphs(entity.description)
            if !description.isEmpty {
                output += "<dd class=\"entity-description\">"
                for paragraph in description { output += "<p\(paragraph.markdownAttribute)>\(paragraph.html)</p>" }
                output += "</dd>\n"
            }
            if let url = entity.url {
                output += "<dd class=\"entity-url\">"
                writeLink(url)
                output += "</dd>\n"
            }
            if entity.type.isEmpty && description.isEmpty && entity.role == nil && entity.url == nil { output += "<dd class=\"entity-empty\"></dd>\n" }
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
