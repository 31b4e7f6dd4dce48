import CLibZip
import QuireCore

/// Builds a zip archive through libzip, in memory or straight into a file, deterministically: entries
/// in the order they are added, every entry dated 1980-01-01 00:00 (the DOS epoch), no extra fields.
///
/// Each entry's bytes are copied once into memory the writer owns and handed to libzip without a
/// further copy; they are freed when the archive is written. Entries copied from an archive in a
/// file (`add(_:copyingEntry:of:)`) and entries whose data is a region of a file
/// (`add(_:region:compression:)`) are read from it only as the archive is written.
public final class ZipWriter {
    public enum Compression: Sendable, Hashable {
        case stored
        /// Deflate at a zlib level from 1 (fastest) to 9 (smallest).
        case deflate(level: Int)
    }

    private struct PendingEntry {
        enum Content {
            case bytes(UnsafeMutableRawBufferPointer, Compression)
            /// A one-entry archive in memory whose compressed data is copied as it is.
            case precompressed(UnsafeMutableRawBufferPointer)
            /// An entry of an archive in a file, copied still compressed.
            case copied(ZipFileArchive, index: Int)
            /// Bytes of a file, through the writer's own duplicate of its descriptor, compressed as
            /// the archive is written.
            case region(FileRegion, Compression)

            var buffer: UnsafeMutableRawBufferPointer? {
                switch self {
                case .bytes(let buffer, _), .precompressed(let buffer): buffer
                case .copied, .region: nil
                }
            }
        }

        var path: String
        var content: Content
    }

    private struct FileRegion {
        /// The writer's own duplicate, closed when the entries are freed.
        var descriptor: Int32
        var offset: Int64
        var length: Int64
    }

    /// An entry deflated ahead of time, on any thread, as a one-entry archive: `add(_:)` copies its
    /// compressed bytes into the archive without inflating or deflating them again. Lets a writer
    /// compress on all cores and hold only compressed bytes until the archive is written.
    public struct PrecompressedEntry: Sendable {
        public let path: String
        let archive: [UInt8]

        public static func deflate(_ path: String, text: String, level: Int) throws(ConversionFailure) -> PrecompressedEntry {
            let single = ZipWriter()
            try single.add(path, text: text, compression: .deflate(level: level))
            return PrecompressedEntry(path: path, archive: try single.finish())
        }
    }

    private var entries: [PendingEntry] = []
    private var paths: Set<String> = []
    /// `finish()` hands the entries to libzip and frees them: a writer makes one archive.
    private var isFinished = false

    public init() {}

    deinit { freeEntries() }

    /// Adds a file; its path must be new and pass `ZipEntryPath`.
    public func add(_ path: String, bytes: some Collection<UInt8>, compression: Compression = .deflate(level: 6)) throws(ConversionFailure) {
        try entries.append(PendingEntry(path: path, content: .bytes(copy(bytes, for: path), compression)))
    }

    /// Adds an entry compressed ahead of time.
    public func add(_ entry: PrecompressedEntry) throws(ConversionFailure) {
        try entries.append(PendingEntry(path: entry.path, content: .precompressed(copy(entry.archive, for: entry.path))))
    }

    /// Adds entry `index` of `archive` under `path`, copied still compressed when the archive is
    /// written; `archive` stays open until then.
    public func add(_ path: String, copyingEntry index: Int, of archive: ZipFileArchive) throws(ConversionFailure) {
        try checkNew(path)
        guard (0..<archive.entryCount).contains(index) else {
            throw ConversionFailure(.error("zip.write.copy", "cannot copy entry \(index) of an archive of \(archive.entryCount) into '\(path)'"))
        }
        entries.append(PendingEntry(path: path, content: .copied(archive, index: index)))
    }

