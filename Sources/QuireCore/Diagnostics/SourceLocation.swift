/// Where in an input something was found: a file, and a line and column in it
/// (1-based, columns in characters), or an entry inside an archive.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The path as the user gave it, or `<stdin>`.
    public var file: String
    /// An entry inside a container such as an EPUB (`OEBPS/episode-1.xhtml`).
    public var entry: String?
    public var line: Int?
    public var column: Int?

    public init(file: String, entry: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.entry = entry
        self.line = line
        self.column = column
    }

    /// `path:line:column`, `path(entry):line:column` or just `path`, as compilers print it.
    public var description: String {
        var text = file
        if let entry { text += "(\(entry))" }
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }
}

/// A span of input: where it starts and, when known, where it ends (exclusive).
public struct SourceRange: Sendable, Hashable {
    public var start: SourceLocation
    public var end: SourceLocation?

    public init(_ start: SourceLocation, end: SourceLocation? = nil) {
        self.start = start
        self.end = end
    }
}
