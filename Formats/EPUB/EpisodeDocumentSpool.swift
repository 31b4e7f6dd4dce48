import QuireCore
import QuireZip

/// Episode documents written ahead of the book, for the stream writer: rendered documents, deflated
/// on the workers, are gathered into archives of `documentsPerArchive` entries, each written to a
/// scratch file beside the output, so memory holds at most one archive's worth of compressed
/// documents however long the book. The book copies them from there still compressed.
final class EpisodeDocumentSpool {
    /// Where a document went, and what the book needs to know of it without reading it back.
    struct Placement {
        /// Index into `archives`.
        var archive: Int
        /// The entry's index in that archive.
        var entry: Int
        /// The document's content digest, which the book's identifier hashes in reading order.
        var digest: [UInt8]
        var hasTimeline: Bool
    }

    /// A few MB of compressed documents per archive: memory stays small, and the scratch archives
    /// (each one open file while the book is written) few.
    static let defaultDocumentsPerArchive = 512

    private let output: StreamOutput
    private let documentsPerArchive: Int
    /// The scratch archives written so far, open for the book to copy from.
    private(set) var archives: [ZipFileArchive] = []
    /// The archive being gathered, and how many documents it holds.
    private var pending = ZipWriter()
    private var pendingCount = 0

    init(output: StreamOutput, documentsPerArchive: Int = defaultDocumentsPerArchive) {
        self.output = output
        self.documentsPerArchive = max(documentsPerArchive, 1)
    }

    /// Adds a rendered document; its compressed bytes are released once its archive is written.
    func add(_ document: EpisodeDocuments.Document) throws -> Placement {
        try pending.add(document.entry)
        let placement = Placement(archive: archives.count, entry: pendingCount, digest: document.digest, hasTimeline: document.hasTimeline)
        pendingCount += 1
        if pendingCount == documentsPerArchive { try writePending() }
        return placement
    }

    /// Writes the documents gathered since the last archive; call before the book copies from `archives`.
    func flush() throws {
        if pendingCount > 0 { try writePending() }
    }

    private func writePending() throws {
        let bytes = try pending.finish()
        pending = ZipWriter()
        pendingCount = 0
        let spool = try output.makeSpool()
        try spool.write(bytes)
        // The archive reads through its own duplicate of the descriptor, which keeps the unnamed
        // scratch file alive after `spool` is released.
        archives.append(try ZipFileArchive(descriptor: try spool.flushedDescriptor()))
    }
}
