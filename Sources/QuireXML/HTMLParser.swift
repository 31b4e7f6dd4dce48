import CLibXML2
import QuireCore

/// Parses untrusted HTML with libxml2's forgiving HTML parser: no network, no entities beyond HTML's
/// built-in ones (the HTML parser never reads a DTD), and every complaint collected with its line.
///
/// Returns the same value tree as `SafeXMLParser`, with mixed content kept in order (`textRuns`),
/// so one reader serves HTML and XHTML.
public enum SafeHTMLParser {
    public struct Parsed: Sendable {
        public var root: XMLElement
        /// The parser's complaints (unclosed tags, stray characters) as warnings: browsers read such
        /// pages, so Quire does too, but says where the page is broken.
        public var warnings: [Diagnostic]
    }

    /// Parses `bytes` as HTML; `prefix` names the format in diagnostic identifiers (`html.parse`).
    public static func parse(_ input: InputFile, entry: String? = nil, prefix: String) throws(SafeXMLParser.Failure) -> Parsed {
        // HTML has no entity declarations; a page that carries some (a billion-laughs or external-entity
        // attack aimed at XML tools) is refused as XML documents are.
        if let line = entityDeclarationLine(input.bytes) {
            throw SafeXMLParser.Failure(diagnostics: [
                .error(
                    DiagnosticID(rawValue: "\(prefix).entities"),
                    "the page declares entities in a DTD; HTML has none, and Quire never expands them (billion laughs, external files)",
                    at: input.location(line: line, column: 1, entry: entry))
            ])
        }
        func location(_ line: Int?, _ column: Int?) -> SourceLocation {
            LibXMLErrorCollector.location(in: input, line: line, column: column, entry: entry)
        }
        // Without a declared charset libxml2 assumes Latin-1; text that is valid UTF-8 is read as UTF-8.
        let isUTF8 = String(validating: input.bytes, as: UTF8.self) != nil
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        let (document, complaints) = LibXMLErrorCollector.collecting(fallbackMessage: "HTML error") { () -> htmlDocPtr? in
            input.bytes.isEmpty
                ? nil
                : input.bytes.withUnsafeBufferPointer { buffer in
                    buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                        htmlReadMemory($0, Int32(clamping: buffer.count), input.name, isUTF8 ? "UTF-8" : nil, options)
                    }
                }
        }
        guard let document else {
            throw SafeXMLParser.Failure(diagnostics: [.error(DiagnosticID(rawValue: "\(prefix).parse"), "not an HTML document", at: location(1, 1))])
        }
        defer { xmlFreeDoc(document) }
        // A fatal error (nesting beyond libxml2's limit) stops the parser: the rest of the page would be lost.
        let fatal = complaints.filter(\.isFatal)
        if !fatal.isEmpty {
            throw SafeXMLParser.Failure(
                diagnostics: fatal.map {
                    .error(
                        DiagnosticID(rawValue: "\(prefix).parse"), "\($0.message); the page cannot be read past this point", at: location($0.line, $0.column))
                })
        }
        // libxml2 cuts a text run at 10,000,000 bytes (its limit without XML_PARSE_HUGE, which untrusted
        // input must not get) and goes on: the rest of that text would be lost, so the page is refused.
        if let huge = complaints.first(where: { $0.message.contains("huge text node") }) {
            throw SafeXMLParser.Failure(diagnostics: [
                .error(
                    DiagnosticID(rawValue: "\(prefix).limit"),
                    "a run of text longer than 10,000,000 bytes without markup; libxml2 would cut it, so the page is not read",
                    at: location(huge.line, huge.column))
            ])
        }
        guard let root = xmlDocGetRootElement(document) else {
            throw SafeXMLParser.Failure(diagnostics: [.error(DiagnosticID(rawValue: "\(prefix).parse"), "the document has no elements", at: location(1, 1))])
        }
        // libxml2 refuses nesting deeper than 256 (a fatal error, above), so converting recursively is bounded.
        let tree = LibXMLTree.element(from: root)
        let warnings = complaints.filter { !isHTML5Complaint($0.message) }.uniqued().map {
            Diagnostic.warning(DiagnosticID(rawValue: "\(prefix).parse"), $0.message, at: location($0.line, $0.column))
        }
        return Parsed(root: tree, warnings: warnings)
    }

    /// The line of an `<!ENTITY` inside the internal subset of the page's DOCTYPE (`<!DOCTYPE html [ … ]>`),
    /// matched without regard to case as HTML is; text elsewhere in the page is not looked at.
    static func entityDeclarationLine(_ bytes: [UInt8]) -> Int? {
        func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        func find(_ needle: String, in range: Range<Int>) -> Int? {
            let needle = Array(needle.utf8)
            guard range.count >= needle.count else { return nil }
            for index in range.lowerBound...(range.upperBound - needle.count)
            where zip(bytes[index..<index + needle.count], needle).allSatisfy({ lower($0) == $1 }) {
                return index
            }
            return nil
        }
        guard let doctype = find("<!doctype", in: 0..<bytes.count),
            let open = bytes[doctype...].firstIndex(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: ">") }),
            bytes[open] == UInt8(ascii: "[")
        else { return nil }
        let close = bytes[open...].firstIndex(of: UInt8(ascii: "]")) ?? bytes.count
        guard let declaration = find("<!entity", in: open..<close) else { return nil }
        return bytes[..<declaration].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// libxml2's HTML parser knows HTML 4 only; HTML5's elements (`article`, `section`, `time`) are
    /// valid, not errors.
    private static func isHTML5Complaint(_ message: String) -> Bool {
        message.hasPrefix("Tag ") && message.hasSuffix(" invalid")
    }
}
