import CLibZip
import QuireCore

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
        let base: Int
        do {
            base = try System.currentOffset(descriptor)
        } catch let failure {
            zip_error_set(&error, ZIP_ER_SEEK, failure.code)
            return nil
        }
        return makeSource(DescriptorSink(descriptor: descriptor, base: Int64(base), length: 0), error: &error)
    }

    private static let supported = bitmap(
        readCommands + [
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
                let written: Int
                do {
                    written = try System.write(
                        descriptor, from: UnsafeRawBufferPointer(start: data + Int(done), count: Int(Int64(count) - done)),
                        at: Int(base + writeOffset + done))
                } catch {
                    return fail(ZIP_ER_WRITE, errno: error.code)
                }
                guard written > 0 else { return fail(ZIP_ER_WRITE, errno: SystemError.inputOutput.code) }
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
            do {
                try System.seek(descriptor, to: Int(base + length))
            } catch {
                return fail(ZIP_ER_SEEK, errno: error.code)
            }
            return 0
        case ZIP_SOURCE_ROLLBACK_WRITE:
            // The file was empty from `base` on: discard what was written.
            do {
                try System.truncate(descriptor, to: Int(base))
            } catch {
                return fail(ZIP_ER_WRITE, errno: error.code)
            }
            length = 0
            return 0
        default:
            return super.handle(command, data: data, length: count)
        }
    }
}
