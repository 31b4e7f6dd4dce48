/// Integer keys for the splitter's look-ups. Every word of every chapter is looked up in several
/// tables, so the look-ups hash a word's bytes or scalars where they stand instead of making a
/// `String` for each.

/// A 64-bit FNV-1a hash of text's UTF-8 bytes: equal texts, equal keys (collisions among the few
/// thousand words an episode holds are vanishingly rare, and would cost one feature of one candidate).
enum TextHash {
    static func of(_ text: some StringProtocol) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }
}

/// Up to three Unicode scalars packed into one integer (21 bits each; no scalar is zero, so lengths
/// differ in their keys): how the short entries of the Korean, Chinese and Japanese tables are found.
enum ScalarKey {
    static let maximumLength = 3

    /// The key of `scalars`, or `nil` when there are more than three.
    static func of(_ scalars: some Sequence<Unicode.Scalar>) -> UInt64? {
        var key: UInt64 = 0, count = 0
        for scalar in scalars {
            guard count < maximumLength else { return nil }
            key |= UInt64(scalar.value) << (21 * count)
            count += 1
        }
        return key
    }

    /// The keys of a table's entries. An entry longer than three scalars could never be asked for:
    /// a test keeps the tables looked up this way within the limit.
    static func set(_ words: Set<String>) -> Set<UInt64> {
        Set(words.compactMap { of($0.unicodeScalars) })
    }
}
