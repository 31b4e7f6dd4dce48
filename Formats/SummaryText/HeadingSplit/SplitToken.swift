/// One space-separated word of a chapter's run-in text, with every property a feature asks about,
/// computed once: each word is asked the same questions for every candidate boundary.
struct SplitToken {
    enum Script { case latin, hangul, cjk, other }

    let text: Substring
    /// The word without edge punctuation (quotes, brackets, commas, sentence ends).
    let core: String
    let lowercasedCore: String
    /// The core's hash, and that of the core without a possessive (`Railway's` → `Railway`): how names are matched.
    let coreHash: UInt64
    let nameHash: UInt64
    /// The hash of the lowercased core: how a body's repeat of a heading word is found.
    let lowercasedHash: UInt64
    /// The core's length in Unicode scalars.
    let coreScalarCount: Int
    let script: Script
    let isCJK: Bool
    let isHangul: Bool
    let startsUppercase: Bool
    let isLowercaseLatin: Bool
    let isFunctionWord: Bool
    let isAcronym: Bool
    /// No punctuation but perhaps a trailing comma: "The" opens a sentence, "(The" or "The:" does not.
    let isBareWord: Bool
    let startsWithDigit: Bool
    let startsWithOpeningQuote: Bool
    let startsWithClosingPunctuation: Bool
    let isEditorialNote: Bool
    let hasCJKSentencePunctuation: Bool
    let endsWithQuestionOrExclamation: Bool
    let endsSentence: Bool
    let endsClause: Bool
    let endsWithContinuation: Bool
    let isDashOrBar: Bool
    /// The stem of a Hangul word without its particle, or the Latin part of `Yann은`, and its hash.
    let strippingParticle: String?
    let stemHash: UInt64?
    let koreanEnding: KoreanEnding
    let cjkStart: CJKStart
    /// How the episode's statistics know this word (`WordKey`).
    let key: UInt64
    /// The word's shape: its class (`Shape.Class`) and how it ends (`Shape.End`), for the shape features.
    let shapeClass: Shape.Class
    let shapeEnd: Shape.End
    /// The word's place among the frequent words (`SlotFeatures.frequentWords`), if it is one.
    let frequentWord: Int?
    /// The place of the syllable a Hangul word ends on among the frequent final syllables, if it is one.
    let finalSyllable: Int?
    /// An English verb in a finite form ("explains", "went").
    let isFiniteVerb: Bool
    /// A common given name ("Aisha", "Eddie").
    let isGivenName: Bool
    /// A possessive (`DeepMind's`, `Korea’s`).
    let isPossessive: Bool
    /// `and`, `or`, `&` and their kin in the other Latin-script languages.
    let isConjunction: Bool
    /// A Chinese word that starts with a verb, adverb or preposition (`先问`, `把`).
    let cjkStartsWithPredicate: Bool
    /// A Chinese or Japanese word that ends in a particle (`发布的`, `の`).
    let endsWithCJKParticle: Bool

    /// A word reduced to what its form says, whatever the language: the shape features learn
    /// which sequences of shapes make a heading's end, with no word list.
    enum Shape {
        enum Class: Int, CaseIterable {
            case capitalizedFunctionWord, lowercaseFunctionWord, capitalized, capitalizedPossessive, acronym, lowercase, number
            case hangul, hangulSubject, hangulParticle, hangulAdnominal, hangulSentenceFinal, hangulDependentNoun
            case cjk, cjkParticleStart, cjkOpenerStart, cjkEarlyTopic
            case openingQuote, editorialNote, punctuation

            var code: String {
                switch self {
                case .capitalizedFunctionWord: "F"
                case .lowercaseFunctionWord: "f"
                case .capitalized: "C"
                case .capitalizedPossessive: "Cs"
                case .acronym: "A"
                case .lowercase: "l"
                case .number: "N"
                case .hangul: "H"
                case .hangulSubject: "Hs"
                case .hangulParticle: "Hp"
                case .hangulAdnominal: "Ha"
                case .hangulSentenceFinal: "Hf"
                case .hangulDependentNoun: "Hd"
                case .cjk: "J"
                case .cjkParticleStart: "Jp"
                case .cjkOpenerStart: "Jo"
                case .cjkEarlyTopic: "Jt"
                case .openingQuote: "Q"
                case .editorialNote: "E"
                case .punctuation: "P"
                }
            }
        }

