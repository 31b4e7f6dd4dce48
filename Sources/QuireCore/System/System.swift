#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C library, in one place (swift-nio's `System.swift`): calls that can be interrupted are
/// retried, failures carry `errno` and its text, and no other module of Quire's formats touches libc.
public enum System {
    public typealias Descriptor = Int32

    public static let standardInput: Descriptor = STDIN_FILENO
    public static let standardOutput: Descriptor = STDOUT_FILENO
    public static let standardError: Descriptor = STDERR_FILENO

    // MARK: Descriptors

    /// How a file is opened.
    public enum OpenMode: Sendable {
        case readOnly
        case writeOnly
    }

    public static func open(_ path: String, _ mode: OpenMode) throws(SystemError) -> Descriptor {
        let flags =
            switch mode {
            case .readOnly: O_RDONLY | O_CLOEXEC
            case .writeOnly: O_WRONLY | O_CLOEXEC
            }
        let descriptor = retryingInterrupts { c_open(path, flags) }
        guard descriptor >= 0 else { throw SystemError.current }
        return descriptor
    }

    public static func close(_ descriptor: Descriptor) { _ = c_close(descriptor) }

    /// A second descriptor for the same open file (it shares the offset).
    public static func duplicate(_ descriptor: Descriptor) throws(SystemError) -> Descriptor {
        let copy = c_dup(descriptor)
        guard copy >= 0 else { throw SystemError.current }
        return copy
    }

    /// Reads at most `buffer.count` bytes; 0 at the end of the file.
    public static func read(_ descriptor: Descriptor, into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> Int {
        let count = retryingInterrupts { c_read(descriptor, buffer.baseAddress, buffer.count) }
        guard count >= 0 else { throw SystemError.current }
        return count
    }

    /// Reads at most `buffer.count` bytes at `offset`, leaving the descriptor's own offset alone.
    public static func read(
        _ descriptor: Descriptor, into buffer: UnsafeMutableRawBufferPointer, at offset: Int
    ) throws(SystemError) -> Int {
        let count = retryingInterrupts { c_pread(descriptor, buffer.baseAddress, buffer.count, off_t(offset)) }
        guard count >= 0 else { throw SystemError.current }
        return count
    }

    /// Fills `buffer` from `offset`, or fails: a short file is an error (`EIO`) here.
    public static func readFully(_ descriptor: Descriptor, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(SystemError) {
        var filled = 0
        while filled < buffer.count {
            let count = try read(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]), at: offset + filled)
            guard count > 0 else { throw SystemError.inputOutput }
            filled += count
        }
    }

    /// Writes at most `bytes.count` bytes at `offset`, leaving the descriptor's own offset alone.
    public static func write(_ descriptor: Descriptor, from bytes: UnsafeRawBufferPointer, at offset: Int) throws(SystemError) -> Int {
        let count = retryingInterrupts { c_pwrite(descriptor, bytes.baseAddress, bytes.count, off_t(offset)) }
        guard count >= 0 else { throw SystemError.current }
        return count
    }

    /// Writes all of `bytes`, however many calls it takes.
    public static func writeAll(_ descriptor: Descriptor, _ bytes: UnsafeRawBufferPointer) throws(SystemError) {
        var offset = 0
        while offset < bytes.count {
            let count = retryingInterrupts { c_write(descriptor, bytes.baseAddress! + offset, bytes.count - offset) }
            guard count >= 0 else { throw SystemError.current }
            offset += count
        }
    }

    /// Reads at most `count` bytes into `bytes` from index `start` (at `offset` in the file when given).
    public static func read(
        _ descriptor: Descriptor, into bytes: inout [UInt8], from start: Int = 0, count: Int, at offset: Int? = nil
    ) throws(SystemError) -> Int {
        precondition(start >= 0 && count >= 0 && start + count <= bytes.count)
        let read = bytes.withUnsafeMutableBytes { buffer in
            retryingInterrupts {
                if let offset {
                    c_pread(descriptor, buffer.baseAddress! + start, count, off_t(offset))
                } else {
                    c_read(descriptor, buffer.baseAddress! + start, count)
                }
            }
        }
        guard read >= 0 else { throw SystemError.current }
        return read
    }

