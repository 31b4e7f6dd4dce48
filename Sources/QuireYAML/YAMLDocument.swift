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
            throw syntaxError(error)
        } catch {
            throw SyntaxError(message: "\(error)", line: 1, column: 1)
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

    private static func syntaxError(_ error: YamlError) -> SyntaxError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // libyaml's words: "mapping values are not allowed in this context (while scanning a simple key)".
            let message = problem + (context.map { $0.text.isEmpty ? "" : " (\($0.text))" } ?? "")
            return SyntaxError(message: message, line: mark.line, column: mark.column)
        case .reader(let problem, _, _, _):
            return SyntaxError(message: problem, line: 1, column: 1)
        default:
            return SyntaxError(message: "\(error)", line: 1, column: 1)
        }
    }
}
