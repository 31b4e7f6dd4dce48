/// A podcast channel (a show): what podcast apps subscribe to.
public struct Channel: Sendable, Hashable {
    public var title: String
    /// The channel's RSS feed, which podcast apps need to subscribe.
    public var feedURL: String?
    /// The channel's web page.
    public var siteURL: String?
    public var description: String?
    /// The show's artwork (`itunes:image`, `<image><url>`).
    public var image: String?
    /// Who makes the show, as the feed names them (`itunes:author`).
    public var author: String?
    /// The show's categories, as written (`itunes:category`, nested ones as `Parent/Child`).
    public var categories: [String]

    public init(
        title: String, feedURL: String? = nil, siteURL: String? = nil, description: String? = nil, image: String? = nil,
        author: String? = nil, categories: [String] = []
    ) {
        self.title = title
        self.feedURL = feedURL
        self.siteURL = siteURL
        self.description = description
        self.image = image
        self.author = author
        self.categories = categories
    }

    mutating func fillGaps(from other: Channel) {
        feedURL = feedURL ?? other.feedURL
        siteURL = siteURL ?? other.siteURL
        description = description ?? other.description
        image = image ?? other.image
        author = author ?? other.author
        if categories.isEmpty { categories = other.categories }
    }
}
