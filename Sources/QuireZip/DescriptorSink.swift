#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibZip

/// A libzip source that writes an archive into an open file descriptor from its current offset, for
/// `ZipWriter.finish(into:)`: the archive goes to the file as libzip writes it, never whole in memory.
///
/// libzip opens a writable archive only on a source that supports every read, seek and write
/// command; this one starts empty (the archive is created with `ZIP_TRUNCATE`), writes with `pwrite`
/// at a tracked offset (libzip seeks back to complete each local header), and reads back what it
/// wrote if asked.
final class DescriptorSink: DescriptorSource {
    private var writeOffset: Int64 = 0

    /// A source writing into `descriptor`, or `nil` with `error` set.
    static func source(writingTo descriptor: Int32, error: inout zip_error_t) -> OpaquePointer? {
        let base = lseek(descriptor, 0, SEEK_CUR)
        guard base >= 0 else {
            zip_error_set(&error, ZIP_ER_SEEK, errno)
            return nil
        }
        return makeSource(DescriptorSink(descriptor: descriptor, base: Int64(base), length: 0), error: &error)
    }

    private static let supported = bitmap(readCommands + [
        ZIP_SOURCE_BEGIN_WRITE, ZIP_SOURCE_COMMIT_WRITE, ZIP_SOURCE_ROLLBACK_WRITE, ZIP_SOURCE_WRITE,
        ZIP_SOURCE_SEEK_WRITE, ZIP_SOURCE_TELL_WRITE, ZIP_SOURCE_REMOVE,
    ])

    override func handle(_ command: zip_source_cmd_t, data: UnsafeMutableRawPointer?, length count: zip_uint64_t) -> Int64 {
        switch command {
        case ZIP_SOURCE_SUPPORTS:
            return Self.supported
        case ZIP_SOURCE_STAT:
            return stat(into: data, count: count)
        case ZIP_SOURCE_REMOVE:
            // Nothing of this archive existed before it was written: there is nothing to remove.
            return 0
        case ZIP_SOURCE_BEGIN_WRITE:
            writeOffset = 0
            length = 0
            return 0
        case ZIP_SOURCE_WRITE:
            guard let data else { return count == 0 ? 0 : fail(ZIP_ER_INVAL) }
            var done: Int64 = 0
            while done < Int64(count) {
                let written = pwrite(descriptor, data + Int(done), Int(Int64(count) - done), off_t(base + writeOffset + done))
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return fail(ZIP_ER_WRITE, errno: written < 0 ? errno : EIO) }
                done += Int64(written)
            }
            writeOffset += done
            length = max(length, writeOffset)
            return done
        case ZIP_SOURCE_SEEK_WRITE:
            return seek(&writeOffset, data: data, count: count, pastEnd: true)
        case ZIP_SOURCE_TELL_WRITE:
            return writeOffset
        case ZIP_SOURCE_COMMIT_WRITE:
            // Leave the descriptor after the archive, as if it had been written with write(2).
            guard lseek(descriptor, off_t(base + length), SEEK_SET) >= 0 else { return fail(ZIP_ER_SEEK, errno: errno) }
            return 0
        case ZIP_SOURCE_ROLLBACK_WRITE:
            // The file was empty from `base` on: discard what was written.
            guard ftruncate(descriptor, off_t(base)) == 0 else { return fail(ZIP_ER_WRITE, errno: errno) }
            length = 0
            return 0
        default:
            return super.handle(command, data: data, length: count)
        }
    }
}
