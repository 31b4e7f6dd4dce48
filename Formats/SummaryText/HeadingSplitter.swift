/// Finds where a run-in chapter heading ends and its body begins, for the page form, where the two are
/// joined by a single space (`## [01:36] Why World Models Jacob 先问…`).
///
/// Every word boundary is a candidate, scored by general cues rather than by any page's words:
/// - a body opens a sentence: a capitalized closed-class word (`The`, `After`, `Two`), an opening
///   quote, an editorial note, or a name from the episode's own entity list followed by a verb, a
///   particle or CJK text; a CJK sentence after a Latin heading; the heading's own word repeated;
/// - a heading is a phrase: it does not end on a function word, a comma or a Korean case particle,
///   holds no sentence end or CJK sentence punctuation, and in a title-case episode no lowercase
///   content word;
/// - the body's first sentence does not hold a capitalized sentence opener in its middle.
/// The heading style (title case or sentence case) is measured per episode. A split whose best score
/// is not clearly ahead of the next is reported as uncertain.
struct HeadingSplitter {
    struct Split {
        var heading: Substring
        var body: Substring
        /// How far the chosen boundary scored ahead of the next best one.
        var margin: Double
    }

    /// Below this margin a split is reported as uncertain.
    static let uncertainMargin = 1.0

    private let names: NameIndex
    private let titleCase: Bool

    /// `names`: the entity names of the episode; `chapterTexts`: the run-in text of every chapter, to
    /// measure the episode's heading style.
    /// `names`: the episode's entity names, each marked when it names a person (people are also
    /// called by one part of their name).
    init(names: [(name: String, isPerson: Bool)], overview: Substring, chapterTexts: [Substring]) {
        self.names = NameIndex(names, overview: overview)
        self.titleCase = Self.looksTitleCased(chapterTexts)
    }