        enum End: Int, CaseIterable {
            case plain, sentence, questionOrExclamation, continuation

            var code: String {
                switch self {
                case .plain: ""
                case .sentence: "."
                case .questionOrExclamation: "?"
                case .continuation: ","
                }
            }
        }
    }

    /// What a Hangul word's last syllables say about its role.
    struct KoreanEnding: OptionSet {
        let rawValue: UInt16
        static let topic = KoreanEnding(rawValue: 1)
        static let subject = KoreanEnding(rawValue: 2)
        static let object = KoreanEnding(rawValue: 4)
        static let genitive = KoreanEnding(rawValue: 8)
        static let adverbial = KoreanEnding(rawValue: 16)
        static let adnominal = KoreanEnding(rawValue: 32)
        static let sentenceFinal = KoreanEnding(rawValue: 64)
        static let dependentNoun = KoreanEnding(rawValue: 128)
        static let determiner = KoreanEnding(rawValue: 256)
        static let startsWithDependentNoun = KoreanEnding(rawValue: 512)
        var marksSubject: Bool { !isDisjoint(with: [.topic, .subject]) }
    }

    /// How a Chinese or Japanese word begins.
    enum CJKStart { case none, particle, opener, topicEarly, plain }

    init(_ text: Substring) {
        self.text = text
        let scalars = text.unicodeScalars
        let coreStart = scalars.firstIndex { !CharacterClass.edgePunctuation($0) } ?? scalars.endIndex
        let coreEnd = scalars[coreStart...].lastIndex { !CharacterClass.edgePunctuation($0) }.map(scalars.index(after:)) ?? coreStart
        let coreText = text[coreStart..<coreEnd]
        core = String(coreText)
        let isASCII = coreText.utf8.allSatisfy { $0 < 0x80 }
        lowercasedCore = isASCII ? Self.asciiLowercased(coreText) : Self.hasCase(coreText) ? core.lowercased() : core
        lowercasedHash = TextHash.of(lowercasedCore)
        let coreBytes = coreText.utf8
        let possessive =
            coreBytes.count > 2
            && (coreBytes.suffix(2).elementsEqual("'s".utf8) || coreBytes.suffix(4).elementsEqual([0xE2, 0x80, 0x99, 0x73]))
        coreHash = TextHash.of(coreText)
        let nameText = possessive ? coreText.dropLast(2) : coreText
        nameHash = possessive ? TextHash.of(nameText) : coreHash
        var isCJK = false, isHangul = false, hasCJKPunctuation = false
        for scalar in scalars where scalar.value >= 0x1100 {
            if Self.isCJKScalar(scalar) { isCJK = true }
            if Self.isHangulScalar(scalar) { isHangul = true }
            if CharacterClass.cjkSentencePunctuation(scalar) { hasCJKPunctuation = true }
        }
        self.isCJK = isCJK
        self.isHangul = isHangul
        hasCJKSentencePunctuation = hasCJKPunctuation
        let first = scalars.first, last = scalars.last
        let firstCore = coreText.unicodeScalars.first
        let firstIsLetter = first.map(Self.isLetter) ?? false
        startsUppercase = firstIsLetter && Self.isUppercase(first!)
        isLowercaseLatin = firstIsLetter && !isCJK && Self.isLowercase(first!)
        script = firstCore.map { Self.isHangulScalar($0) ? .hangul : Self.isCJKScalar($0) ? .cjk : Self.isLetter($0) ? .latin : .other } ?? .other
        // One look-up answers every word-list question about a Latin word.
        let lexicon = isCJK || coreText.isEmpty ? nil : Self.latinLexicon[lowercasedHash]
        isFunctionWord = lexicon?.isFunctionWord ?? false
        let coreLength = coreText.unicodeScalars.count
        coreScalarCount = coreLength
        // ASCII without lowercase letters: `AI`, `GPU`, `S-1`, `2023` (a long CJK word is never looked at letter by letter).
        isAcronym = coreLength >= 2 && coreLength <= 12 && coreText.utf8.allSatisfy { $0 < 0x80 && !($0 >= 0x61 && $0 <= 0x7A) }
        // The word's scalars are the core's and its edge punctuation's.
        let edgeScalars = scalars[..<coreStart].count + scalars[coreEnd...].count
        isBareWord = edgeScalars == (last == "," ? 1 : 0)
        startsWithDigit = first.map { ("0"..."9").contains($0) || $0 == "$" || !$0.isASCII && $0.properties.numericType != nil } ?? false
        startsWithOpeningQuote = first.map(CharacterClass.openingQuotes) ?? false
        startsWithClosingPunctuation = first.map(CharacterClass.closingPunctuation) ?? false
        let bytes = text.utf8
        switch bytes.first {
        case UInt8(ascii: "-"): isEditorialNote = bytes.starts(with: "--".utf8)
        case UInt8(ascii: "_"), UInt8(ascii: "*"): isEditorialNote = bytes.dropFirst().starts(with: "Note".utf8)
        default: isEditorialNote = false
        }
        endsWithQuestionOrExclamation = last.map(CharacterClass.questionOrExclamation) ?? false
        // "vs.", "Dr.", "U.S." and single initials are not sentence ends.
        let isAbbreviation =
            coreLength <= 2 || coreBytes.contains(UInt8(ascii: "."))
            || coreLength <= 3 && !isCJK && last == "."
                && (startsUppercase || isLowercaseLatin && !isFunctionWord)
        endsSentence = last.map(CharacterClass.sentenceEnds) ?? false && !(last == "." && isAbbreviation)
        endsClause = endsSentence || last.map(CharacterClass.clauseEnds) ?? false
        endsWithContinuation = last.map(CharacterClass.continuations) ?? false
        // Connectors between two parts of a title: a dash, a bar, `&`, `/`, `vs.`, `x`.
        isDashOrBar = Self.isConnector(text, lowercasedCore: lowercasedCore, endsWithPeriod: last == ".")

        if isHangul, let firstCore, Self.isHangulScalar(firstCore) {
            let particle = Self.trailingParticle(of: coreText, scalarCount: coreLength, minimumStem: 2)
            strippingParticle = particle.map { String(Substring(coreText.unicodeScalars.dropLast($0.length))) }
            koreanEnding = Self.koreanEnding(of: coreText, scalarCount: coreLength)
        } else {
            strippingParticle = isCJK ? Self.latinBase(of: coreText) : nil
            koreanEnding = isHangul ? Self.koreanEnding(of: coreText, scalarCount: coreLength) : []
        }
        stemHash = strippingParticle.map(TextHash.of)
        cjkStart = isCJK && !isHangul ? Self.cjkStart(of: coreText) : .none
        key = WordKey.of(core: coreText)
        if script == .hangul {
            frequentWord = SlotFeatures.koreanWordIndex[stemHash ?? coreHash]
            finalSyllable = coreText.unicodeScalars.last.flatMap { SlotFeatures.finalSyllableIndex[$0.value] }
        } else {
            frequentWord = lexicon?.frequentWord
            finalSyllable = nil
        }
        isFiniteVerb = isLowercaseLatin && lexicon?.isFiniteVerb == true
        isGivenName =
            startsUppercase && !isCJK
            && (possessive ? LanguageTables.givenNames.contains(String(nameText)) : lexicon?.isGivenName == true)
        isPossessive = possessive
        isConjunction = bytes.elementsEqual(CollectionOfOne(UInt8(ascii: "&"))) || lexicon?.isConjunction == true
        if isCJK && !isHangul, let final = coreText.unicodeScalars.last {
            endsWithCJKParticle = Self.cjkParticles.contains(final.value)
        } else {
            endsWithCJKParticle = false
        }
        if isCJK && !isHangul {
            // The first two characters, or the first alone.
            let two = coreText.prefix(2)
            let firstTwo = two.count == 2 ? ScalarKey.of(two.unicodeScalars) : nil
            let first = two.first.flatMap { ScalarKey.of($0.unicodeScalars) }
            cjkStartsWithPredicate =
                firstTwo.map(Self.chinesePredicateStarts.contains) ?? false
                || first.map(Self.chinesePredicateStarts.contains) ?? false
        } else {
            cjkStartsWithPredicate = false
        }
        shapeEnd =
            endsWithQuestionOrExclamation
            ? .questionOrExclamation
            : endsSentence
                ? .sentence
                : endsWithContinuation || isDashOrBar ? .continuation : .plain
        shapeClass =
            possessive && startsUppercase
            ? .capitalizedPossessive
            : Self.shapeClass(
                isEditorialNote: isEditorialNote, startsWithOpeningQuote: startsWithOpeningQuote, isHangul: isHangul, isCJK: isCJK,
                koreanEnding: koreanEnding, cjkStart: cjkStart, startsWithDigit: startsWithDigit, isFunctionWord: isFunctionWord,
                startsUppercase: startsUppercase, isAcronym: isAcronym, isLowercaseLatin: isLowercaseLatin, isBareWord: isBareWord)
    }

