import QuireCore

/// A document the book generates from the whole collection (contents, NCX, overview, index, package
/// document), written a piece at a time: held in memory for `EPUBWriter.write`, or passed through to
/// a scratch file for the stream writer, so a 50 MB contents file never sits in memory whole and is
/// not copied again into the archive's buffers. The same pieces make the same bytes either way.
final class GeneratedDocument {
    /// Everything written, when the document is held in memory.
    private(set) var bytes: [UInt8] = []
    /// Where the document goes when it is spooled; `SpoolFile` buffers the small pieces.
    let spool: SpoolFile?
    /// The book's identifier state, continued over this document's bytes in order when the document
    /// is one the identifier covers.
    private(set) var identity: ContentIdentifier?

    init(spool: SpoolFile?, identity: ContentIdentifier?) {
        self.spool = spool
        self.identity = identity
    }

    /// Bytes written so far.
    var count: Int { spool?.count ?? bytes.count }

    func append(_ piece: String) throws {
        identity?.add(piece)
        if let spool {
            try spool.write(piece.utf8)
        } else {
            bytes.append(contentsOf: piece.utf8)
        }
    }

    func append(_ piece: UnsafeRawBufferPointer) throws {
        identity?.add(piece)
        if let spool {
            try spool.write(piece)
        } else {
            bytes.append(contentsOf: piece)
        }
    }
}
