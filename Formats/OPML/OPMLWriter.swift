import QuireCore
import QuireXML

/// Writes OPML 2.0 through libxml2.
public struct OPMLWriter: FormatWriter {
    public init() {}

    public func write(_ collection: EpisodeCollection, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> [UInt8] {
        var walker = Walker(outline: try options.choice(OPMLSettings.mode, as: OPMLSettings.Mode.self) == .outline)
        walker.visitCollection(collection)
        if !walker.outline {
            if collection.channels.isEmpty {
                diagnostics.report(
                    .warning(
                        "opml.no-channels",
                        "no channels to list; name one with \(CollectionDefaults.channelMention) and \(CollectionDefaults.feedMention), or write \(OPMLSettings.mode.mention) outline"
                    ))
            }
            for channel in collection.channels where channel.feedURL == nil {
                diagnostics.report(
                    .warning("opml.no-feed", "channel '\(channel.title)' has no feed URL; podcast apps will skip it (give \(CollectionDefaults.feedMention))"))
            }
        }
        // Channels, the preamble and the title are cleaned where they are written; say so for them too.
        let collectionTexts =
            [collection.title ?? ""] + collection.preamble
            + collection.channels.flatMap {
                [$0.title, $0.feedURL ?? "", $0.siteURL ?? "", $0.description ?? "", $0.image ?? "", $0.author ?? ""] + $0.categories
            }
        if walker.droppedControlCharacters || collectionTexts.contains(where: { Walker.stripControls($0) != $0 }) {
            diagnostics.report(.warning("opml.control-characters", "control characters cannot be written in XML and were left out"))
        }
        for channel in collection.channels where !channel.categories.allSatisfy(Walker.isListableCategory) {
            diagnostics.report(
                .warning(
                    "opml.category",
                    "a category of channel '\(channel.title)' is empty, holds a comma or starts or ends with white space, which OPML's comma-separated 'category' cannot keep"
                ))
        }
        // A subscription list always gets a title apps can show; an outline keeps the collection's own.
        let title = walker.outline ? collection.title : collection.title ?? (collection.channels.count == 1 ? collection.channels[0].title : "Podcasts")
        let head = XMLElement(
            "head",
            children: (title.map { [XMLElement("title", text: Walker.stripControls($0))] } ?? []) + [
                XMLElement("dateCreated", text: RFC822.date(options.value(CommonSettings.date))),
                XMLElement("docs", text: "http://opml.org/spec2.opml"),
            ])
        let root = XMLElement("opml", attributes: [("version", "2.0")], children: [head, XMLElement("body", children: walker.body)])
        return XMLSerializer.document(root)
    }

    private struct Walker: ModelWalker {
        let outline: Bool
        var body: [XMLElement] = []
        var droppedControlCharacters = false
        private var current: XMLElement?
        private var lastEpisode: XMLElement?

        init(outline: Bool) { self.outline = outline }

        mutating func visitCollection(_ collection: EpisodeCollection) {
            guard outline else {
                body = collection.channels.map(channelElement)
                return
            }
            for line in collection.preamble { body.append(outlineElement(type: OutlineType.preamble, text: line)) }
            // Each run of consecutive episodes of one channel nests under that channel's outline, so the
            // episodes keep their order; a channel seen again is listed again.
            var described: Set<String> = []
            for episode in collection.episodes {
                visitEpisode(episode)
                let element = lastEpisode!
                if let name = episode.channel, let channel = collection.channel(named: name) {
                    described.insert(name)
                    if let last = body.indices.last, body[last].attribute("type") == OutlineType.feed, body[last].attribute("text") == name {
                        body[last].children.append(element)
                    } else {
                        var channelOutline = channelElement(channel)
                        channelOutline.children = [element]
                        body.append(channelOutline)
                    }
                } else {
                    body.append(element)
                }
            }
            for channel in collection.channels where !described.contains(channel.title) { body.append(channelElement(channel)) }
        }

        mutating func visitEpisode(_ episode: Episode) {
            var attributes: [(String, String)] = [("type", OutlineType.episode), ("text", clean(episode.title))]
            if let language = episode.language { attributes.append(("language", language)) }
            if let url = episode.metadata.url { attributes.append(("url", clean(url))) }
            if let published = episode.metadata.published { attributes.append(("published", clean(published))) }
            if let duration = episode.metadata.duration { attributes.append(("duration", String(duration))) }
            if let channel = episode.channel { attributes.append(("channel", clean(channel))) }
            let metadata = episode.metadata
            if let guid = metadata.guid { attributes.append(("guid", clean(guid))) }
            if let enclosure = metadata.enclosure {
                attributes.append(("enclosure", clean(enclosure.url)))
                if let type = enclosure.mediaType { attributes.append(("enclosureType", clean(type))) }
                if let length = enclosure.length { attributes.append(("enclosureLength", String(length))) }
            }
            if let image = metadata.image { attributes.append(("image", clean(image))) }
            if let season = metadata.season { attributes.append(("season", String(season))) }
            if let number = metadata.number { attributes.append(("episode", String(number))) }
            if let explicit = metadata.explicit { attributes.append(("explicit", explicit ? "true" : "false")) }
            if !episode.summary.isEmpty { attributes.append(("_note", clean(episode.summary))) }
            current = XMLElement("outline", attributes: attributes)
            if let link = metadata.chaptersLink { current!.children.append(linkElement(link, type: OutlineType.chaptersFile)) }
            for link in metadata.transcriptLinks { current!.children.append(linkElement(link, type: OutlineType.transcriptFile)) }
            for field in episode.metadata.extra {
                current!.children.append(
                    XMLElement("outline", attributes: [("type", OutlineType.metadata), ("text", clean(field.key)), ("value", clean(field.value))]))
            }
            for chapter in episode.chapters { visitChapter(chapter) }
            if !episode.entities.isEmpty {
                var group = outlineElement(type: OutlineType.entities, text: "Entities")
                for entity in episode.entities {
                    var attributes = [("type", OutlineType.entity), ("text", clean(entity.name))]
                    if !entity.type.isEmpty { attributes.append(("entityType", clean(entity.type))) }
                    if !entity.description.isEmpty { attributes.append(("_note", clean(entity.description))) }
                    if let role = entity.role { attributes.append(("role", clean(role))) }
                    if let url = entity.url { attributes.append(("url", clean(url))) }
                    group.children.append(XMLElement("outline", attributes: attributes))
                }
                current!.children.append(group)
            }
            if let transcript = episode.transcript { visitTranscript(transcript) }
            lastEpisode = current
            current = nil
        }

        mutating func visitChapter(_ chapter: Chapter) {
            // Outliners and pandoc show `text`; `start` keeps the exact seconds for Quire.
            let label = chapter.start.map { "[\(Timestamp.string(fromSeconds: $0))] " + chapter.title } ?? chapter.title
            var attributes = [("type", OutlineType.chapter), ("text", clean(label))]
            if let start = chapter.start { attributes.append(("start", String(start))) }
            if !chapter.body.isEmpty { attributes.append(("_note", clean(chapter.body))) }
            if chapter.isRecovered { attributes.append(("recovered", "true")) }
            var element = XMLElement("outline", attributes: attributes)
            for quote in chapter.quotes {
                var quoteAttributes = [("type", OutlineType.quote), ("text", clean(quote.text))]
                if let time = quote.time { quoteAttributes.append(("time", String(time))) }
                element.children.append(XMLElement("outline", attributes: quoteAttributes))
            }
            current!.children.append(element)
        }

        mutating func visitTranscript(_ transcript: Transcript) {
            var group = outlineElement(type: OutlineType.transcript, text: "Transcript")
            for segment in transcript.segments {
                var attributes = [("type", OutlineType.segment), ("text", clean(segment.text)), ("startMs", String(segment.start))]
                if let end = segment.end { attributes.append(("endMs", String(end))) }
                if let speaker = segment.speaker { attributes.append(("speaker", clean(speaker))) }
                group.children.append(XMLElement("outline", attributes: attributes))
            }
            current!.children.append(group)
        }

        private mutating func linkElement(_ link: MediaLink, type: String) -> XMLElement {
            var attributes = [("type", type), ("text", clean(link.url))]
            if let mediaType = link.mediaType { attributes.append(("mediaType", clean(mediaType))) }
            if let language = link.language { attributes.append(("language", clean(language))) }
            if let rel = link.rel { attributes.append(("rel", clean(rel))) }
            return XMLElement("outline", attributes: attributes)
        }

        /// A category the comma-separated `category` attribute reads back as it is.
        static func isListableCategory(_ category: String) -> Bool {
            !category.isEmpty && !category.contains(",") && category.trimmingWhitespace() == category
        }

        private func channelElement(_ channel: Channel) -> XMLElement {
            var attributes = [("type", OutlineType.feed), ("text", channel.title), ("title", channel.title)]
            if let feed = channel.feedURL { attributes.append(("xmlUrl", feed)) }
            if let site = channel.siteURL { attributes.append(("htmlUrl", site)) }
            if let description = channel.description { attributes.append(("description", description)) }
            // OPML 2.0's `category` (comma-separated, `/` for nesting); artwork and author have no standard
            // attribute: `imageUrl` and `author`, as some podcast directories' exports write them.
            if !channel.categories.isEmpty { attributes.append(("category", channel.categories.joined(separator: ","))) }
            if let image = channel.image { attributes.append(("imageUrl", image)) }
            if let author = channel.author { attributes.append(("author", author)) }
            return XMLElement("outline", attributes: attributes.map { ($0.0, Self.stripControls($0.1)) })
        }

        private func outlineElement(type: String, text: String) -> XMLElement {
            XMLElement("outline", attributes: [("type", type), ("text", Self.stripControls(text))])
        }

        /// XML 1.0 cannot hold C0 control characters other than tab, line feed and carriage return.
        private mutating func clean(_ text: String) -> String {
            let cleaned = Self.stripControls(text)
            if cleaned.unicodeScalars.count != text.unicodeScalars.count { droppedControlCharacters = true }
            return cleaned
        }

        static func stripControls(_ text: String) -> String {
            guard text.unicodeScalars.contains(where: isForbidden) else { return text }
            var result = String.UnicodeScalarView()
            result.append(contentsOf: text.unicodeScalars.filter { !isForbidden($0) })
            return String(result)
        }

        private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
            (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0xFFFE || scalar.value == 0xFFFF
        }
    }
}

/// RFC 822 dates, as OPML's `dateCreated` wants them.
enum RFC822 {
    /// `Thu, 26 Nov 2026 21:54:00 GMT` for now, or for `override` (seconds since 1970) when given,
    /// so tests and reproducible builds can fix the date.
    static func date(_ override: String?) -> String {
        // Dates before 1970 are not what anyone means by a creation date; they fall back to now.
        let seconds = override.flatMap { Int($0) }.flatMap { $0 >= 0 ? $0 : nil } ?? System.secondsSince1970
        let days = seconds / 86_400, remainder = seconds % 86_400
        let date = CalendarDay(daysSince1970: days)
        let (year, month, day) = (date.year, date.month, date.day)
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][days % 7]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(weekday), \(two(day)) \(months[month - 1]) \(year) \(two(remainder / 3600)):\(two(remainder % 3600 / 60)):\(two(remainder % 60)) GMT"
    }
}
