import QuireXML

/// Kobo's markup (`kepub`) read as if it were not there: a `<span class="koboSpan" id="kobo.…">` and the
/// `book-columns` / `book-inner` wrapper divs give way to their content, so a KEPUB reads as the same
/// model as the EPUB it was made from.
enum KoboMarkupUnwrapping {
    /// The tree without Kobo's elements; `bytes` (the document) is looked at first, so books
    /// without them cost one scan.
    static func unwrapped(_ root: XMLElement, bytes: [UInt8]) -> XMLElement {
        guard mentionsKobo(bytes) else { return root }
        return unwrapped(root)
    }

    private static func unwrapped(_ element: XMLElement) -> XMLElement {
        guard element.children.contains(where: { isKobo($0) || !$0.children.isEmpty }) else { return element }
        var result = element
        var children: [XMLElement] = []
        var runs: [String] = [element.textRun(before: 0)]
        for (index, child) in element.children.enumerated() {
            let after = element.textRun(before: index + 1)
            let inner = unwrapped(child)
            if isKobo(inner) {
                // The wrapper's text and children join the parent's in place.
                runs[runs.count - 1] += inner.textRun(before: 0)
                for (innerIndex, grandchild) in inner.children.enumerated() {
                    children.append(grandchild)
                    runs.append(inner.textRun(before: innerIndex + 1))
                }
                runs[runs.count - 1] += after
            } else {
                children.append(inner)
                runs.append(after)
            }
        }
        result.children = children
        result.textRuns = runs
        result.text = runs.joined()
        return result
    }

    private static func isKobo(_ element: XMLElement) -> Bool {
        switch element.name {
        case "span":
            (element.attribute("id")?.hasPrefix("kobo.") ?? false) && (element.attribute("class")?.split(separator: " ").contains("koboSpan") ?? false)
        case "div": element.attribute("id") == "book-columns" || element.attribute("id") == "book-inner"
        default: false
        }
    }

    private static func mentionsKobo(_ bytes: [UInt8]) -> Bool {
        let needle = Array("koboSpan".utf8), wrapper = Array("book-columns".utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index + needle.count <= buffer.count {
                if buffer[index] == needle[0], buffer[index..<(index + needle.count)].elementsEqual(needle) { return true }
                if buffer[index] == wrapper[0], index + wrapper.count <= buffer.count, buffer[index..<(index + wrapper.count)].elementsEqual(wrapper) {
                    return true
                }
                index += 1
            }
            return false
        }
    }
}
