import QuireCore

/// The template context for one episode: the model's values as escaped HTML, with the structure
/// templates need (paragraphs, chapters with ids and `<time datetime>` values, a table of contents).
/// Every string in it is ready to insert with `{{{ }}}`. docs/html-format.md lists the variables.
public enum EpisodeView {
    public static func context(_ episode: Episode, channel: Channel?, idPrefix: String, options: ArticleOptions) -> [String: Any] {
        let prefix = safeIDPrefix(idPrefix)
        let labels = ArticleLabels.labels(for: episode.language)
        var chapters: [[String: Any]] = []
        var toc: [[String: Any]] = []
        for (index, chapter) in episode.chapters.enumerated() {
            let id = prefix + "chapter-\(index + 1)"
            let start: Any = chapter.start.map(timeContext) ?? false
            let body = InlineMarkupWriter.paragraphs(chapter.body, unsafeHTML: options.unsafeHTML)
            chapters.append([
                "id": id, "number": String(index + 1), "title": MarkupEscaping.text(chapter.title), "start": start,
                "recovered": chapter.isRecovered, "hasBody": !body.isEmpty, "body": body.map(\.context),
                "quotes": chapter.quotes.map { quote -> [String: Any] in
                    [
                        "paragraphs": InlineMarkupWriter.paragraphs(quote.text, unsafeHTML: options.unsafeHTML).map(\.context),
                        "time": quote.time.map(timeContext) ?? false,
                    ]
                },
            ])
            toc.append(["href": "#" + id, "title": MarkupEscaping.text(chapter.title), "start": start])
        }
        if episode.transcript != nil {
            // The transcript is the last part of the episode a reader can jump to from the contents.
            toc.append(["href": "#" + prefix + "transcript", "title": labels["transcript"]!, "start": false])
        }
        let entities = episode.entities.map { entity -> [String: Any] in
            let description = InlineMarkupWriter.paragraphs(entity.description, unsafeHTML: options.unsafeHTML)
            return [
                "name": MarkupEscaping.text(entity.name), "type": MarkupEscaping.text(entity.type), "hasType": !entity.type.isEmpty,
                "kind": entity.kind?.rawValue ?? false, "description": description.map(\.context), "hasDescription": !description.isEmpty,
                "hasRole": entity.role != nil, "role": MarkupEscaping.text(entity.role ?? ""), "url": entity.url.map { linkContext($0) } ?? false,
                "isEmpty": entity.type.isEmpty && description.isEmpty && entity.role == nil && entity.url == nil,
            ]
        }
        let summary = InlineMarkupWriter.paragraphs(episode.summary, unsafeHTML: options.unsafeHTML)
        return [
            "id": prefix + "episode", "entitiesID": prefix + "entities",
            "title": MarkupEscaping.text(episode.title),
            "hasLang": episode.language != nil, "lang": MarkupEscaping.attribute(episode.language ?? ""),
            "dir": isRightToLeft(episode.language) ? "rtl" : false,
            "channel": channel.map(channelContext) ?? false,
            "metadata": metadataContext(episode, channel: channel),
            "hasSummary": !summary.isEmpty, "summary": summary.map(\.context),
            "hasChapters": !chapters.isEmpty, "chapters": chapters, "hasToc": !toc.isEmpty, "toc": toc,
            "hasEntities": !entities.isEmpty, "entities": entities,
            "transcript": episode.transcript.map { transcriptContext($0, of: episode, idPrefix: prefix, options: options) } ?? false,
            "labels": labels,
            "timeline": (options.timeline ? TimelineView(episode, idPrefix: prefix, labels: labels)?.context : nil) as Any? ?? false,
        ]
    }

