/// Text a page scrape keeps from the site around the episodes (the collection's `preamble`): its first
/// line is often the site's brand run together with its tagline, because the two were separate
/// elements, "EarmarkListen once, remember twice." or "팟캐스트Hear the voice. See the shape of the thought.".
public enum PageChrome {
    /// The brand and the tagline of such a line, or `nil` when the line does not clearly hold both.
    ///
    /// The boundary is a capital Latin letter directly after a lowercase Latin letter or a letter of
    /// another script (Hangul, Han, kana…), with no space, when what follows reads like a sentence:
    /// a plain capitalized word, then a word in lowercase, and a full stop at the end or at least three
    /// words. Names such as "McDonald", "iPhone", "YouTube" or "PodcastOne Weekly" are not split; when in
    /// doubt the line is left whole.
    public static func brandAndTagline(_ line: String) -> (brand: String, tagline: String)? {
        let characters = Array(line.trimmingWhitespace())
        guard characters.count <= maximumLineLength else { return nil }
        for index in characters.indices.dropFirst() where isBoundary(before: index, in: characters) {
            let brand = String(characters[..<index]).trimmingWhitespace()
            let tagline = String(characters[index...]).trimmingWhitespace()
            if isBrand(brand) && isSentenceLike(tagline) { return (brand, tagline) }
        }
        return nil
    }

    /// The site's name the preamble offers: the brand of its first non-blank line, when that line
    /// splits into a brand and a tagline. A line that does not split is not taken for a name: it may
    /// as well be a menu ("채널 둘러보기") or a notice.
    public static func siteName(preamble: [String]) -> String? {
        guard let first = preamble.first(where: { !$0.trimmingWhitespace().isEmpty }) else { return nil }
        return brandAndTagline(first)?.brand
    }

    static let maximumLineLength = 300
    static let maximumBrandLength = 40
    /// Name parts that put a capital inside a surname ("McDonald", "MacArthur", "DeAndre", "LaToya").
    static let namePrefixes: Set<String> = ["mc", "mac", "de", "di", "da", "du", "la", "le", "van", "von", "fitz", "st", "o"]

    private static func isBoundary(before index: Int, in characters: [Character]) -> Bool {
        let previous = characters[index - 1]
        guard isLatinUppercase(characters[index]), previous.isLetter else { return false }
        return isLatinLowercase(previous) || !isLatin(previous)
    }

    private static func isBrand(_ brand: String) -> Bool {
        guard !brand.isEmpty, brand.count <= maximumBrandLength, brand.contains(where: \.isLetter) else { return false }
        // The run-together word's first half: "i" of "iPhone" is no name, nor "Mc" of "McDonald".
        let lastWord = brand.split(whereSeparator: \.isWhitespace).last.map(String.init) ?? brand
        if lastWord.allSatisfy(isLatin) && (lastWord.count < 2 || namePrefixes.contains(lastWord.lowercased())) { return false }
        return true
    }

    private static func isSentenceLike(_ tagline: String) -> Bool {
        let words = tagline.split(whereSeparator: \.isWhitespace)
        guard words.count >= 2, let first = words.first, let second = words.dropFirst().first else { return false }
        // "Listen", not "TubeWatch" (the boundary fell inside a name) nor "NASA".
        let firstLetters = first.filter(\.isLetter)
        guard let initial = firstLetters.first, isLatinUppercase(initial), firstLetters.dropFirst().allSatisfy(isLatinLowercase) else { return false }
        // A sentence goes on in lowercase; a name in title case ("One Weekly Show") does not.
        guard let secondInitial = second.first(where: \.isLetter), isLatinLowercase(secondInitial) else { return false }
        return words.count >= 3 || [".", "!", "?", "…"].contains(tagline.last.map(String.init) ?? "")
    }

    private static func isLatin(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { $0.isASCII || (0x00C0...0x024F).contains($0.value) }
    }

    private static func isLatinUppercase(_ character: Character) -> Bool { isLatin(character) && character.isUppercase }
    private static func isLatinLowercase(_ character: Character) -> Bool { isLatin(character) && character.isLowercase }
}
