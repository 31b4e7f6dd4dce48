/// The output folder on disk as a writer sees it before updating it (`ExistingFolder`): regular files
/// under it, found without following symbolic links (a link could lead out of the folder) and without
/// hidden entries (`.obsidian/`, `.git/`, `.trash/`). A missing folder is an empty one.
public struct DiskFolder: ExistingFolder {
    public let root: String
    public let files: [ExistingFile]
    public let symbolicLinks: [String]
    /// Bounds on the walk, so a huge or deeply nested folder cannot stall a conversion.
    public static let maximumDepth = 32
    public static let maximumFiles = 200_000

    public init(root: String) {
        self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        var found: [ExistingFile] = []
        var links: [String] = []
        Self.walk(self.root, relative: "", depth: 0, into: &found, links: &links)
        files = found.sorted { $0.path < $1.path }
        symbolicLinks = links.sorted()
    }

    public func contents(of path: String) throws(FileIO.Failure) -> [UInt8] {
        guard FileIO.isInsideFolder(path) else { throw FileIO.Failure(path: path, reason: "outside the output folder") }
        return try FileIO.read(root + "/" + path)
    }

    private static func walk(_ folder: String, relative: String, depth: Int, into found: inout [ExistingFile], links: inout [String]) {
        guard depth < maximumDepth, let names = System.directoryEntries(folder) else { return }
        for name in names.sorted() where !name.hasPrefix(".") && found.count < maximumFiles {
            let path = folder + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            guard let status = System.statusWithoutFollowingLinks(ofPath: path) else {
                if System.isSymbolicLink(path) { links.append(relativePath) }
                continue
            }
            switch status.kind {
            case .regular: found.append(ExistingFile(path: relativePath, size: status.size))
            case .directory: walk(path, relative: relativePath, depth: depth + 1, into: &found, links: &links)
            case .special: continue
            }
        }
    }
}
