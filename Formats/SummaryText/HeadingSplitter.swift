/// Finds where a run-in chapter heading ends and its body begins, for the page form, where the two are
/// joined by a single space (`## [01:36] Why World Models Jacob 先问…`).
///
/// First version: decides by script and letter case. A heading in Latin script ends before the first
/// word that cannot belong to a title (a CJK word, or a lowercase word that is not a short function
/// word); a capitalized word just before it is taken as the body's subject. Every split is inferred and
/// reported as such.
struct HeadingSplitter {
    /// English function words that stay lowercase inside title-case headings.
    private static let titleFunctionWords: Set<Substring> = [
        "a", "an", "the", "and", "or", "nor", "but", "for", "of", "in", "on", "at", "to", "by", "with", "from",
        "as", "vs", "vs.", "via", "into", "onto", "per", "is", "are", "&",
    ]

    func split(_ text: Substring) -> (heading: Substring, body: Substring) {
        let words = text.split(whereSeparator: \.isWhitespace)
        // A body is prose and ends its sentences; text with no sentence end is a heading on its own
        // (the trailing heading-only chapters of a page).
        guard words.count > 1, text.contains(where: Self.isSentenceEnd) else {
            return (text.trimmingWhitespace()[...], text[text.endIndex...])
        }
        var bodyStart = firstBodyWord(words) ?? words.count
        // A heading does not end on a function word ("… and the"): move such words to the body.
        while bodyStart > 1, Self.titleFunctionWords.contains(words[bodyStart - 1].lowercased()[...]) { bodyStart -= 1 }
        let heading = text[words[0].startIndex..<words[bodyStart - 1].endIndex]
        let body = bodyStart < words.count ? text[words[bodyStart].startIndex...] : text[text.endIndex...]
        return (heading, body)
    }

    private func firstBodyWord(_ words: [Substring]) -> Int? {
        if Self.hasCJK(words[0]) { return 1 }
        for index in 1..<words.count {
            let word = words[index]
            let opensBody = Self.hasCJK(word) || (Self.isLowercaseWord(word) && !Self.titleFunctionWords.contains(word))
            guard opensBody else { continue }
            // "… Trading Man Group manages": the capitalized word before the verb is the subject.
            if index >= 2, Self.isCapitalized(words[index - 1]) { return index - 1 }
            return index
        }
        return nil
    }

    static func isSentenceEnd(_ character: Character) -> Bool {
        ".!?。！？…".contains(character)
    }

    static func hasCJK(_ word: Substring) -> Bool {
        word.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0x1100...0x11FF, 0xF900...0xFAFF: true
            default: false
            }
        }
    }

    static func isLowercaseWord(_ word: Substring) -> Bool {
        guard let first = word.first(where: \.isLetter) else { return false }
        return first.isLowercase && word.first == first
    }

    static func isCapitalized(_ word: Substring) -> Bool {
        word.first?.isUppercase ?? false
    }
}