    func split(_ text: Substring) -> Split {
        // Headings are scored up to 20 words in (the longest seen has 14), and each candidate looks
        // 24 words into its body.
        let words = Self.words(of: text, limit: 44)
        // A body is prose and ends its sentences; text with no sentence end is a heading on its own
        // (the trailing heading-only chapters of a page).
        guard words.count > 1, Self.hasSentenceEnd(text) else {
            return Split(heading: Substring(text.trimmingWhitespace()), body: text[text.endIndex...], margin: .infinity)
        }
        let terms = WordTerms(words, titleCase: titleCase, names: names)
        let nameInterior = names.interiorBoundaries(in: words)
        var scored: [(k: Int, score: Double)] = []
        for k in 1..<min(words.count, 21) {
            scored.append((k, terms.headingScore(k) + bodyStartScore(words, k, nameInterior: nameInterior) + terms.firstSentenceScore(k) + boundaryScore(words, k)))
        }
        // Equal scores go to the longer heading: a heading's words are all phrase-like up to its end.
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.k > $1.k }
        let best = scored[0]
        let margin = scored.count > 1 ? best.score - scored[1].score : .infinity
        let heading = text[words[0].text.startIndex..<words[best.k - 1].text.endIndex]
        return Split(heading: heading, body: text[words[best.k].text.startIndex...], margin: margin)
    }

    // MARK: Scoring

    /// Per-word terms summed once, so each candidate boundary is scored in constant time.
    private struct WordTerms {
        /// Penalties a word earns wherever it stands in a heading, summed over words `0..<j`.
        private var inHeading: [Double]
        /// Penalties a word earns inside a heading but not as its last word, summed likewise.
        private var beforeHeadingEnd: [Double]
        /// Capitalized sentence openers in the middle of a sentence, counted over words `0..<j`.
        private var midSentenceOpeners: [Int]
        /// For each word, the index of the first word at or after it that ends a sentence.
        private var sentenceEnd: [Int]
        private let words: [Word]

        init(_ words: [Word], titleCase: Bool, names: NameIndex) {
            self.words = words
            let latinHeading = !words[0].isCJK
            inHeading = [0]
            beforeHeadingEnd = [0]
            midSentenceOpeners = [0]
            var latinWords = 0
            for (offset, word) in words.enumerated() {
                let previous = offset > 0 ? words[offset - 1] : nil
                var always = 0.0, notLast = 0.0
                if word.hasCJKSentencePunctuation || word.isEditorialNote { always -= 4 }
                if word.endsSentence { notLast -= 4 }
                if word.endsWithQuestionOrExclamation { notLast -= 1.5 }
                if let previous, word.isCapitalizedOpener, !previous.endsClause {
                    // A determiner or pronoun starts a sentence anywhere; a capitalized preposition may
                    // sit inside a title-case heading ("Rebuilding the Business After the Free Tier").
                    if word.isStrongOpener || !titleCase || previous.isLowercaseLatin { always -= 2.5 }
                }
                if titleCase && latinHeading && offset > 0 && word.isLowercaseContentWord { always -= 2 }
                // In sentence case a capitalized common word after a lowercase one starts a new sentence.
                if !titleCase, let previous, previous.isLowercaseLatin, word.startsUppercase, !word.isAcronym,
                   !names.contains(word), !word.isCapitalizedOpener { always -= 1 }
                if word.startsWithOpeningQuote && offset > 0 && latinHeading { always -= 1 }
                // An English heading over a Chinese body does not run into Chinese words.
                if word.isCJK && !word.isHangul && latinWords >= 2 { always -= 3 }
                if !word.isCJK { latinWords += 1 }
                // A topic-marked word after the first opens a Korean sentence.
                if offset > 0, let particle = word.koreanParticle, particle.isTopic { always -= 2 }
                inHeading.append(inHeading[offset] + always)
                beforeHeadingEnd.append(beforeHeadingEnd[offset] + notLast)
                let midOpener = previous.map { word.isCapitalizedOpener && !$0.endsClause } ?? false
                midSentenceOpeners.append(midSentenceOpeners[offset] + (midOpener ? 1 : 0))
            }
            sentenceEnd = Array(repeating: words.count, count: words.count)
            var next = words.count
            for index in words.indices.reversed() {
                if words[index].endsSentence { next = index }
                sentenceEnd[index] = next
            }
        }

        func headingScore(_ k: Int) -> Double {
            var score = inHeading[k] + beforeHeadingEnd[k - 1]
            let last = words[k - 1], first = words[0]
            if last.isLowercaseFunctionWord || last.isArticle { score -= 4 }
            if last.endsWithContinuation || last.endsWithContinuationWord { score -= 4 }
            if let particle = last.koreanParticle { score -= particle.continuationPenalty }
            if last.endsSentence { score -= 2 }
            // Headings are short: a dozen words in Latin script, about eight in Hangul, one or two in Chinese.
            if k > 12 { score -= Double(k - 12) * 0.7 }
            if first.isHangul && k > 8 { score -= Double(k - 8) * 0.8 }
            if first.isCJK && !first.isHangul { score -= Double(k - 1) * 0.3 }
            return score
        }

        /// The body's first sentence should read as one: capitalized openers in its middle mean the
        /// body really starts later. Looks 24 words in.
        func firstSentenceScore(_ k: Int) -> Double {
            let end = min(sentenceEnd[k], k + 23, words.count - 1)
            guard end > k else { return 0 }
            let count = midSentenceOpeners[end + 1] - midSentenceOpeners[k + 1]
            return max(-1.5 * Double(count), -4.5)
        }
    }

    private func bodyStartScore(_ words: [Word], _ k: Int, nameInterior: Set<Int>) -> Double {
        let first = words[k]
        let next = k + 1 < words.count ? words[k + 1] : nil
        let headingIsLatin = !words[0].isCJK
        var score = 0.0
        if first.isCapitalizedOpener { score += 3 }
        if first.startsWithOpeningQuote { score += 2 }
        if first.isEditorialNote { score += 3 }
        if first.startsWithDigit { score += 0.5 }
        let match = names.match(words, at: k)
        if let match {
            let after = k + match.length < words.count ? words[k + match.length] : nil
            // A subject goes on with a verb, a Chinese predicate or, in Korean, a topic or subject
            // particle; a name marked as an object or a companion ("Meta를", "Bengio와") is not a subject.
            let continuesAsSubject: Bool
            if let particle = match.particle {
                continuesAsSubject = particle.marksSubject
            } else if let after, after.isHangul {
                continuesAsSubject = after.koreanParticle?.marksSubject ?? false
            } else {
                continuesAsSubject = after.map { $0.isCJK || $0.isLowercaseContentWord || $0.isAuxiliaryVerb || $0.isPossessiveOrComma } ?? true
            }
            score += continuesAsSubject ? 3 : after?.isConjunction == true ? 1.5 : 1
            if match.length > 1 { score += 0.5 }
        } else if first.startsUppercase, !first.isCapitalizedOpener, let next, next.isLowercaseLatin, !next.isConjunction,
                  titleCase || words[k - 1].isLowercaseLatin {
            // A sentence's first word, capitalized, followed by lowercase prose ("Early attempts at …",
            // "… arrives early Construction overran …").
            score += 1.5
        }
        // Korean sentences open with a topic ("분열은 2023년에 …"); a name with its particle counted above.
        if match == nil, first.koreanParticle?.isTopic == true { score += 1.5 }
        // A Korean heading may be a whole sentence ending in -다 ("LLM은 구조적으로 안전하지 않다").
        if words[k - 1].isHangul, words[k - 1].core.hasSuffix("다") { score += 1 }
        // Splitting inside a name is wrong whatever else the boundary has for it.
        if nameInterior.contains(k) { score -= 3 }
        // An English heading over a Chinese or Japanese body; Korean headings mix Latin words freely.
        if headingIsLatin && first.isCJK && !first.isHangul && words[0..<k].allSatisfy({ !$0.isCJK }) { score += 2.5 }

        if first.isLowercaseLatin {
            if let next, next.isCJK, headingIsLatin {
                score += 1.5
            } else {
                score -= first.isLowercaseFunctionWord ? 2 : 1
            }
        }
        if first.startsWithClosingPunctuation { score -= 3 }
        return score
    }

    private func boundaryScore(_ words: [Word], _ k: Int) -> Double {
        var score = 0.0
        let last = words[k - 1], first = words[k]
        if last.endsWithQuestionOrExclamation { score += 2.5 }
        // A body often opens with its heading's first or last word (`Memory & Continual Learning
        // Memory 这个…`, `자기대국 자기대국은…`).
        if k <= 6 {
            func same(_ word: Word, _ headingWord: Word) -> Bool {
                guard let key = word.repeatKey, let headingKey = headingWord.repeatKey else { return false }
                return key == headingKey || word.repeats(headingKey)
            }
            if same(first, words[0]) || same(first, words[k - 1]) {
                score += 3
            } else if words[(k + 1)..<min(k + 3, words.count)].contains(where: { same($0, words[0]) }) {
                // "신경망의 역할 | 두 개의 신경망이": the subject names the heading's first word a little later.
                score += 2
            }
        }
        return score
    }

    /// The first `limit` space-separated words, without splitting the rest of a long body.
    private static func words(of text: Substring, limit: Int) -> [Word] {
        var words: [Word] = []
        words.reserveCapacity(limit)
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        // Boundaries past the first sentence end are scored only for completeness (a heading holding a
        // sentence end loses heavily), so words a little beyond it are enough.
        var limit = limit
        while words.count < limit {
            guard let start = scalars[index...].firstIndex(where: { !isWhitespace($0) }) else { break }
            let end = scalars[start...].firstIndex(where: isWhitespace) ?? scalars.endIndex
            // Past the last candidate boundary a word only has to tell whether it opens or ends a sentence.
            let word = Word.make(text[start..<end], full: words.count < 24)
            if word.endsSentence { limit = min(limit, max(22, words.count + 3)) }
            words.append(word)
            index = end
        }
        return words
    }

    /// Whether the text ends any sentence. No heading runs to 400 bytes, so a longer text is prose.
    private static func hasSentenceEnd(_ text: Substring) -> Bool {
        text.utf8.count > 400 || text.unicodeScalars.contains { ".!?。！？…".unicodeScalars.contains($0) }
    }

    /// White space, with a fast path for ASCII (Unicode property look-ups dominate otherwise).
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" : scalar.properties.isWhitespace
    }

    // MARK: Episode style

    /// Title case when, across the episode's chapters, the words right after a heading's first word
    /// are mostly capitalized.
    private static func looksTitleCased(_ texts: [Substring]) -> Bool {
        var capitalized = 0, lowercase = 0
        for text in texts {
            // Only the case of a few words matters here, so they are read without building features.
            let words = text.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: true).prefix(4)
            guard let first = words.first, !Word.hasCJK(first) else { continue }
            for word in words.dropFirst() {
                guard let letter = word.unicodeScalars.first, !Word.hasCJK(word) else { break }
                if ("A"..."Z").contains(letter) || !letter.isASCII && letter.properties.isUppercase { capitalized += 1 }
                if ("a"..."z").contains(letter) || !letter.isASCII && letter.properties.isLowercase {
                    let key = String(word.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0 == "&" || $0 == "." })
                    if !(Word.wordClasses[key]?.contains(.function) ?? false) { lowercase += 1 }
                }
            }
        }
        return capitalized + lowercase == 0 || Double(lowercase) < 0.3 * Double(capitalized + lowercase)
    }
}

