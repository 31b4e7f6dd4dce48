extension Substring {
    /// Calls `body` with the index of every character not escaped by a backslash (a backslash and the
    /// character after it are skipped together), in order, until `body` returns false. Summary text and
    /// Markdown both escape their delimiters this way.
    public func forEachUnescapedIndex(_ body: (Index) -> Bool) {
        var index = startIndex
        while index < endIndex {
            if self[index] == "\\" {
                index = self.index(after: index)
                if index < endIndex { index = self.index(after: index) }
                continue
            }
            guard body(index) else { return }
            index = self.index(after: index)
        }
    }

    /// The first `delimiter` that does not start at an escaped character.
    public func firstUnescapedRange(of delimiter: String) -> Range<Index>? {
        var found: Range<Index>?
        forEachUnescapedIndex { index in
            guard self[index...].hasPrefix(delimiter) else { return true }
            found = index..<self.index(index, offsetBy: delimiter.count)
            return false
        }
        return found
    }
}
