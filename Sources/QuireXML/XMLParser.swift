import CLibXML2
import QuireCore

/// Parses untrusted XML safely with libxml2: no network, no DTD loading, no entity expansion, and
/// documents that declare entities are refused outright (billion laughs, external entities).
public enum SafeXMLParser {
    public struct Failure: Error, Sendable {
        public var diagnostics: [Diagnostic]
    }

    /// Parses `bytes` into a value tree. Every libxml2 error comes back as a diagnostic with its line
    /// and column; `prefix` names the format in the identifiers (`opml.xml`, `epub.xml`).
    /// `keepingWhitespace` keeps white-space-only text between elements, which XHTML's inline markup
    /// needs (`<em>a</em> <b>b</b>`); data formats leave it off.
    public static func parse(_ input: InputFile, entry: String? = nil, prefix: String, keepingWhitespace: Bool = false) throws(Failure) -> XMLElement {
        if let line = entityDeclarationLine(input.bytes) {
            throw Failure(diagnostics: [
                .error(
                    DiagnosticID(rawValue: "\(prefix).entities"),
                    "the document declares entities in its DTD; Quire never expands entities (billion laughs, external files) and reads no such document",
                    at: input.location(line: line, column: 1, entry: entry))
            ])
        }
        let options = Int32(XML_PARSE_NONET.rawValue | (keepingWhitespace ? 0 : XML_PARSE_NOBLANKS.rawValue) | XML_PARSE_NOCDATA.rawValue)
        let (document, complaints) = LibXMLErrorCollector.collecting(fallbackMessage: "XML error") {
            input.bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlReadMemory($0, Int32(clamping: buffer.count), input.name, nil, options)
                }
            }
        }
        func location(_ line: Int?, _ column: Int?) -> SourceLocation {
            LibXMLErrorCollector.location(in: input, line: line, column: column, entry: entry)
        }
        let errors = complaints.filter { !$0.isWarning }.uniqued().map {
            Diagnostic.error(DiagnosticID(rawValue: "\(prefix).xml"), $0.message, at: location($0.line, $0.column))
        }
        guard let document else {
            throw Failure(diagnostics: errors.isEmpty ? [.error(DiagnosticID(rawValue: "\(prefix).xml"), "not well-formed XML", at: location(1, 1))] : errors)
        }
        defer { xmlFreeDoc(document) }
        if !errors.isEmpty { throw Failure(diagnostics: errors) }
        if let subset = document.pointee.intSubset, declaresEntities(subset) {
            throw Failure(diagnostics: [
                .error(
                    DiagnosticID(rawValue: "\(prefix).entities"),
                    "the document declares entities in a DTD; Quire never expands them (billion laughs, external files) and reads no such document",
                    at: location(Int(xmlGetLineNo(UnsafeMutableRawPointer(subset).assumingMemoryBound(to: xmlNode.self))), 1))
            ])
        }
        guard let root = xmlDocGetRootElement(document) else {
            throw Failure(diagnostics: [.error(DiagnosticID(rawValue: "\(prefix).xml"), "the document has no root element", at: location(1, 1))])
        }
        return LibXMLTree.element(from: root)
    }

    /// The line of an `<!ENTITY` declaration in the document's DOCTYPE, found before parsing so that
    /// libxml2 never sees one.
    private static func entityDeclarationLine(_ bytes: [UInt8]) -> Int? {
        let doctype = Array("<!DOCTYPE".utf8), entity = Array("<!ENTITY".utf8)
        func find(_ needle: [UInt8], from start: Int) -> Int? {
            guard bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
            for index in start...(bytes.count - needle.count) where bytes[index] == needle[0] && bytes[index..<index + needle.count].elementsEqual(needle) {
                return index
            }
            return nil
        }
        guard let start = find(doctype, from: 0), let declaration = find(entity, from: start) else { return nil }
        return bytes[..<declaration].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    private static func declaresEntities(_ subset: UnsafeMutablePointer<xmlDtd>) -> Bool {
        var node = subset.pointee.children
        while let current = node {
            if current.pointee.type == XML_ENTITY_DECL { return true }
            node = current.pointee.next
        }
        return false
    }
}
