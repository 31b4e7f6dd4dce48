/// Job-wide settings a user gives for inputs that carry none (`--channel`, `--feed`, `--language`,
/// `--title`), applied to the model right after reading.
public struct CollectionDefaults: Sendable, Hashable {
    public var channel: String?
    public var feedURL: String?
    public var language: String?
    public var title: String?

    public init(channel: String? = nil, feedURL: String? = nil, language: String? = nil, title: String? = nil) {
        self.channel = channel
        self.feedURL = feedURL
        self.language = language
        self.title = title
    }

    /// The defaults' names, as messages mention them (the command line shows `--channel`).
    public static let keys: Set<String> = ["channel", "feed", "language", "title"]
    public static let channelMention = SettingMention.render("channel")
    public static let feedMention = SettingMention.render("feed")

    public var isEmpty: Bool { channel == nil && feedURL == nil && language == nil && title == nil }

    /// Episodes without a channel join `channel`; `feedURL` fills the feed of that channel (or of every
    /// channel lacking one); `language` fills episodes without a language; `title` replaces the title.
    public func apply(to collection: inout EpisodeCollection) {
        if let title { collection.title = title }
        if let language {
            for index in collection.episodes.indices where collection.episodes[index].language == nil {
                collection.episodes[index].language = language
            }
        }
        if let channel {
            var assigned = false
            for index in collection.episodes.indices where collection.episodes[index].channel == nil {
                collection.episodes[index].channel = channel
                assigned = true
            }
            if assigned || collection.channels.contains(where: { $0.title == channel }) || collection.episodes.isEmpty {
                collection.merge(EpisodeCollection(channels: [Channel(title: channel)]))
            }
        }
        if let feedURL {
            for index in collection.channels.indices
            where collection.channels[index].feedURL == nil
                && (channel == nil || collection.channels[index].title == channel)
            {
                collection.channels[index].feedURL = feedURL
            }
        }
    }
}
