extension StringProtocol {
    /// The text without leading and trailing Unicode whitespace (including U+3000 and newlines).
    public func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }
}
