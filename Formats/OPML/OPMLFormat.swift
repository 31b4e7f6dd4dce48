import QuireCore

/// OPML 2.0: channel lists for podcast apps (the default) and full outlines for outliners
/// (setting `opml`: `outline`). Reads podcast apps' exports and Quire's own outlines.
public struct OPMLFormat: FormatPlugin {
    public static let id: FormatID = "opml"

    public init() {}
    public var name: String { "built-in" }

    public func register(in registry: inout FormatRegistry) throws {
        try registry.add(
            FormatDescriptor(
                id: Self.id, displayName: "OPML", fileExtensions: ["opml"], mediaTypes: ["text/x-opml", "application/xml"],
                settings: OPMLSettings.all,
                sniffer: { sample in
                    guard let text = sample.text?.prefix(2048).lowercased() else { return nil }
                    return text.contains("<opml") ? .certain : nil
                }))
        try registry.addReader(OPMLReader(), for: Self.id)
        // The default channel list keeps channels only; an outline keeps everything.
        try registry.addWriter(
            OPMLWriter(), for: Self.id, loss: .lossy("episodes, unless written with \(OPMLSettings.mode.mention) outline; channel categories holding a comma"))
    }
}

/// The outline `type`s Quire writes, so its own outlines read back exactly.
enum OutlineType {
    static let feed = "rss"
    static let episode = "episode"
    static let chapter = "chapter"
    static let quote = "quote"
    static let entities = "entities"
    static let entity = "entity"
    static let metadata = "metadata"
    static let preamble = "preamble"
    /// An episode's chapters file and transcript links (`text` is the address), and its transcript:
    /// one `segment` outline per segment, times in milliseconds.
    static let chaptersFile = "chapters-file"
    static let transcriptFile = "transcript-file"
    static let transcript = "transcript"
    static let segment = "segment"
    /// Overcast nests a channel's episodes as outlines of this type.
    static let overcastEpisode = "podcast-episode"
}
