/// A set of episode summaries: what every reader produces and every writer consumes.
///
/// All model types are plain `Sendable` values, so conversions can run in parallel
/// and tests can compare whole models with `==`.
public struct EpisodeCollection: Sendable, Hashable {
    /// The collection's own title (a book title, a page title), when the input gives one.
    public var title: String?
    /// Lines from the input that precede the first episode (site chrome on a scraped page),
    /// kept verbatim so nothing is lost.
    public var preamble: [String]
    public var channels: [Channel]
    public var episodes: [Episode]

    public init(title: String? = nil, preamble: [String] = [], channels: [Channel] = [], episodes: [Episode] = []) {
        self.title = title
        self.preamble = preamble
        self.channels = channels
        self.episodes = episodes
    }

    /// The channel an episode belongs to, looked up by its title.
    public func channel(named title: String) -> Channel? {
        channels.first { $0.title == title }
    }

    /// Appends another collection: preambles and episodes are concatenated, channels merged by title
    /// (a channel seen again only fills in the fields the first one lacked).
    public mutating func merge(_ other: EpisodeCollection) {
        if title == nil { title = other.title }
        preamble += other.preamble
        for channel in other.channels {
            if let index = channels.firstIndex(where: { $0.title == channel.title }) {
                channels[index].fillGaps(from: channel)
            } else {
                channels.append(channel)
            }
        }
        episodes += other.episodes
    }
}