    /// A channel's fields, escaped; links only for web addresses.
    public static func channelContext(_ channel: Channel) -> [String: Any] {
        [
            "title": MarkupEscaping.text(channel.title),
            "feed": channel.feedURL.map { linkContext($0) } ?? false,
            "site": channel.siteURL.map { linkContext($0) } ?? false,
            "description": channel.description.map { MarkupEscaping.text($0) } ?? false,
            "author": channel.author.map { ["text": MarkupEscaping.text($0)] } ?? false,
            "image": channel.image.map { linkContext($0) } ?? false,
            "hasCategories": !channel.categories.isEmpty, "categories": channel.categories.map { ["text": MarkupEscaping.text($0)] },
        ]
    }

    /// The transcript section: its id, whether it is collapsible (`<details>`) and each segment with
    /// its exact times in milliseconds, the clock shown, a link into the audio when there is one, the
    /// speaker and the text.
    static func transcriptContext(_ transcript: Transcript, of episode: Episode, idPrefix prefix: String, options: ArticleOptions) -> [String: Any] {
        [
            "id": prefix + "transcript", "collapsible": options.collapsibleTranscript,
            "segments": transcript.segments.map { segment -> [String: Any] in
                [
                    "start": String(segment.start), "end": segment.end.map { String($0) } ?? false,
                    "clock": FeedMarkup.clock(milliseconds: segment.start),
                    "datetime": FeedMarkup.isoDuration(milliseconds: segment.start) ?? false,
                    "href": FeedMarkup.audioLink(episode.metadata.enclosure, milliseconds: segment.start) ?? false,
                    "hasSpeaker": segment.speaker != nil, "speaker": MarkupEscaping.text(segment.speaker ?? ""),
                    "text": MarkupEscaping.text(segment.text),
                ]
            },
        ]
    }

    /// A transcript's or chapters file's link: `url` and the optional `type`, `lang`, `rel` escaped for
    /// attributes, `text` and `href` as `linkContext`, `details` the visible summary of the rest.
    static func mediaLinkContext(_ link: MediaLink) -> [String: Any] {
        var context = linkContext(link.url)
        context["url"] = MarkupEscaping.attribute(link.url)
        context["hasType"] = link.mediaType != nil
        context["type"] = MarkupEscaping.attribute(link.mediaType ?? "")
        context["hasLang"] = link.language != nil
        context["lang"] = MarkupEscaping.attribute(link.language ?? "")
        context["hasRel"] = link.rel != nil
        context["rel"] = MarkupEscaping.attribute(link.rel ?? "")
        context["details"] = FeedMarkup.linkDetails(link) ?? false
        return context
    }

    /// `{text, href}`: `href` only when the address is one a browser may follow safely (http, https,
    /// mailto); anything else (`javascript:`) is shown as text.
    public static func linkContext(_ address: String) -> [String: Any] {
        ["text": MarkupEscaping.text(address), "href": isSafeLink(address) ? MarkupEscaping.attribute(address) as Any : false]
    }

    public static func isSafeLink(_ address: String) -> Bool {
        let lower = address.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") else { return false }
        // A space or control character makes the address invalid HTML; it is shown as text instead.
        return !address.unicodeScalars.contains { $0.value <= 0x20 || $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "\\" || $0.value == 0x7F }
    }

    /// `{text, datetime}` for a time offset: `01:36` and `PT1M36S`.
    public static func timeContext(_ seconds: Int) -> [String: Any] {
        ["text": Timestamp.string(fromSeconds: seconds), "datetime": Timestamp.isoDuration(fromSeconds: seconds), "seconds": String(seconds)]
    }

    /// `{season, number, separator}` (each `{value, text}`: `2`, `Season 2`) when either is known.
    private static func numberingContext(_ metadata: EpisodeMetadata, language: String?) -> Any {
        guard metadata.season != nil || metadata.number != nil else { return false }
        return [
            "season": metadata.season.map { ["value": String($0), "text": ArticleLabels.season($0, language: language)] } ?? false,
            "number": metadata.number.map { ["value": String($0), "text": ArticleLabels.episodeNumber($0, language: language)] } ?? false,
            "separator": metadata.season != nil && metadata.number != nil,
        ] as [String: Any]
    }

