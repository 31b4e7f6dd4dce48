/// The entries of a zip archive read into memory, in central-directory order.
public struct ZipArchive: Sendable {
    public var entries: [ZipEntry]

    public init(entries: [ZipEntry]) { self.entries = entries }

    /// The entry with exactly this path (zip paths are case-sensitive).
    public func entry(_ path: String) -> ZipEntry? { entries.first { $0.path == path } }
}

/// One file of an archive.
public struct ZipEntry: Sendable, Hashable {
    /// `/`-separated, relative, checked by `ZipEntryPath`.
    public var path: String
    public var bytes: [UInt8]
    /// Whether it was stored without compression (EPUB requires it of `mimetype`).
    public var isStored: Bool

    public init(path: String, bytes: [UInt8], isStored: Bool = false) {
        self.path = path
        self.bytes = bytes
        self.isStored = isStored
    }

    public var isDirectory: Bool { path.hasSuffix("/") }
}
