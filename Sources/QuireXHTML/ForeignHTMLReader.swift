import QuireCommonMark
import QuireCore
import QuireXML

/// Reads HTML that Quire did not write (a pandoc page, a blog post, a novel's chapter) as one episode:
/// the first `<h1>` (or the `<title>`) is its title, later `<h1>`–`<h3>` start chapters, text before the
/// first of them is the summary, block quotes inside a chapter are its quotes. Every visible text is kept.
struct ForeignHTMLReader {
    let input: InputFile
    private var episode = Episode(title: "")
    private var hasTitle = false
    private var summary: [String] = []
    private var body: [String] = []
    private let inline = InlineMarkdownReader(mode: .foreign)

    init(input: InputFile) { self.input = input }

    private static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "dd", "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre",
        "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "ul", "html", "center", "menu",
    ]
    /// Not text a reader of the page sees.
    private static let invisibleElements: Set<String> = ["head", "script", "style", "template", "noscript", "nav", "svg", "math", "iframe", "object"]

    /// The episode, or `nil` when the page has no visible text at all.
    mutating func read(_ root: XMLElement) -> Episode? {
        episode.language = root.attribute("lang").flatMap { $0.isEmpty ? nil : $0 }
        if let head = root.child(named: "head") {
            readHead(head)
        }
        walk(root)
        flush()
        if !hasTitle, let title = root.child(named: "head")?.child(named: "title")?.allText {
            episode.title = collapse(title)
            hasTitle = !episode.title.isEmpty
        }
        episode.summary = summary.joined(separator: "\n\n")
        if !hasTitle && episode.summary.isEmpty && episode.chapters.isEmpty { return nil }
        return episode
    }

    /// The document language and what pandoc and blogs put in `<meta>`: author, date, description.
    private mutating func readHead(_ head: XMLElement) {
        for meta in head.children(named: "meta") {
            guard let name = meta.attribute("name")?.lowercased(), let content = meta.attribute("content"), !content.isEmpty else { continue }
            switch name {
            case "dcterms.date", "date", "article:published_time": episode.metadata.published = content
            case "author", "description", "keywords": episode.metadata.extra.append(MetadataField(key: name, value: content))
            default: continue
            }
        }
    }

    private mutating func walk(_ element: XMLElement) {
        var inlineRun = XMLElement("p", textRuns: [""])
        func flushInline(_ reader: inout ForeignHTMLReader) {
            let text = reader.inline.markdown(ofContentOf: inlineRun)
            if !text.isEmpty { reader.paragraph(text) }
            inlineRun = XMLElement("p", textRuns: [""])
        }
        for index in 0...element.children.count {
            inlineRun.textRuns[inlineRun.textRuns.count - 1] += element.textRun(before: index)
            guard index < element.children.count else { break }
            let child = element.children[index]
            let name = child.name.lowercased()
            if Self.invisibleElements.contains(name) || repeatsMetadata(child) { continue }
            if Self.blockElements.contains(name) || hasBlockChild(child) {
                flushInline(&self)
                block(child)
            } else {
                inlineRun.children.append(child)
                inlineRun.textRuns.append("")
            }
        }
        flushInline(&self)
    }

    private mutating func block(_ element: XMLElement) {
        let name = element.name.lowercased()
        switch name {
        case "h1", "h2", "h3":
            let title = collapse(element.allText)
            if name == "h1" && !hasTitle {
                episode.title = title
                hasTitle = true
            } else {
                flush()
                episode.chapters.append(Chapter(start: nil, title: title))
            }
        case "h4", "h5", "h6":
            let text = inline.markdown(ofContentOf: element)
            if !text.isEmpty { paragraph("**" + text + "**") }
        case "pre":
            // Preformatted text keeps its lines: each line break becomes a hard break.
            let lines = element.allText.split(separator: "\n", omittingEmptySubsequences: false).map { InlineEscaping.escapingEverywhere(String($0)) }
            let text = lines.joined(separator: "\\\n")
            if !text.isEmpty { paragraph(text) }
        case "blockquote" where !episode.chapters.isEmpty && !hasBlockChild(element, except: ["p"]):
            flush()
            let text =
                element.children(named: "p").isEmpty
                ? inline.markdown(ofContentOf: element)
                : element.children(named: "p").map { inline.markdown(ofContentOf: $0) }.filter { !$0.isEmpty }.joined(separator: "\n\n")
            if !text.isEmpty { episode.chapters[episode.chapters.count - 1].quotes.append(Quote(text: text)) }
        case "li" where !hasBlockChild(element):
            let text = inline.markdown(ofContentOf: element)
            if !text.isEmpty { paragraph("- " + text) }
        case "tr":
            let cells = element.children.filter { ["td", "th"].contains($0.name.lowercased()) }.map { inline.markdown(ofContentOf: $0) }
            let text = cells.joined(separator: " | ")
            if !cells.allSatisfy(\.isEmpty) { paragraph(text) }
        case "hr", "br":
            break
        default:
            if hasBlockChild(element) {
                walk(element)
            } else {
                let text = inline.markdown(ofContentOf: element)
                if !text.isEmpty { paragraph(text) }
            }
        }
    }

    /// Pandoc's title block repeats the author and date of the `<meta>` tags already read.
    private func repeatsMetadata(_ element: XMLElement) -> Bool {
        guard element.name.lowercased() == "p" else { return false }
        let text = collapse(element.allText)
        if element.hasClass("date") { return text == episode.metadata.published }
        if element.hasClass("author") { return episode.metadata.extra.contains { $0.key == "author" && $0.value == text } }
        return false
    }

    private func hasBlockChild(_ element: XMLElement, except allowed: Set<String> = []) -> Bool {
        element.children.contains { child in
            let name = child.name.lowercased()
            return !allowed.contains(name) && (Self.blockElements.contains(name) || hasBlockChild(child))
        }
    }

    private mutating func paragraph(_ text: String) {
        if episode.chapters.isEmpty { summary.append(text) } else { body.append(text) }
    }

    /// Ends the current chapter's body.
    private mutating func flush() {
        guard !body.isEmpty, !episode.chapters.isEmpty else { return }
        let last = episode.chapters.count - 1
        let existing = episode.chapters[last].body
        episode.chapters[last].body = ((existing.isEmpty ? [] : [existing]) + body).joined(separator: "\n\n")
        body = []
    }

    private func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}
