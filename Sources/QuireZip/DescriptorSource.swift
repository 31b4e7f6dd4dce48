import CLibZip
import QuireCore

/// What the two libzip function sources over a file descriptor share: the callback that reaches the
/// Swift object, reading part of the file with `pread` (so the descriptor's own offset never moves),
/// seeking within it, and reporting errors as libzip asks for them.
///
/// Subclasses add the commands they support; the object is freed by libzip (`ZIP_SOURCE_FREE`).
class DescriptorSource {
    let descriptor: Int32
    /// Where the data starts in the file.
    let base: Int64
    /// Bytes of data: fixed for a region that is read, growing for an archive being written.
    var length: Int64
    var readOffset: Int64 = 0
    /// The last failure, as libzip's error code and `errno`.
    private var errorCode: Int32 = 0
    private var systemError: Int32 = 0

    init(descriptor: Int32, base: Int64, length: Int64) {
        self.descriptor = descriptor
        self.base = base
        self.length = length
    }

    /// A libzip source backed by `object`, or `nil` with `error` set.
    static func makeSource(_ object: DescriptorSource, error: inout zip_error_t) -> OpaquePointer? {
        let retained = Unmanaged.passRetained(object)
        guard let source = zip_source_function_create(callback, retained.toOpaque(), &error) else {
            retained.release()
            return nil
        }
        return source
    }

    /// `zip_source_make_command_bitmap` is variadic, which Swift cannot call.
    static func bitmap(_ commands: [zip_source_cmd_t]) -> Int64 {
        commands.reduce(0) { $0 | (1 << Int64($1.rawValue)) }
    }

    static let readCommands: [zip_source_cmd_t] = [
        ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
        ZIP_SOURCE_SEEK, ZIP_SOURCE_TELL, ZIP_SOURCE_SUPPORTS,
    ]

    private static let callback: zip_source_callback = { userdata, data, length, command in
        guard let userdata else { return -1 }
        let object = Unmanaged<DescriptorSource>.fromOpaque(userdata)
        if command == ZIP_SOURCE_FREE {
            object.release()
            return 0
        }
        return object.takeUnretainedValue().handle(command, data: data, length: length)
    }

    /// Answers one command; subclasses handle theirs and pass the rest here.
    func handle(_ command: zip_source_cmd_t, data: UnsafeMutableRawPointer?, length count: zip_uint64_t) -> Int64 {
        switch command {
        case ZIP_SOURCE_OPEN:
            readOffset = 0
            return 0
        case ZIP_SOURCE_READ:
            guard let data else { return fail(ZIP_ER_INVAL) }
            let wanted = min(Int64(count), max(length - readOffset, 0))
            var done: Int64 = 0
            while done < wanted {
                let read: Int
                do {
                    read = try System.read(
                        descriptor, into: UnsafeMutableRawBufferPointer(start: data + Int(done), count: Int(wanted - done)),
                        at: Int(base + readOffset + done))
                } catch {
                    return fail(ZIP_ER_READ, errno: error.code)
                }
                // The file ending early means it changed under the archive: an error, not short data.
                guard read > 0 else { return fail(ZIP_ER_READ, errno: SystemError.inputOutput.code) }
                done += Int64(read)
            }
            readOffset += done
            return done
        case ZIP_SOURCE_CLOSE:
            return 0
        case ZIP_SOURCE_SEEK:
            return seek(&readOffset, data: data, count: count, pastEnd: false)
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

    /// Moves `offset` as `fseek` would, never before the start; past the end only when `pastEnd`
    /// (writing may leave a gap).
    func seek(_ offset: inout Int64, data: UnsafeMutableRawPointer?, count: zip_uint64_t, pastEnd: Bool) -> Int64 {
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
        guard !overflow, target >= 0, pastEnd || target <= length else { return fail(ZIP_ER_INVAL) }
        offset = target
        return 0
    }

    /// Fills a `zip_stat_t` with the data's size, and what `extra` adds; returns the size written.
    func stat(into data: UnsafeMutableRawPointer?, count: zip_uint64_t, extra: (UnsafeMutablePointer<zip_stat_t>) -> Void = { _ in }) -> Int64 {
        guard let data, count >= MemoryLayout<zip_stat_t>.size else { return fail(ZIP_ER_INVAL) }
        let stat = data.assumingMemoryBound(to: zip_stat_t.self)
        zip_stat_init(stat)
        stat.pointee.size = zip_uint64_t(length)
        stat.pointee.valid |= zip_uint64_t(ZIP_STAT_SIZE)
        extra(stat)
        return Int64(MemoryLayout<zip_stat_t>.size)
    }

    func fail(_ code: Int32, errno system: Int32 = 0) -> Int64 {
        errorCode = code
        systemError = system
        return -1
    }
}
