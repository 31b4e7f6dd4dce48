import QuireCore
import QuireTimedText
import QuireXHTML
import QuireXML

/// Writes an RSS 2.0 feed of summaries: one channel, an item per episode. The item's `description`
/// is the overview, `content:encoded` the whole summary as Quire's episode article (so the feed reads
/// back into the same chapters, quotes and entities), and the iTunes, Podcasting 2.0 and Podlove tags
/// carry what podcast apps show. Deterministic: the same model and settings give the same bytes.
public struct RSSWriter: FolderWriter {
    public init() {}

    public func writesFolder(options: ConversionOptions) -> Bool { options.value(RSSSettings.feedBaseURL) != nil }

    public func write(_ collection: EpisodeCollection, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> [UInt8] {
        try build(collection, options: options, diagnostics: &diagnostics).feed
    }

    /// `feed.rss`, and with `feed-base-url` the chapters and transcript files its `podcast:chapters` and
    /// `podcast:transcript` links name.
    public func writeFolder(_ collection: EpisodeCollection, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> [OutputFile]? {
        guard writesFolder(options: options) else { return nil }
        let built = try build(collection, options: options, diagnostics: &diagnostics)
        return [OutputFile(path: "feed.rss", bytes: built.feed)] + built.linkedFiles
    }

    private func build(_ collection: EpisodeCollection, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> (
        feed: [UInt8], linkedFiles: [OutputFile]
    ) {
        let feedChannel = collection.channels.first ?? Channel(title: collection.episodes.first?.channel ?? collection.title ?? "")
        // Links a base URL makes for episodes with timed chapters or a transcript that no file of theirs
        // publishes yet, and the files they point to.
        var published = collection
        var linkedFiles: [OutputFile] = []
        if let base = options.value(RSSSettings.feedBaseURL) {
            let trimmedBase = base.hasSuffix("/") ? String(base.dropLast()) : base
            for index in published.episodes.indices {
                var episode = published.episodes[index]
                let chapters = episode.chapters.filter { $0.start != nil }
                if episode.metadata.chaptersLink == nil, !chapters.isEmpty {
                    let path = "chapters/\(index + 1).json"
                    episode.metadata.chaptersLink = MediaLink(url: trimmedBase + "/" + path, mediaType: ChaptersJSON.mediaType)
                    linkedFiles.append(OutputFile(path: path, bytes: ChaptersJSON.document(chapters)))
                }
                // Podcasting 2.0 JSON: it keeps segments without an end and every speaker, as WebVTT and SRT cannot.
                if episode.metadata.transcriptLinks.isEmpty, let transcript = episode.transcript {
                    let path = "transcripts/\(index + 1).json"
                    episode.metadata.transcriptLinks = [
                        MediaLink(url: trimmedBase + "/" + path, mediaType: "application/json", language: episode.language)
                    ]
                    linkedFiles.append(OutputFile(path: path, bytes: TimedText.write(TimedText.Document(transcript: transcript), as: .json)))
                }
                published.episodes[index] = episode
            }
        }
        var items: [XMLElement] = []
        for episode in published.episodes {
            items.append(try item(for: episode, feedChannel: feedChannel, collection: published))
        }
        let root = XMLElement(
            "rss",
            attributes: [
                ("version", "2.0"), ("xmlns:itunes", FeedNamespace.itunes), ("xmlns:content", FeedNamespace.content),
                ("xmlns:podcast", FeedNamespace.podcast), ("xmlns:psc", FeedNamespace.podlove), ("xmlns:atom", FeedNamespace.atom),
            ],
            children: [XMLElement("channel", children: channelElements(feedChannel, collection: published, options: options) + items)])
        let feed = XMLSerializer.document(root)
        reportLoss(expected: published, feed: feed, diagnostics: &diagnostics)
        return (feed, linkedFiles)
    }

    private func channelElements(_ channel: Channel, collection: EpisodeCollection, options: ConversionOptions) -> [XMLElement] {
        var elements = [XMLElement("title", text: clean(plainTitle(channel.title)))]
        if let site = channel.siteURL { elements.append(XMLElement("link", text: clean(site))) }
        // As HTML, as readers expect a channel description: text that merely looks like markup (`<tag>`,
        // `&amp;`) is escaped and reads back as written.
        elements.append(XMLElement("description", text: clean(htmlParagraphs(channel.description ?? ""))))
        let languages = Set(collection.episodes.map(\.language))
        if languages.count == 1, let language = languages.first ?? nil { elements.append(XMLElement("language", text: clean(language))) }
        elements.append(XMLElement("generator", text: "Quire"))
        if let date = options.value(CommonSettings.date), let seconds = Int(date), seconds >= 0 {
            elements.append(XMLElement("lastBuildDate", text: FeedDates.rfc822(seconds)))
        }
        if let feed = channel.feedURL {
            elements.append(XMLElement("atom:link", attributes: [("href", clean(feed)), ("rel", "self"), ("type", "application/rss+xml")]))
        }
        if let author = channel.author { elements.append(XMLElement("itunes:author", text: clean(author))) }
        if let image = channel.image {
            elements.append(XMLElement("itunes:image", attributes: [("href", clean(image))]))
            if let site = channel.siteURL {
                elements.append(
                    XMLElement(
                        "image",
                        children: [
                            XMLElement("url", text: clean(image)), XMLElement("title", text: clean(channel.title)), XMLElement("link", text: clean(site)),
                        ]))
            }
        }
        // One element per category, in order, a nested one (`Arts/Food`) inside its parent's, so the
        // list reads back as written.
        for category in channel.categories {
            let parts = category.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let children = parts.count == 2 ? [XMLElement("itunes:category", attributes: [("text", clean(parts[1]))])] : []
            elements.append(XMLElement("itunes:category", attributes: [("text", clean(parts[0]))], children: children))
        }
        return elements
    }

    private func item(for episode: Episode, feedChannel: Channel, collection: EpisodeCollection) throws -> XMLElement {
        var elements = [XMLElement("title", text: clean(episode.title))]
        let metadata = episode.metadata
        if let url = metadata.url { elements.append(XMLElement("link", text: clean(url))) }
        // The overview as HTML paragraphs, which is what feed readers show; the article holds it exactly.
        let overview = InlineMarkupWriter.paragraphs(episode.summary, unsafeHTML: false).map { "<p>\($0.html)</p>" }.joined(separator: "\n")
        elements.append(XMLElement("description", text: clean(overview)))
        // Without the transcript: feeds link transcripts (podcast:transcript) rather than carry hours of text
        // in every item, which podcast apps download again and again.
        var summary = episode
        summary.transcript = nil
        let article = try EpisodeArticle.render(summary, channel: nil, idPrefix: "", options: ArticleOptions())
        elements.append(XMLElement("content:encoded", text: clean(article)))
        if let guid = metadata.guid {
            elements.append(XMLElement("guid", attributes: [("isPermaLink", guid == metadata.url ? "true" : "false")], text: clean(guid)))
        }
        if let published = metadata.published, let seconds = FeedDates.seconds(fromModelDate: published) {
            elements.append(XMLElement("pubDate", text: FeedDates.rfc822(seconds)))
        }
        if let enclosure = metadata.enclosure {
            var attributes = [("url", clean(enclosure.url)), ("length", String(enclosure.length ?? 0))]
            if let type = enclosure.mediaType { attributes.append(("type", clean(type))) }
            elements.append(XMLElement("enclosure", attributes: attributes))
        }
        if let duration = metadata.duration { elements.append(XMLElement("itunes:duration", text: Timestamp.string(fromSeconds: duration))) }
        if let image = metadata.image { elements.append(XMLElement("itunes:image", attributes: [("href", clean(image))])) }
        if let season = metadata.season { elements.append(XMLElement("itunes:season", text: String(season))) }
        if let number = metadata.number { elements.append(XMLElement("itunes:episode", text: String(number))) }
        if let explicit = metadata.explicit { elements.append(XMLElement("itunes:explicit", text: explicit ? "true" : "false")) }
        if let link = metadata.chaptersLink { elements.append(XMLElement("podcast:chapters", attributes: linkAttributes(link))) }
        for link in metadata.transcriptLinks { elements.append(XMLElement("podcast:transcript", attributes: linkAttributes(link))) }
        // People, and anything with a role or page; with them every entity of the same name, so a reader
        // matching tags to names in order cannot mix two of them up.
        let tagged = Set(episode.entities.filter { $0.role != nil || $0.url != nil || $0.kind == .person }.map(\.name))
        for entity in episode.entities where tagged.contains(entity.name) {
            var attributes: [(name: String, value: String)] = []
            if let role = entity.role { attributes.append(("role", clean(role))) }
            if let url = entity.url { attributes.append(("href", clean(url))) }
            elements.append(XMLElement("podcast:person", attributes: attributes, text: clean(entity.name)))
        }
        let timed = episode.chapters.filter { $0.start != nil }
        if !timed.isEmpty {
            elements.append(
                XMLElement(
                    "psc:chapters", attributes: [("version", "1.2")],
                    children: timed.map { chapter in
                        XMLElement("psc:chapter", attributes: [("start", podloveTime(chapter.start!)), ("title", clean(chapter.title))])
                    }))
        }
        if let channelName = episode.channel, channelName != feedChannel.title {
            // RSS's own element for an item from another channel (aggregated feeds).
            let feed = collection.channel(named: channelName)?.feedURL
            elements.append(XMLElement("source", attributes: feed.map { [("url", clean($0))] } ?? [], text: clean(plainTitle(channelName))))
        }
        return XMLElement("item", children: elements)
    }

    /// A title as feeds write it: as is, unless it looks like HTML (`&amp;`, `<b>`), which readers
    /// (Quire's too) would decode; then escaped once, so it reads back as written.
    private func plainTitle(_ title: String) -> String {
        ShowNotes.looksLikeHTML(title) ? MarkupEscaping.text(title) : title
    }

    /// Plain text as HTML: paragraphs (blank lines) as `<p>`, line breaks as `<br/>`, text escaped.
    private func htmlParagraphs(_ text: String) -> String {
        guard !text.isEmpty else { return "" }
        return text.split(separator: "\n\n", omittingEmptySubsequences: false).map { paragraph in
            "<p>" + paragraph.split(separator: "\n", omittingEmptySubsequences: false).map { MarkupEscaping.text(String($0)) }.joined(separator: "<br/>")
                + "</p>"
        }.joined(separator: "\n")
    }

    private func linkAttributes(_ link: MediaLink) -> [(name: String, value: String)] {
        var attributes = [(name: "url", value: clean(link.url))]
        if let type = link.mediaType { attributes.append(("type", clean(type))) }
        if let language = link.language { attributes.append(("language", clean(language))) }
        if let rel = link.rel { attributes.append(("rel", clean(rel))) }
        return attributes
    }

    /// `HH:MM:SS`, Podlove's normal play time.
    private func podloveTime(_ seconds: Int) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(seconds / 3600)):\(two(seconds % 3600 / 60)):\(two(seconds % 60))"
    }

    /// XML cannot hold C0 controls (other than tab and line breaks) or U+FFFE/U+FFFF.
    private func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isForbidden) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { !isForbidden($0) }))
    }

    private func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }

    // MARK: What the feed cannot carry

    /// Reads the written feed back and names, per episode, every field that would come back different,
    /// so a loss is always said and never guessed at.
    private func reportLoss(expected: EpisodeCollection, feed: [UInt8], diagnostics: inout Diagnostics) {
        var ignored = Diagnostics()
        guard let back = try? RSSReader().read(InputFile(name: FeedAttachments.inMemoryName, bytes: feed), options: ConversionOptions(), diagnostics: &ignored)
        else {
            diagnostics.report(.warning("rss.loss", "the written feed does not read back; it may lose any part of the collection"))
            return
        }
        if back.title != expected.title, expected.title != nil {
            diagnostics.report(.warning("rss.loss.title", "a feed has no collection title apart from its channel's; '\(expected.title!)' is left out"))
        }
        if !expected.preamble.isEmpty {
            diagnostics.report(.warning("rss.loss.preamble", "a feed has no preamble; its \(expected.preamble.count) lines are left out"))
        }
        if back.channels != expected.channels {
            let lost = expected.channels.filter { !back.channels.contains($0) }.map { "'\($0.title)'" }
            diagnostics.report(
                .warning(
                    "rss.loss.channels",
                    "a feed is one channel; only the first keeps all its fields, the others keep their names and feeds (\(lost.isEmpty ? "channel list differs" : lost.joined(separator: ", ")))"
                ))
        }
        if back.episodes.count != expected.episodes.count {
            diagnostics.report(.warning("rss.loss.episodes", "\(expected.episodes.count) episodes written, \(back.episodes.count) read back"))
            return
        }
        for (original, read) in zip(expected.episodes, back.episodes) where original != read {
            var fields: [String] = []
            func compare<Value: Equatable>(_ name: String, _ path: KeyPath<Episode, Value>) {
                if original[keyPath: path] != read[keyPath: path] { fields.append(name) }
            }
            compare("title", \.title)
            compare("channel", \.channel)
            compare("language", \.language)
            compare("summary", \.summary)
            compare("chapters", \.chapters)
            compare("entities", \.entities)
            compare("link", \.metadata.url)
            compare("publication date", \.metadata.published)
            compare("duration", \.metadata.duration)
            compare("guid", \.metadata.guid)
            compare("enclosure", \.metadata.enclosure)
            compare("image", \.metadata.image)
            compare("season", \.metadata.season)
            compare("number", \.metadata.number)
            compare("explicit", \.metadata.explicit)
            compare("chapters link", \.metadata.chaptersLink)
            compare("transcript links", \.metadata.transcriptLinks)
            compare("extra metadata", \.metadata.extra)
            compare("transcript", \.transcript)
            var reason = "control characters, surrounding spaces or empty values that feed elements do not keep"
            if fields == ["transcript"] { reason = "a feed links transcripts (podcast:transcript) but does not hold their text" }
            if fields == ["channel"] { reason = "an item without a channel belongs to the feed's" }
            diagnostics.report(
                .warning("rss.loss.episode", "episode '\(original.title)': \(fields.joined(separator: ", ")) will not read back exactly (\(reason))"))
        }
    }
}

/// Podcasting 2.0 JSON chapters, as `feed-base-url` publishes them next to the feed.
enum ChaptersJSON {
    static let mediaType = "application/json+chapters"

    static func document(_ chapters: [Chapter]) -> [UInt8] {
        let entries = chapters.map { "    {\"startTime\": \($0.start ?? 0), \"title\": \(JSONText.quoted($0.title))}" }
        return Array("{\n  \"version\": \"1.2.0\",\n  \"chapters\": [\n\(entries.joined(separator: ",\n"))\n  ]\n}\n".utf8)
    }
}
