import QuireCommonMark

/// Writes plain text (titles, names, entity types) so that Markdown shows it as it is, and reads it back.
///
/// Writing: backslashes are doubled; characters that could start inline markup (`` ` * _ [ ] < ~ ``, an
/// `&` before a letter or `#`, a heading's trailing `#`) and the context's own delimiters get a
/// backslash; control characters and leading or trailing spaces and tabs, which Markdown would drop,
/// become numeric character references (`&#32;`).
/// Reading undoes CommonMark's backslash escapes and numeric character references, exactly as a
/// CommonMark renderer would, so text typed by hand reads as it shows.
enum PlainTextEscaping {
    static func escape(_ text: String, alsoEscaping delimiters: Set<Character> = []) -> String {
        let characters = Array(text)
        let firstKept = characters.firstIndex { $0 != " " && $0 != "\t" } ?? characters.count
        let lastKept = characters.lastIndex { $0 != " " && $0 != "\t" } ?? -1
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for (index, character) in characters.enumerated() {
            if index < firstKept || index > lastKept || isControl(character) {
                for scalar in character.unicodeScalars { result += "&#\(scalar.value);" }
                continue
            }
            switch character {
            case _ where InlineEscaping.startsInlineMarkup(character):
                result += "\\" + String(character)
            case "&":
                let next = index + 1 < characters.count ? characters[index + 1] : " "
                result += next == "#" || (next.isASCII && next.isLetter) ? "\\&" : "&"
            case "#" where index == lastKept:
                // A trailing `#` would read as a heading's closing sequence.
                result += "\\#"
            default:
                if delimiters.contains(character) { result += "\\" }
                result.append(character)
            }
        }
        return result
    }

    static func unescape(_ text: Substring) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        let utf8 = text.utf8
        var index = text.startIndex
        // The next `\` or `&` byte at or after `index`: the runs between them are copied whole, since
        // walking a long title character by character costs grapheme breaking on every byte.
        func nextSpecial(from start: String.Index) -> String.Index {
            utf8[start...].firstIndex { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "&") } ?? text.endIndex
        }
        var special = nextSpecial(from: index)
        while index < text.endIndex {
            if special < index { special = nextSpecial(from: index) }
            if index < special {
                // After an ASCII byte a `\` or `&` always starts a character, so the run ends where the
                // character walk would stop; after other text it may not (a prepended mark), so step.
                if special == text.endIndex || utf8[utf8.index(before: special)] < 0x80 {
                    result += text[index..<special]
                    index = special
                } else {
                    result.append(text[index])
                    index = text.index(after: index)
                }
                continue
            }
            let character = text[index]
            let next = text.index(after: index)
            if character == "\\", next < text.endIndex, InlineEscaping.isASCIIPunctuation(text[next]) {
                result.append(text[next])
                index = text.index(after: next)
            } else if character == "&", let (scalar, end) = numericReference(in: text[index...]) {
                result.unicodeScalars.append(scalar)
                index = end
            } else {
                result.append(character)
                index = next
            }
        }
        return result
    }

    /// `&#123;` or `&#x7B;` at the start of `text`: the scalar and where the reference ends.
    private static func numericReference(in text: Substring) -> (Unicode.Scalar, Substring.Index)? {
        guard text.hasPrefix("&#") else { return nil }
        var digits = text.dropFirst(2)
        let hex = digits.first == "x" || digits.first == "X"
        if hex { digits = digits.dropFirst() }
        let number = digits.prefix { hex ? $0.isHexDigit : ($0.isASCII && $0.isNumber) }
        guard (1...(hex ? 6 : 7)).contains(number.count), number.endIndex < text.endIndex, text[number.endIndex] == ";",
            let value = UInt32(number, radix: hex ? 16 : 10)
        else { return nil }
        // CommonMark turns an invalid code point into U+FFFD; the writer only writes valid ones.
        return (Unicode.Scalar(value) ?? "\u{FFFD}", text.index(after: number.endIndex))
    }

    private static func isControl(_ character: Character) -> Bool {
        character.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }
}
