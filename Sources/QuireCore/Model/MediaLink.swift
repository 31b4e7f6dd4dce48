/// An episode's audio or video file, as a feed's `<enclosure>` gives it.
public struct Enclosure: Sendable, Hashable {
    public var url: String
    /// The media type (`audio/mpeg`); `nil` when the feed leaves it out.
    public var mediaType: String?
    /// Size in bytes; `nil` when the feed leaves it out or gives `0`.
    public var length: Int?

    public init(url: String, mediaType: String? = nil, length: Int? = nil) {
        self.url = url
        self.mediaType = mediaType
        self.length = length
    }
}

/// A file published alongside an episode: a transcript (`podcast:transcript`) or a chapters file
/// (`podcast:chapters`). Only the reference is kept; readers that find the file itself (`quire fetch`
/// stores it next to the feed) read it into `Episode.transcript` or the chapters.
public struct MediaLink: Sendable, Hashable {
    public var url: String
    /// The media type (`text/vtt`, `application/x-subrip`, `application/json`, `text/html`).
    public var mediaType: String?
    /// BCP 47 language tag, for transcripts.
    public var language: String?
    /// `captions` when a transcript is timed closely enough to show as captions.
    public var rel: String?

    public init(url: String, mediaType: String? = nil, language: String? = nil, rel: String? = nil) {
        self.url = url
        self.mediaType = mediaType
        self.language = language
        self.rel = rel
    }
}