    /// Adds a file whose data is `length` bytes of the open file `descriptor` from `offset`, read
    /// (with `pread`) and compressed only as the archive is written: the same entry bytes as adding
    /// those bytes from memory. The writer keeps its own duplicate of the descriptor, so the caller
    /// may close it; the file must not change until the archive is written.
    public func add(_ path: String, region descriptor: Int32, offset: Int = 0, length: Int, compression: Compression = .deflate(level: 6))
        throws(ConversionFailure)
    {
        try checkNew(path)
        guard offset >= 0, length >= 0 else {
            throw ConversionFailure(.error("zip.write.region", "cannot write entry '\(path)' from \(length) bytes at offset \(offset) of a file"))
        }
        let duplicate: Int32
        do {
            duplicate = try System.duplicate(descriptor)
        } catch {
            throw ConversionFailure(.error("zip.write.region", "cannot write entry '\(path)' from a scratch file: \(error)"))
        }
        entries.append(
            PendingEntry(
                path: path, content: .region(FileRegion(descriptor: duplicate, offset: Int64(offset), length: Int64(length)), compression)))
    }

    /// Adds a text file, UTF-8 encoded.
    public func add(_ path: String, text: String, compression: Compression = .deflate(level: 6)) throws(ConversionFailure) {
        try add(path, bytes: text.utf8, compression: compression)
    }

    private func checkNew(_ path: String) throws(ConversionFailure) {
        guard !isFinished else { throw ConversionFailure(.error("zip.write.finished", "cannot add '\(path)': the archive is already written")) }
        if let problem = ZipEntryPath.problem(path) {
            throw ConversionFailure(.error("zip.write.path", "cannot write entry '\(path)': it \(problem.explanation)"))
        }
        guard paths.insert(path).inserted else {
            throw ConversionFailure(.error("zip.write.duplicate", "cannot write entry '\(path)' twice"))
        }
    }

    /// A new entry's bytes in memory the writer owns, for libzip to read without a further copy.
    private func copy(_ bytes: some Collection<UInt8>, for path: String) throws(ConversionFailure) -> UnsafeMutableRawBufferPointer {
        try checkNew(path)
        // One byte at least, so an empty entry still has an address to hand to libzip.
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        // A String's UTF-8 and arrays are contiguous: one memcpy instead of a byte-by-byte copy.
        let copied: Bool? = bytes.withContiguousStorageIfAvailable { source in
            if let base = source.baseAddress { buffer.baseAddress!.copyMemory(from: base, byteCount: source.count) }
            return true
        }
        if copied == nil { _ = buffer.initializeMemory(as: UInt8.self, from: bytes) }
        return UnsafeMutableRawBufferPointer(rebasing: buffer[0..<bytes.count])
    }

    private func freeEntries() {
        for entry in entries {
            entry.content.buffer?.deallocate()
            if case .region(let region, _) = entry.content { System.close(region.descriptor) }
        }
        entries = []
    }

    /// The archive's bytes.
    public func finish() throws(ConversionFailure) -> [UInt8] {
        try markFinished()
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let output = zip_source_buffer_create(nil, 0, 0, &error) else { throw Self.failure(String(cString: zip_error_strerror(&error))) }
        // Kept past zip_close, which would otherwise free it, so the written bytes can be read back.
        zip_source_keep(output)
        defer { zip_source_free(output) }
        guard let archive = zip_open_from_source(output, ZIP_TRUNCATE, &error) else {
            throw Self.failure(String(cString: zip_error_strerror(&error)))
        }
        try write(into: archive)
        guard zip_source_open(output) == 0 else { throw Self.failure("the written archive cannot be read back") }
        defer { zip_source_close(output) }
        zip_source_seek(output, 0, SEEK_END)
        let size = Int(zip_source_tell(output))
        zip_source_seek(output, 0, SEEK_SET)
        var bytes = [UInt8](repeating: 0, count: max(size, 0))
        let read = bytes.withUnsafeMutableBytes { zip_source_read(output, $0.baseAddress!, zip_uint64_t($0.count)) }
        guard read == size else { throw Self.failure("the written archive cannot be read back") }
        return bytes
    }

    /// Writes the archive into `descriptor` from its current offset, the same bytes `finish()`
    /// returns, without holding them in memory; the descriptor is left positioned after them.
    public func finish(into descriptor: Int32) throws(ConversionFailure) {
        try markFinished()
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let output = DescriptorSink.source(writingTo: descriptor, error: &error) else {
            throw Self.failure(String(cString: zip_error_strerror(&error)))
        }
        guard let archive = zip_open_from_source(output, ZIP_TRUNCATE, &error) else {
            zip_source_free(output)
            throw Self.failure(String(cString: zip_error_strerror(&error)))
        }
        try write(into: archive)
    }

