import CLibXML2

/// Copies a libxml2 element, and everything below it, into Swift values: the one conversion both
/// parsers (XML and HTML) use, so their trees are read alike.
enum LibXMLTree {
    /// Recursion depth is bounded by libxml2, which refuses documents nested deeper than 256 levels
    /// without XML_PARSE_HUGE. Attribute values hold only text and character references: documents
    /// declaring entities are refused before parsing.
    static func element(from node: UnsafeMutablePointer<xmlNode>) -> XMLElement {
        var element = XMLElement(string(node.pointee.name), line: Int(xmlGetLineNo(node)), textRuns: [""])
        if let namespace = node.pointee.ns {
            element.namespace = namespace.pointee.href.map { String(cString: $0) }
            element.namespacePrefix = namespace.pointee.prefix.map { String(cString: $0) }
        }
        var attribute = node.pointee.properties
        while let current = attribute {
            var value = ""
            var child = current.pointee.children
            while let text = child {
                if let content = text.pointee.content { value += String(cString: content) }
                child = text.pointee.next
            }
            element.attributes.append((string(current.pointee.name), value))
            attribute = current.pointee.next
        }
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                element.children.append(Self.element(from: current))
                element.textRuns.append("")
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    let text = String(cString: content)
                    element.text += text
                    element.textRuns[element.textRuns.count - 1] += text
                }
            default: break
            }
            child = current.pointee.next
        }
        return element
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
