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

/// Named settings for a job (`channel`, `feed`, `language`, `title`, `strict`), passed to every step.
/// Steps read the names they understand; the registry documents which step reads which.
public struct ConversionOptions: Sendable, Hashable {
    public var values: [String: String]

    public init(_ values: [String: String] = [:]) { self.values = values }

    public subscript(_ name: String) -> String? {
        get { values[name] }
        set { values[name] = newValue }
    }

    public func flag(_ name: String) -> Bool { values[name].map { $0 == "true" || $0 == "1" || $0 == "yes" } ?? false }
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

/// Converts bytes of one format straight into bytes of another, without the model. An edge `format → format`.
public protocol DirectConverter: Sendable {
    func convert(_ input: InputFile, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> [UInt8]
}
