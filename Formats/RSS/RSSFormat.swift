import QuireCore

/// Podcast feeds: RSS 2.0 (with the iTunes, Podcasting 2.0 and Podlove tags) and, for reading, Atom
/// and RSS 1.0. Quire writes a feed of summaries that reads back into the same episodes.
public struct RSSFormat: FormatPlugin {
    public static let id: FormatID = "rss"

    let transcriptFileParser: RSSReader.TranscriptFileParser?

    /// `transcriptFileParser` reads transcript files found next to a feed (see `RSSReader`); by default
    /// the timed-text formats Quire reads (WebVTT, SRT, Podcasting 2.0 JSON).
    public init(transcriptFileParser: RSSReader.TranscriptFileParser? = RSSReader.timedTextParser) {
        self.transcriptFileParser = transcriptFileParser
    }

    public var name: String { "built-in" }

    public func register(in registry: inout FormatRegistry) throws {
        try registry.add(
            FormatDescriptor(
                id: Self.id, displayName: "RSS/Atom podcast feed", aliases: ["feed", "atom", "podcast"], fileExtensions: ["rss", "atom"],
                mediaTypes: ["application/rss+xml", "application/atom+xml"], settings: RSSSettings.all,
                sniffer: { sample in
                    // `.xml` files (and anything else) are feeds when their root element says so.
                    guard let text = sample.text, let root = RSSFormat.rootElementStart(text) else { return nil }
                    if root.hasPrefix("<rss") || root.hasPrefix("<rdf:RDF") && text.contains("http://purl.org/rss/1.0/") { return .certain }
                    if root.hasPrefix("<feed") && text.contains("http://www.w3.org/2005/Atom") { return .certain }
                    return nil
                }))
        try registry.addReader(RSSReader(transcriptFileParser: transcriptFileParser), for: Self.id)
        try registry.addWriter(
            RSSWriter(), for: Self.id,
            loss: .lossy("the collection's title and preamble, transcripts' text, channels other than the feed's apart from their names and feeds"))
    }
}

extension RSSFormat {
    /// The text from the root element's `<` on, past the XML declaration, processing instructions
    /// (`<?xml-stylesheet?>`), comments and a DOCTYPE; `nil` when the text does not start as XML.
    static func rootElementStart(_ text: String) -> Substring? {
        var rest = text.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        while rest.hasPrefix("<?") || rest.hasPrefix("<!") {
            let end = rest.hasPrefix("<!--") ? rest.firstRange(of: "-->")?.upperBound : rest.firstIndex(of: ">").map { rest.index(after: $0) }
            guard let end else { return nil }
            rest = rest[end...].drop { $0.isWhitespace }
        }
        return rest.hasPrefix("<") ? rest : nil
    }
}

/// What the RSS writer can be told.
public enum RSSSettings {
    public static let feedBaseURL = FormatSetting(
        "feed-base-url", .text(valueName: "url"),
        help:
            "Where the feed will be published: episodes get podcast:chapters and podcast:transcript links to <url>/chapters/<n>.json and <url>/transcripts/<n>.json, written next to a folder output."
    )

    public static let all = [feedBaseURL]
}
