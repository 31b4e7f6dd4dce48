import CLibXML2

/// Writes a value tree as an XML document through libxml2, which escapes every attribute and text.
public enum XMLSerializer {
    /// UTF-8, with an XML declaration, indented two spaces.
    public static func document(_ root: XMLElement) -> [UInt8] {
        let document = xmlNewDoc("1.0")!
        defer { xmlFreeDoc(document) }
        xmlDocSetRootElement(document, build(root, in: document))
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpFormatMemoryEnc(document, &buffer, &size, "UTF-8", 1)
        guard let buffer else { return [] }
        defer { quire_xml_free(buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(size)))
    }

    private static func build(_ element: XMLElement, in document: xmlDocPtr) -> xmlNodePtr {
        let node = xmlNewDocNode(document, nil, element.name, nil)!
        for (name, value) in element.attributes {
            // xmlNewProp escapes `&`, `<`, `"` and line breaks in values.
            xmlNewProp(node, name, value)
        }
        if !element.text.isEmpty { xmlAddChild(node, xmlNewDocText(document, element.text)) }
        for child in element.children { xmlAddChild(node, build(child, in: document)) }
        return node
    }
}
