import Foundation
import Yams

/// A YAML value with the line and column (1-based, in Unicode scalars) where it starts, as plain
/// values: readers check types and point at problems without knowing Yams.
package struct YAMLNode: Sendable {
    /// What a plain scalar resolves to under YAML 1.1's core schema (`1.5` is a number, `"1.5"` a string).
    package enum ScalarKind: Sendable, Hashable { case null, bool, integer, float, string }

    package enum Value: Sendable {
        case scalar(String, ScalarKind)
        case sequence([YAMLNode])
        case mapping([(key: YAMLNode, node: YAMLNode)])
    }

    package var value: Value
    package var line: Int
    package var column: Int

    package var typeName: String {
        switch value {
        case .scalar(_, .null): "null"
        case .scalar(_, .bool): "a boolean"
        case .scalar(_, .integer), .scalar(_, .float): "a number"
        case .scalar: "a string"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}

/// Parses one YAML document (libyaml through Yams) into `YAMLNode`s. No tags are constructed into
/// objects, and aliases are expanded only up to a bound on the nodes, so a "billion laughs" file
/// fails quickly instead of exhausting memory.
package enum YAMLDocument {
    package struct SyntaxError: Error, Sendable {
        package var message: String
        package var line: Int
        package var column: Int
    }

    /// Nodes a document may expand to, aliases counted each time they are used.
    package static let maximumNodes = 100_000

    /// The document's root, or `nil` for an empty document.
    package static func parse(_ bytes: [UInt8], maximumNodes: Int = maximumNodes) throws(SyntaxError) -> YAMLNode? {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw SyntaxError(message: "the file is not UTF-8 text", line: 1, column: 1)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw syntaxError(error, in: text)
        } catch {
            throw SyntaxError(message: firstLine("\(error)"), line: 1, column: 1)
        }
        guard let root else { return nil }
        var budget = maximumNodes
        return try convert(root, budget: &budget)
    }

    private static func convert(_ node: Node, budget: inout Int) throws(SyntaxError) -> YAMLNode {
        let mark = node.mark
        let (line, column) = (mark?.line ?? 1, mark?.column ?? 1)
        budget -= 1
        if budget < 0 { throw SyntaxError(message: "the document expands to more than \(maximumNodes) values (aliases repeat it)", line: line, column: column) }
        switch node {
        case .scalar(let scalar):
            return YAMLNode(value: .scalar(scalar.string, kind(of: node)), line: line, column: column)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            for item in sequence { items.append(try convert(item, budget: &budget)) }
            return YAMLNode(value: .sequence(items), line: line, column: column)
        case .mapping(let mapping):
            var pairs: [(key: YAMLNode, node: YAMLNode)] = []
            for (key, value) in mapping { pairs.append((try convert(key, budget: &budget), try convert(value, budget: &budget))) }
            return YAMLNode(value: .mapping(pairs), line: line, column: column)
        case .alias:
            // compose resolves aliases to their anchored node; one left over names no anchor.
            throw SyntaxError(message: "an alias names no anchor", line: line, column: column)
        }
    }

    private static func kind(of node: Node) -> YAMLNode.ScalarKind {
        switch node.tag.rawValue {
        case Tag.Name.null.rawValue: .null
        case Tag.Name.bool.rawValue: .bool
        case Tag.Name.int.rawValue: .integer
        case Tag.Name.float.rawValue: .float
        default: .string
        }
    }

    /// One line at the problem's place: Yams' own descriptions span several lines (a snippet, a caret).
    private static func syntaxError(_ error: YamlError, in text: String) -> SyntaxError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // libyaml's words: "mapping values are not allowed in this context (while scanning a simple key)".
            let message = firstLine(problem) + (context.map { $0.text.isEmpty ? "" : " (\(firstLine($0.text)))" } ?? "")
            return SyntaxError(message: message, line: mark.line, column: mark.column)
        case .reader(let problem, let offset, _, _):
            // A reader error (a control character) is placed by its offset in characters.
            let (line, column) = offset.map { position(ofCharacterOffset: $0, in: text) } ?? (1, 1)
            return SyntaxError(message: firstLine(problem), line: line, column: column)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return duplicateKeyError(duplicates.first ?? "", first: context.mark, in: text)
        default:
            return SyntaxError(message: firstLine("\(error)"), line: 1, column: 1)
        }
    }

    /// "'to' is given twice (first at 1:1)", at the second occurrence. Yams names only the first, so
    /// that key is renamed in place (one scalar for another, columns unchanged) and the document read
    /// again: the second is then the key of that name left in the first one's mapping.
    private static func duplicateKeyError(_ key: String, first: Mark, in text: String) -> SyntaxError {
        let fallback = SyntaxError(message: "'\(key)' is given more than once", line: first.line, column: first.column)
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
        guard first.line >= 1, first.line <= lines.count else { return fallback }
        var column = first.column - 1
        // A quoted key is marked at its quote: rename the character inside.
        while column < lines[first.line - 1].count, ["\"", "'"].contains(lines[first.line - 1][column]) { column += 1 }
        guard column < lines[first.line - 1].count else { return fallback }
        lines[first.line - 1][column] = "\u{A7}"
        let renamed = lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
        guard let root = try? Yams.compose(yaml: renamed), let second = secondKey(named: key, besideKeyAt: first, in: root) else { return fallback }
        return SyntaxError(message: "'\(key)' is given twice (first at \(first.line):\(first.column))", line: second.line, column: second.column)
    }

    /// The mark of the key `name` in the mapping that holds a key at `first`.
    private static func secondKey(named name: String, besideKeyAt first: Mark, in node: Node) -> Mark? {
        switch node {
        case .mapping(let mapping):
            let keys = mapping.map(\.key)
            if keys.contains(where: { $0.mark?.line == first.line && $0.mark?.column == first.column }) {
                return keys.first { $0.string == name && !($0.mark?.line == first.line && $0.mark?.column == first.column) }?.mark
            }
            for (key, value) in mapping {
                if let mark = secondKey(named: name, besideKeyAt: first, in: key) ?? secondKey(named: name, besideKeyAt: first, in: value) { return mark }
            }
            return nil
        case .sequence(let sequence):
            for item in sequence { if let mark = secondKey(named: name, besideKeyAt: first, in: item) { return mark } }
            return nil
        case .scalar, .alias:
            return nil
        }
    }

    private static func firstLine(_ message: String) -> String {
        String(message.prefix { !$0.isNewline }).trimmingCharacters(in: .whitespaces)
    }

    /// Line and column (1-based, in Unicode scalars) of the character `offset` characters into `text`.
    private static func position(ofCharacterOffset offset: Int, in text: String) -> (line: Int, column: Int) {
        let end = text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex) ?? text.endIndex
        let before = text[..<end]
        let lineStart = before.lastIndex(where: \.isNewline).map { before.index(after: $0) } ?? before.startIndex
        return (before.count(where: \.isNewline) + 1, before[lineStart...].unicodeScalars.count + 1)
    }
}
