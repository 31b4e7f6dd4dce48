import CCmarkGFM
import QuireCore

/// Renders CommonMark (with the GFM extensions) to HTML through cmark-gfm.
///
/// Every cmark handle lives inside one call; what leaves is a Swift `String`.
public enum CommonMarkRenderer {
    /// Renders a whole document. Raw HTML is left out (cmark's "raw HTML omitted" comment) unless `unsafe`.
    public static func html(document: String, unsafe: Bool = false) -> String {
        CommonMarkParsing.withParsedDocument(document, unsafe: unsafe) { root, extensions, options in
            render(root, extensions, options)
        }
    }

    /// A rendered document as UTF-8 bytes, with the plain text of its first top-level heading (a page title).
    public struct RenderedDocument: Sendable, Hashable {
        public var html: [UInt8]
        public var firstHeading: String?
    }

    /// Renders UTF-8 bytes in one parse, also returning the first top-level heading's text. The HTML
    /// stays bytes, never a `String`, and is copied once, between what `enclosing` returns for the
    /// heading (a page's head and foot): a large document is neither validated again nor copied twice.
    /// `validUTF8` says the caller has checked the bytes; otherwise invalid sequences become U+FFFD.
    /// Raw HTML is left out unless `unsafe`.
    public static func render(
        utf8 bytes: [UInt8], validUTF8: Bool = false, unsafe: Bool = false,
        enclosing: (_ firstHeading: String?) -> (before: [UInt8], after: [UInt8]) = { _ in ([], []) }
    ) -> RenderedDocument {
        bytes.withUnsafeBufferPointer { buffer in
            CommonMarkParsing.withParsedDocument(utf8: buffer, unsafe: unsafe, validating: !validUTF8) { root, extensions, options in
                var heading: String?
                var child = cmark_node_first_child(root)
                while let node = child {
                    if cmark_node_get_type(node) == CMARK_NODE_HEADING {
                        heading = CommonMarkParsing.plainText(of: node)
                        break
                    }
                    child = cmark_node_next(node)
                }
                let (before, after) = enclosing(heading)
                var html = before
                if let rendered = cmark_render_html(root, options, extensions) {
                    defer { System.freeMallocated(rendered) }
                    let bytes = System.bytes(ofCString: rendered)
                    html.reserveCapacity(before.count + bytes.count + after.count)
                    html += bytes
                }
                html += after
                return RenderedDocument(html: html, firstHeading: heading)
            }
        }
    }

    /// Renders one paragraph of inline markup (a model text field's paragraph) without the `<p>`
    /// around it. Returns `nil` when the text does not parse as exactly one paragraph (it would be a
    /// heading, a list, a quote...): the caller then escapes it as plain text.
    public static func inlineHTML(paragraph text: String, unsafe: Bool = false) -> String? {
        CommonMarkParsing.withParsedDocument(text, unsafe: unsafe) { root, extensions, options -> String? in
            guard let paragraph = cmark_node_first_child(root), cmark_node_next(paragraph) == nil,
                cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH
            else { return nil }
            var html = render(root, extensions, options)
            guard html.hasPrefix("<p>"), html.hasSuffix("</p>\n") else { return nil }
            html.removeFirst(3)
            html.removeLast(5)
            return html
        }
    }

    private static func render(_ root: OpaquePointer, _ extensions: UnsafeMutablePointer<cmark_llist>?, _ options: Int32) -> String {
        guard let rendered = cmark_render_html(root, options, extensions) else { return "" }
        defer { System.freeMallocated(rendered) }
        return String(cString: rendered)
    }
}