    private static func shapeClass(
        isEditorialNote: Bool, startsWithOpeningQuote: Bool, isHangul: Bool, isCJK: Bool, koreanEnding: KoreanEnding, cjkStart: CJKStart,
        startsWithDigit: Bool, isFunctionWord: Bool, startsUppercase: Bool, isAcronym: Bool, isLowercaseLatin: Bool, isBareWord: Bool
    ) -> Shape.Class {
        if isEditorialNote { return .editorialNote }
        if startsWithOpeningQuote { return .openingQuote }
        if isHangul {
            if koreanEnding.marksSubject { return .hangulSubject }
            if !koreanEnding.isDisjoint(with: [.genitive, .object, .adverbial]) { return .hangulParticle }
            if koreanEnding.contains(.sentenceFinal) { return .hangulSentenceFinal }
            if koreanEnding.contains(.adnominal) { return .hangulAdnominal }
            if !koreanEnding.isDisjoint(with: [.dependentNoun, .startsWithDependentNoun, .determiner]) { return .hangulDependentNoun }
            return .hangul
        }
        if isCJK {
            switch cjkStart {
            case .particle: return .cjkParticleStart
            case .opener: return .cjkOpenerStart
            case .topicEarly: return .cjkEarlyTopic
            case .none, .plain: return .cjk
            }
        }
        if startsWithDigit { return .number }
        if isFunctionWord && startsUppercase && isBareWord { return .capitalizedFunctionWord }
        if isFunctionWord && isLowercaseLatin { return .lowercaseFunctionWord }
        if isAcronym { return .acronym }
        if startsUppercase { return .capitalized }
        if isLowercaseLatin { return .lowercase }
        return .punctuation
    }

