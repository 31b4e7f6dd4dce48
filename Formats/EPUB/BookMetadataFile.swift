import QuireCore
import QuireYAML

/// A metadata file (`--metadata book.yaml` or `book.json`): one mapping whose keys are the book
/// metadata settings' names plus `title`, `author`, `language` and `date`. Paths in it (`css`,
/// `embed-font`) are relative to the file. An unknown key is a warning naming it; a value of the
/// wrong type, or a file that does not parse, is an error at its line and column.
enum BookMetadataFile {
    /// A metadata file is a page of text; a bigger one is not what the user meant.
    static let maximumBytes = 1 << 20

    /// The keys a file may hold: the book metadata settings' and the book's own title, author(s),
    /// language and publication date.
    static let keys: Set<String> = [
        "title", "author", "language", "date", "series", "series-index", "subject", "description", "publisher", "rights", "css", "embed-font",
    ]

    /// A value of either syntax, with where it starts.
    struct Node {
        enum Value {
            case null
            /// A string, a number or a boolean, as written.
            case scalar(String, isString: Bool, isNumber: Bool)
            case list([Node])
            case mapping([(key: String, node: Node)])
        }
        var value: Value
        var line: Int
        var column: Int

        var typeName: String {
            switch value {
            case .null: "null"
            case .scalar(_, true, _): "a string"
            case .scalar(_, _, true): "a number"
            case .scalar: "a boolean"
            case .list: "a list"
            case .mapping: "a mapping"
            }
        }
    }

