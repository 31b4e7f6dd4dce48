#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibZip

/// A read-only libzip source over `length` bytes of an open file from `offset`, read with `pread` (so
/// the descriptor's own offset is never moved), for `ZipWriter.add(_:region:compression:)`: an
/// entry written ahead into a scratch file is compressed from there as the archive is written, never
/// whole in memory.
///
/// It reports what a buffer source reports (size, stored, not encrypted, no file attributes), so
/// libzip writes the same entry bytes as for the same data in memory. The descriptor stays the
/// `ZipWriter`'s; the source is freed by libzip (`ZIP_SOURCE_FREE`).
final class DescriptorRegionSource {
    private let descriptor: Int32
    private let offset: Int64
    private let length: Int64
    private var readOffset: Int64 = 0
    private var errorCode: Int32 = 0
    private var systemError: Int32 = 0

    private init(descriptor: Int32, offset: Int64, length: Int64) {
        self.descriptor = descriptor
        self.offset = offset
        self.length = length
    }

    /// A source reading the region, or `nil` with `error` set.
    static func source(reading descriptor: Int32, offset: Int64, length: Int64, error: inout zip_error_t) -> OpaquePointer? {
        let reader = Unmanaged.passRetained(DescriptorRegionSource(descriptor: descriptor, offset: offset, length: length))
        guard let source = zip_source_function_create(callback, reader.toOpaque(), &error) else {
            reader.release()
            return nil
        }
        return source
    }

    /// `zip_source_make_command_bitmap` is variadic, which Swift cannot call.
    private static let supported: Int64 = [
        ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
        ZIP_SOURCE_SEEK, ZIP_SOURCE_TELL, ZIP_SOURCE_SUPPORTS,
    ].reduce(0) { $0 | (1 << Int64($1.rawValue)) }

    private static let callback: zip_source_callback = { userdata, data, length, command in
        guard let userdata else { return -1 }
        let reader = Unmanaged<DescriptorRegionSource>.fromOpaque(userdata)
        if command == ZIP_SOURCE_FREE {
            reader.release()
            return 0
        }
        return reader.takeUnretainedValue().handle(command, data: data, length: length)
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
            stat.pointee.comp_size = zip_uint64_t(length)
            stat.pointee.comp_method = zip_uint16_t(ZIP_CM_STORE)
            stat.pointee.encryption_method = zip_uint16_t(ZIP_EM_NONE)
            stat.pointee.valid |= zip_uint64_t(ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_ENCRYPTION_METHOD)
            return Int64(MemoryLayout<zip_stat_t>.size)
        case ZIP_SOURCE_OPEN:
            readOffset = 0
            return 0
        case ZIP_SOURCE_READ:
            guard let data else { return fail(ZIP_ER_INVAL) }
            let wanted = min(Int64(count), max(length - readOffset, 0))
            var done: Int64 = 0
            while done < wanted {
                let read = pread(descriptor, data + Int(done), Int(wanted - done), off_t(offset + readOffset + done))
                if read < 0 && errno == EINTR { continue }
                // The file ending early means it changed under the archive: an error, not a short entry.
                guard read > 0 else { return fail(ZIP_ER_READ, errno: read < 0 ? errno : EIO) }
                done += Int64(read)
            }
            readOffset += done
            return done
        case ZIP_SOURCE_CLOSE:
            return 0
        case ZIP_SOURCE_SEEK:
            guard let data, count >= MemoryLayout<zip_source_args_seek_t>.size else { return fail(ZIP_ER_INVAL) }
            let arguments = data.load(as: zip_source_args_seek_t.self)
            let origin: Int64
            switch arguments.whence {
            case SEEK_SET: origin = 0
            case SEEK_CUR: origin = readOffset
            case SEEK_END: origin = length
            default: return fail(ZIP_ER_INVAL)
            }
            let (target, overflow) = origin.addingReportingOverflow(arguments.offset)
            guard !overflow, (0...length).contains(target) else { return fail(ZIP_ER_INVAL) }
            readOffset = target
            return 0
        case ZIP_SOURCE_TELL:
            return readOffset
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

    private func fail(_ code: Int32, errno system: Int32 = 0) -> Int64 {
        errorCode = code
        systemError = system
        return -1
    }
}
