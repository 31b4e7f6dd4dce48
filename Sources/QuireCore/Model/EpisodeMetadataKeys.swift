/// The names `key: value` front matter gives the collection's fields and an episode's metadata, and
/// how the values under them map to the model: one mapping for summary text and Markdown, which each
/// write it in their own syntax (`FrontMatterScalar` for the quoting they share).
public enum EpisodeMetadataKey: String, CaseIterable, Sendable {
    case collectionTitle = "collection-title"
    /// One line of the collection's preamble; the key repeats, or holds a list.
    case preamble
    /// The episode's channel by name; its feed, site and description go with the first episode of each channel.
    case channel
    case feed
    case channelURL = "channel-url"
    case channelDescription = "channel-description"
    case channelImage = "channel-image"
    case channelAuthor = "channel-author"
    /// One of the channel's categories (`Parent/Child` for a nested one); the key repeats, or holds a list.
    case channelCategory = "channel-category"
    case language
    case url
    case published
    /// Whole seconds when read, `MM:SS` or `H:MM:SS` as written.
    case duration
    case guid
    /// The enclosure's address; its media type and size in bytes have keys of their own.
    case enclosure
    case enclosureType = "enclosure-type"
    case enclosureLength = "enclosure-length"
    case image
    case season
    /// The episode's number within its season or show (`itunes:episode`).
    case episode
    /// `true` or `false` as written (`yes`, `no` and `clean` are read too).
    case explicit
    /// The chapters file, in link syntax (`MediaLinkText`).
    case chaptersURL = "chapters-url"
    /// One published transcript, in link syntax (`MediaLinkText`); the key repeats, or holds a list.
    case transcript
    /// The 1-based numbers of the chapters whose content was recovered from corrupt upstream data.
    case recoveredChapters = "recovered-chapters"

    /// The collection's own fields, written before (or with) the first episode.
    public static let collectionKeys: [EpisodeMetadataKey] = [.collectionTitle, .preamble]
    /// The episode's fields, in the order they are written.
    public static let episodeKeys: [EpisodeMetadataKey] = allCases.filter { !collectionKeys.contains($0) }

    // MARK: Writing

    /// A value as written: text, or chapter numbers, which each format lists in its own syntax.
    public enum Value: Equatable, Sendable {
        case text(String)
        case chapterNumbers([Int])
        /// A key that repeats: one value per line, or per list item.
        case repeated([String])
    }

    /// The episode's fields in writing order: its channel and, given `channelDetails`, that channel's
    /// feed, site and description; its language (`languageWhenUnknown`, if given, when it has none);
    /// its address, publication date and duration; the numbers of its recovered chapters. Extra
    /// metadata is the format's to write, after these.
    public static func fields(
        of episode: Episode, channelDetails channel: Channel?, languageWhenUnknown: String? = nil
    ) -> [(key: EpisodeMetadataKey, value: Value)] {
        var fields: [(key: EpisodeMetadataKey, value: Value)] = []
        func add(_ key: EpisodeMetadataKey, _ text: String?) { if let text { fields.append((key, .text(text))) } }
        add(.channel, episode.channel)
        if let channel {
            add(.feed, channel.feedURL)
            add(.channelURL, channel.siteURL)
            add(.channelDescription, channel.description)
            add(.channelImage, channel.image)
            add(.channelAuthor, channel.author)
            if !channel.categories.isEmpty { fields.append((.channelCategory, .repeated(channel.categories))) }
        }
        add(.language, episode.language ?? languageWhenUnknown)
        add(.url, episode.metadata.url)
        add(.published, episode.metadata.published)
        add(.duration, episode.metadata.duration.map { Timestamp.string(fromSeconds: $0) })
        let metadata = episode.metadata
        add(.guid, metadata.guid)
        add(.enclosure, metadata.enclosure?.url)
        add(.enclosureType, metadata.enclosure?.mediaType)
        add(.enclosureLength, metadata.enclosure?.length.map(String.init))
        add(.image, metadata.image)
        add(.season, metadata.season.map(String.init))
        add(.episode, metadata.number.map(String.init))
        add(.explicit, metadata.explicit.map { $0 ? "true" : "false" })
        add(.chaptersURL, metadata.chaptersLink.map(MediaLinkText.string))
        if !metadata.transcriptLinks.isEmpty { fields.append((.transcript, .repeated(metadata.transcriptLinks.map(MediaLinkText.string)))) }
        let recovered = episode.chapters.indices.filter { episode.chapters[$0].isRecovered }.map { $0 + 1 }
        if !recovered.isEmpty { fields.append((.recoveredChapters, .chapterNumbers(recovered))) }
        return fields
    }

