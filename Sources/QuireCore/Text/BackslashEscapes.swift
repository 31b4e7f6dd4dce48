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

extension Substring {
    /// The line with one backslash in front when, past the backslashes it starts with, it would read as
    /// structure (`isStructure`: a heading, a quote, a list item...). Summary text and Markdown both keep
    /// lines of text from being read as their block syntax this way; what counts as structure is each one's.
    public func escapingLeadingStructure(where isStructure: (Substring) -> Bool) -> String {
        isStructure(drop { $0 == "\\" }) ? "\\" + self : String(self)
    }

    /// Undoes `escapingLeadingStructure`: removes exactly one backslash, so a line that itself starts
    /// with backslashes survives too.
    public func unescapingLeadingStructure(where isStructure: (Substring) -> Bool) -> Substring {
        guard hasPrefix("\\"), isStructure(dropFirst().drop { $0 == "\\" }) else { return self }
        return dropFirst()
    }
}
