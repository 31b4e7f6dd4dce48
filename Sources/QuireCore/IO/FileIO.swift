/// Reading inputs and writing outputs so that a failure never leaves a half-written file.
public enum FileIO {
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var reason: String

        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }

        public var description: String { "\(path): \(reason)" }
    }

    /// The whole file, or standard input for `-`.
    public static func read(_ path: String) throws(Failure) -> [UInt8] {
        let descriptor = path == "-" ? System.standardInput : try open(path, .readOnly)
        defer { if path != "-" { System.close(descriptor) } }
        let status = System.status(of: descriptor)
        if status?.kind == .directory { throw Failure(path: path, reason: "is a directory") }
        var bytes: [UInt8] = []
        if let status, status.kind == .regular { bytes.reserveCapacity(status.size) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count: Int
            do {
                count = try System.read(descriptor, into: &chunk, count: chunk.count)
            } catch {
                throw Failure(path: path, reason: "\(error)")
            }
            if count == 0 { break }
            bytes += chunk[0..<count]
        }
        return bytes
    }

    /// At most `count` bytes from the start of the file at `path`.
    public static func readPrefix(_ path: String, count: Int) throws(Failure) -> [UInt8] {
        let descriptor = try open(path, .readOnly)
        defer { System.close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let read: Int
            do {
                read = try System.read(descriptor, into: &bytes, from: filled, count: count - filled)
            } catch {
                throw Failure(path: path, reason: "\(error)")
            }
            if read == 0 { break }
            filled += read
        }
        return Array(bytes[0..<filled])
    }

    static func open(_ path: String, _ mode: System.OpenMode) throws(Failure) -> System.Descriptor {
        do {
            return try System.open(path, mode)
        } catch {
            throw Failure(path: path, reason: error.description)
        }
    }

    /// Writes `bytes` to `path` atomically: into a temporary file beside it, flushed, then renamed over
    /// the target. An existing file is replaced whole or left as it was. `-` writes to standard output.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(Failure) {
        if path == "-" {
            try writeAll(bytes, to: System.standardOutput, path: "<stdout>")
            return
        }
        // A device or pipe (`/dev/null`, `/dev/stdout`, a FIFO) cannot be replaced by renaming, and
        // must not be: write into it directly.
        if isSpecialFile(path) {
            let descriptor = try open(path, .writeOnly)
            defer { System.close(descriptor) }
            try writeAll(bytes, to: descriptor, path: path)
            return
        }
        let file = try PendingFile(beside: path)
        try writeAll(bytes, to: file.descriptor, path: path)
        try file.commit()
    }

    /// Whether `path` names a device, pipe or socket, which is written into directly, never replaced.
    public static func isSpecialFile(_ path: String) -> Bool {
        System.status(ofPath: path)?.kind == .special
    }

    /// Writes a writer's folder output under `directory`, creating folders as needed; each file is
    /// written atomically. Everything that would make a write fail or land elsewhere is refused before
    /// anything is written: paths leaving the folder (`..`, absolute), symbolic links inside it (a
    /// link could lead anywhere, and replacing it would delete the user's link), and files standing
    /// where a folder is needed.
    public static func writeFolder(_ files: [OutputFile], under directory: String) throws(Failure) {
        let root = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        try checkTargets(files.map(\.path), under: root)
        for file in files {
            let path = root.isEmpty ? "/" + file.path : root + "/" + file.path
            try makeDirectories(String(path[..<path.lastIndex(of: "/")!]))
            try writeAtomically(file.bytes, to: path)
        }
    }

    /// Applies a folder writer's update under `directory`: every file written atomically (folders made
    /// as needed), then, only once all writes succeeded, the removals. Paths that would leave the folder
    /// or pass through a link are refused before anything is touched. A removal that names a file just
    /// written under another spelling (a case-only rename on a case-insensitive file system) is skipped.
    public static func apply(_ update: FolderUpdate, under directory: String) throws(Failure) {
        let root = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        try checkTargets(update.removals, under: root, removing: true)
        try writeFolder(update.files, under: directory)
        let full = { (path: String) in root.isEmpty ? "/" + path : root + "/" + path }
        let written = Set(update.files.compactMap { System.statusWithoutFollowingLinks(ofPath: full($0.path))?.identity })
        for path in update.removals {
            // Gone already (the user removed it meanwhile), or the very file just written: nothing to do.
            guard let status = System.statusWithoutFollowingLinks(ofPath: full(path)), !written.contains(status.identity) else { continue }
            do {
                try System.removeFile(full(path))
            } catch {
                throw Failure(path: path, reason: error.description)
            }
        }
    }

    /// Refuses, before anything is touched, paths outside the folder, paths through (or onto) a
    /// symbolic link below it, and paths whose folders are taken by files.
    private static func checkTargets(_ paths: [String], under root: String, removing: Bool = false) throws(Failure) {
        for path in paths {
            guard isInsideFolder(path) else {
                throw Failure(path: path, reason: "a writer asked \(removing ? "to remove" : "for") a path outside the output folder")
            }
            var current = root.isEmpty ? "" : root
            let parts = path.split(separator: "/")
            for (index, part) in parts.enumerated() {
                current += (current.isEmpty && root.isEmpty ? "/" : current.isEmpty ? "" : "/") + part
                if System.isSymbolicLink(current) {
                    throw Failure(path: current, reason: "is a symbolic link; Quire does not write through links or replace them, so nothing was written")
                }
                guard index < parts.count - 1, let status = System.status(ofPath: current) else { continue }
                if status.kind != .directory {
                    throw Failure(path: current, reason: "is a file where a folder is needed; nothing was written")
                }
            }
        }
    }

    /// Relative, `/`-separated, no empty, `.` or `..` part, no backslash.
    static func isInsideFolder(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return !path.isEmpty && !path.hasPrefix("/") && !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) && !path.contains("\\")
    }

    /// `mkdir -p`.
    private static func makeDirectories(_ path: String) throws(Failure) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            do {
                try System.makeDirectory(current)
            } catch {
                throw Failure(path: current, reason: error.description)
            }
        }
    }

    /// Standard error, for messages; failures are the caller's to ignore.
    public static func writeToStandardError(_ bytes: [UInt8]) throws(Failure) {
        try writeAll(bytes, to: System.standardError, path: "<stderr>")
    }

    static func writeAll(_ bytes: [UInt8], to descriptor: System.Descriptor, path: String) throws(Failure) {
        do {
            try System.writeAll(descriptor, bytes)
        } catch {
            throw Failure(path: path, reason: "\(error)")
        }
    }
}
