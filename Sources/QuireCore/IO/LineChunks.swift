/// A file read in chunks of whole lines, so a reader can take a large input a piece at a time: each
/// chunk ends just after a line feed (or at the end of the file), and a line longer than the chunk
/// size makes its chunk longer rather than being cut.
public struct LineChunks {
    public let path: String
    private let descriptor: System.Descriptor
    private let chunkSize: Int
    private var carry: [UInt8] = []
    private var scratch: [UInt8] = []
    private var isAtEnd = false
    /// 1-based number of the first line of the next chunk.
    public private(set) var nextLineNumber = 1

    public init(path: String, chunkSize: Int = 4 << 20) throws(FileIO.Failure) {
        self.path = path
        self.chunkSize = chunkSize
        descriptor = try FileIO.open(path, .readOnly)
    }

    /// Closes the file; call once when done.
    public func close() { System.close(descriptor) }

    /// The size of a regular file at `path`, or `nil` for anything else (a pipe, a device, a folder).
    public static func regularFileSize(_ path: String) -> Int? {
        guard path != "-", let status = System.status(ofPath: path), status.kind == .regular else { return nil }
        return status.size
    }

    /// The next chunk and the number of its first line, or `nil` at the end of the file.
    public mutating func next() throws(FileIO.Failure) -> (bytes: [UInt8], firstLine: Int)? {
        var bytes = carry
        carry = []
        while !isAtEnd {
            let start = bytes.count
            let want = max(chunkSize - start, min(chunkSize, 1 << 16))
            if scratch.count < want { scratch = [UInt8](repeating: 0, count: want) }
            let read: Int
            do {
                read = try System.read(descriptor, into: &scratch, count: want)
            } catch {
                throw FileIO.Failure(path: path, reason: "\(error)")
            }
            if read == 0 {
                isAtEnd = true
                break
            }
            bytes += scratch[0..<read]
            // Cut after the last line feed once the chunk is full.
            if bytes.count >= chunkSize, let lastFeed = bytes.lastIndex(of: 0x0A) {
                carry = Array(bytes[(lastFeed + 1)...])
                bytes.removeSubrange((lastFeed + 1)...)
                break
            }
        }
        guard !bytes.isEmpty else { return nil }
        let firstLine = nextLineNumber
        // A plain loop over the buffer, which the compiler vectorizes (a `reduce` over the array did not).
        nextLineNumber += bytes.withUnsafeBufferPointer { buffer in
            var feeds = 0
            for byte in buffer where byte == 0x0A { feeds += 1 }
            return feeds
        }
        return (bytes, firstLine)
    }
}
