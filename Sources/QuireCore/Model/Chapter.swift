/// A timestamped section of an episode.
public struct Chapter: Sendable, Hashable {
    /// Start in seconds from the beginning of the episode; `nil` for a section without a timestamp.
    public var start: Int?
    public var title: String
    /// The chapter's prose, quotes taken out.
    public var body: String
    public var quotes: [Quote]
    /// The body and quotes were recovered from corrupt upstream data rather than read where they belong.
    public var isRecovered: Bool

    public init(start: Int?, title: String, body: String = "", quotes: [Quote] = [], isRecovered: Bool = false) {
        self.start = start
        self.title = title
        self.body = body
        self.quotes = quotes
        self.isRecovered = isRecovered
    }
}

/// A key quote from the episode.
public struct Quote: Sendable, Hashable {
    public var text: String
    /// When it is said, in seconds from the beginning of the episode.
    public var time: Int?

    public init(text: String, time: Int? = nil) {
        self.text = text
        self.time = time
    }
}
