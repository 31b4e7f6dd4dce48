/// An XML element as a Swift value: what libxml2's tree becomes the moment it is parsed, so no C
/// handle outlives the parse.
public struct XMLElement: Sendable, Hashable {
    public var name: String
    /// Attributes in document order, values with character references resolved.
    public var attributes: [(name: String, value: String)]
    public var children: [XMLElement]
    /// The element's own text (its text and CDATA children, concatenated).
    public var text: String
    /// Where the element starts in its document (1-based), when parsed.
    public var line: Int?
    /// Mixed content in order, when parsed: the text before each child and after the last
    /// (`children.count + 1` runs), for markup where text and elements interleave (XHTML's `<p>`).
    /// Empty for elements built in code; `text` is their concatenation either way.
    public var textRuns: [String]
    /// The namespace URI and prefix, when parsed (`http://www.itunes.com/dtds/podcast-1.0.dtd`, `itunes`):
    /// `name` is the local name, and feeds mix vocabularies that share local names (`itunes:image`, `image`).
    public var namespace: String?
    public var namespacePrefix: String?

    public init(
        _ name: String, attributes: [(name: String, value: String)] = [], children: [XMLElement] = [], text: String = "", line: Int? = nil,
        textRuns: [String] = []
    ) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
        self.line = line
        self.textRuns = textRuns
    }

    /// The text run before child `index` (or after the last child when `index == children.count`).
    public func textRun(before index: Int) -> String {
        if textRuns.count == children.count + 1 { return textRuns[index] }
        // Built in code: all text comes first.
        return index == 0 ? text : ""
    }

    /// An attribute's value, its name matched ignoring case (OPML exports vary: `xmlUrl`, `xmlurl`).
    public func attribute(_ name: String) -> String? {
        let key = name.lowercased()
        return attributes.first { $0.name.lowercased() == key }?.value
    }

    public func children(named name: String) -> [XMLElement] {
        children.filter { $0.name.lowercased() == name.lowercased() }
    }

    public func child(named name: String) -> XMLElement? {
        children.first { $0.name.lowercased() == name.lowercased() }
    }

    /// Every element below this one with the name, at any depth, in document order.
    public func descendants(named name: String) -> [XMLElement] {
        var found: [XMLElement] = []
        for child in children {
            if child.name.lowercased() == name.lowercased() { found.append(child) }
            found += child.descendants(named: name)
        }
        return found
    }

    public static func == (lhs: XMLElement, rhs: XMLElement) -> Bool {
        lhs.name == rhs.name && lhs.attributes.elementsEqual(rhs.attributes, by: ==) && lhs.children == rhs.children
            && lhs.text == rhs.text
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(text)
        hasher.combine(children)
    }
}
