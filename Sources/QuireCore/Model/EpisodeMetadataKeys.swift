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
    case language
    case url
    case published
    /// Whole seconds when read, `MM:SS` or `H:MM:SS` as written.
    case duration
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
        }
        add(.language, episode.language ?? languageWhenUnknown)
        add(.url, episode.metadata.url)
        add(.published, episode.metadata.published)
        add(.duration, episode.metadata.duration.map { Timestamp.string(fromSeconds: $0) })
        let recovered = episode.chapters.indices.filter { episode.chapters[$0].isRecovered }.map { $0 + 1 }
        if !recovered.isEmpty { fields.append((.recoveredChapters, .chapterNumbers(recovered))) }
        return fields
    }

    // MARK: Reading

    /// Whether a text value is all this key needs to be read (`applyText`): the channel's feed, site and
    /// description, the episode's address and publication date. The others each format reads its own way.
    public var isPlainText: Bool {
        switch self {
        case .feed, .channelURL, .channelDescription, .url, .published: true
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
        case .url: episode.metadata.url = value
        case .published: episode.metadata.published = value
        default: assertionFailure("'\(rawValue)' is not a plain-text key")
        }
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
