/// Where text that is not valid UTF-8 goes wrong, as the readers of text formats report it.
public enum UTF8Position {
    /// Line and column (in characters, 1-based) of the first byte that does not start a valid UTF-8
    /// sequence; the position just past the end when every sequence is valid.
    public static func firstInvalidByte(in bytes: ArraySlice<UInt8>) -> (line: Int, column: Int) {
        var line = 1, column = 1
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 0
            let end = index + length
            if length == 0 || end > bytes.endIndex || String(validating: bytes[index..<end], as: UTF8.self) == nil {
                return (line, column)
            }
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
            index = end
        }
        return (line, column)
    }
}
