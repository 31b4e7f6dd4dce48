import QuireCore

/// How the episode's statistics know a word, as a 64-bit hash computed straight from its UTF-8 bytes
/// (the statistics read every word of an episode's prose, so no `String` is made for one):
/// - edge punctuation (quotes, brackets, commas, sentence ends) is dropped and ASCII is lowercased;
/// - a Latin word with CJK glued on (`Oriol把`, `Yann은`, `LLM이`) is known by its Latin part;
/// - a Hangul word by its stem, without a trailing particle (`박서연은` → `박서연`);
/// - a Chinese or Japanese word by its first two characters (it runs on without spaces).
enum WordKey {
    static func of(_ word: Substring) -> UInt64 {
        let bytes = word.utf8
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, let length = edgePunctuationLength(bytes, at: start, end: end) { start = bytes.index(start, offsetBy: length) }
        while start < end, let length = trailingPunctuationLength(bytes, start: start, end: end) { end = bytes.index(end, offsetBy: -length) }
        guard start < end else { return 0 }
        return of(core: word[start..<end])
    }

    /// The key of a word already without its edge punctuation (`SplitToken.core`).
    static func of(core: Substring) -> UInt64 {
        let bytes = core.utf8
        guard let firstByte = bytes.first else { return 0 }
        if firstByte < 0x80 || core.unicodeScalars.first!.value < 0x1100 {
            // Latin (or digits) then CJK: the Latin part. A scalar from U+1100 on starts with a byte
            // from E1 on, so only such bytes are decoded.
            var hash = seed
            var index = bytes.startIndex
            while index < bytes.endIndex {
                let byte = bytes[index]
                if byte >= 0xE1, let scalar = core.unicodeScalars[index...].first, scalar.value >= 0x1100 && SplitToken.isCJKScalar(scalar) {
                    break
                }
                hash = adding(byte, to: hash)
                index = bytes.index(after: index)
            }
            return hash
        }
        let scalars = core.unicodeScalars
        let first = scalars.first!
        var keyEnd = core.endIndex
        if SplitToken.isHangulScalar(first) {
            keyEnd = stemEnd(of: core)
        } else if SplitToken.isCJKScalar(first) {
            var index = scalars.startIndex
            for _ in 0..<2 where index < scalars.endIndex { index = scalars.index(after: index) }
            keyEnd = index
        }
        var hash = seed
        for byte in core[..<keyEnd].utf8 { hash = adding(byte, to: hash) }
        return hash
    }

    private static let seed = FNV1a.seed

    /// FNV-1a, with ASCII lowercased.
    private static func adding(_ byte: UInt8, to hash: UInt64) -> UInt64 {
        FNV1a.adding(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte, to: hash)
    }

    /// Where a Hangul word's stem ends: before a particle of one or two syllables, when two remain.
    private static func stemEnd(of word: Substring) -> String.Index {
        let scalars = word.unicodeScalars
        guard scalars.count >= 3, let last = scalars.last, SplitToken.isHangulScalar(last) else { return word.endIndex }
        let lastIndex = scalars.index(before: scalars.endIndex)
        let previous = scalars[scalars.index(before: lastIndex)]
        if scalars.count >= 4, twoSyllableParticles.contains(UInt64(previous.value) << 32 | UInt64(last.value)) {
            return scalars.index(before: lastIndex)
        }
        return oneSyllableParticles.contains(last.value) ? lastIndex : word.endIndex
    }

    private static let oneSyllableParticles: Set<UInt32> = Set(particles.filter { $0.unicodeScalars.count == 1 }.map { $0.unicodeScalars.first!.value })
    private static let twoSyllableParticles: Set<UInt64> = Set(
        particles.filter { $0.unicodeScalars.count == 2 }.map {
            let scalars = Array($0.unicodeScalars)
            return UInt64(scalars[0].value) << 32 | UInt64(scalars[1].value)
        })
    private static let particles = LanguageTables.koreanTopicParticles.union(LanguageTables.koreanSubjectParticles)
        .union(LanguageTables.koreanObjectParticles).union(LanguageTables.koreanGenitiveParticles).union(LanguageTables.koreanAdverbialParticles)

    /// The byte length of punctuation that starts at `index`, if any.
    private static func edgePunctuationLength(_ bytes: Substring.UTF8View, at index: String.Index, end: String.Index) -> Int? {
        let byte = bytes[index]
        if byte < 0x80 { return isASCIIEdge(byte) ? 1 : nil }
        let scalar = Substring(bytes[index..<end]).unicodeScalars.first!
        return CharacterClass.edgePunctuation(scalar) ? UTF8.width(scalar) : nil
    }

    private static func trailingPunctuationLength(_ bytes: Substring.UTF8View, start: String.Index, end: String.Index) -> Int? {
        let last = bytes[bytes.index(before: end)]
        if last < 0x80 { return isASCIIEdge(last) ? 1 : nil }
        let scalar = Substring(bytes[start..<end]).unicodeScalars.last!
        return CharacterClass.edgePunctuation(scalar) ? UTF8.width(scalar) : nil
    }

    private static func isASCIIEdge(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21, 0x22, 0x27, 0x28, 0x29, 0x2C, 0x2E, 0x3A, 0x3B, 0x3F, 0x5B, 0x5D, 0x7B, 0x7D: true
        default: false
        }
    }
}