    private func markFinished() throws(ConversionFailure) {
        guard !isFinished else { throw ConversionFailure(.error("zip.write.finished", "the archive is already written")) }
        isFinished = true
    }

    private static func failure(_ message: String) -> ConversionFailure {
        ConversionFailure(.error("zip.write", "cannot write the archive: \(message)"))
    }

    /// Hands every entry to `archive`, opened on its output, and closes it, which writes it; the
    /// entries are freed once written.
    private func write(into archive: OpaquePointer) throws(ConversionFailure) {
        func failure(_ message: String) -> ConversionFailure { Self.failure(message) }
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        // The one-entry archives of precompressed entries, read from until the archive is closed.
        var singles: [OpaquePointer] = []
        defer { for single in singles { zip_discard(single) } }
        for entry in entries {
            let copiedSource: (archive: OpaquePointer, index: Int)?
            switch entry.content {
            case .precompressed(let buffer):
                guard let source = zip_source_buffer_create(buffer.baseAddress, zip_uint64_t(buffer.count), 0, &error),
                    let single = zip_open_from_source(source, ZIP_RDONLY, &error)
                else {
                    zip_discard(archive)
                    throw failure("a precompressed entry '\(entry.path)' is not an archive: \(String(cString: zip_error_strerror(&error)))")
                }
                singles.append(single)
                copiedSource = (single, 0)
            case .copied(let file, let index):
                copiedSource = (file.handle, index)
            case .bytes, .region:
                copiedSource = nil
            }
            if let copiedSource {
                guard let source = zip_source_zip(archive, copiedSource.archive, zip_uint64_t(copiedSource.index), zip_flags_t(ZIP_FL_COMPRESSED), 0, -1),
                    case let index = zip_file_add(archive, entry.path, source, zip_flags_t(ZIP_FL_ENC_UTF_8)), index >= 0,
                    zip_file_set_dostime(archive, zip_uint64_t(index), 0, 0x0021, 0) == 0
                else {
                    let message = String(cString: zip_strerror(archive))
                    zip_discard(archive)
                    throw failure(message)
                }
                continue
            }
            let dataSource: OpaquePointer?
            let compression: Compression
            switch entry.content {
            case .bytes(let buffer, let bufferCompression):
                dataSource = zip_source_buffer(archive, buffer.baseAddress, zip_uint64_t(buffer.count), 0)
                compression = bufferCompression
            case .region(let region, let regionCompression):
                dataSource = DescriptorRegionSource.source(reading: region.descriptor, offset: region.offset, length: region.length, error: &error)
                compression = regionCompression
            case .precompressed, .copied:
                dataSource = nil
                compression = .stored
            }
            guard let source = dataSource else {
                let message = if case .region = entry.content { String(cString: zip_error_strerror(&error)) } else { String(cString: zip_strerror(archive)) }
                zip_discard(archive)
                throw failure(message)
            }
            let index = zip_file_add(archive, entry.path, source, zip_flags_t(ZIP_FL_ENC_UTF_8))
            guard index >= 0 else {
                let message = String(cString: zip_strerror(archive))
                zip_source_free(source)
                zip_discard(archive)
                throw failure(message)
            }
            let method: (Int32, UInt32) =
                switch compression {
                case .stored: (ZIP_CM_STORE, 0)
                case .deflate(let level): (ZIP_CM_DEFLATE, UInt32(min(max(level, 1), 9)))
                }
            // 0x0021 is 1980-01-01 in DOS date format, 0 is midnight: no clock, no time zone.
            guard zip_set_file_compression(archive, zip_uint64_t(index), method.0, method.1) == 0,
                zip_file_set_dostime(archive, zip_uint64_t(index), 0, 0x0021, 0) == 0
            else {
                let message = String(cString: zip_strerror(archive))
                zip_discard(archive)
                throw failure(message)
            }
        }
        guard zip_close(archive) == 0 else {
            let message = String(cString: zip_strerror(archive))
            zip_discard(archive)
            throw failure(message)
        }
        // The entries are written: free them before the archive is copied out, to lower the peak.
        freeEntries()
    }
}