    /// `—`, `–`, `-`, `|`, `&`, `/`, `+`, `x`, `×`, `vs`, `vs.`, `v.`, `versus`: a word that joins two parts of a title.
    private static func isConnector(_ text: Substring, lowercasedCore: String, endsWithPeriod: Bool) -> Bool {
        let bytes = text.utf8
        if bytes.count == 1 {
            switch bytes.first! {
            case 0x2D, 0x7C, 0x26, 0x2F, 0x2B, 0x78: return true
            default: return false
            }
        }
        // — (E2 80 94), – (E2 80 93), × (C3 97).
        if bytes.count == 3, bytes.starts(with: [0xE2, 0x80]), bytes.last == 0x93 || bytes.last == 0x94 { return true }
        if bytes.count == 2, bytes.first == 0xC3, bytes.last == 0x97 { return true }
        guard bytes.count <= 7 else { return false }
        return lowercasedCore == "vs" || lowercasedCore == "versus" || lowercasedCore == "v" && endsWithPeriod
    }

    /// What the word lists say about a lowercased Latin word.
    struct LexiconEntry {
        var isFunctionWord = false
        var isFiniteVerb = false
        var isGivenName = false
        var isConjunction = false
        var frequentWord: Int?
    }

    /// By the hash of the lowercased word (`TextHash`).
    static let latinLexicon: [UInt64: LexiconEntry] = {
        var lexicon: [UInt64: LexiconEntry] = [:]
        for word in LanguageTables.latinFunctionWords { lexicon[TextHash.of(word), default: LexiconEntry()].isFunctionWord = true }
        for word in LanguageTables.englishFiniteVerbs { lexicon[TextHash.of(word), default: LexiconEntry()].isFiniteVerb = true }
        // Names are capitalized; a name's entry is found by its lowercased spelling and checked for case by the caller.
        for name in LanguageTables.givenNames { lexicon[TextHash.of(name.lowercased()), default: LexiconEntry()].isGivenName = true }
        for word in conjunctions { lexicon[TextHash.of(word), default: LexiconEntry()].isConjunction = true }
        for word in LanguageTables.latinFrequentWords {
            lexicon[TextHash.of(word), default: LexiconEntry()].frequentWord = SlotFeatures.frequentWordIndex[word]
        }
        return lexicon
    }()