    // MARK: Reading

    /// Whether a text value is all this key needs to be read (`applyText`): the channel's feed, site,
    /// description, image and author, the episode's address, publication date, guid and image. The
    /// others are typed (`isTyped`) or each format reads them its own way.
    public var isPlainText: Bool {
        switch self {
        case .feed, .channelURL, .channelDescription, .channelImage, .channelAuthor, .url, .published, .guid, .image: true
        default: false
        }
    }

    /// Whether `applyTyped` reads this key: a value of one line that must parse (a number, a flag, a
    /// link), or one item of a repeated key. The collection's keys, `channel`, `language`, `duration`
    /// and `recovered-chapters` each format reads its own way.
    public var isTyped: Bool {
        switch self {
        case .channelCategory, .enclosure, .enclosureType, .enclosureLength, .season, .episode, .explicit, .chaptersURL, .transcript: true
        default: false
        }
    }

    /// Sets the field a plain-text key names. A channel detail starts `channel` from the episode's
    /// channel name when there is none yet (a detail without a name is for the format to report).
    public func applyText(_ value: String, to episode: inout Episode, channel: inout Channel?) {
        switch self {
        case .feed: channel = channel ?? Channel(title: episode.channel ?? ""); channel?.feedURL = value
        case .channelURL: channel = channel ?? Channel(title: episode.channel ?? ""); channel?.siteURL = value
        case .channelDescription: channel = channel ?? Channel(title: episode.channel ?? ""); channel?.description = value
        case .channelImage: channel = channel ?? Channel(title: episode.channel ?? ""); channel?.image = value
        case .channelAuthor: channel = channel ?? Channel(title: episode.channel ?? ""); channel?.author = value
        case .url: episode.metadata.url = value
        case .published: episode.metadata.published = value
        case .guid: episode.metadata.guid = value
        case .image: episode.metadata.image = value
        default: assertionFailure("'\(rawValue)' is not a plain-text key")
        }
    }

    /// Sets the field a typed key names; a repeated key (`channel-category`, `transcript`) adds one
    /// item. Returns what is wrong with the value, for the format to report (and keep the value as
    /// extra metadata), or `nil` when it was applied. The enclosure's type and size may come before its
    /// address: `finish` checks that one came.
    public func applyTyped(_ value: String, to episode: inout Episode, channel: inout Channel?) -> String? {
        func wholeNumber() -> Int? { value.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && !value.isEmpty ? Int(value) : nil }
        switch self {
        case .channelCategory:
            channel = channel ?? Channel(title: episode.channel ?? "")
            channel?.categories.append(value)
        case .enclosure:
            guard !value.isEmpty else { return "enclosure is empty" }
            episode.metadata.enclosure = episode.metadata.enclosure ?? Enclosure(url: value)
            episode.metadata.enclosure?.url = value
        case .enclosureType:
            episode.metadata.enclosure = episode.metadata.enclosure ?? Enclosure(url: "")
            episode.metadata.enclosure?.mediaType = value
        case .enclosureLength:
            guard let length = wholeNumber() else { return "enclosure-length '\(value)' is not a whole number of bytes" }
            episode.metadata.enclosure = episode.metadata.enclosure ?? Enclosure(url: "")
            episode.metadata.enclosure?.length = length
        case .season:
            guard let season = wholeNumber() else { return "season '\(value)' is not a whole number" }
            episode.metadata.season = season
        case .episode:
            guard let number = wholeNumber() else { return "episode '\(value)' is not a whole number" }
            episode.metadata.number = number
        case .explicit:
            switch value.lowercased() {
            case "true", "yes": episode.metadata.explicit = true
            case "false", "no", "clean": episode.metadata.explicit = false
            default: return "explicit '\(value)' is neither true nor false"
            }
        case .chaptersURL:
            guard let link = MediaLinkText.link(from: value) else { return "chapters-url '\(value)' has no address" }
            episode.metadata.chaptersLink = link
        case .transcript:
            guard let link = MediaLinkText.link(from: value) else { return "transcript '\(value)' has no address" }
            episode.metadata.transcriptLinks.append(link)
        default:
            assertionFailure("'\(rawValue)' is not a typed key")
        }
        return nil
    }

