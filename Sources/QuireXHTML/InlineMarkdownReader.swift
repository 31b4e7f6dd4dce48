import QuireCommonMark
import QuireXML

/// Turns inline HTML (the content of a `<p>`, a heading, a list item) back into CommonMark inline markup.
struct InlineMarkdownReader {
    enum Mode {
        /// Quire's own paragraphs: the writer checked that text reads back verbatim.
        case quire
        /// Someone else's HTML: white space is collapsed as a browser shows it, and characters that
        /// would become markup are escaped, so the text means what the page showed.
        case foreign
    }

    let mode: Mode

    /// The markup for everything inside `element`.
    func markdown(ofContentOf element: XMLElement) -> String {
        var result = ""
        append(contentOf: element, to: &result)
        return mode == .foreign ? collapsingWhitespace(result) : result
    }

    private func append(contentOf element: XMLElement, to result: inout String) {
        var skipLineFeed = false
        for index in 0...element.children.count {
            var run = element.textRun(before: index)
            // cmark writes a line feed after `<br />`; it belongs to the break.
            if skipLineFeed, run.hasPrefix("\n") { run.removeFirst() }
            skipLineFeed = false
            result += mode == .foreign ? InlineEscaping.escapingEverywhere(run) : run
            guard index < element.children.count else { break }
            let child = element.children[index]
            if child.name.lowercased() == "br" { skipLineFeed = true }
            append(child, to: &result)
        }
    }

    private func append(_ element: XMLElement, to result: inout String) {
        func wrapped(_ marker: String) {
            result += marker
            append(contentOf: element, to: &result)
            result += marker
        }
        switch element.name.lowercased() {
        case "em", "i": wrapped("*")
        case "strong", "b": wrapped("**")
        case "del", "s", "strike": wrapped("~~")
        case "code", "kbd", "samp", "tt":
            let code = element.allText
            let fence = String(repeating: "`", count: longestRun(of: "`", in: code) + 1)
            let padding = code.hasPrefix("`") || code.hasSuffix("`") ? " " : ""
            result += fence + padding + code + padding + fence
        case "br":
            result += "\\\n"
        case "a":
            guard let href = element.attribute("href") else {
                append(contentOf: element, to: &result)
                return
            }
            result += "["
            append(contentOf: element, to: &result)
            result += "](" + destination(href) + (element.attribute("title").map { " \"" + $0.replacingAll("\"", with: "\\\"") + "\"" } ?? "") + ")"
        case "img":
            let alt = element.attribute("alt") ?? ""
            result +=
                "![" + (mode == .foreign ? InlineEscaping.escapingEverywhere(alt) : alt) + "](" + destination(element.attribute("src") ?? "")
                + (element.attribute("title").map { " \"" + $0.replacingAll("\"", with: "\\\"") + "\"" } ?? "") + ")"
        case "script", "style", "template":
            // Not text a reader sees.
            break
        default:
            append(contentOf: element, to: &result)
        }
    }

    private func destination(_ url: String) -> String {
        url.contains(where: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "<" || $0 == ">" }) ? "<" + url + ">" : url
    }

    private func longestRun(of character: Character, in text: String) -> Int {
        var longest = 0, current = 0
        for scalar in text {
            current = scalar == character ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }

    /// Runs of HTML white space as one space, none at either end; explicit breaks (`\` + line feed) stay.
    private func collapsingWhitespace(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        var previous: Character?
        for character in text {
            if character == "\n", previous == "\\" {
                result.append(character)
                pendingSpace = false
            } else if character == " " || character == "\n" || character == "\t" || character == "\r" {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace, result.last != "\n" { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
            previous = character
        }
        return result
    }
}

extension XMLElement {
    /// All text inside the element and its descendants, in document order.
    public var allText: String {
        var result = ""
        for index in 0...children.count {
            result += textRun(before: index)
            if index < children.count { result += children[index].allText }
        }
        return result
    }

    /// Whether the element's `class` attribute lists `name`.
    public func hasClass(_ name: String) -> Bool {
        attribute("class")?.split(separator: " ").contains { $0 == name } ?? false
    }

    /// The first descendant in document order (the element itself excluded) that matches.
    public func firstDescendant(where predicate: (XMLElement) -> Bool) -> XMLElement? {
        var stack = Array(children.reversed())
        while let element = stack.popLast() {
            if predicate(element) { return element }
            stack.append(contentsOf: element.children.reversed())
        }
        return nil
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        contains(target) ? replacing(target, with: replacement) : self
    }
}
