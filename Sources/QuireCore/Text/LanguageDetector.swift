/// Guesses the language of prose as a BCP 47 tag, from its script and, for Latin-script text, its
/// most frequent function words. Returns `nil` rather than guess when the evidence is thin.
public enum LanguageDetector {
    /// Languages told apart within the Latin script, by words that are frequent in them and rare elsewhere.
    private static let functionWords: [(tag: String, words: Set<Substring>)] = [
        (
            "en",
            [
                "the", "and", "of", "to", "is", "that", "for", "with", "on", "as", "it", "was", "are", "this", "by", "from",
                "be", "at", "an", "but", "not", "have", "they", "which", "their", "he", "she", "we", "you", "how", "what",
            ]
        ),
        (
            "es",
            [
                "el", "la", "de", "que", "y", "los", "las", "del", "un", "una", "por", "con", "para", "es", "se", "al", "lo",
                "como", "más", "pero", "sus", "este", "entre", "cuando", "muy", "sin", "sobre", "también", "hay", "donde",
            ]
        ),
        (
            "fr",
            [
                "le", "la", "les", "des", "et", "est", "une", "du", "que", "qui", "dans", "pour", "pas", "sur", "au", "avec",
                "ce", "il", "elle", "sont", "mais", "ou", "par", "nous", "vous", "leur", "cette",
            ]
        ),
        (
            "de",
            [
                "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "zu", "den", "mit", "auf", "für", "sich", "dem",
                "auch", "es", "von", "wir", "sie", "ich", "aber", "wie", "oder", "wird",
            ]
        ),
        (
            "pt",
            [
                "o", "os", "as", "de", "que", "e", "do", "da", "em", "um", "uma", "para", "com", "não", "por", "mais", "dos",
                "das", "como", "mas", "ao", "ele", "ela", "seu", "sua", "são",
            ]
        ),
    ]

    /// For each function word, by the FNV-1a hash of its bytes, the languages it belongs to (bit `i` for
    /// `functionWords[i]`): the words of a sample are hashed as they are read, with no `String` made.
    private static let languagesByWord: [UInt64: UInt8] = {
        var table: [UInt64: UInt8] = [:]
        for (index, language) in functionWords.enumerated() {
            for word in language.words { table[FNV1a.of(word.utf8), default: 0] |= 1 << index }
        }
        return table
    }()

    public static func detect(_ text: some StringProtocol) -> String? {
        var counts = ScriptCounts()
        counts.add(text)
        return counts.language(latinSample: latinLanguage(text.utf8))
    }

    /// The language of several pieces of prose read as one text, each joined to the next by a space,
    /// without joining them.
    public static func detect(pieces: [Substring]) -> String? {
        var counts = ScriptCounts()
        for piece in pieces where !counts.isEnough { counts.add(piece) }
        return counts.language(latinSample: latinLanguage(pieces.lazy.map(\.utf8).joined(separator: CollectionOfOne(0x20))))
    }

    /// Letters by script; a few thousand decide it.
    private struct ScriptCounts {
        var hangul = 0, kana = 0, han = 0, latin = 0
        var letters: Int { hangul + kana + han + latin }
        var isEnough: Bool { letters >= 2000 }

        mutating func add(_ text: some StringProtocol) {
            for scalar in text.unicodeScalars {
                switch scalar.value {
                case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: latin += 1
                case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: hangul += 1
                case 0x3040...0x30FF: kana += 1
                case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: han += 1
                default: continue
                }
                if isEnough { return }
            }
        }

        func language(latinSample: @autoclosure () -> String?) -> String? {
            guard letters >= 12 else { return nil }
            // One CJK character carries about as much as a Latin word, so CJK counts are weighted up.
            if hangul * 3 >= letters / 5 && hangul > kana { return "ko" }
            if kana * 3 >= letters / 10 { return "ja" }
            if han * 3 >= letters / 5 { return "zh" }
            return latinSample()
        }
    }

    /// The language of an episode's own prose: its overview and chapter bodies. Headings and quotes are
    /// left out, since pages mix English headings and quotes into other languages' summaries.
    public static func detect(_ episode: Episode) -> String? {
        var counts = ScriptCounts()
        var sample = ""
        for text in [episode.summary] + episode.chapters.map(\.body) where !counts.isEnough {
            counts.add(text)
            if sample.utf8.count < 1500 { sample += text.prefix(1000) + "\n" }
        }
        if counts.letters < 200 {
            for chapter in episode.chapters {
                counts.add(chapter.title)
                for quote in chapter.quotes { counts.add(quote.text) }
                sample += chapter.title + "\n" + chapter.quotes.map(\.text).joined(separator: "\n")
            }
        }
        return counts.language(latinSample: latinLanguage(sample.utf8))
    }

    private static func latinLanguage(_ bytes: some Sequence<UInt8>) -> String? {
        var counts = [Int](repeating: 0, count: functionWords.count)
        var words = 0
        // A few hundred words decide it. Words are runs of letters; ASCII is lowercased by hand, and
        // bytes of other letters (á, ç, ã) are kept, which is all the function-word lists need.
        var hash = FNV1a.seed, length = 0
        func finishWord() {
            guard length > 0 else { return }
            words += 1
            // Function words are short; longer words need no look-up.
            if length <= 8, let languages = languagesByWord[hash] {
                for index in counts.indices where languages & 1 << index != 0 { counts[index] += 1 }
            }
            hash = FNV1a.seed
            length = 0
        }
        for byte in bytes.prefix(1500) {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), 0x80...0xFF:
                hash = FNV1a.adding(byte, to: hash)
                length += 1
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                hash = FNV1a.adding(byte + 0x20, to: hash)
                length += 1
            default: finishWord()
            }
        }
        finishWord()
        let ranked = counts.enumerated().sorted { $0.element > $1.element }
        guard let best = ranked.first, best.element >= 2, best.element * 100 >= words * 3 else { return nil }
        // A near tie says the text is mixed or too short to tell.
        if ranked.count > 1, Double(ranked[1].element) * 1.5 > Double(best.element) { return nil }
        return functionWords[best.offset].tag
    }
}