    private static func metadataContext(_ episode: Episode, channel: Channel?) -> [String: Any] {
        let metadata = episode.metadata
        let labels = ArticleLabels.labels(for: episode.language)
        var channelValue: Any = false
        if let name = episode.channel {
            var value = ["text": MarkupEscaping.text(name)] as [String: Any]
            value["href"] = channel?.siteURL.flatMap { isSafeLink($0) ? MarkupEscaping.attribute($0) : nil } ?? false
            channelValue = value
        }
        return [
            "hasFields": episode.channel != nil || !metadata.isEmpty,
            "channel": channelValue,
            "published": metadata.published.map { published -> [String: Any] in
                ["text": MarkupEscaping.text(published), "datetime": isValidDate(published) ? published as Any : false]
            } ?? false,
            "duration": metadata.duration.map(timeContext) ?? false,
            "url": metadata.url.map(linkContext) ?? false,
            "numbering": numberingContext(metadata, language: episode.language),
            "explicit": metadata.explicit.map { explicit -> [String: Any] in
                ["value": explicit ? "true" : "false", "text": labels[explicit ? "explicit" : "clean"]!]
            } ?? false,
            "enclosure": metadata.enclosure.map { enclosure -> [String: Any] in
                [
                    "url": MarkupEscaping.attribute(enclosure.url), "text": MarkupEscaping.text(enclosure.url),
                    "action": labels[FeedMarkup.isVideo(enclosure) ? "watch" : "listen"]!,
                    "href": isSafeLink(enclosure.url) ? MarkupEscaping.attribute(enclosure.url) as Any : false,
                    "hasType": enclosure.mediaType != nil, "type": MarkupEscaping.attribute(enclosure.mediaType ?? ""),
                    "length": enclosure.length.map { String($0) } ?? false, "details": FeedMarkup.enclosureDetails(enclosure) ?? false,
                ]
            } ?? false,
            "image": metadata.image.map(linkContext) ?? false,
            "chaptersLink": metadata.chaptersLink.map(mediaLinkContext) ?? false,
            "hasTranscriptLinks": !metadata.transcriptLinks.isEmpty, "transcriptLinks": metadata.transcriptLinks.map(mediaLinkContext),
            "guid": metadata.guid.map { ["text": MarkupEscaping.text($0)] } ?? false,
            "extra": metadata.extra.map { ["key": MarkupEscaping.text($0.key), "value": MarkupEscaping.text($0.value)] },
        ]
    }

    /// `YYYY-MM-DD`, the date form `<time datetime>` takes that Quire's dates use.
    static func isValidDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        let digits = bytes.enumerated().filter { $0.offset != 4 && $0.offset != 7 }.map(\.element)
        guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let year = Int(text.prefix(4)), let month = Int(text.dropFirst(5).prefix(2)),
            let day = Int(text.suffix(2)), (1...12).contains(month)
        else { return false }
        let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }

    /// Scripts written right to left: Arabic, Hebrew, Persian, Urdu (and Yiddish, Divehi, Pashto).
    public static func isRightToLeft(_ language: String?) -> Bool {
        guard let base = language?.split(separator: "-").first?.lowercased() else { return false }
        return ["ar", "he", "fa", "ur", "yi", "dv", "ps", "iw"].contains(base)
    }

    /// Ids are XML names in EPUB: letters, digits, `-`, `_`, `.`, not starting with a digit.
    static func safeIDPrefix(_ prefix: String) -> String {
        var result = String(
            prefix.unicodeScalars.map { scalar -> Character in
                let isAllowed =
                    (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
                    || scalar == "-" || scalar == "_" || scalar == "."
                return isAllowed ? Character(scalar) : "_"
            })
        if let first = result.unicodeScalars.first, !(first >= "a" && first <= "z") && !(first >= "A" && first <= "Z") && first != "_" {
            result = "e" + result
        }
        return result
    }
}