    private static let conjunctions = ["and", "or", "y", "o", "und", "oder", "et", "ou", "e"]

    var isLowercaseFunctionWord: Bool { isLowercaseLatin && isFunctionWord || text == "&" }
    var isLowercaseContentWord: Bool { isLowercaseLatin && !isFunctionWord }
    var isCapitalizedFunctionWord: Bool { startsUppercase && isFunctionWord && isBareWord }
    var isPossessiveOrComma: Bool { text.hasPrefix("'s") || text.hasPrefix("’s") || text == "," || text.hasPrefix("(") }
    /// What counts as the same word when a body repeats its heading's word: its lowercased hash.
    var repeatKey: UInt64? { coreScalarCount >= 2 && !isFunctionWord ? lowercasedHash : nil }

    /// At least `count` characters in the core, counted without grapheme breaking when the bytes decide it.
    func coreHasCharacters(atLeast count: Int) -> Bool {
        let bytes = core.utf8.count
        if bytes < count { return false }
        return coreScalarCount == bytes || core.count >= count
    }

    /// `자기대국은` repeats `자기대국`, `아파트가` repeats `아파트로`, `모델은` repeats `모델인가`: the same
    /// stem, with other particles or endings.
    func repeats(_ other: SplitToken) -> Bool {
        guard let key = repeatKey, let otherKey = other.repeatKey else { return false }
        if key == otherKey { return true }
        guard isHangul && other.isHangul else { return false }
        let stem = strippingParticle ?? core, otherStem = other.strippingParticle ?? other.core
        // Compared by bytes: Hangul syllables are whole characters.
        return stem.count >= 2 && otherStem.utf8.starts(with: stem.utf8)
    }

    // MARK: Scripts