    static func read(_ path: String) throws(ConversionFailure) -> BookMetadata {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(path)
        } catch {
            throw ConversionFailure(.error("epub.metadata.unreadable", "cannot read the metadata file: \(error.reason)", at: SourceLocation(file: path)))
        }
        guard bytes.count <= maximumBytes else {
            throw ConversionFailure(
                .error("epub.metadata.size", "the metadata file is larger than \(maximumBytes / 1024) KiB", at: SourceLocation(file: path)))
        }
        let root = try parse(bytes, path: path)
        return try decode(root, path: path)
    }

    /// JSON when the name ends in `.json` or the text starts with `{`; YAML otherwise.
    static func parse(_ bytes: [UInt8], path: String) throws(ConversionFailure) -> Node? {
        let firstByte = bytes.drop { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }.first
        if path.lowercased().hasSuffix(".json") || firstByte == UInt8(ascii: "{") {
            do {
                return node(try JSONParser.parse(bytes), in: bytes)
            } catch {
                throw ConversionFailure(.error("epub.metadata.syntax", error.message, at: SourceLocation(file: path, line: error.line, column: error.column)))
            }
        }
        do {
            return try YAMLDocument.parse(bytes).map(node)
        } catch {
            throw ConversionFailure(.error("epub.metadata.syntax", error.message, at: SourceLocation(file: path, line: error.line, column: error.column)))
        }
    }

    private static func node(_ json: JSONNode, in bytes: [UInt8]) -> Node {
        let value: Node.Value
        switch json.value {
        case .null: value = .null
        case .bool(let flag): value = .scalar(flag ? "true" : "false", isString: false, isNumber: false)
        case .number(let text): value = .scalar(text, isString: false, isNumber: true)
        case .string(let text): value = .scalar(text, isString: true, isNumber: false)
        case .array(let items): value = .list(items.map { node($0, in: bytes) })
        case .object(let pairs): value = .mapping(pairs.map { ($0.key, node($0.node, in: bytes)) })
        }
        return Node(value: value, line: json.line, column: json.column(in: bytes))
    }

    private static func node(_ yaml: YAMLNode) -> Node {
        let value: Node.Value
        switch yaml.value {
        case .scalar(_, .null): value = .null
        case .scalar(let text, let kind): value = .scalar(text, isString: kind == .string, isNumber: kind == .integer || kind == .float)
        case .sequence(let items): value = .list(items.map(node))
        case .mapping(let pairs):
            // Keys are names; a key that is not a scalar is kept under its YAML text so it is reported as unknown.
            value = .mapping(
                pairs.map { pair in
                    if case .scalar(let key, _) = pair.key.value { return (key, node(pair.node)) }
                    return ("(\(pair.key.typeName))", node(pair.node))
                })
        }
        return Node(value: value, line: yaml.line, column: yaml.column)
    }

    /// The file's values, checked against `keys`.
    static func decode(_ root: Node?, path: String) throws(ConversionFailure) -> BookMetadata {
        var metadata = BookMetadata()
        guard let root else { return metadata }
        func location(_ node: Node) -> SourceLocation { SourceLocation(file: path, line: node.line, column: node.column) }
        guard case .mapping(let pairs) = root.value else {
            throw ConversionFailure(
                .error("epub.metadata.type", "a metadata file holds a mapping of keys to values, not \(root.typeName)", at: location(root)))
        }
        func resolved(_ relative: String) -> String {
            guard !relative.hasPrefix("/"), let slash = path.lastIndex(of: "/") else { return relative }
            return String(path[...slash]) + relative
        }
        func typeFailure(_ key: String, _ node: Node, expected: String) -> ConversionFailure {
            ConversionFailure(.error("epub.metadata.type", "'\(key)' takes \(expected), not \(node.typeName)", at: location(node)))
        }
        func text(_ key: String, _ node: Node) throws(ConversionFailure) -> String {
            // Numbers and booleans read as text where text is wanted (`series: 1984`), as YAML users expect.
            guard case .scalar(let text, _, _) = node.value else { throw typeFailure(key, node, expected: "text") }
            return text
        }
        func texts(_ key: String, _ node: Node) throws(ConversionFailure) -> [String] {
            if case .list(let items) = node.value {
                var result: [String] = []
                for item in items {
                    guard case .scalar(let text, _, _) = item.value else { throw typeFailure(key, item, expected: "text or a list of text") }
                    result.append(text)
                }
                return result
            }
            guard case .scalar(let text, _, _) = node.value else { throw typeFailure(key, node, expected: "text or a list of text") }
            return [text]
        }

        var seen: Set<String> = []
        for (key, node) in pairs {
            guard keys.contains(key) else {
                metadata.fileWarnings.append(
                    .warning(
                        "epub.metadata.unknown-key", "unknown key '\(key)' in the metadata file is ignored", at: location(node),
                        notes: [Diagnostic.Note("known keys: \(keys.sorted().joined(separator: ", "))")]))
                continue
            }
            if !seen.insert(key).inserted {
                metadata.fileWarnings.append(.warning("epub.metadata.duplicate-key", "'\(key)' is given twice; the last one is used", at: location(node)))
            }
            if case .null = node.value { continue }
            switch key {
            case "series-index":
                guard case .scalar(let written, _, true) = node.value else { throw typeFailure(key, node, expected: "a number such as 2 or 1.5") }
                guard let index = BookMetadata.seriesIndex(written) else {
                    throw ConversionFailure(BookMetadata.seriesIndexFailure(written, at: location(node)))
                }
                metadata.seriesIndex = index
            case "language":
                let language = try text(key, node)
                guard LanguageTag.isWellFormed(language) else {
                    throw ConversionFailure(
                        .error("epub.metadata.value", "'language' takes a BCP 47 tag such as en or zh-Hans, not '\(language)'", at: location(node)))
                }
                metadata.language = language
            case "title": metadata.title = try text(key, node)
            case "author": metadata.authors = try texts(key, node)
            case "date":
                let date = try text(key, node)
                guard isW3CDate(date) else {
                    throw ConversionFailure(
                        .error("epub.metadata.value", "'date' takes a date such as 2024, 2024-05 or 2024-05-01, not '\(date)'", at: location(node)))
                }
                metadata.date = date
            case "series": metadata.series = try text(key, node)
            case "subject": metadata.subjects = try texts(key, node)
            case "description": metadata.description = try text(key, node)
            case "publisher": metadata.publisher = try text(key, node)
            case "rights": metadata.rights = try text(key, node)
            case "css": metadata.cssPath = resolved(try text(key, node))
            case "embed-font": metadata.fontPaths = try texts(key, node).map(resolved)
            default: break
            }
        }
        return metadata
    }

    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a date and time after a `T` (what `dc:date` takes).
    static func isW3CDate(_ text: String) -> Bool {
        let (day, time) = text.firstIndex(of: "T").map { (text[..<$0], text[$0...]) } ?? (text[...], "")
        let parts = day.split(separator: "-", omittingEmptySubsequences: false)
        let widths = [4, 2, 2]
        guard (1...3).contains(parts.count), time.isEmpty || parts.count == 3 else { return false }
        return zip(parts, widths).allSatisfy { part, width in part.count == width && part.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}
