import CCmarkGFM
import Foundation
import QuireCore

/// The one place a cmark-gfm parser is set up: extensions attached, options chosen, handles freed.
/// Callers get the root node only inside `body` and must turn what they need into Swift values there.
enum CommonMarkParsing {
    /// GFM extensions Quire enables: tables, strikethrough, autolinks, task lists.
    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]
    /// The extensions for reading a document's structure: all but `autolink`, which only wraps text in
    /// links, yet on text with many `w`s (each could start `www.`) costs cmark-gfm tens of bytes and
    /// a node per word: a 100 MB line took 26 s and 4.3 GB.
    static let structureExtensionNames = ["table", "strikethrough", "tasklist"]

    /// cmark-gfm's extension registry is not thread-safe to set up: do it once, before parallel work.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// cmark-gfm (0.29) marks an extension's characters (`~`, `|`, …) as special in one table for the
    /// whole process while it parses a document's inlines, and unmarks them when done: a parse ending on
    /// one thread would make another thread's parse miss its strikethrough or table cells. So the
    /// parses that attach extensions take turns.
    private static let extensionTableLock = NSLock()

    static func options(unsafe: Bool, validating: Bool = true) -> Int32 {
        // Table alignment as `style="text-align: …"`: HTML5 made the `align` attribute obsolete.
        var options = CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
        if validating { options |= CMARK_OPT_VALIDATE_UTF8 }
        if unsafe { options |= CMARK_OPT_UNSAFE }
        return options
    }

    /// Parses UTF-8 bytes. When `validating`, invalid sequences are replaced by U+FFFD; without, the
    /// caller has checked the encoding.
    static func withParsedDocument<Result>(
        utf8 bytes: UnsafeBufferPointer<UInt8>, unsafe: Bool, validating: Bool = true, extensions: [String] = extensionNames,
        _ body: (OpaquePointer, UnsafeMutablePointer<cmark_llist>?, Int32) -> Result
    ) -> Result {
        _ = registered
        let options = options(unsafe: unsafe, validating: validating)
        let parser = cmark_parser_new(options)!
        defer { cmark_parser_free(parser) }
        // Autolink's cost is per `w` and per `@` of the text; text that holds nothing it could link needs none of it.
        let extensions = extensions.contains("autolink") && !mayHoldAutolink(bytes) ? extensions.filter { $0 != "autolink" } : extensions
        for name in extensions {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        if !extensions.isEmpty { extensionTableLock.lock() }
        if let base = bytes.baseAddress, !bytes.isEmpty {
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                cmark_parser_feed(parser, $0, bytes.count)
            }
        }
        let root = cmark_parser_finish(parser)!
        if !extensions.isEmpty { extensionTableLock.unlock() }
        defer { cmark_node_free(root) }
        return body(root, cmark_parser_get_syntax_extensions(parser), options)
    }

    static func withParsedDocument<Result>(
        _ text: String, unsafe: Bool,
        _ body: (OpaquePointer, UnsafeMutablePointer<cmark_llist>?, Int32) -> Result
    ) -> Result {
        var text = text
        return text.withUTF8 { withParsedDocument(utf8: $0, unsafe: unsafe, body) }
    }

    /// Whether the text holds anything cmark-gfm's autolink extension could turn into a link: an
    /// address with `://`, one starting `www.`, or an e-mail address (`@`). Without any, leaving the
    /// extension out gives the same document.
    static func mayHoldAutolink(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            switch bytes[index] {
            case UInt8(ascii: "@"):
                return true
            case UInt8(ascii: ":") where index + 2 < count && bytes[index + 1] == UInt8(ascii: "/") && bytes[index + 2] == UInt8(ascii: "/"):
                return true
            case UInt8(ascii: "w"), UInt8(ascii: "W"):
                if index + 3 < count, bytes[index + 3] == UInt8(ascii: "."),
                    (bytes[index + 1] | 0x20) == UInt8(ascii: "w"), (bytes[index + 2] | 0x20) == UInt8(ascii: "w")
                {
                    return true
                }
            default:
                break
            }
            index += 1
        }
        return false
    }

    /// The plain text of a node's inline content: text and code literals, line breaks as spaces.
    /// Walks the subtree with cmark's own iterator, so deep nesting costs no stack.
    static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }
}
