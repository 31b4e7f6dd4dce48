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