/// The episode's entity names, to recognize a body that opens with its subject.
private struct NameIndex {
    private var sequences: [[String]] = []
    private var singles: Set<String> = []

    /// Latin words the overview uses inside its sentences: names and terms the bodies go on using.
    private var overviewTerms: Set<String> = []
    /// Two-word capitalized names from the overview, weaker evidence than the entity list.
    private var overviewNames: [[String]] = []

    init(_ names: [(name: String, isPerson: Bool)], overview: Substring) {
        // Only capitalized words can be names; skip building features for the rest.
        let overviewWords = overview.split(separator: " ").filter { $0.first?.isUppercase ?? false }.map { Word($0) }
        var previous: Word?
        for word in overviewWords {
            defer { previous = word }
            guard word.startsUppercase && !word.isCapitalizedOpener && word.core.count >= 2 else { continue }
            overviewTerms.insert(word.strippingParticle ?? word.core)
            // Two capitalized words in a row inside a sentence are a name ("… with Ivan Burazin, CEO …").
            if let previous, previous.startsUppercase, !previous.isCapitalizedOpener, !previous.endsClause, !word.isAcronym,
               previous.core.count >= 2 {
                overviewNames.append([previous.nameKey, word.nameKey])
            }
        }
        for (name, isPerson) in names {
            let tokens = name.split(whereSeparator: \.isWhitespace).map(String.init)
            guard let first = tokens.first, first.count >= 2 else { continue }
            sequences.append(tokens)
            // People are also called by one part of their name ("Jake", "Cooper"); a product's parts
            // ("Code" of "Claude Code") are ordinary words.
            guard isPerson else { continue }
            for token in tokens where token.count >= 3 && (token.first?.isUppercase ?? false) { singles.insert(token) }
        }
        sequences.sort { $0.count > $1.count }
        // Indexed by first word, longest first: each position looks up only the names that could start there.
        for sequence in sequences { entityNamesByFirstWord[sequence[0], default: []].append(sequence) }
        for sequence in overviewNames { overviewNamesByFirstWord[sequence[0], default: []].append(sequence) }
    }

