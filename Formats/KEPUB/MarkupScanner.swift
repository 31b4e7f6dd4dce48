/// Splits an XHTML document into its pieces (text, tags, comments, the doctype) without building a
/// tree, so a rewrite copies everything it does not touch byte for byte: namespaces, comments,
/// entity references, line breaks. It checks what a rewrite relies on, that tags are well formed and
/// nest, and stops at the first problem with its line and column.
struct MarkupScanner {
    enum Token {
        case text(Range<Int>)
        /// `name` is the local name, lowercased (`svg:svg` → `svg`).
        case start(name: String, range: Range<Int>, selfClosing: Bool)
        case end(name: String, range: Range<Int>)
        /// Comments, processing instructions, CDATA and the doctype: copied as they are.
        case other(Range<Int>)
    }

    struct Malformed: Error {
        var message: String
        var offset: Int

        /// 1-based line and column (in bytes) of `offset` in `bytes`.
        func position(in bytes: [UInt8]) -> (line: Int, column: Int) {
            var line = 1, lineStart = 0
            for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
                line += 1
                lineStart = index + 1
            }
            return (line, offset - lineStart + 1)
        }
    }

    let bytes: [UInt8]

    /// Every token in order; throws at the first tag that is cut off, unnamed or closes the wrong element.
    func tokens() throws(Malformed) -> [Token] {
        var tokens: [Token] = []
        var open: [(name: String, offset: Int)] = []
        var index = 0
        let count = bytes.count
        while index < count {
            guard bytes[index] == UInt8(ascii: "<") else {
                var end = index + 1
                while end < count, bytes[end] != UInt8(ascii: "<") { end += 1 }
                tokens.append(.text(index..<end))
                index = end
                continue
            }
            if starts(with: "<!--", at: index) {
                let end = try find("-->", from: index + 4, opened: index, what: "comment")
                tokens.append(.other(index..<end))
                index = end
            } else if starts(with: "<![CDATA[", at: index) {
                let end = try find("]]>", from: index + 9, opened: index, what: "CDATA section")
                tokens.append(.other(index..<end))
                index = end
            } else if starts(with: "<?", at: index) {
                let end = try find("?>", from: index + 2, opened: index, what: "processing instruction")
                tokens.append(.other(index..<end))
                index = end
            } else if starts(with: "<!", at: index) {
                // The doctype, with an internal subset in brackets that may hold `>`.
                var end = index + 2, depth = 0
                while end < count, !(bytes[end] == UInt8(ascii: ">") && depth == 0) {
                    if bytes[end] == UInt8(ascii: "[") { depth += 1 } else if bytes[end] == UInt8(ascii: "]") { depth -= 1 }
                    end += 1
                }
                guard end < count else { throw Malformed(message: "the declaration is not closed", offset: index) }
                tokens.append(.other(index..<(end + 1)))
                index = end + 1
            } else {
                let isEnd = index + 1 < count && bytes[index + 1] == UInt8(ascii: "/")
                let nameStart = index + (isEnd ? 2 : 1)
                var nameEnd = nameStart
                while nameEnd < count, !Self.endsName(bytes[nameEnd]) { nameEnd += 1 }
                guard nameEnd > nameStart else { throw Malformed(message: "'<' starts no tag (write '&lt;' in text)", offset: index) }
                // Attribute values may hold `>`: skip quoted runs.
                var end = nameEnd
                var quote: UInt8?
                while end < count {
                    let byte = bytes[end]
                    if let open = quote {
                        if byte == open { quote = nil }
                    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        quote = byte
                    } else if byte == UInt8(ascii: ">") {
                        break
                    } else if byte == UInt8(ascii: "<") {
                        throw Malformed(message: "a tag is not closed before the next '<'", offset: index)
                    }
                    end += 1
                }
                guard end < count else { throw Malformed(message: "the tag is not closed", offset: index) }
                let name = localName(nameStart..<nameEnd)
                let range = index..<(end + 1)
                if isEnd {
                    guard let last = open.popLast() else { throw Malformed(message: "'</\(name)>' closes no open element", offset: index) }
                    guard last.name == name else {
                        let opened = Malformed(message: "", offset: last.offset).position(in: bytes)
                        throw Malformed(
                            message: "'</\(name)>' closes '<\(last.name)>' opened at line \(opened.line), column \(opened.column)", offset: index)
                    }
                    tokens.append(.end(name: name, range: range))
                } else {
                    let selfClosing = bytes[end - 1] == UInt8(ascii: "/")
                    if !selfClosing { open.append((name, index)) }
                    tokens.append(.start(name: name, range: range, selfClosing: selfClosing))
                }
                index = end + 1
            }
        }
        if let last = open.last { throw Malformed(message: "'<\(last.name)>' is never closed", offset: last.offset) }
        return tokens
    }

    /// The value of attribute `name` in a start tag, entity references left as written.
    func attribute(_ name: String, in tag: Range<Int>) -> String? {
        let key = Array(name.utf8)
        var index = tag.lowerBound + 1
        while index < tag.upperBound, !Self.endsName(bytes[index]) { index += 1 }
        while index < tag.upperBound {
            while index < tag.upperBound, Self.isSpace(bytes[index]) { index += 1 }
            let nameStart = index
            while index < tag.upperBound, !Self.endsName(bytes[index]), bytes[index] != UInt8(ascii: "=") { index += 1 }
            let attributeName = bytes[nameStart..<index]
            while index < tag.upperBound, Self.isSpace(bytes[index]) { index += 1 }
            guard index < tag.upperBound, bytes[index] == UInt8(ascii: "=") else {
                if index == nameStart { index += 1 }
                continue
            }
            index += 1
            while index < tag.upperBound, Self.isSpace(bytes[index]) { index += 1 }
            guard index < tag.upperBound else { break }
            let quote = bytes[index]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { continue }
            let valueStart = index + 1
            index = valueStart
            while index < tag.upperBound, bytes[index] != quote { index += 1 }
            if attributeName.elementsEqual(key) { return String(decoding: bytes[valueStart..<index], as: UTF8.self) }
            index += 1
        }
        return nil
    }

    private func localName(_ range: Range<Int>) -> String {
        var start = range.lowerBound
        for index in range where bytes[index] == UInt8(ascii: ":") { start = index + 1 }
        return String(decoding: bytes[start..<range.upperBound], as: UTF8.self).lowercased()
    }

    private func starts(with prefix: StaticString, at index: Int) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return prefix.withUTF8Buffer { buffer in buffer.elementsEqual(bytes[index..<(index + count)]) }
    }

    /// The index just past `terminator`, searching from `start`.
    private func find(_ terminator: StaticString, from start: Int, opened: Int, what: String) throws(Malformed) -> Int {
        let length = terminator.utf8CodeUnitCount
        var index = start
        while index + length <= bytes.count {
            if starts(with: terminator, at: index) { return index + length }
            index += 1
        }
        throw Malformed(message: "the \(what) is not closed", offset: opened)
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    private static func endsName(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
    }
}
