import QuireCore

/// Integer keys for the splitter's look-ups. Every word of every chapter is looked up in several
/// tables, so the look-ups hash a word's bytes or scalars where they stand instead of making a
/// `String` for each.

/// A 64-bit FNV-1a hash of text's UTF-8 bytes: equal texts, equal keys (collisions among the few
/// thousand words an episode holds are vanishingly rare, and would cost one feature of one candidate).
enum TextHash {
    static func of(_ text: some StringProtocol) -> UInt64 {
        var hash = FNV1a.seed
        for byte in text.utf8 { hash = FNV1a.adding(byte, to: hash) }
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

    /// The keys of a table's entries; an entry longer than three scalars has none. The tables whole words
    /// are looked up in are kept within the limit by a test (`HeadingModelTests`); sentence openers are
    /// only ever asked for by their first three scalars.
    static func set(_ words: Set<String>) -> Set<UInt64> {
        Set(words.compactMap { of($0.unicodeScalars) })
    }
}