    private var entityNamesByFirstWord: [String: [[String]]] = [:]
    private var overviewNamesByFirstWord: [String: [[String]]] = [:]

    /// Entity names that could start with `word`: by its own spelling, or (a one-word name with a
    /// particle glued on) by its base.
    private func entityNames(startingWith word: Word) -> [[String]] {
        let exact = entityNamesByFirstWord[word.nameKey] ?? []
        guard let base = word.strippingParticle, let withParticle = entityNamesByFirstWord[base] else { return exact }
        return (exact + withParticle.filter { $0.count == 1 }).sorted { $0.count > $1.count }
    }

    struct Match {
        var length: Int
        /// The Korean particle attached to the name's last word (`Yann은`), if any.
        var particle: Word.KoreanParticle?
        /// Known only from the overview, not from the entity list: weaker evidence.
        var fromOverview = false
    }

    /// The boundaries (word indices) that fall inside a multi-word name.
    func interiorBoundaries(in words: [Word]) -> Set<Int> {
        var boundaries: Set<Int> = []
        for (start, word) in words.enumerated() {
            let candidates = (entityNamesByFirstWord[word.nameKey] ?? []) + (overviewNamesByFirstWord[word.nameKey] ?? [])
            for sequence in candidates where sequence.count > 1 && start + sequence.count <= words.count {
                if Self.particle(matching: sequence, in: words, at: start) != nil {
                    for boundary in (start + 1)..<(start + sequence.count) { boundaries.insert(boundary) }
                }
            }
        }
        return boundaries
    }

    /// Whether `sequence` stands at `start`, and with which particle glued to its last word.
    private static func particle(matching sequence: [String], in words: [Word], at start: Int) -> Word.KoreanParticle?? {
        var particle: Word.KoreanParticle?
        for (offset, token) in sequence.enumerated() {
            let word = words[start + offset]
            if word.nameKey == token { continue }
            guard offset == sequence.count - 1, word.strippingParticle == token else { return nil }
            particle = word.attachedParticle
        }
        return .some(particle)
    }

    func contains(_ word: Word) -> Bool {
        singles.contains(word.nameKey) || entityNamesByFirstWord[word.nameKey] != nil
    }

