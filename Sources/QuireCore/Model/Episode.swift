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
    /// What is said, segment by segment, when the input carries a transcript (a feed's
    /// `podcast:transcript`, a WebVTT or SRT file); `nil` when it carries none.
    public var transcript: Transcript?

    public init(
        title: String, channel: String? = nil, language: String? = nil, summary: String = "",
        chapters: [Chapter] = [], entities: [Entity] = [], metadata: EpisodeMetadata = EpisodeMetadata(),
        transcript: Transcript? = nil
    ) {
        self.title = title
        self.channel = channel
        self.language = language
        self.summary = summary
        self.chapters = chapters
        self.entities = entities
        self.metadata = metadata
        self.transcript = transcript
    }
}

/// Facts about an episode that are not part of its summary text.
public struct EpisodeMetadata: Sendable, Hashable {
    /// The episode's web page (a feed item's `<link>`).
    public var url: String?
    /// Publication date as written, ISO 8601 (`2026-05-21`, or `2026-05-21T06:30:00Z` with a time).
    public var published: String?
    /// Running time in seconds.
    public var duration: Int?
    /// The feed's identifier for the episode (`<guid>`), which podcast apps use to tell episodes apart.
    public var guid: String?
    /// The audio or video file.
    public var enclosure: Enclosure?
    /// The episode's own artwork (`itunes:image`), when it has one apart from the channel's.
    public var image: String?
    /// Season and episode number (`itunes:season`, `itunes:episode`).
    public var season: Int?
    public var number: Int?
    /// Whether the feed marks the episode explicit; `nil` when it does not say.
    public var explicit: Bool?
    /// The episode's chapters as a separate file (`podcast:chapters`), usually JSON chapters.
    public var chaptersLink: MediaLink?
    /// Transcripts published for the episode (`podcast:transcript`), in the feed's order.
    public var transcriptLinks: [MediaLink]
    /// Fields the input carried that Quire has no name for, in input order, kept so nothing is lost.
    public var extra: [MetadataField]

    public init(
        url: String? = nil, published: String? = nil, duration: Int? = nil, guid: String? = nil, enclosure: Enclosure? = nil,
        image: String? = nil, season: Int? = nil, number: Int? = nil, explicit: Bool? = nil, chaptersLink: MediaLink? = nil,
        transcriptLinks: [MediaLink] = [], extra: [MetadataField] = []
    ) {
        self.url = url
        self.published = published
        self.duration = duration
        self.guid = guid
        self.enclosure = enclosure
        self.image = image
        self.season = season
        self.number = number
        self.explicit = explicit
        self.chaptersLink = chaptersLink
        self.transcriptLinks = transcriptLinks
        self.extra = extra
    }

    public var isEmpty: Bool { self == EpisodeMetadata() }
}

public struct MetadataField: Sendable, Hashable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}
