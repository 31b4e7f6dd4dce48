extension StringProtocol {
    /// The text without leading and trailing Unicode whitespace (including U+3000 and newlines).
    /// Works on Unicode scalars: trimming is on every hot path of reading, and a whitespace scalar
    /// never combines with what follows it.
    public func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !Self.isWhitespace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !Self.isWhitespace($0) })!
        return String(self[first...last])
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80
            ? scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar.value == 0x0B || scalar.value == 0x0C
            : scalar.properties.isWhitespace
    }
}