    func match(_ words: [Word], at index: Int) -> Match? {
        for sequence in entityNames(startingWith: words[index]) where index + sequence.count <= words.count {
            if let particle = Self.particle(matching: sequence, in: words, at: index) {
                return Match(length: sequence.count, particle: particle)
            }
        }
        for sequence in overviewNamesByFirstWord[words[index].nameKey] ?? [] where index + 2 <= words.count {
            if let particle = Self.particle(matching: sequence, in: words, at: index) {
                return Match(length: 2, particle: particle, fromOverview: true)
            }
        }
        let word = words[index]
        if singles.contains(word.nameKey) { return Match(length: 1, particle: nil) }
        if let base = word.strippingParticle, singles.contains(base) || entityNamesByFirstWord[base]?.contains([base]) == true {
            return Match(length: 1, particle: word.attachedParticle)
        }
        // Overview terms help only before Chinese or Japanese text, where a sentence so often opens
        // with a Latin term; Korean runs Latin terms through the middle of its sentences.
        if overviewTerms.contains(word.nameKey), index + 1 < words.count, words[index + 1].isCJK, !words[index + 1].isHangul {
            return Match(length: 1, particle: nil, fromOverview: true)
        }
        return nil
    }
}

/// One space-separated word with the properties the scorer asks about.
private struct Word {
    let text: Substring
    // Computed once: the scorer asks each word the same questions for every candidate boundary.
    let core: String
    let lowercasedCore: String
    let nameKey: String
    let isCJK: Bool
    let isHangul: Bool
    let startsUppercase: Bool
    let strippingParticle: String?
    let koreanParticle: KoreanParticle?
    private let hasRepeatKey: Bool
    /// What counts as the same word when a body repeats its heading's word: lowercased, without
    /// punctuation; function words never count.
    var repeatKey: String? { hasRepeatKey ? lowercasedCore : nil }

    /// Every feature, or (`full: false`) only the flags that tell a sentence's start and end.
    static func make(_ text: Substring, full: Bool) -> Word {
        full ? Word(text) : Word(sentenceFlagsOf: text)
    }

    init(_ text: Substring) {
        self.text = text
        let scalars = text.unicodeScalars
        let coreStart = scalars.firstIndex { !CharacterClass.edgePunctuation($0) } ?? scalars.endIndex
        let coreEnd = scalars[coreStart...].lastIndex { !CharacterClass.edgePunctuation($0) }.map(scalars.index(after:)) ?? coreStart
        let coreText = text[coreStart..<coreEnd]
        core = String(coreText)
        let isASCII = coreText.utf8.allSatisfy { $0 < 0x80 }
        lowercasedCore = isASCII ? Self.asciiLowercased(coreText) : core.lowercased()
        let coreBytes = coreText.utf8
        let possessive = coreBytes.count > 2 && (coreBytes.reversed().starts(with: "s'".utf8) || coreBytes.reversed().starts(with: [0x73, 0x99, 0x80, 0xE2]))
        nameKey = possessive ? String(core.dropLast(2)) : core
        var isCJK = false, isHangul = false, hasCJKPunctuation = false
        for scalar in scalars where scalar.value >= 0x1100 {
            if Self.isCJKScalar(scalar) { isCJK = true }
            if (0xAC00...0xD7AF).contains(scalar.value) || (0x1100...0x11FF).contains(scalar.value) { isHangul = true }
            if CharacterClass.cjkSentencePunctuation(scalar) { hasCJKPunctuation = true }
        }
        self.isCJK = isCJK
        self.isHangul = isHangul
        hasCJKSentencePunctuation = hasCJKPunctuation
        let first = scalars.first, last = scalars.last
        let firstIsLetter = first.map { $0.isASCII ? ("a"..."z").contains($0) || ("A"..."Z").contains($0) : $0.properties.isAlphabetic } ?? false
        startsUppercase = firstIsLetter && (first!.isASCII ? ("A"..."Z").contains(first!) : first!.properties.isUppercase)
        isLowercaseLatin = firstIsLetter && (first!.isASCII ? ("a"..."z").contains(first!) : first!.properties.isLowercase) && !isCJK
        if isHangul, first.map(Self.isCJKScalar) ?? false {
            let stem = Self.hangulStem(core)
            strippingParticle = stem == core ? nil : stem
        } else {
            strippingParticle = isCJK ? Self.latinBase(of: core) : nil
        }
        koreanParticle = isHangul ? Self.koreanParticle(of: core, isHangul: isHangul, hasLatinBase: strippingParticle != nil) : nil
        // One look-up answers every closed-class question about the word.
        let classes = Self.wordClasses[lowercasedCore] ?? []
        isFunctionWord = classes.contains(.function)
        isOpener = classes.contains(.opener)
        isStrongOpener = classes.contains(.strongOpener)
        isArticle = classes.contains(.article)
        let coreLength = coreText.unicodeScalars.count
        hasRepeatKey = coreLength >= 2 && !isFunctionWord && !isOpener
        isAcronym = coreLength >= 2 && coreText.unicodeScalars.allSatisfy { !("a"..."z").contains($0) && ($0.isASCII || !$0.properties.isLowercase) }
        // Only a trailing comma may follow an opener ("However," is not one; "The" is).
        isBareWord = coreLength == scalars.count - (last == "," ? 1 : 0)
        startsWithDigit = first.map { ("0"..."9").contains($0) || $0 == "$" || !$0.isASCII && $0.properties.numericType != nil } ?? false
        startsWithOpeningQuote = first.map(CharacterClass.openingQuotes) ?? false
        startsWithClosingPunctuation = first.map(CharacterClass.closingPunctuation) ?? false
        let bytes = text.utf8
        isEditorialNote = bytes.starts(with: "--".utf8) || bytes.starts(with: "_Note".utf8) || bytes.starts(with: "*Note".utf8)
        endsWithQuestionOrExclamation = last.map(CharacterClass.questionOrExclamation) ?? false
        let isAbbreviation = coreLength <= 2 || coreBytes.contains(UInt8(ascii: ".")) || Self.abbreviations.contains(lowercasedCore)
        // "vs.", "Dr.", "U.S." and single initials are not sentence ends.
        endsSentence = last.map(CharacterClass.sentenceEnds) ?? false && !(last == "." && isAbbreviation)
        endsClause = endsSentence || last.map(CharacterClass.clauseEnds) ?? false
        endsWithContinuation = last.map(CharacterClass.continuations) ?? false
    }