    static func isCJKScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0x1100...0x11FF, 0xF900...0xFAFF: true
        default: false
        }
    }

    static func isHangulScalar(_ scalar: Unicode.Scalar) -> Bool {
        (0xAC00...0xD7AF).contains(scalar.value) || (0x1100...0x11FF).contains(scalar.value)
    }

    static func hasCJK(_ text: Substring) -> Bool {
        text.unicodeScalars.contains { $0.value >= 0x1100 && isCJKScalar($0) }
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) : scalar.properties.isAlphabetic
    }

    private static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("A"..."Z").contains(scalar) : scalar.properties.isUppercase
    }

    private static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("a"..."z").contains(scalar) : scalar.properties.isLowercase
    }

    /// Whether lowercasing could change the word: it holds a scalar outside ASCII lowercase and the caseless CJK scripts.
    private static func hasCase(_ text: Substring) -> Bool {
        text.unicodeScalars.contains { $0.isASCII ? ("A"..."Z").contains($0) : !isCJKScalar($0) }
    }

    private static func asciiLowercased(_ text: Substring) -> String {
        let utf8 = text.utf8
        return String(unsafeUninitializedCapacity: utf8.count) { buffer in
            for (index, byte) in utf8.enumerated() { buffer[index] = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }
            return utf8.count
        }
    }

    // MARK: Korean

    /// The particles a Hangul word may end with, by their scalars (`ScalarKey`); the longest is three syllables.
    private static let koreanParticles: [UInt64: KoreanEnding] = {
        var particles: [UInt64: KoreanEnding] = [:]
        for (table, ending) in [
            (LanguageTables.koreanAdverbialParticles, KoreanEnding.adverbial), (LanguageTables.koreanGenitiveParticles, .genitive),
            (LanguageTables.koreanObjectParticles, .object), (LanguageTables.koreanSubjectParticles, .subject),
            (LanguageTables.koreanTopicParticles, .topic),
        ] {
            for particle in table { if let key = ScalarKey.of(particle.unicodeScalars) { particles[key] = ending } }
        }
        return particles
    }()

    private static let koreanDependentNouns = ScalarKey.set(LanguageTables.koreanDependentNouns)
    private static let koreanDeterminers = ScalarKey.set(LanguageTables.koreanDeterminers)
    private static let koreanAdnominalFinals = ScalarKey.set(LanguageTables.koreanAdnominalFinals)
    private static let koreanSentenceFinals = ScalarKey.set(LanguageTables.koreanSentenceFinals)

    /// The longest particle `word` ends with, leaving at least `minimumStem` scalars: its length in scalars and kind.
    private static func trailingParticle(of word: Substring, scalarCount: Int, minimumStem: Int) -> (length: Int, kind: KoreanEnding)? {
        let scalars = word.unicodeScalars
        let longest = min(ScalarKey.maximumLength, scalarCount - minimumStem)
        guard longest >= 1, let last = scalars.last, isHangulScalar(last) else { return nil }
        var suffix: UInt64 = 0
        var found: (Int, KoreanEnding)?
        var index = scalars.endIndex
        for length in 1...longest {
            index = scalars.index(before: index)
            // The suffix's scalars in reading order: shift the ones read so far up by one place.
            suffix = suffix << 21 | UInt64(scalars[index].value)
            if let kind = koreanParticles[suffix] { found = (length, kind) }
        }
        return found
    }

    private static func koreanEnding(of core: Substring, scalarCount: Int) -> KoreanEnding {
        var ending: KoreanEnding = []
        let scalars = core.unicodeScalars
        if scalarCount <= ScalarKey.maximumLength, let key = ScalarKey.of(scalars) {
            if koreanDependentNouns.contains(key) { ending.insert(.dependentNoun) }
            if koreanDeterminers.contains(key) { ending.insert(.determiner) }
        }
        if let first = scalars.first {
            var firstTwo = scalars.dropFirst().first.map { UInt64(first.value) | UInt64($0.value) << 21 }
            if scalarCount < 2 { firstTwo = nil }
            if koreanDependentNouns.contains(UInt64(first.value)) || firstTwo.map(koreanDependentNouns.contains) == true {
                ending.insert(.startsWithDependentNoun)
            }
        }
        // A particle needs a host: a Latin word (`Yann은`) or a stem of one syllable or more.
        if let (_, kind) = trailingParticle(of: core, scalarCount: scalarCount, minimumStem: 1) { ending.insert(kind) }
        if let last = scalars.last, scalarCount >= 2 {
            if koreanAdnominalFinals.contains(UInt64(last.value)) { ending.insert(.adnominal) }
            if koreanSentenceFinals.contains(UInt64(last.value)) { ending.insert(.sentenceFinal) }
        }
        return ending
    }

    /// A Latin word with a Hangul or kana particle glued on (`Yann은`, `LLM이`): the Latin part.
    private static func latinBase(of core: Substring) -> String? {
        let scalars = core.unicodeScalars
        guard let first = scalars.first, !isCJKScalar(first), let split = scalars.firstIndex(where: isCJKScalar),
            scalars[split...].count <= 3
        else { return nil }
        return String(Substring(scalars[..<split]))
    }

    // MARK: Chinese and Japanese

    private static let cjkParticles: Set<UInt32> = Set(
        LanguageTables.chineseParticles.union(LanguageTables.japaneseParticles).compactMap {
            $0.unicodeScalars.count == 1 ? $0.unicodeScalars.first!.value : nil
        })
    private static let cjkSentenceOpeners = ScalarKey.set(LanguageTables.chineseSentenceOpeners.union(LanguageTables.japaneseSentenceOpeners))
    private static let chinesePredicateStarts = ScalarKey.set(LanguageTables.chinesePredicateStarts)

    private static func cjkStart(of core: Substring) -> CJKStart {
        let scalars = core.unicodeScalars
        guard let first = scalars.first else { return .none }
        var key: UInt64 = 0
        for (length, scalar) in scalars.prefix(ScalarKey.maximumLength).enumerated() {
            key |= UInt64(scalar.value) << (21 * length)
            if cjkSentenceOpeners.contains(key) { return .opener }
        }
        if cjkParticles.contains(first.value) { return .particle }
        // `山田氏は…`, `Karpathy が…`: a Japanese topic or subject marker a few characters in.
        if scalars.prefix(8).dropFirst().contains(where: { $0 == "は" || $0 == "が" }) { return .topicEarly }
        return .plain
    }
}