    /// Ends an episode's front matter: an enclosure type or size without an address is taken back out
    /// of the model and returned as extra fields (with the keys they were written under), since an
    /// enclosure needs its address.
    public static func finish(_ episode: inout Episode) -> [MetadataField] {
        guard let enclosure = episode.metadata.enclosure, enclosure.url.isEmpty else { return [] }
        episode.metadata.enclosure = nil
        var fields: [MetadataField] = []
        if let type = enclosure.mediaType { fields.append(MetadataField(key: EpisodeMetadataKey.enclosureType.rawValue, value: type)) }
        if let length = enclosure.length { fields.append(MetadataField(key: EpisodeMetadataKey.enclosureLength.rawValue, value: String(length))) }
        return fields
    }

    /// A duration as written: whole seconds, or a timestamp (`MM:SS`, `H:MM:SS`); `nil` when it is neither.
    public static func durationSeconds(from value: String) -> Int? {
        Int(value).flatMap { $0 >= 0 ? $0 : nil } ?? Timestamp.seconds(from: value)
    }

    /// Marks the chapters with these 1-based numbers as recovered. Marks none and returns `false` when a
    /// number is missing (`nil`, not a number) or names a chapter the episode does not have.
    public static func markRecoveredChapters(_ numbers: [Int?], in episode: inout Episode) -> Bool {
        guard numbers.allSatisfy({ $0.map { $0 > 0 && episode.chapters.indices.contains($0 - 1) } ?? false }) else { return false }
        for number in numbers.compactMap({ $0 }) { episode.chapters[number - 1].isRecovered = true }
        return true
    }
}

/// A `MediaLink` as one front-matter value: the address, then ` type=`, ` language=` and ` rel=` for
/// what the link has (`https://example.org/42.vtt type=text/vtt language=en rel=captions`). The
/// parameters are told apart from the end, so an address may hold spaces; a link whose address ends
/// like a parameter (` rel=x`), or whose parameter values hold white space, does not read back, which
/// `isExact` tells a writer before it writes one.
public enum MediaLinkText {
    private static let parameterNames = ["type", "language", "rel"]

    public static func string(_ link: MediaLink) -> String {
        var text = link.url
        if let type = link.mediaType { text += " type=" + type }
        if let language = link.language { text += " language=" + language }
        if let rel = link.rel { text += " rel=" + rel }
        return text
    }

    /// Reads a link back: parameters are peeled off the end, each name at most once, in any order.
    /// `nil` when no address is left.
    public static func link(from text: String) -> MediaLink? {
        var rest = text.trimmingWhitespace()
        var values: [String: String] = [:]
        while let space = rest.lastIndex(where: { $0 == " " || $0 == "\t" }) {
            let token = rest[rest.index(after: space)...]
            guard let equals = token.firstIndex(of: "="), case let name = String(token[..<equals]),
                parameterNames.contains(name), values[name] == nil, token.index(after: equals) < token.endIndex
            else { break }
            values[name] = String(token[token.index(after: equals)...])
            rest = rest[..<space].trimmingWhitespace()
        }
        guard !rest.isEmpty else { return nil }
        return MediaLink(url: rest, mediaType: values["type"], language: values["language"], rel: values["rel"])
    }

    /// Whether `string(link)` reads back as `link`.
    public static func isExact(_ link: MediaLink) -> Bool { self.link(from: string(link)) == link }
}