    /// A word far into a body: only its sentence-opening and sentence-ending flags are real.
    private init(sentenceFlagsOf text: Substring) {
        self.text = text
        let scalars = text.unicodeScalars
        let first = scalars.first, last = scalars.last
        startsUppercase = first.map { ("A"..."Z").contains($0) } ?? false
        var opener = false
        if startsUppercase, text.utf8.count <= 12 {
            let bare = text.utf8.last == UInt8(ascii: ",") ? text.dropLast() : text
            opener = bare.utf8.allSatisfy { $0 < 0x80 && (($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A) }
                && Self.wordClasses[Self.asciiLowercased(bare)]?.contains(.opener) == true
        }
        isOpener = opener
        isBareWord = true
        let isAbbreviation = text.utf8.count <= 3 || text.utf8.dropLast().contains(UInt8(ascii: "."))
        endsSentence = last.map(CharacterClass.sentenceEnds) ?? false && !(last == "." && isAbbreviation)
        endsClause = endsSentence || last.map(CharacterClass.clauseEnds) ?? false
        core = ""
        lowercasedCore = ""
        nameKey = ""
        isCJK = false
        isHangul = false
        isLowercaseLatin = false
        strippingParticle = nil
        koreanParticle = nil
        hasRepeatKey = false
        isFunctionWord = false
        isStrongOpener = false
        isArticle = false
        isAcronym = false
        startsWithDigit = false
        startsWithOpeningQuote = false
        startsWithClosingPunctuation = false
        isEditorialNote = false
        hasCJKSentencePunctuation = false
        endsWithQuestionOrExclamation = false
        endsWithContinuation = false
    }

    private static func asciiLowercased(_ text: Substring) -> String {
        let utf8 = text.utf8
        return String(unsafeUninitializedCapacity: utf8.count) { buffer in
            for (index, byte) in utf8.enumerated() { buffer[index] = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }
            return utf8.count
        }
    }

    static let abbreviations: Set<String> = ["vs", "dr", "mr", "ms", "st", "inc", "jr", "sr", "prof"]

    /// Quotes, brackets and punctuation that `core` drops from either end.

    let isFunctionWord: Bool
    let isOpener: Bool
    let isStrongOpener: Bool
    let isArticle: Bool
    let isAcronym: Bool
    let isBareWord: Bool
    let isLowercaseLatin: Bool
    let startsWithDigit: Bool
    let startsWithOpeningQuote: Bool
    let startsWithClosingPunctuation: Bool
    let isEditorialNote: Bool
    let hasCJKSentencePunctuation: Bool
    let endsWithQuestionOrExclamation: Bool
    let endsSentence: Bool
    let endsClause: Bool
    let endsWithContinuation: Bool

    /// English and Spanish function words that stay lowercase inside title-case headings.
    static let functionWords: Set<String> = [
        "a", "an", "the", "and", "or", "nor", "but", "for", "of", "in", "on", "at", "to", "by", "with", "from", "as",
        "vs", "vs.", "via", "into", "onto", "per", "is", "are", "&", "through", "about", "between", "under", "without",
        "within", "across", "around", "against", "toward", "towards", "during", "than", "up", "out", "off", "behind", "y", "o", "de", "del", "la", "el", "los", "las", "en",
        "con", "para", "por", "un", "una",
    ]

    /// Closed-class words that open sentences: determiners, pronouns, prepositions, conjunctions,
    /// quantifiers and number words, in English and Spanish.
    static let sentenceOpeners: Set<String> = [
        "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your", "it", "he",
        "she", "they", "we", "you", "there", "here", "in", "on", "at", "over", "after", "before", "during", "to", "with",
        "without", "despite", "for", "by", "from", "when", "while", "as", "although", "though", "since", "because", "if",
        "once", "both", "each", "every", "many", "most", "some", "all", "beyond", "instead", "unlike", "through",
        "throughout", "under", "within", "across", "between", "among", "following", "two", "three", "four", "five", "six",
        "seven", "eight", "nine", "ten", "one", "el", "la", "los", "las", "un", "una", "en", "con", "para", "por", "desde",
        "durante", "cuando", "aunque", "este", "esta", "estos", "estas", "su", "sus", "hay", "según", "tras", "sin",
    ]

    /// Openers that cannot sit inside a heading: determiners, pronouns, number words.
    static let strongOpeners: Set<String> = [
        "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your", "it", "he",
        "she", "they", "we", "you", "there", "both", "each", "every", "many", "most", "some", "two", "three", "four", "five",
        "six", "seven", "eight", "nine", "ten", "el", "la", "los", "las", "un", "una", "este", "esta", "estos", "estas", "su", "sus",
    ]

    static let conjunctions: Set<String> = ["and", "or", "y", "o", "&"]

    static func isSentenceEnd(_ character: Character) -> Bool { ".!?。！？…".contains(character) }
    var endsWithContinuationWord: Bool { ["—", "–", "-", "|", "&"].contains(text) }

    var isAuxiliaryVerb: Bool { isLowercaseLatin && Self.auxiliaryVerbs.contains(lowercasedCore) }
    static let auxiliaryVerbs: Set<String> = ["is", "are", "was", "were", "has", "have", "had", "will", "can"]
    var isLowercaseFunctionWord: Bool { isLowercaseLatin && isFunctionWord || text == "&" }
    var isLowercaseContentWord: Bool { isLowercaseLatin && !isFunctionWord }
    var isCapitalizedOpener: Bool { startsUppercase && isOpener && isBareWord }
    var isConjunction: Bool { Self.conjunctions.contains(lowercasedCore) || text == "&" }
    var isPossessiveOrComma: Bool { text.hasPrefix("'s") || text.hasPrefix("’s") || text == "," || text.hasPrefix("(") }

    static func hasCJK(_ text: Substring) -> Bool {
        text.unicodeScalars.contains { $0.value >= 0x1100 && isCJKScalar($0) }
    }

    static func isCJKScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0x1100...0x11FF, 0xF900...0xFAFF: true
        default: false
        }
    }

    /// A Latin word with a Hangul or kana particle glued on (`Yann은`, `LLM이`): the Latin part. For a
    /// Hangul word, `strippingParticle` is its stem (`민지가` → `민지`).
    private static func latinBase(of core: String) -> String? {
        let scalars = Array(core.unicodeScalars)
        guard let split = scalars.firstIndex(where: Self.isCJKScalar), split > 0,
              scalars[..<split].allSatisfy({ !Self.isCJKScalar($0) }), scalars.count - split <= 3
        else { return nil }
        var base = String.UnicodeScalarView()
        base.append(contentsOf: scalars[..<split])
        return String(base)
    }

    struct KoreanParticle {
        /// How strongly the particle asks for a following word: genitive and object particles always
        /// do; 로, 와, 과 also end ordinary nouns (인트로, 결과), so they count less.
        var continuationPenalty: Double
        var isTopic = false
        var isSubject = false
        var marksSubject: Bool { isTopic || isSubject }
    }

    /// The particle glued to a Latin word (`Yann은` → topic, `Meta를` → object).
    var attachedParticle: KoreanParticle {
        guard let base = strippingParticle else { return KoreanParticle(continuationPenalty: 0) }
        let particle = core.dropFirst(base.count)
        if ["은", "는"].contains(particle) { return KoreanParticle(continuationPenalty: 0.5, isTopic: true) }
        if ["이", "가"].contains(particle) { return KoreanParticle(continuationPenalty: 0.5, isSubject: true) }
        return KoreanParticle(continuationPenalty: 2)
    }

    /// The case particle a Hangul word ends with, if any: a genitive or object particle needs a
    /// following word, which a heading's last word does not have.
    private static func koreanParticle(of core: String, isHangul: Bool, hasLatinBase: Bool) -> KoreanParticle? {
        guard isHangul, core.count >= 2, let last = core.last else { return nil }
        if "의을를에".contains(last) { return KoreanParticle(continuationPenalty: 2.5) }
        if "와과로".contains(last) { return KoreanParticle(continuationPenalty: 1) }
        if last == "가" { return KoreanParticle(continuationPenalty: 0.5, isSubject: true) }
        if "은는".contains(last) {
            // Two-syllable words and common verb forms in 는/은 modify a noun (주는, 여는, 하는, 많은);
            // they do not mark a topic.
            let isTopic = (core.count >= 3 || hasLatinBase) && !Self.adnominalEndings.contains { core.hasSuffix($0) }
            return KoreanParticle(continuationPenalty: isTopic ? 0.5 : 2, isTopic: isTopic)
        }
        return nil
    }

    /// Verb and adjective forms ending in 는/은 that modify the next noun.
    static let adnominalEndings = ["하는", "되는", "있는", "없는", "않는", "같은", "많은", "적은", "작은", "높은", "좋은", "새로운", "다른"]

    /// What counts as the same word when a body repeats its heading's word: lowercased, without
    /// punctuation; function words never count.
    struct WordClasses: OptionSet {
        let rawValue: UInt8
        static let function = WordClasses(rawValue: 1)
        static let opener = WordClasses(rawValue: 2)
        static let strongOpener = WordClasses(rawValue: 4)
        static let article = WordClasses(rawValue: 8)
    }

    static let wordClasses: [String: WordClasses] = {
        var classes: [String: WordClasses] = [:]
        for word in functionWords { classes[word, default: []].insert(.function) }
        for word in sentenceOpeners { classes[word, default: []].insert(.opener) }
        for word in strongOpeners { classes[word, default: []].insert(.strongOpener) }
        for word in ["the", "a", "an", "el", "la", "los", "las", "un", "una"] { classes[word, default: []].insert(.article) }
        return classes
    }()

    /// `자기대국은` repeats `자기대국`, `아파트가` repeats `아파트로`: the same stem, other particles.
    func repeats(_ headingKey: String) -> Bool {
        guard let key = repeatKey else { return false }
        let stem = Self.hangulStem(key), headingStem = Self.hangulStem(headingKey)
        return stem.count >= 2 && stem == headingStem && (stem != key || headingStem != headingKey)
    }

    static let particles = ["에서", "으로", "에게", "까지", "부터", "은", "는", "이", "가", "을", "를", "의", "에", "와", "과", "로", "도", "만"]

    /// A Hangul word without a trailing case particle.
    static func hangulStem(_ word: String) -> String {
        guard let last = word.unicodeScalars.last, (0xAC00...0xD7AF).contains(last.value), CharacterClass.particleEndings(last) else { return word }
        for particle in Self.particles where word.hasSuffix(particle) && word.count > particle.count + 1 {
            return String(word.dropLast(particle.count))
        }
        return word
    }
}

