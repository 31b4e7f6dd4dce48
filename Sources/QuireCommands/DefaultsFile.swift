import Foundation
import QuireCore
import QuireYAML

/// Problems found in configuration files, each at its file, line and column; the command ends with
/// a usage error after printing them all.
struct DefaultsFileFailure: Error {
    var diagnostics: [Diagnostic]

    init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// One error at `location`.
    init(_ id: DiagnosticID, _ message: String, at location: SourceLocation, notes: [Diagnostic.Note] = []) {
        diagnostics = [.error(id, message, at: location, notes: notes)]
    }
}

/// One YAML configuration file for `convert` (`--defaults FILE`, `quire.yaml`): a mapping of keys to
/// values, each key kept with where it was written. What the keys mean is `ConvertDefaults`' business.
struct DefaultsFile {
    /// A configuration file is a page of text; a bigger one is not what the user meant.
    static let maximumBytes = 1 << 20

    struct Entry {
        var key: String
        var keyNode: YAMLNode
        var value: YAMLNode
    }

    /// The path as it is named in messages.
    let path: String
    let entries: [Entry]

    init(path: String, entries: [Entry]) {
        self.path = path
        self.entries = entries
    }

    /// Reads and parses the file; a missing file, a syntax error (a key given twice is one) or a root
    /// that is not a mapping is a failure at its place.
    static func read(_ path: String) throws(DefaultsFileFailure) -> DefaultsFile {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.readPrefix(path, count: maximumBytes + 1)
        } catch {
            throw DefaultsFileFailure(diagnostics: [
                .error("defaults.unreadable", "cannot read the defaults file: \(error.reason)", at: SourceLocation(file: path))
            ])
        }
        guard bytes.count <= maximumBytes else {
            throw DefaultsFileFailure(diagnostics: [
                .error("defaults.size", "the defaults file is larger than \(maximumBytes / 1024) KiB", at: SourceLocation(file: path))
            ])
        }
        return try parse(bytes, path: path)
    }

    static func parse(_ bytes: [UInt8], path: String) throws(DefaultsFileFailure) -> DefaultsFile {
        let root: YAMLNode?
        do {
            root = try YAMLDocument.parse(bytes)
        } catch {
            throw DefaultsFileFailure(diagnostics: [
                .error("defaults.syntax", error.message, at: SourceLocation(file: path, line: error.line, column: error.column))
            ])
        }
        // An empty file (or one holding only comments) sets nothing.
        guard let root else { return DefaultsFile(path: path, entries: []) }
        guard case .mapping(let pairs) = root.value else {
            throw DefaultsFileFailure(diagnostics: [
                .error(
                    "defaults.type", "a defaults file holds a mapping of option names to values, not \(root.typeName)",
                    at: SourceLocation(file: path, line: root.line, column: root.column))
            ])
        }
        // A key given twice is already a syntax error: Yams' parser rejects duplicate keys.
        var entries: [Entry] = []
        var problems: [Diagnostic] = []
        for pair in pairs {
            guard case .scalar(let key, _) = pair.key.value else {
                problems.append(.error("defaults.type", "a key is a name, not \(pair.key.typeName)", at: location(of: pair.key, in: path)))
                continue
            }
            entries.append(Entry(key: key, keyNode: pair.key, value: pair.node))
        }
        guard problems.isEmpty else { throw DefaultsFileFailure(diagnostics: problems) }
        return DefaultsFile(path: path, entries: entries)
    }

    func location(of node: YAMLNode) -> SourceLocation { Self.location(of: node, in: path) }

    static func location(of node: YAMLNode, in path: String) -> SourceLocation {
        SourceLocation(file: path, line: node.line, column: node.column)
    }

    /// The folder relative paths in this file are resolved against: `conf/` for `conf/book.yaml`,
    /// nothing for a file in the working folder named without one.
    var folder: String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// `relative` as seen from the working folder: absolute paths, `-` (standard input or output) and
    /// URLs are kept, `~/` is the home folder, anything else is relative to this file's folder.
    func resolve(_ relative: String, home: String?) -> String {
        if relative == "-" || relative.hasPrefix("/") || relative.contains("://") { return relative }
        if let home, relative == "~" || relative.hasPrefix("~/") { return home + relative.dropFirst() }
        let joined = folder + relative
        // A path that reads as an option once placed on the command line gets a `./` in front.
        return joined.hasPrefix("-") ? "./" + joined : joined
    }
}

extension YAMLNode {
    /// A scalar's text: strings, numbers and booleans as written (`title: 1984` is the text `1984`).
    var scalarText: String? {
        guard case .scalar(let text, let kind) = value, kind != .null else { return nil }
        return text
    }

    /// A boolean's value (`true`, `false`, and YAML 1.1's `yes`, `no`, `on`, `off`).
    var booleanValue: Bool? {
        guard case .scalar(let text, .bool) = value else { return nil }
        return ["true", "yes", "on", "y"].contains(text.lowercased())
    }
}

/// The closest of `candidates` to a misspelt `word`, when one is close enough to be what was meant.
enum Suggestion {
    static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased())
        var best: (name: String, distance: Int)?
        for candidate in candidates.sorted() {
            let distance = editDistance(target, Array(candidate.lowercased()))
            // One edit in four characters at most: 'form' for 'from', 'covr' for 'cover', not 'to' for 'jobs'.
            guard distance <= max(1, target.count / 4 + 1), distance < (best?.distance ?? .max) else { continue }
            best = (candidate, distance)
        }
        return best?.name
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previousRow: [Int] = []
        var row = Array(0...b.count)
        for i in 1...a.count {
            let twoBack = previousRow
            previousRow = row
            row = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let substitution = previousRow[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                row[j] = min(previousRow[j] + 1, row[j - 1] + 1, substitution)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { row[j] = min(row[j], twoBack[j - 2] + 1) }
            }
        }
        return row[b.count]
    }
}