    /// Writes all of `bytes`.
    public static func writeAll(_ descriptor: Descriptor, _ bytes: [UInt8]) throws(SystemError) {
        let failure: SystemError? = bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = retryingInterrupts { c_write(descriptor, buffer.baseAddress! + offset, buffer.count - offset) }
                guard count >= 0 else { return SystemError.current }
                offset += count
            }
            return nil
        }
        if let failure { throw failure }
    }

    /// Where the descriptor's offset is.
    public static func currentOffset(_ descriptor: Descriptor) throws(SystemError) -> Int {
        let offset = c_lseek(descriptor, 0, SEEK_CUR)
        guard offset >= 0 else { throw SystemError.current }
        return Int(offset)
    }

    /// Moves the descriptor's offset to `offset` from the start.
    public static func seek(_ descriptor: Descriptor, to offset: Int) throws(SystemError) {
        guard c_lseek(descriptor, off_t(offset), SEEK_SET) >= 0 else { throw SystemError.current }
    }

    /// Cuts the file to `length` bytes.
    public static func truncate(_ descriptor: Descriptor, to length: Int) throws(SystemError) {
        guard retryingInterrupts({ c_ftruncate(descriptor, off_t(length)) }) == 0 else { throw SystemError.current }
    }

    public static func isTerminal(_ descriptor: Descriptor) -> Bool { c_isatty(descriptor) == 1 }

    /// Opens `/dev/null` in place of standard input, output or error when one is closed, so that the
    /// next file opened does not take its number (and a plugin read or write the wrong thing).
    public static func openStandardDescriptorsIfClosed() {
        for descriptor: Descriptor in 0...2 where c_fcntl(descriptor, F_GETFD) == -1 {
            _ = c_open("/dev/null", O_RDWR)
        }
    }

    // MARK: Files

    /// What a path or descriptor is.
    public enum FileKind: Sendable { case regular, directory, special }

    public struct FileStatus: Sendable {
        public var kind: FileKind
        /// Bytes, for a regular file.
        public var size: Int
        /// Device and inode: two paths with the same identity are one file (a case-insensitive file
        /// system spells one name several ways).
        public var identity: FileIdentity
    }

    public struct FileIdentity: Sendable, Hashable {
        var device: UInt64
        var inode: UInt64
    }

    public static func status(ofPath path: String) -> FileStatus? {
        var info = stat()
        guard c_stat(path, &info) == 0 else { return nil }
        return FileStatus(info)
    }

    public static func status(of descriptor: Descriptor) -> FileStatus? {
        var info = stat()
        guard c_fstat(descriptor, &info) == 0 else { return nil }
        return FileStatus(info)
    }

    /// `mkdir -p`, one level: a folder that exists already is no error.
    public static func makeDirectory(_ path: String) throws(SystemError) {
        if c_mkdir(path, 0o777) != 0 && errno != EEXIST { throw SystemError.current }
    }

    /// The names in a folder (without `.` and `..`), unsorted; `nil` when it cannot be opened.
    public static func directoryEntries(_ path: String) -> [String]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// What `path` itself is, not following a symbolic link: `nil` for a link (or nothing there).
    public static func statusWithoutFollowingLinks(ofPath path: String) -> FileStatus? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT != S_IFLNK else { return nil }
        return FileStatus(info)
    }

    /// Removes a file (not a folder).
    /// Whether the path itself is a symbolic link (not followed).
    public static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    public static func removeFile(_ path: String) throws(SystemError) {
        if unlink(path) != 0 { throw SystemError.current }
    }

    /// The paths a shell glob pattern matches, sorted; none when it matches nothing.
    public static func glob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard c_glob(pattern, 0, &result) == 0 else { return [] }
        return (0..<Int(result.gl_pathc)).compactMap { result.gl_pathv[$0].map { String(cString: $0) } }.sorted()
    }

    // MARK: Time and memory

    /// Seconds since 1970 (UTC), now.
    public static var secondsSince1970: Int { Int(c_time()) }

    /// Frees memory a C library allocated with `malloc` and handed over (cmark-gfm's rendered HTML).
    public static func freeMallocated(_ pointer: UnsafeMutableRawPointer?) { c_free(pointer) }

    /// The bytes of a NUL-terminated C string, without the NUL.
    public static func bytes(ofCString pointer: UnsafePointer<CChar>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: c_strlen(pointer))
    }

    // MARK: Helpers

    /// Runs `call` again while it fails with `EINTR` (a signal arrived before it did anything).
    @inlinable
    public static func retryingInterrupts<Result: BinaryInteger>(_ call: () -> Result) -> Result {
        while true {
            let result = call()
            if result >= 0 || errno != EINTR { return result }
        }
    }
}

// The C functions under names the methods above do not shadow (`System.read` calls `c_read`); as
// free functions they compile against Glibc and Darwin alike.
private func c_open(_ path: String, _ flags: Int32) -> Int32 { open(path, flags) }
private func c_close(_ descriptor: Int32) -> Int32 { close(descriptor) }
private func c_dup(_ descriptor: Int32) -> Int32 { dup(descriptor) }
private func c_read(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { read(descriptor, buffer, count) }
private func c_pread(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int, _ offset: off_t) -> Int {
    pread(descriptor, buffer, count, offset)
}
private func c_pwrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int, _ offset: off_t) -> Int {
    pwrite(descriptor, buffer, count, offset)
}
private func c_write(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int { write(descriptor, buffer, count) }
private func c_lseek(_ descriptor: Int32, _ offset: off_t, _ whence: Int32) -> off_t { lseek(descriptor, offset, whence) }
private func c_ftruncate(_ descriptor: Int32, _ length: off_t) -> Int32 { ftruncate(descriptor, length) }
private func c_isatty(_ descriptor: Int32) -> Int32 { isatty(descriptor) }
private func c_fcntl(_ descriptor: Int32, _ command: Int32) -> Int32 { fcntl(descriptor, command) }
private func c_stat(_ path: String, _ info: inout stat) -> Int32 { stat(path, &info) }
private func c_fstat(_ descriptor: Int32, _ info: inout stat) -> Int32 { fstat(descriptor, &info) }
private func c_mkdir(_ path: String, _ mode: mode_t) -> Int32 { mkdir(path, mode) }
private func c_glob(_ pattern: String, _ flags: Int32, _ result: inout glob_t) -> Int32 { glob(pattern, flags, nil, &result) }
private func c_time() -> time_t { time(nil) }
private func c_free(_ pointer: UnsafeMutableRawPointer?) { free(pointer) }
private func c_strlen(_ pointer: UnsafePointer<CChar>) -> Int { strlen(pointer) }

extension System.FileStatus {
    fileprivate init(_ info: stat) {
        kind =
            switch info.st_mode & S_IFMT {
            case S_IFREG: .regular
            case S_IFDIR: .directory
            default: .special
            }
        size = Int(info.st_size)
        identity = System.FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}

/// A failed system call: its `errno` and the C library's text for it.
public struct SystemError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: Int32

    public init(code: Int32) { self.code = code }

    /// The error of the call that just failed.
    public static var current: SystemError { SystemError(code: errno) }

    /// `No such file or directory`.
    public var description: String { String(cString: strerror(code)) }

    /// An input/output error: what a file that ends early is reported as.
    public static let inputOutput = SystemError(code: EIO)
}