/// Character classes the scorer asks about, as `switch`es: unlike shared `Set`s they have no
/// storage whose reference count the reading threads would contend for.
private enum CharacterClass {
    static func cjkSentencePunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3001, 0x3002, 0xFF01, 0xFF0C, 0xFF1B, 0xFF1F: true
        default: false
        }
    }

    static func openingQuotes(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x22, 0xAB, 0x2018, 0x201C, 0x300C, 0x300E: true
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
        case 0x22, 0x29, 0x2C, 0x2D, 0x3A, 0x3B, 0x2013, 0x2014, 0x201D: true
        default: false
        }
    }

    static func continuations(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x26, 0x2C, 0x2D, 0x2F, 0x3A, 0x3B, 0x7C, 0x2013, 0x2014: true
        default: false
        }
    }

    static func edgePunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21, 0x22, 0x27, 0x28, 0x29, 0x2C, 0x2E, 0x3A, 0x3B, 0x3F, 0x5B, 0x5D, 0x7B, 0x7D, 0xAB, 0xBB, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x3001, 0x3002, 0x300C, 0x300D, 0x300E, 0x300F, 0xFF01, 0xFF0C, 0xFF1A, 0xFF1B, 0xFF1F: true
        default: false
        }
    }

    static func particleEndings(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xAC00, 0xAC8C, 0xACFC, 0xB294, 0xB3C4, 0xB85C, 0xB97C, 0xB9CC, 0xC11C, 0xC5D0, 0xC640, 0xC740, 0xC744, 0xC758, 0xC774, 0xC9C0, 0xD130: true
        default: false
        }
    }
}
