import QuireCommonMark
import QuireCore
import QuireXML

/// One paragraph of a text field, ready for `<p{{{markdownAttribute}}}>{{{html}}}</p>`.
public struct RenderedParagraph: Sendable, Hashable {
    /// The paragraph's inline markup as HTML.
    public var html: String
    /// ` data-md="…"` with the paragraph as written, when reading `html` back would not give it;
    /// otherwise empty.
    public var markdownAttribute: String

    public var context: [String: Any] { ["html": html, "markdownAttribute": markdownAttribute] }
}

/// Renders a model text field (CommonMark inline markup, paragraphs separated by a blank line) as HTML
/// paragraphs that read back to exactly the same text.
public enum InlineMarkupWriter {
    /// The field's paragraphs; an empty field has none.
    public static func paragraphs(_ text: String, unsafeHTML: Bool) -> [RenderedParagraph] {
        guard !text.isEmpty else { return [] }
        // Split on "\n\n" over UTF-8 bytes: the generic `split(separator:)` over a string searches
        // character by character and was a tenth of writing a large book.
        var paragraphs: [RenderedParagraph] = []
        let utf8 = text.utf8
        var start = utf8.startIndex, index = utf8.startIndex
        while index != utf8.endIndex {
            let next = utf8.index(after: index)
            if utf8[index] == 0x0A, next != utf8.endIndex, utf8[next] == 0x0A {
                paragraphs.append(paragraph(String(text[start..<index]), unsafeHTML: unsafeHTML))
                index = utf8.index(after: next)
                start = index
            } else {
                index = next
            }
        }
        paragraphs.append(paragraph(String(text[start..<utf8.endIndex]), unsafeHTML: unsafeHTML))
        return paragraphs
    }

    /// One paragraph. Text without a character that means something to CommonMark is only escaped;
    /// anything else goes through cmark-gfm and is checked by reading the result back.
    public static func paragraph(_ text: String, unsafeHTML: Bool) -> RenderedParagraph {
        guard needsCommonMark(text) else { return RenderedParagraph(html: MarkupEscaping.text(text), markdownAttribute: "") }
        let html = CommonMarkRenderer.inlineHTML(paragraph: text, unsafe: unsafeHTML) ?? MarkupEscaping.text(text)
        if readBack(html) == text { return RenderedParagraph(html: html, markdownAttribute: "") }
        return RenderedParagraph(html: html, markdownAttribute: " data-md=\"\(MarkupEscaping.attribute(text))\"")
    }

    /// Characters that can start CommonMark inline markup (emphasis, code, links, autolinks, entity
    /// references, raw HTML, escapes), or that cmark would change (line breaks, white space at either
    /// end). Block markup (`# `, `- `, `1. `) needs no check: cmark does not read such a text as one
    /// paragraph, and it is escaped as plain text either way.
    static func needsCommonMark(_ text: String) -> Bool {
        if let first = text.unicodeScalars.first, first == " " || first == "\t" { return true }
        if let last = text.unicodeScalars.last, last == " " || last == "\t" { return true }
        return text.utf8.contains { byte in
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "["), UInt8(ascii: "]"),
                UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "~"), UInt8(ascii: ":"):
                true
            default:
                byte < 0x20 || byte == 0x7F
            }
        }
    }

    /// What a reader gets from `html` inside a `<p>`, with the same HTML parser the HTML format reads
    /// pages with (it drops more white space than an XML parser, so it is the stricter check).
    static func readBack(_ html: String) -> String? {
        let document = "<!DOCTYPE html><html><body><p>" + html + "</p></body></html>"
        guard let parsed = try? SafeHTMLParser.parse(InputFile(name: "<paragraph>", bytes: Array(document.utf8)), prefix: "html"),
            parsed.warnings.isEmpty,
            let body = parsed.root.child(named: "body"), body.children.count == 1, let paragraph = body.child(named: "p"),
            body.textRuns.allSatisfy({ $0.isEmpty })
        else { return nil }
        return InlineMarkdownReader(mode: .quire).markdown(ofContentOf: paragraph)
    }
}
