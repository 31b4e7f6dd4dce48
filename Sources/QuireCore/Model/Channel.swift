/// A podcast channel (a show): what podcast apps subscribe to.
public struct Channel: Sendable, Hashable {
    public var title: String
    /// The channel's RSS feed, which podcast apps need to subscribe.
    public var feedURL: String?
    /// The channel's web page.
    public var siteURL: String?
    public var description: String?

    public init(title: String, feedURL: String? = nil, siteURL: String? = nil, description: String? = nil) {
        self.title = title
        self.feedURL = feedURL
        self.siteURL = siteURL
        self.description = description
    }

    mutating func fillGaps(from other: Channel) {
        feedURL = feedURL ?? other.feedURL
        siteURL = siteURL ?? other.siteURL
        description = description ?? other.description
    }
}
