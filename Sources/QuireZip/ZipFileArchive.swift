import CLibZip
import QuireCore

/// A zip archive in a file, open for reading, whose entries a `ZipWriter` copies still compressed
/// (`add(_:copyingEntry:of:)`): lets a writer deflate entries ahead of time into scratch files and
/// hold only their places in memory. The archive stays open until released.
public final class ZipFileArchive {
    let handle: OpaquePointer
    public let entryCount: Int

    /// Opens the archive written to `descriptor`, which stays the caller's: libzip reads through a
    /// duplicate of it, sharing its file offset, so the caller must not read or write through the
    /// offset while this archive is in use (`pread`/`pwrite` are fine).
    public init(descriptor: Int32) throws(ConversionFailure) {
        // zip_fdopen takes ownership of the descriptor it is given, and only on success.
        let duplicate: Int32
        do {
            duplicate = try System.duplicate(descriptor)
        } catch {
            throw ConversionFailure(.error("zip.read.scratch", "cannot open a scratch archive: \(error)"))
        }
        var code: Int32 = 0
        guard let handle = zip_fdopen(duplicate, 0, &code) else {
            System.close(duplicate)
            var error = zip_error_t()
            zip_error_init_with_code(&error, code)
            defer { zip_error_fini(&error) }
            throw ConversionFailure(.error("zip.read.scratch", "cannot open a scratch archive: \(String(cString: zip_error_strerror(&error)))"))
        }
        self.handle = handle
        entryCount = Int(max(zip_get_num_entries(handle, 0), 0))
    }

    deinit { zip_discard(handle) }
}
