/// One episode's summary.
///
/// Text fields (`summary`, chapter bodies, quotes, entity descriptions) hold CommonMark
/// inline markup as written; paragraphs are separated by one blank line.
public struct Episode: Sendable, Hashable {
    public var title: String
    /// The title of the channel this episode belongs to (see `EpisodeCollection.channels`).
    public var channel: String?
    /// BCP 47 language tag such as `en`, `zh`, `ko`.
    public var language: String?
    /// The overview paragraph(s).
    public var summary: String
    public var chapters: [Chapter]
    public var entities: [Entity]
    public var metadata: EpisodeMetadata

    public init(
        title: String, channel: String? = nil, language: String? = nil, summary: String = "",
        chapters: [Chapter] = [], entities: [Entity] = [], metadata: EpisodeMetadata = EpisodeMetadata()
    ) {
        self.title = title
        self.channel = channel
        self.language = language
        self.summary = summary
        self.chapters = chapters
        self.entities = entities
        self.metadata = metadata
    }
}

/// Facts about an episode that are not part of its summary text.
public struct EpisodeMetadata: Sendable, Hashable {
    /// The episode's web page.
    public var url: String?
    /// Publication date as written, ISO 8601 (`2026-05-21`).
    public var published: String?
    /// Running time in seconds.
    public var duration: Int?
    /// Fields the input carried that Quire has no name for, in input order, kept so nothing is lost.
    public var extra: [MetadataField]

    public init(url: String? = nil, published: String? = nil, duration: Int? = nil, extra: [MetadataField] = []) {
        self.url = url
        self.published = published
        self.duration = duration
        self.extra = extra
    }

    public var isEmpty: Bool { url == nil && published == nil && duration == nil && extra.isEmpty }
}

public struct MetadataField: Sendable, Hashable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}
