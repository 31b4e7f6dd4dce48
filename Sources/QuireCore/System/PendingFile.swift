#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file being written beside its target that takes the target's name only when complete: until
/// `commit()` an existing file at the target is untouched, and a failure or a kill leaves nothing.
///
/// On Linux the file has no name at all while it is written (`O_TMPFILE`), so even SIGKILL or power
/// loss leaves nothing behind; it gets a name only for the instant between `linkat` and `rename`.
/// Elsewhere, or where the file system cannot do it, it is a hidden `.NAME.quire-XXXXXX` file.
final class PendingFile {
    let descriptor: Int32
    let target: String
    /// The hidden temporary's path, when the file has one.
    private let temporaryPath: String?
    private var isCommitted = false

    init(beside target: String) throws(FileIO.Failure) {
        self.target = target
        let directory = target.contains("/") ? String(target[..<target.lastIndex(of: "/")!]) : "."
        let folder = directory.isEmpty ? "/" : directory
        if let descriptor = try Self.unnamedFile(in: folder, target: target) {
            self.descriptor = descriptor
            temporaryPath = nil
            return
        }
        let name = target.split(separator: "/").last.map(String.init) ?? target
        var template = Array("\(folder)/.\(name).quire-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw FileIO.Failure(path: target, reason: "cannot create a temporary file beside it: \(SystemError.current.description)")
        }
        self.descriptor = descriptor
        temporaryPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit {
        close(descriptor)
        if !isCommitted, let temporaryPath { unlink(temporaryPath) }
    }

    /// Flushes the file to disk, gives it the permissions an ordinary new file gets, and renames it
    /// over the target.
    func commit() throws(FileIO.Failure) {
        guard fsync(descriptor) == 0 else { throw FileIO.Failure(path: target, reason: SystemError.current.description) }
        // Temporary files are created 0600.
        let mask = umask(0)
        umask(mask)
        fchmod(descriptor, 0o666 & ~mask)
        if let temporaryPath {
            guard rename(temporaryPath, target) == 0 else { throw FileIO.Failure(path: target, reason: SystemError.current.description) }
            isCommitted = true
            return
        }
        #if os(Linux)
        let directory = target.contains("/") ? String(target[..<target.lastIndex(of: "/")!]) : "."
        let folder = directory.isEmpty ? "/" : directory
        let name = target.split(separator: "/").last.map(String.init) ?? target
        for attempt in 0..<100 {
            let temporary = "\(folder)/.\(name).quire-\(getpid())-\(attempt)"
            if linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, temporary, AT_SYMLINK_FOLLOW) == 0 {
                guard rename(temporary, target) == 0 else {
                    let failure = FileIO.Failure(path: target, reason: SystemError.current.description)
                    unlink(temporary)
                    throw failure
                }
                isCommitted = true
                return
            }
            if errno != EEXIST { break }
        }
        throw FileIO.Failure(path: target, reason: "cannot give the written file its name: \(SystemError.current.description)")
        #endif
    }

    /// An unnamed file in `folder`, or `nil` where the kernel or file system cannot make one.
    private static func unnamedFile(in folder: String, target: String) throws(FileIO.Failure) -> Int32? {
        #if os(Linux)
        // O_TMPFILE is a macro Swift does not import: __O_TMPFILE (0o20000000) with O_DIRECTORY.
        let descriptor = open(folder, 0o20000000 | O_DIRECTORY | O_RDWR | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            if errno == ENOENT || errno == EACCES || errno == ENOSPC || errno == EROFS || errno == EDQUOT {
                throw FileIO.Failure(path: target, reason: "cannot create a temporary file beside it: \(SystemError.current.description)")
            }
            return nil
        }
        return descriptor
        #else
        return nil
        #endif
    }
}
