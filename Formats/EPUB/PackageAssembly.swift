import QuireCore
import QuireZip

/// The book being built: the zip entries, the manifest and spine that list them, and the content
/// identity computed from everything added.
final class PackageAssembly {
    let archive = ZipWriter()
    private(set) var identity = ContentIdentifier()
    private(set) var manifest: [PackageLayout.Item] = []
    private(set) var spine: [String] = []
    /// Where generated documents are spooled, for the stream writer; `nil` holds them in memory.
    private let spoolOutput: StreamOutput?

    /// zlib level for text entries. Deflating happens serially when the archive is closed: on the
    /// 2,000-episode benchmark book level 1 takes about 0.3 s less than zlib's default 6 for a file
    /// 10 % larger (13.2 MB instead of 11.9 MB).
    static let textLevel = 1
    static let textCompression = ZipWriter.Compression.deflate(level: textLevel)

    /// OCF: `mimetype` first, stored, so the file's first bytes identify it; then the container.
    init(spoolingTo spoolOutput: StreamOutput? = nil) throws {
        self.spoolOutput = spoolOutput
        try archive.add("mimetype", text: "application/epub+zip", compression: .stored)
        try archive.add("META-INF/container.xml", text: PackageDocument.container, compression: Self.textCompression)
    }

    /// Adds a text part, lists it in the manifest and, when it is read in order, in the spine.
    func add(_ item: PackageLayout.Item, text: String, inSpine: Bool = false) throws {
        identity.add(text)
        try archive.add(item.path, text: text, compression: Self.textCompression)
        list(item, inSpine: inSpine)
    }

    /// Adds an image: stored when it is already compressed (JPEG, PNG, GIF).
    func add(_ item: PackageLayout.Item, bytes: [UInt8]) throws {
        identity.add(bytes)
        try archive.add(item.path, bytes: bytes, compression: item.mediaType == "image/svg+xml" ? Self.textCompression : .stored)
        list(item, inSpine: false)
    }

    /// Adds the episode document at reading `position`, hashed and deflated on its worker: the
    /// identity takes its digest.
    func addEpisode(at position: Int, document: EpisodeDocuments.Document) throws {
        let item = Self.episodeItem(position, hasTimeline: document.hasTimeline)
        precondition(document.entry.path == item.path, "an episode document was deflated for another entry")
        identity.add(document.digest)
        try archive.add(document.entry)
        list(item, inSpine: true)
    }

    /// Adds the episode document at reading `position` from the scratch archive it was written to
    /// ahead of the book, copied still compressed.
    func addEpisode(at position: Int, spooled document: EpisodeDocumentSpool.Placement, from archive: ZipFileArchive) throws {
        let item = Self.episodeItem(position, hasTimeline: document.hasTimeline)
        identity.add(document.digest)
        try self.archive.add(item.path, copyingEntry: document.entry, of: archive)
        list(item, inSpine: true)
    }

    private static func episodeItem(_ position: Int, hasTimeline: Bool) -> PackageLayout.Item {
        var item = PackageLayout.episode(position)
        // EPUB declares inline SVG in the manifest.
        if hasTimeline { item.properties = "svg" }
        return item
    }

    /// Adds a document `write` generates a piece at a time, under `path`, hashed into the identity
    /// when `hashed`; `write` returns `false` to leave the document out. Spooled documents are
    /// compressed from their scratch file when the archive is written. Returns whether it was added.
    @discardableResult
    func addGenerated(_ path: String, hashed: Bool, _ write: (GeneratedDocument) throws -> Bool) throws -> Bool {
        let document = GeneratedDocument(spool: try spoolOutput?.makeSpool(), identity: hashed ? identity : nil)
        guard try write(document) else { return false }
        if let documentIdentity = document.identity { identity = documentIdentity }
        if let spool = document.spool {
            // The archive reads through its own duplicate of the descriptor: the scratch file lives
            // on, unnamed, after `spool` is released.
            try archive.add(path, region: try spool.flushedDescriptor(), length: spool.count, compression: Self.textCompression)
        } else {
            try archive.add(path, bytes: document.bytes, compression: Self.textCompression)
        }
        return true
    }

    /// Adds a generated document (`addGenerated`) listed in the manifest, hashed.
    @discardableResult
    func addGenerated(_ item: PackageLayout.Item, inSpine: Bool, _ write: (GeneratedDocument) throws -> Bool) throws -> Bool {
        guard try addGenerated(item.path, hashed: true, write) else { return false }
        list(item, inSpine: inSpine)
        return true
    }

    /// Lists an item added elsewhere (the NCX) in the manifest.
    func list(_ item: PackageLayout.Item, inSpine: Bool) {
        manifest.append(item)
        if inSpine { spine.append(item.id) }
    }
}