/// Character classes the features ask about, as `switch`es: unlike shared `Set`s they have no
/// storage whose reference count the reading threads would contend for.
enum CharacterClass {
    static func cjkSentencePunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3001, 0x3002, 0xFF01, 0xFF0C, 0xFF1B, 0xFF1F: true
        default: false
        }
    }

    static func openingQuotes(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x22, 0xAB, 0x2018, 0x201C, 0x201E, 0x300C, 0x300E: true
        default: false
        }
    }

    static func closingPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21, 0x29, 0x2C, 0x2E, 0x3A, 0x3B, 0x3F, 0x5D, 0x7D, 0x2019, 0x201D, 0x3002, 0xFF0C: true
        default: false
        }
    }

    static func questionOrExclamation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21, 0x3F, 0xFF01, 0xFF1F: true
        default: false
        }
    }

    static func sentenceEnds(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21, 0x2E, 0x3F, 0x2026, 0x3002, 0xFF01, 0xFF1F: true
        default: false
        }
    }

    static func clauseEnds(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x22, 0x29, 0x2C, 0x2D, 0x3A, 0x3B, 0x2013, 0x2014, 0x201C, 0x201D, 0xBB: true
        default: false
        }
    }

    static func continuations(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x26, 0x2C, 0x2D, 0x2F, 0x3A, 0x3B, 0x7C, 0x2013, 0x2014, 0xFF1A: true
        default: false
        }
    }

    static func edgePunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21, 0x22, 0x27, 0x28, 0x29, 0x2C, 0x2E, 0x3A, 0x3B, 0x3F, 0x5B, 0x5D, 0x7B, 0x7D, 0xAB, 0xBB, 0xBF, 0xA1, 0x2018, 0x2019,
            0x201C, 0x201D, 0x201E, 0x2026, 0x3001, 0x3002, 0x300C, 0x300D, 0x300E, 0x300F, 0xFF01, 0xFF08, 0xFF09, 0xFF0C, 0xFF1A, 0xFF1B,
            0xFF1F:
            true
        default: false
        }
    }
}
