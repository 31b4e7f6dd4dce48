import QuireCore

/// Input text decoded for reading: UTF-8 checked, byte order mark dropped, lines split on LF or CRLF,
/// each line with its 1-based number.
struct SourceText {
    struct Line {
        var number: Int
        var text: Substring

        var isBlank: Bool { text.allSatisfy(\.isWhitespace) }
    }

    let text: String
    let lines: [Line]

    /// Fails with `summary.encoding` naming the line and column of the first byte that is not UTF-8.
    init(_ input: InputFile) throws {
        try self.init(input.bytes[...], firstLine: 1, input: input)
    }

    /// A piece of a larger input that starts at the beginning of line `firstLine` (`LineChunks`);
    /// `input` names the whole input in diagnostics. Only the first piece may start with a byte order mark.
    init(_ bytes: ArraySlice<UInt8>, firstLine: Int, input: InputFile) throws {
        var bytes = bytes
        if firstLine == 1 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            var (line, column) = UTF8Position.firstInvalidByte(in: bytes)
            line += firstLine - 1
            throw ConversionFailure(
                .error("summary.encoding", "the input is not UTF-8 text (first invalid byte here)", at: input.location(line: line, column: column)))
        }
        if let nul = bytes.firstIndex(of: 0) {
            var (line, column) = SourceText.position(of: nul, in: bytes)
            line += firstLine - 1
            throw ConversionFailure(
                .error("summary.binary", "the input holds binary data (a NUL byte here), not text", at: input.location(line: line, column: column)))
        }
        self.text = text
        // Split on LF bytes: "\r\n" is one Character in Swift, so a Character split would miss it.
        var lines: [Line] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var number = firstLine
        while true {
            let end = utf8[start...].firstIndex(of: 0x0A) ?? utf8.endIndex
            var lineEnd = end
            if lineEnd > start && utf8[utf8.index(before: lineEnd)] == 0x0D { lineEnd = utf8.index(before: lineEnd) }
            lines.append(Line(number: number, text: text[start..<lineEnd]))
            guard end < utf8.endIndex else { break }
            start = utf8.index(after: end)
            number += 1
        }
        self.lines = lines
    }

    /// Line and column (in characters) of a byte offset in valid UTF-8.
    private static func position(of offset: Int, in bytes: ArraySlice<UInt8>) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for byte in bytes[..<offset] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
