/// An output file written a piece at a time by a streaming writer, atomically: it takes its name
/// only on `commit()`, so a failed or refused job (`--strict`) leaves any existing file as it was.
///
/// Writes are buffered; `makeSpool()` gives scratch files beside the output for parts written ahead
/// of where they belong (a page's articles, while its table of contents is still growing).
public final class StreamOutput {
    public let path: String
    private let file: PendingFile
    private var buffer: [UInt8] = []
    private static let bufferSize = 1 << 20

    /// An output that will replace `path`; nothing appears there until `commit()`.
    public init(path: String) throws(FileIO.Failure) {
        self.path = path
        file = try PendingFile(beside: path)
        buffer.reserveCapacity(Self.bufferSize)
    }

    public func write(_ bytes: some Collection<UInt8>) throws(FileIO.Failure) {
        if buffer.count + bytes.count > Self.bufferSize { try flush() }
        if bytes.count >= Self.bufferSize {
            try FileIO.writeAll(Array(bytes), to: file.descriptor, path: path)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    public func write(_ text: String) throws(FileIO.Failure) { try write(text.utf8) }

    /// Appends everything written to `spool`.
    public func append(_ spool: SpoolFile) throws(FileIO.Failure) {
        try flush()
        try spool.copy(to: file.descriptor, path: path)
    }

    /// A scratch file in the output's folder (so on its file system, not in memory on a `tmpfs`).
    public func makeSpool() throws(FileIO.Failure) -> SpoolFile {
        try SpoolFile(beside: path)
    }

    /// Hands the output's descriptor, positioned after everything written so far, to code that writes
    /// into it directly (libzip).
    public func withFileDescriptor<Result>(_ body: (Int32) throws -> Result) throws -> Result {
        try flush()
        return try body(file.descriptor)
    }

    /// Flushes the output and gives it its name.
    public func commit() throws(FileIO.Failure) {
        try flush()
        try file.commit()
    }

    private func flush() throws(FileIO.Failure) {
        guard !buffer.isEmpty else { return }
        try FileIO.writeAll(buffer, to: file.descriptor, path: path)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// A scratch file with no name (where the system allows), deleted when released: written once in
/// order, then read back whole.
public final class SpoolFile {
    private let file: PendingFile
    /// The output it is a scratch file for, named in failures.
    private let outputPath: String
    private var buffer: [UInt8] = []
    private static let bufferSize = 1 << 18
    /// Bytes written so far.
    public private(set) var count = 0

    init(beside path: String) throws(FileIO.Failure) {
        file = try PendingFile(beside: path)
        outputPath = path
    }

    public func write(_ bytes: some Collection<UInt8>) throws(FileIO.Failure) {
        buffer.append(contentsOf: bytes)
        count += bytes.count
        if buffer.count >= Self.bufferSize { try flush() }
    }

    public func write(_ text: String) throws(FileIO.Failure) { try write(text.utf8) }

    /// The descriptor, with everything written flushed to it: for libzip, which reads archives from it.
    public func flushedDescriptor() throws(FileIO.Failure) -> Int32 {
        try flush()
        return file.descriptor
    }

    func copy(to descriptor: Int32, path: String) throws(FileIO.Failure) {
        try flush()
        var offset = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while offset < count {
            let wanted = min(chunk.count, count - offset)
            let read: Int
            do {
                read = try System.read(file.descriptor, into: &chunk, count: wanted, at: offset)
            } catch {
                throw FileIO.Failure(path: path, reason: "cannot read back a scratch file: \(error)")
            }
            guard read > 0 else { throw FileIO.Failure(path: path, reason: "cannot read back a scratch file: it ended early") }
            try FileIO.writeAll(Array(chunk[0..<read]), to: descriptor, path: path)
            offset += read
        }
    }

    private func flush() throws(FileIO.Failure) {
        guard !buffer.isEmpty else { return }
        try FileIO.writeAll(buffer, to: file.descriptor, path: outputPath)
        buffer.removeAll(keepingCapacity: true)
    }
}
