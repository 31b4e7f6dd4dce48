/// What a collection holds besides its episodes. A streaming reader knows it before the first episode.
public struct CollectionHeader: Sendable, Hashable {
    public var title: String?
    public var preamble: [String]
    public var channels: [Channel]

    public init(title: String? = nil, preamble: [String] = [], channels: [Channel] = []) {
        self.title = title
        self.preamble = preamble
        self.channels = channels
    }

    /// The collection these parts make with `episodes`.
    public func collection(episodes: [Episode] = []) -> EpisodeCollection {
        EpisodeCollection(title: title, preamble: preamble, channels: channels, episodes: episodes)
    }
}

/// Receives a collection in order, a batch of episodes at a time, and writes as it goes, so that
/// memory holds one batch and whatever index the format needs (titles for a table of contents),
/// never the whole collection. Writers own files, so they are classes.
///
/// Calls come in this order: `begin` once, `write` any number of times, `finish` once. After a
/// thrown error no further call is made and the output is discarded.
public protocol EpisodeStreamWriter: AnyObject {
    func begin(_ header: CollectionHeader, diagnostics: inout Diagnostics) throws
    /// The next episodes of the collection, in order.
    func write(_ episodes: [Episode], diagnostics: inout Diagnostics) throws
    /// Completes the output after the last episode.
    func finish(diagnostics: inout Diagnostics) throws
}

/// A writer that can also write as episodes arrive. Its output must be the same bytes `write` gives
/// for the whole collection; the conformance tests hold every streaming writer to that.
public protocol StreamingFormatWriter: FormatWriter {
    /// A stream writer into `output`, or `nil` when these options need the whole collection first (a
    /// reading order other than the input's, a user's page template).
    func streamWriter(options: ConversionOptions, output: StreamOutput) throws -> (any EpisodeStreamWriter)?
}

/// A reader that can read a file in pieces, handing episodes on as it finds them.
///
/// Streamed episodes carry no `channel` of their own: channels come from the header (and from
/// `--channel`, which then names every episode's), which keeps the header complete before the first
/// episode.
public protocol StreamingFormatReader: FormatReader {
    /// Reads the file at `path` (named `name` in diagnostics) into `writer`, calling `progress` with
    /// the bytes read so far as it goes. Returns `false`, without calling the writer, when this input
    /// needs the whole-input `read` (a form that cannot be read in pieces); the caller then reads it whole.
    func stream(
        path: String, name: String, options: ConversionOptions, diagnostics: inout Diagnostics, into writer: any EpisodeStreamWriter,
        progress: (_ bytesRead: Int) -> Void
    ) throws -> Bool
}

/// Applies a job's defaults (`--title`, `--channel`, `--feed`, `--language`) to a stream on its way
/// to a writer: the same result `CollectionDefaults.apply(to:)` gives the whole collection, given that
/// streamed episodes carry no channel.
public final class DefaultsApplyingStreamWriter: EpisodeStreamWriter {
    let defaults: CollectionDefaults
    let writer: any EpisodeStreamWriter

    public init(_ defaults: CollectionDefaults, writing writer: any EpisodeStreamWriter) {
        self.defaults = defaults
        self.writer = writer
    }

    public func begin(_ header: CollectionHeader, diagnostics: inout Diagnostics) throws {
        var collection = header.collection()
        defaults.apply(to: &collection)
        try writer.begin(CollectionHeader(title: collection.title, preamble: collection.preamble, channels: collection.channels), diagnostics: &diagnostics)
    }

    public func write(_ episodes: [Episode], diagnostics: inout Diagnostics) throws {
        var episodes = episodes
        for index in episodes.indices {
            precondition(episodes[index].channel == nil, "a streaming reader handed on an episode with its own channel")
            if episodes[index].language == nil { episodes[index].language = defaults.language }
            episodes[index].channel = defaults.channel
        }
        try writer.write(episodes, diagnostics: &diagnostics)
    }

    public func finish(diagnostics: inout Diagnostics) throws {
        try writer.finish(diagnostics: &diagnostics)
    }
}
