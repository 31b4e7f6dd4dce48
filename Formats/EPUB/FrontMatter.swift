import QuireXML

/// Other tools' front matter (a pandoc or calibre title page, a cover page), recognized by its
/// `epub:type` so the reader does not take it for an episode.
enum FrontMatter {
    static func isTitlePageOrCover(_ root: XMLElement) -> Bool {
        guard let body = root.child(named: "body") else { return false }
        let marked = [body] + body.children.filter { $0.name == "section" || $0.name == "div" }
        return marked.contains { element in
            // libxml2 gives `epub:type` its local name.
            let types = (element.attribute("type") ?? "").split(separator: " ")
            return types.contains("titlepage") || types.contains("cover")
        }
    }

    /// The page's text, one entry per element that holds some, in document order.
    static func lines(of root: XMLElement) -> [String] {
        var lines: [String] = []
        func visit(_ element: XMLElement) {
            let text = element.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if !text.isEmpty && element.name != "title" && element.name != "style" { lines.append(text) }
            element.children.forEach(visit)
        }
        root.child(named: "body").map(visit)
        return lines
    }
}
