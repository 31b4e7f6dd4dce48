import QuireCore

/// A file a feed links to that `quire fetch` stores beside it (a chapters file, a transcript).
public struct LinkedFile: Sendable, Hashable {
    /// Absolute: a relative link is resolved against the feed's URL first.
    public var url: String
    public var mediaType: String?

    public init(url: String, mediaType: String?) {
        self.url = url
        self.mediaType = mediaType
    }
}

/// What reading a downloaded feed told: whether it is a feed at all, its title, the files it links.
public struct FeedInspection: Sendable {
    /// The reader's diagnostics; any error means the download is refused and nothing is written.
    public var diagnostics: Diagnostics
    public var title: String?
    public var linkedFiles: [LinkedFile]

    public init(diagnostics: Diagnostics, title: String? = nil, linkedFiles: [LinkedFile] = []) {
        self.diagnostics = diagnostics
        self.title = title
        self.linkedFiles = linkedFiles
    }
}

/// Reads downloaded feed bytes before they are kept. `quire fetch` holds no format logic: this is
/// the seam where the format registry's reader does the reading.
public protocol FeedInspector: Sendable {
    /// `name` is what diagnostics are located in (the feed's URL).
    func inspect(_ bytes: [UInt8], name: String) -> FeedInspection
}

/// Reads feeds with the registry's `rss` reader (RSS and Atom alike): a feed that does not read is
/// refused with the reader's own diagnostics, and the model's chapters and transcript links are the
/// files to download.
public struct RegistryFeedInspector: FeedInspector {
    /// The format name feeds are read as.
    public static let feedFormat = "rss"

    private let registry: FormatRegistry

    public init(registry: FormatRegistry) {
        self.registry = registry
    }

    /// Whether the registry has a reader for feeds.
    public var canReadFeeds: Bool { reader != nil }

    private var reader: (any FormatReader)? {
        guard let format = registry.format(named: Self.feedFormat) else { return nil }
        for edge in registry.readers(of: format.id) {
            if case .read(let reader) = edge.action { return reader }
        }
        return nil
    }

    public func inspect(_ bytes: [UInt8], name: String) -> FeedInspection {
        guard let reader else {
            let missing = Diagnostic.error("fetch.reader.missing", "no reader for '\(Self.feedFormat)' feeds is registered; cannot check the download")
            return FeedInspection(diagnostics: Diagnostics([missing]))
        }
        var diagnostics = Diagnostics()
        let collection: EpisodeCollection
        do {
            collection = try reader.read(InputFile(name: name, bytes: bytes), options: ConversionOptions(), diagnostics: &diagnostics)
        } catch let failure as ConversionFailure {
            diagnostics.report(contentsOf: Diagnostics(failure.diagnostics))
            if !diagnostics.hasErrors { diagnostics.report(.error("fetch.feed.unreadable", "the feed cannot be read", at: SourceLocation(file: name))) }
            return FeedInspection(diagnostics: diagnostics)
        } catch {
            diagnostics.report(.error("fetch.feed.unreadable", "the feed cannot be read: \(error)", at: SourceLocation(file: name)))
            return FeedInspection(diagnostics: diagnostics)
        }
        var links: [LinkedFile] = []
        var seen: Set<String> = []
        for episode in collection.episodes {
            let metadata = episode.metadata
            for link in [metadata.chaptersLink].compactMap({ $0 }) + metadata.transcriptLinks {
                guard let absolute = URLText.resolve(link.url, against: name), seen.insert(absolute).inserted else { continue }
                links.append(LinkedFile(url: absolute, mediaType: link.mediaType))
            }
        }
        let title = collection.channels.first?.title ?? collection.title
        return FeedInspection(diagnostics: diagnostics, title: title, linkedFiles: links)
    }
}
