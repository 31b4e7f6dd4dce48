import CLibZip
import QuireCore

/// Reads untrusted zip archives through libzip, within `ZipLimits`. Every refusal is a
/// `ConversionFailure` whose diagnostic names the input and the entry.
public enum ZipReader {
    /// Reads every entry of `input` into memory. `prefix` names the format in diagnostic
    /// identifiers (`epub` gives `epub.zip.ratio`).
    public static func read(_ input: InputFile, limits: ZipLimits = .default, prefix: String) throws(ConversionFailure) -> ZipArchive {
        func failure(_ id: String, _ message: String, entry: String? = nil) -> ConversionFailure {
            ConversionFailure(.error(DiagnosticID(rawValue: "\(prefix).zip.\(id)"), message, at: input.location(entry: entry)))
        }
        guard !input.bytes.isEmpty else { throw failure("not-zip", "the file is empty, not a zip archive") }
        let result: Result<ZipArchive, ConversionFailure> = input.bytes.withUnsafeBufferPointer { buffer in
            var error = zip_error_t()
            zip_error_init(&error)
            defer { zip_error_fini(&error) }
            // The source reads the caller's bytes in place; both it and the archive die in this closure.
            guard let source = zip_source_buffer_create(buffer.baseAddress, zip_uint64_t(buffer.count), 0, &error) else {
                return .failure(failure("open", "cannot read the archive: \(String(cString: zip_error_strerror(&error)))"))
            }
            guard let archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) else {
                zip_source_free(source)
                let code = zip_error_code_zip(&error)
                if code == ZIP_ER_EXISTS, let name = CentralDirectoryNames.firstDuplicate(in: buffer) {
                    return .failure(
                        failure("duplicate", "entry '\(name)' appears twice; which one is meant is ambiguous, so the archive is refused", entry: name))
                }
                if code == ZIP_ER_NOZIP {
                    return .failure(failure("not-zip", "not a zip archive (an EPUB is a zip file starting with 'PK')"))
                }
                return .failure(failure("open", "not a readable zip archive: \(String(cString: zip_error_strerror(&error)))"))
            }
            defer { zip_discard(archive) }
            return readEntries(archive, limits: limits, failure: failure)
        }
        return try result.get()
    }

    private static func readEntries(
        _ archive: OpaquePointer, limits: ZipLimits, failure: (String, String, String?) -> ConversionFailure
    ) -> Result<ZipArchive, ConversionFailure> {
        let count = Int(zip_get_num_entries(archive, 0))
        guard count <= limits.maxEntries else {
            return .failure(failure("too-many-entries", "the archive has \(count) entries; Quire reads at most \(limits.maxEntries)", nil))
        }
        // First pass: names, sizes and flags from the central directory, before any byte is inflated.
        var stats: [(path: String, size: Int, compressedSize: Int, isStored: Bool)] = []
        var seen: Set<String> = []
        var total = 0
        for index in 0..<count {
            var stat = zip_stat_t()
            zip_stat_init(&stat)
            guard zip_stat_index(archive, zip_uint64_t(index), zip_flags_t(ZIP_FL_ENC_GUESS), &stat) == 0, let namePointer = stat.name else {
                return .failure(failure("entry", "entry \(index + 1) cannot be read: \(String(cString: zip_strerror(archive)))", nil))
            }
            let path = String(cString: namePointer)
            if let problem = ZipEntryPath.problem(path) {
                return .failure(failure("path.\(problem.id)", "entry '\(path)' \(problem.explanation); refusing the archive", path))
            }
            guard seen.insert(path).inserted else {
                return .failure(failure("duplicate", "entry '\(path)' appears twice; which one is meant is ambiguous, so the archive is refused", path))
            }
            if stat.encryption_method != UInt16(ZIP_EM_NONE) {
                return .failure(failure("encrypted", "entry '\(path)' is encrypted; Quire reads only unencrypted archives", path))
            }
            let size = Int(clamping: stat.size), compressed = Int(clamping: stat.comp_size)
            if size > limits.maxEntrySize {
                return .failure(
                    failure("entry-too-large", "entry '\(path)' unpacks to \(size) bytes; Quire reads at most \(limits.maxEntrySize) per entry", path))
            }
            total += size
            if total > limits.maxTotalSize {
                return .failure(
                    failure("too-large", "the archive unpacks to more than \(limits.maxTotalSize) bytes (at entry '\(path)'); it looks like a zip bomb", path))
            }
            stats.append((path, size, compressed, stat.comp_method == ZIP_CM_STORE))
        }
        for stat in stats where stat.size >= limits.ratioThreshold && stat.size / max(stat.compressedSize, 1) > limits.maxCompressionRatio {
            let ratio = stat.size / max(stat.compressedSize, 1)
            return .failure(
                failure(
                    "ratio",
                    "entry '\(stat.path)' unpacks \(ratio) times larger than it is stored (at most \(limits.maxCompressionRatio)); it looks like a zip bomb",
                    stat.path))
        }
        // Second pass: inflate, never past the declared size (libzip checks the CRC at the end).
        var entries: [ZipEntry] = []
        entries.reserveCapacity(count)
        for (index, stat) in stats.enumerated() {
            if stat.path.hasSuffix("/") {
                entries.append(ZipEntry(path: stat.path, bytes: [], isStored: stat.isStored))
                continue
            }
            guard let file = zip_fopen_index(archive, zip_uint64_t(index), 0) else {
                return .failure(failure("entry", "entry '\(stat.path)' cannot be opened: \(String(cString: zip_strerror(archive)))", stat.path))
            }
            defer { zip_fclose(file) }
            var bytes = [UInt8](repeating: 0, count: stat.size + 1)
            var filled = 0
            while filled < bytes.count {
                let read = bytes.withUnsafeMutableBytes { zip_fread(file, $0.baseAddress! + filled, zip_uint64_t($0.count - filled)) }
                if read < 0 {
                    let message = String(cString: zip_error_strerror(zip_file_get_error(file)))
                    return .failure(failure("entry", "entry '\(stat.path)' is damaged: \(message)", stat.path))
                }
                if read == 0 { break }
                filled += Int(read)
            }
            guard filled == stat.size else {
                return .failure(failure("entry", "entry '\(stat.path)' holds \(filled) bytes where the directory says \(stat.size)", stat.path))
            }
            bytes.removeLast()
            entries.append(ZipEntry(path: stat.path, bytes: bytes, isStored: stat.isStored))
        }
        return .success(ZipArchive(entries: entries))
    }
}
