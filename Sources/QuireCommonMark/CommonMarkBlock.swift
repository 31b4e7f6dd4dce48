import CCmarkGFM
import QuireCore

/// A block of a parsed CommonMark document as a Swift value: its kind and the lines it spans in the
/// source, so that readers can take text exactly as written instead of as cmark re-renders it.
public struct CommonMarkBlock: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case paragraph
        case heading(level: Int)
        case blockQuote
        case list(ordered: Bool)
        case item
        /// `info` is the fence's info string; `nil` for an indented code block.
        case codeBlock(info: String?)
        case htmlBlock
        case thematicBreak
        /// GFM tables, their rows and cells.
        case table
        case tableRow(isHeader: Bool)
        case tableCell
        /// Anything else cmark-gfm knows (footnote definitions, extension blocks), by its type name.
        case other(String)
    }

    public var kind: Kind
    /// 1-based lines and columns (columns in bytes, as cmark counts them); `endLine` is inclusive and
    /// never a blank line (cmark counts the blank line that closes a list or setext heading; this does not).
    public var startLine: Int
    public var startColumn: Int
    public var endLine: Int
    public var endColumn: Int
    /// Child blocks, down to `CommonMarkDocument.childDepthLimit` levels; deeper blocks are covered
    /// by their ancestor's line range only.
    public var children: [CommonMarkBlock]
    /// For headings, unless parsed without `includingHeadingText`: the inline text as cmark reads it
    /// (escapes and entities decoded, markup dropped), without the autolink extension (which would
    /// only keep a `www.` link's entities undecoded).
    public var plainText: String?

    public var lines: ClosedRange<Int> { startLine...max(startLine, endLine) }
}

/// A parsed document's top-level blocks.
public struct CommonMarkDocument: Sendable, Hashable {
    public var blocks: [CommonMarkBlock]

    /// How deep the value tree follows the syntax tree. Readers map a few levels (a list's items, a
    /// table's rows); a hostile input nests thousands, which must not cost stack or memory.
    public static let childDepthLimit = 4

    /// Parses UTF-8 bytes with the GFM extensions that shape blocks (`CommonMarkParsing.structureExtensionNames`).
    /// Without `includingHeadingText`, headings' `plainText` stays `nil`: a reader that takes text from
    /// the source lines need not hold a second copy of a long heading (cmark's and a Swift one).
    public init(utf8 bytes: [UInt8], includingHeadingText: Bool = true) {
        let lines = LineTable(bytes)
        blocks = bytes.withUnsafeBufferPointer { buffer in
            CommonMarkParsing.withParsedDocument(
                utf8: buffer, unsafe: false, extensions: CommonMarkParsing.structureExtensionNames
            ) { root, _, _ in
                Self.blocks(under: root, depth: 1, lines: lines, includingHeadingText: includingHeadingText)
            }
        }
    }

    /// Which lines are blank and how long each is, to end blocks on their last line of text.
    private struct LineTable {
        var isBlank: [Bool] = []
        var length: [Int] = []

        init(_ bytes: [UInt8]) {
            var blank = true
            var count = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A || byte == 0x0D {
                    isBlank.append(blank)
                    length.append(count)
                    blank = true
                    count = 0
                    if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                } else {
                    if byte != 0x20 && byte != 0x09 { blank = false }
                    count += 1
                }
                index += 1
            }
            isBlank.append(blank)
            length.append(count)
        }

        func lastTextLine(from start: Int, to end: Int) -> (line: Int, column: Int)? {
            var line = end
            while line > start, line - 1 < isBlank.count, isBlank[line - 1] { line -= 1 }
            return line == end ? nil : (line, max(length[line - 1], 1))
        }
    }

    private static func blocks(under parent: OpaquePointer, depth: Int, lines: LineTable, includingHeadingText: Bool) -> [CommonMarkBlock] {
        var result: [CommonMarkBlock] = []
        var child = cmark_node_first_child(parent)
        while let node = child {
            defer { child = cmark_node_next(node) }
            guard let kind = kind(of: node) else { continue }
            var block = CommonMarkBlock(
                kind: kind, startLine: Int(cmark_node_get_start_line(node)), startColumn: Int(cmark_node_get_start_column(node)),
                endLine: Int(cmark_node_get_end_line(node)), endColumn: Int(cmark_node_get_end_column(node)), children: [])
            if let (line, column) = lines.lastTextLine(from: block.startLine, to: block.endLine) {
                block.endLine = line
                block.endColumn = column
            }
            if case .heading = kind, includingHeadingText { block.plainText = CommonMarkParsing.plainText(of: node) }
            if depth < childDepthLimit, hasBlockChildren(kind) {
                block.children = blocks(under: node, depth: depth + 1, lines: lines, includingHeadingText: includingHeadingText)
            }
            result.append(block)
        }
        return result
    }

    private static func hasBlockChildren(_ kind: CommonMarkBlock.Kind) -> Bool {
        switch kind {
        case .blockQuote, .list, .item, .table, .tableRow, .other: true
        default: false
        }
    }

    /// The block kind of a node; `nil` for inline nodes (a table cell's content, a paragraph's text).
    private static func kind(of node: OpaquePointer) -> CommonMarkBlock.Kind? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST)
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK:
            var length: Int32 = 0, offset: Int32 = 0
            var character: CChar = 0
            let fenced = cmark_node_get_fenced(node, &length, &offset, &character) != 0
            return .codeBlock(info: fenced ? cmark_node_get_fence_info(node).map { String(cString: $0) } ?? "" : nil)
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        default:
            // GFM node types have no constants in Debian's headers: compare their names.
            // The type's top bits say block (0x8000) or inline (0xC000); cmark-gfm.h defines them as macros.
            guard cmark_node_get_type(node).rawValue & 0xC000 == 0x8000 else { return nil }
            let name = cmark_node_get_type_string(node).map { String(cString: $0) } ?? "unknown"
            switch name {
            case "table": return .table
            case "table_row": return .tableRow(isHeader: cmark_gfm_extensions_get_table_row_is_header(node) != 0)
            case "table_header": return .tableRow(isHeader: true)
            case "table_cell": return .tableCell
            default: return .other(name)
            }
        }
    }
}
