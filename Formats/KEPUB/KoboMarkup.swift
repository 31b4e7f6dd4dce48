/// Kobo's markup in one content document, added and removed as a byte-level rewrite: everything
/// else in the document is copied unchanged, so removing the markup gives back the exact bytes.
///
/// Added: the body's content wrapped in `<div id="book-columns"><div id="book-inner">…</div></div>`
/// and every sentence of text in a `<span class="koboSpan" id="kobo.P.S">`, P counting the blocks
/// (paragraphs, list items, headings, cells…) of the document and S the sentences of the block. A
/// span never crosses an element: a sentence with `<em>` in it becomes spans inside and around the
/// `<em>`, as kepubify writes it. White space between sentences stays outside the spans (kepubify
/// keeps it inside the previous one): a highlight then covers the sentence alone, and stripping the
/// spans restores the text without having to know where they ended.
enum KoboMarkup {
    static let spanClass = "koboSpan"
    static let columnsID = "book-columns", innerID = "book-inner"

    /// The document with Kobo's markup added. Markup already there is removed first, so converting a
    /// KEPUB again does not nest spans.
    static func adding(to document: [UInt8]) throws(MarkupScanner.Malformed) -> [UInt8] {
        let source = mayHoldMarkup(document) ? try removing(from: document) : document
        let scanner = MarkupScanner(bytes: source)
        let tokens = try scanner.tokens()
        var output: [UInt8] = []
        output.reserveCapacity(source.count + source.count / 2)
        var inBody = false
        // Open elements whose text gets no spans (inline SVG, MathML, scripts): their depth.
        var skipped = 0
        // The block each open element belongs to; the top is the block text goes into.
        var blocks: [Int] = [0]
        var nextBlock = 1, spannedBlock = 0, paragraph = 0, sentence = 0
        for token in tokens {
            switch token {
            case .start(let name, let range, let selfClosing):
                output += source[range]
                if selfClosing { continue }
                if name == "body" {
                    inBody = true
                    output += Array("<div id=\"\(columnsID)\"><div id=\"\(innerID)\">".utf8)
                }
                if skipped > 0 || unspanned.contains(name) { skipped += 1 }
                if blockElements.contains(name) {
                    blocks.append(nextBlock)
                    nextBlock += 1
                } else {
                    blocks.append(blocks.last!)
                }
            case .end(let name, let range):
                if name == "body" {
                    inBody = false
                    output += Array("</div></div>".utf8)
                }
                if skipped > 0 { skipped -= 1 }
                blocks.removeLast()
                output += source[range]
            case .text(let range):
                guard inBody, skipped == 0, source[range].contains(where: { !MarkupScanner.isSpace($0) }) else {
                    output += source[range]
                    continue
                }
                let scalars = Array(String(decoding: source[range], as: UTF8.self).unicodeScalars)
                var written = 0
                for sentenceRange in SentenceSegmenter.sentences(in: scalars) {
                    if blocks.last! != spannedBlock {
                        spannedBlock = blocks.last!
                        paragraph += 1
                        sentence = 0
                    }
                    sentence += 1
                    append(scalars[written..<sentenceRange.lowerBound], to: &output)
                    output += Array("<span class=\"\(spanClass)\" id=\"kobo.\(paragraph).\(sentence)\">".utf8)
                    append(scalars[sentenceRange], to: &output)
                    output += Array("</span>".utf8)
                    written = sentenceRange.upperBound
                }
                append(scalars[written...], to: &output)
            case .other(let range):
                output += source[range]
            }
        }
        return output
    }

    /// The document without Kobo's spans and wrappers: exactly the bytes `adding` was given.
    static func removing(from document: [UInt8]) throws(MarkupScanner.Malformed) -> [UInt8] {
        guard mayHoldMarkup(document) else { return document }
        let scanner = MarkupScanner(bytes: document)
        var output: [UInt8] = []
        output.reserveCapacity(document.count)
        // For each open element, whether its tags are Kobo's and dropped.
        var dropped: [Bool] = []
        for token in try scanner.tokens() {
            switch token {
            case .start(let name, let range, let selfClosing):
                let isKobo = isKoboElement(name, tag: range, scanner: scanner)
                if !selfClosing { dropped.append(isKobo) }
                if !isKobo { output += document[range] }
            case .end(_, let range):
                if !dropped.removeLast() { output += document[range] }
            case .text(let range), .other(let range):
                output += document[range]
            }
        }
        return output
    }

    private static func isKoboElement(_ name: String, tag: Range<Int>, scanner: MarkupScanner) -> Bool {
        switch name {
        case "span":
            guard let id = scanner.attribute("id", in: tag), id.hasPrefix("kobo.") else { return false }
            return scanner.attribute("class", in: tag)?.split(separator: " ").contains { $0 == spanClass } ?? false
        case "div":
            let id = scanner.attribute("id", in: tag)
            return id == columnsID || id == innerID
        default: return false
        }
    }

    /// A quick look for the class or wrapper names, so documents without them are not scanned twice.
    private static func mayHoldMarkup(_ document: [UInt8]) -> Bool {
        contains(document, Array(spanClass.utf8)) || contains(document, Array(columnsID.utf8))
    }

    private static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var index = 0
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }

    private static func append(_ scalars: ArraySlice<Unicode.Scalar>, to output: inout [UInt8]) {
        for scalar in scalars { output += UTF8.encode(scalar)! }
    }

    /// Elements that start a new Kobo paragraph.
    private static let blockElements: Set<String> = [
        "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "td", "th", "figcaption", "dd", "dt", "div", "section", "article", "header",
        "footer", "aside", "caption", "pre", "address", "summary", "details", "figure", "nav", "main", "ul", "ol", "dl", "table", "tr",
    ]

    /// Elements whose text is not reading text, or whose content model has no room for a span.
    private static let unspanned: Set<String> = ["svg", "math", "script", "style", "textarea", "select", "option", "title", "head"]
}
