/// Entry names read straight from a zip's central directory, without libzip. libzip refuses an
/// archive with duplicate names before listing any; this finds the name to put in the diagnostic.
enum CentralDirectoryNames {
    /// The first name that appears twice, or `nil` when none does or the directory cannot be found.
    static func firstDuplicate(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        func le16(_ offset: Int) -> Int { Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 }
        func le32(_ offset: Int) -> Int { le16(offset) | le16(offset + 2) << 16 }
        // The end-of-central-directory record is in the last 64 KiB + 22 bytes (its comment is at most 64 KiB).
        guard bytes.count >= 22 else { return nil }
        var end = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        while end >= lowest && le32(end) != 0x0605_4B50 { end -= 1 }
        guard end >= lowest else { return nil }
        let count = le16(end + 10)
        var offset = le32(end + 16)
        var seen: Set<[UInt8]> = []
        for _ in 0..<count {
            guard offset + 46 <= bytes.count, le32(offset) == 0x0201_4B50 else { return nil }
            let nameLength = le16(offset + 28), extraLength = le16(offset + 30), commentLength = le16(offset + 32)
            guard offset + 46 + nameLength <= bytes.count else { return nil }
            let name = Array(bytes[(offset + 46)..<(offset + 46 + nameLength)])
            if !seen.insert(name).inserted { return String(decoding: name, as: UTF8.self) }
            offset += 46 + nameLength + extraLength + commentLength
        }
        return nil
    }
}
