extension Substring {
    /// The first occurrence of an ASCII `needle`, searched over UTF-8 bytes. Every marker the summary
    /// syntax looks for is ASCII, and an ASCII byte always starts a character, so the range is valid;
    /// this is many times faster than the generic `firstRange(of:)`.
    func firstRange(ofASCII needle: StaticString) -> Range<String.Index>? {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let first = pattern.first else { return startIndex..<startIndex }
        let found: Int?? = utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var index = 0
            let last = bytes.count - pattern.count
            while index <= last {
                if bytes[index] == first {
                    var matched = 1
                    while matched < pattern.count && bytes[index + matched] == pattern[matched] { matched += 1 }
                    if matched == pattern.count { return index }
                }
                index += 1
            }
            return nil
        }
        if let found {
            guard let offset = found else { return nil }
            let lower = utf8.index(startIndex, offsetBy: offset)
            return lower..<utf8.index(lower, offsetBy: pattern.count)
        }
        // Bridged or non-contiguous storage: the generic search.
        return firstRange(of: String(decoding: pattern, as: UTF8.self))
    }
}
