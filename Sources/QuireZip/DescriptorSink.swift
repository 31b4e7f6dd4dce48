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
/// wrote if asked. It is freed by libzip (`ZIP_SOURCE_FREE`) with the archive.
final class DescriptorSink {
    private let descriptor: Int32
    /// Where the archive starts in the file: the descriptor's offset when the sink was made.
    private let base: Int64
    /// Bytes of the archive written so far.
    private var length: Int64 = 0
    private var writeOffset: Int64 = 0
    private var readOffset: Int64 = 0
    /// The last failure, as libzip's error code and `errno`.
    private var errorCode: Int32 = 0
    private var systemError: Int32 = 0

    private init(descriptor: Int32, base: Int64) {
        self.descriptor = descriptor
        self.base = base
    }

    /// A source writing into `descriptor`, or `nil` with `error` set.
    static func source(writingTo descriptor: Int32, error: inout zip_error_t) -> OpaquePointer? {
        let base = lseek(descriptor, 0, SEEK_CUR)
        guard base >= 0 else {
            zip_error_set(&error, ZIP_ER_SEEK, errno)
            return nil
        }
        let sink = Unmanaged.passRetained(DescriptorSink(descriptor: descriptor, base: Int64(base)))
        guard let source = zip_source_function_create(callback, sink.toOpaque(), &error) else {
            sink.release()
            return nil
        }
        return source
    }

    /// `zip_source_make_command_bitmap` is variadic, which Swift cannot call.
    private static let supported: Int64 = [
        ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
        ZIP_SOURCE_SEEK, ZIP_SOURCE_TELL, ZIP_SOURCE_SUPPORTS,
        ZIP_SOURCE_BEGIN_WRITE, ZIP_SOURCE_COMMIT_WRITE, ZIP_SOURCE_ROLLBACK_WRITE, ZIP_SOURCE_WRITE,
        ZIP_SOURCE_SEEK_WRITE, ZIP_SOURCE_TELL_WRITE, ZIP_SOURCE_REMOVE,
    ].reduce(0) { $0 | (1 << Int64($1.rawValue)) }

    private static let callback: zip_source_callback = { userdata, data, length, command in
        guard let userdata else { return -1 }
        let sink = Unmanaged<DescriptorSink>.fromOpaque(userdata)
        if command == ZIP_SOURCE_FREE {
            sink.release()
            return 0
        }
        return sink.takeUnretainedValue().handle(command, data: data, length: length)
    }

    private func handle(_ command: zip_source_cmd_t, data: UnsafeMutableRawPointer?, length count: zip_uint64_t) -> Int64 {
        switch command {
        case ZIP_SOURCE_SUPPORTS:
            return Self.supported
        case ZIP_SOURCE_STAT:
            guard let data, count >= MemoryLayout<zip_stat_t>.size else { return fail(ZIP_ER_INVAL) }
            let stat = data.assumingMemoryBound(to: zip_stat_t.self)
            zip_stat_init(stat)
            stat.pointee.size = zip_uint64_t(length)
            stat.pointee.valid |= zip_uint64_t(ZIP_STAT_SIZE)
            return Int64(MemoryLayout<zip_stat_t>.size)
        case ZIP_SOURCE_OPEN:
            readOffset = 0
            return 0
        case ZIP_SOURCE_READ:
            guard let data else { return fail(ZIP_ER_INVAL) }
            let wanted = min(Int64(count), max(length - readOffset, 0))
            var done: Int64 = 0
            while done < wanted {
                let read = pread(descriptor, data + Int(done), Int(wanted - done), off_t(base + readOffset + done))
                if read < 0 && errno == EINTR { continue }
                guard read > 0 else { return fail(ZIP_ER_READ, errno: read < 0 ? errno : EIO) }
                done += Int64(read)
            }
            readOffset += done
            return done
        case ZIP_SOURCE_CLOSE, ZIP_SOURCE_REMOVE:
            // Nothing of this archive existed before it was written: there is nothing to remove.
            return 0
        case ZIP_SOURCE_SEEK:
            return seek(&readOffset, data: data, count: count)
        case ZIP_SOURCE_TELL:
            return readOffset
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
            return seek(&writeOffset, data: data, count: count)
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
        case ZIP_SOURCE_ERROR:
            guard let data, count >= 2 * MemoryLayout<Int32>.size else { return -1 }
            let codes = data.assumingMemoryBound(to: Int32.self)
            codes[0] = errorCode
            codes[1] = systemError
            return Int64(2 * MemoryLayout<Int32>.size)
        default:
            return fail(ZIP_ER_OPNOTSUPP)
        }
    }

    /// Moves `offset` as `fseek` would, within the archive; positions past the end are allowed for
    /// writing (the gap would read as zeros) but not before its start.
    private func seek(_ offset: inout Int64, data: UnsafeMutableRawPointer?, count: zip_uint64_t) -> Int64 {
        guard let data, count >= MemoryLayout<zip_source_args_seek_t>.size else { return fail(ZIP_ER_INVAL) }
        let arguments = data.load(as: zip_source_args_seek_t.self)
        let origin: Int64
        switch arguments.whence {
        case SEEK_SET: origin = 0
        case SEEK_CUR: origin = offset
        case SEEK_END: origin = length
        default: return fail(ZIP_ER_INVAL)
        }
        let (target, overflow) = origin.addingReportingOverflow(arguments.offset)
        guard !overflow, target >= 0 else { return fail(ZIP_ER_INVAL) }
        offset = target
        return 0
    }

    private func fail(_ code: Int32, errno system: Int32 = 0) -> Int64 {
        errorCode = code
        systemError = system
        return -1
    }
}
