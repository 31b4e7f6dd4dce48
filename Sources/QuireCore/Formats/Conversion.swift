/// One input to a conversion: its bytes and the name to use in diagnostics.
public struct InputFile: Sendable {
    /// The path as the user gave it, or `<stdin>`.
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    public func location(line: Int? = nil, column: Int? = nil, entry: String? = nil) -> SourceLocation {
        SourceLocation(file: name, entry: entry, line: line, column: column)
    }
}

/// Reads one format into the model. An edge `format → model` in the graph.
public protocol FormatReader: Sendable {
    /// Reads the whole input. Recoverable problems go to `diagnostics`; unrecoverable ones are thrown
    /// as `ConversionFailure`.
    func read(_ input: InputFile, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> EpisodeCollection
}

/// Writes the model in one format. An edge `model → format` in the graph.
public protocol FormatWriter: Sendable {
    func write(_ collection: EpisodeCollection, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> [UInt8]
}

/// One file of a writer's folder output, at a relative path (`index.html`, `episodes/01.html`).
public struct OutputFile: Sendable, Hashable {
    /// Relative, `/`-separated, without `..`; the command writes it under the output folder.
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

/// A writer that can also write a folder of files (a small site) when its settings ask for it.
public protocol FolderWriter: FormatWriter {
    /// Whether these settings ask for a folder; a front end then treats a folder output as the site's
    /// folder rather than a batch.
    func writesFolder(options: ConversionOptions) -> Bool

    /// The files to write under the output folder, or `nil` when the options ask for one file (`write`).
    func writeFolder(_ collection: EpisodeCollection, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> [OutputFile]?

    /// The changes that bring the output folder, as it is (`existing`), up to date with `collection`, or
    /// `nil` when the options ask for one file. Writers that keep what users add to their folder (the
    /// Markdown vault) read `existing`; the default writes `writeFolder`'s files whole.
    func updateFolder(
        _ collection: EpisodeCollection, existing: any ExistingFolder, options: ConversionOptions, diagnostics: inout Diagnostics
    ) throws -> FolderUpdate?

    /// Whether `updateFolder` reads `existing`; only then is the output folder listed before writing.
    var readsExistingFolder: Bool { get }
}

/// Converts bytes of one format straight into bytes of another, without the model. An edge `format → format`.
public protocol DirectConverter: Sendable {
    func convert(_ input: InputFile, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> [UInt8]
    /// Whether this input is one the converter is meant for (Markdown → HTML only for documents that are
    /// not episode-shaped). The graph routes a declined input through the model instead.
    func accepts(_ input: InputFile) -> Bool
    /// The converter takes only some inputs (it overrides `accepts`). The graph then uses it only as a
    /// route's first step, where the input is known; bytes made along the way (Markdown written from
    /// the model) are exactly what such a converter is not for.
    var isSelective: Bool { get }
}

extension DirectConverter {
    public func accepts(_ input: InputFile) -> Bool { true }
    public var isSelective: Bool { false }
}

// MARK: Updating a folder

/// One file already in the output folder, as a `FolderWriter` sees it before updating the folder.
public struct ExistingFile: Sendable, Hashable {
    /// Relative, `/`-separated, as in `OutputFile.path`.
    public var path: String
    /// Bytes on disk; a writer skips files too large to be its own.
    public var size: Int

    public init(path: String, size: Int) {
        self.path = path
        self.size = size
    }
}

/// What is in the output folder already, read-only: the files under it (regular files only, hidden
/// entries and symbolic links left out, so nothing outside the folder is ever seen) and their bytes.
public protocol ExistingFolder: Sendable {
    /// Every file under the folder, sorted by path.
    var files: [ExistingFile] { get }
    /// The bytes of one of `files`.
    func contents(of path: String) throws(FileIO.Failure) -> [UInt8]
    /// Symbolic links under the folder (to files or folders), which a writer must leave alone: what
    /// they lead to is not the folder's, and `FileIO` refuses to write through them.
    var symbolicLinks: [String] { get }
}

extension ExistingFolder {
    public var symbolicLinks: [String] { [] }
}

/// An existing folder held in memory: an empty one for a first run, or given files (tests, embedders).
public struct FolderSnapshot: ExistingFolder {
    private let contents: [String: [UInt8]]
    public let files: [ExistingFile]

    public init(_ files: [OutputFile] = []) {
        contents = Dictionary(files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { _, last in last })
        self.files = contents.map { ExistingFile(path: $0.key, size: $0.value.count) }.sorted { $0.path < $1.path }
    }

    public static let empty = FolderSnapshot()

    public func contents(of path: String) throws(FileIO.Failure) -> [UInt8] {
        guard let bytes = contents[path] else { throw FileIO.Failure(path: path, reason: "no such file in the folder") }
        return bytes
    }
}

/// What a folder writer changes in the output folder: files to write (only those whose bytes differ
/// from what is there, so an unchanged file keeps its modification time) and files to remove (a note
/// moved to a new name, or pruned). `FileIO.apply(_:under:)` writes first and removes only once every
/// write succeeded.
public struct FolderUpdate: Sendable, Hashable {
    public var files: [OutputFile]
    /// Relative paths of existing files to remove.
    public var removals: [String]

    public init(files: [OutputFile], removals: [String] = []) {
        self.files = files
        self.removals = removals
    }
}

extension FolderWriter {
    /// Writers that do not sync with what is there write their whole folder every time.
    public func updateFolder(
        _ collection: EpisodeCollection, existing: any ExistingFolder, options: ConversionOptions, diagnostics: inout Diagnostics
    ) throws -> FolderUpdate? {
        try writeFolder(collection, options: options, diagnostics: &diagnostics).map { FolderUpdate(files: $0) }
    }

    public var readsExistingFolder: Bool { false }
}
