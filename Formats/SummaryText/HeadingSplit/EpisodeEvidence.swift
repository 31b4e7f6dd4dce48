import QuireCore

/// What an episode's own text says about how its chapters split, gathered once per episode: the
/// names its entity list and overview use, the words its sentences open with, its heading style
/// and its language.
struct EpisodeEvidence {
    let names: NameIndex
    /// How often each word (by `SplitToken.openerKey`) opens a sentence somewhere in the episode:
    /// in the overview, or after the first sentence end of a chapter's text (the part no split decides).
    let openers: KeyedTable<Int32>
    /// Whether the episode writes Latin headings in title case, measured across its chapters.
    let titleCase: Bool
    /// The language group the learned model has weights for.
    let language: HeadingModel.Language
    /// Pairs of consecutive words in the episode's prose (the overview, and chapter text after its first
    /// sentence end), by `proseKey`: a body that opens with a phrase its prose uses ("Moderator Jan").
    let proseBigrams: KeyedTable<Bool>
    /// Words the prose writes in lowercase: capitalized at a boundary, such a word opens a sentence.
    let lowercaseProseWords: KeyedTable<Bool>

    /// Bytes of each text scanned for sentence openers: names recur early, and the scan stays cheap.
    static let openerScanBytes = 1200

    init(names: [(name: String, isPerson: Bool)], overview: Substring, chapterTexts: [Substring]) {
        self.names = NameIndex(names, overview: overview)
        titleCase = Self.looksTitleCased(chapterTexts)
        var openers = KeyedTable<Int32>(absent: 0)
        Self.countOpeners(in: overview, skippingFirstSentence: false, into: &openers)
        for text in chapterTexts { Self.countOpeners(in: text, skippingFirstSentence: true, into: &openers) }
        self.openers = openers
        var bigrams = KeyedTable(absent: false), lowercase = KeyedTable(absent: false)
        Self.collectProse(overview, skippingFirstSentence: false, bigrams: &bigrams, lowercase: &lowercase)
        for text in chapterTexts { Self.collectProse(text, skippingFirstSentence: true, bigrams: &bigrams, lowercase: &lowercase) }
        proseBigrams = bigrams
        lowercaseProseWords = lowercase
        // Whole scalars, cut by bytes: the detector counts letters, so a few hundred of them decide.
        let sample = [Substring(overview.unicodeScalars.prefix(600))] + chapterTexts.prefix(6).map { Substring($0.unicodeScalars.prefix(300)) }
        language = HeadingModel.Language(detected: LanguageDetector.detect(pieces: sample))
    }

    func openerCount(_ token: SplitToken) -> Int { Int(openers[token.key]) }

    func proseHasBigram(_ first: SplitToken, _ second: SplitToken) -> Bool {
        proseBigrams[Self.bigramKey(first.key, second.key)]
    }

    func proseHasLowercase(_ token: SplitToken) -> Bool { lowercaseProseWords[token.key] }

    private static func bigramKey(_ first: UInt64, _ second: UInt64) -> UInt64 {
        (first &* 0x9E37_79B9_7F4A_7C15) ^ (second &+ 0x632B_E59B_D9B4_E019)
    }

    /// Bytes of each chapter's prose read for word pairs, after its first sentence: the phrases a body
    /// opens with recur early.
    static let proseScanBytes = 600

    private static func collectProse(_ text: Substring, skippingFirstSentence: Bool, bigrams: inout KeyedTable<Bool>, lowercase: inout KeyedTable<Bool>) {
        let utf8 = text.utf8
        let limit = skippingFirstSentence ? proseScanBytes : openerScanBytes
        var start = utf8.startIndex
        if skippingFirstSentence {
            // The first sentence end: `.!?` or the first byte of `。！？` (E3 80 82, EF BC 81/9F).
            guard let end = utf8.firstIndex(where: { $0 == 0x2E || $0 == 0x21 || $0 == 0x3F || $0 == 0xE3 || $0 == 0xEF }) else { return }
            start = utf8.index(after: end)
        }
        let end = utf8.index(start, offsetBy: limit, limitedBy: utf8.endIndex) ?? utf8.endIndex
        var previous: UInt64?
        var wordStart = start
        while wordStart < end {
            // The next word: up to the next space (runs of spaces make empty words, which have key 0).
            let wordEnd = utf8[wordStart..<end].firstIndex(of: 0x20) ?? end
            let word = text[wordStart..<wordEnd]
            wordStart = wordEnd < end ? utf8.index(after: wordEnd) : end
            guard !word.isEmpty else { continue }
            let key = WordKey.of(word)
            if let previous, key != 0 { bigrams.update(bigramKey(previous, key)) { $0 = true } }
            previous = key == 0 ? nil : key
            if let first = word.utf8.first, first >= 0x61 && first <= 0x7A || first >= 0x80 && word.unicodeScalars.first!.properties.isLowercase {
                lowercase.update(key) { $0 = true }
            }
        }
    }

    /// Words that follow a sentence end: after `. ! ?` and a space in Latin text; after `。！？` in
    /// Chinese and Japanese, with or without one.
    private static func countOpeners(in text: Substring, skippingFirstSentence: Bool, into openers: inout KeyedTable<Int32>) {
        let utf8 = text.utf8
        var index = utf8.startIndex
        let end = utf8.index(index, offsetBy: openerScanBytes, limitedBy: utf8.endIndex) ?? utf8.endIndex
        var skipped = !skippingFirstSentence
        var afterEnd = false
        while index < end {
            let byte = utf8[index]
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") {
                let next = utf8.index(after: index)
                afterEnd = next < end && (utf8[next] == 0x20)
                index = next
                continue
            }
            // 。！？ are E3 80 82, EF BC 81, EF BC 9F.
            if byte == 0xE3 || byte == 0xEF, let third = utf8.index(index, offsetBy: 2, limitedBy: end), third < end {
                let second = utf8[utf8.index(after: index)], last = utf8[third]
                if byte == 0xE3 && second == 0x80 && last == 0x82 || byte == 0xEF && second == 0xBC && (last == 0x81 || last == 0x9F) {
                    afterEnd = true
                    index = utf8.index(after: third)
                    if index < end, utf8[index] != 0x20 { recordOpener(at: index, in: text, end: end, skipped: &skipped, into: &openers) }
                    afterEnd = index < end && utf8[index] == 0x20
                    continue
                }
            }
            if afterEnd && byte == 0x20 {
                let next = utf8.index(after: index)
                if next < end, utf8[next] != 0x20 { recordOpener(at: next, in: text, end: end, skipped: &skipped, into: &openers) }
                afterEnd = false
                index = next
                continue
            }
            afterEnd = false
            index = utf8.index(after: index)
        }
    }

    private static func recordOpener(
        at start: String.Index, in text: Substring, end: String.Index, skipped: inout Bool, into openers: inout KeyedTable<Int32>
    ) {
        guard skipped else {
            skipped = true
            return
        }
        let rest = text[start..<end]
        let word = rest.prefix { $0 != " " }
        let key = WordKey.of(word)
        guard key != 0 else { return }
        openers.update(key) { $0 += 1 }
    }

    /// Title case when, across the episode's chapters, the words right after a heading's first word
    /// are mostly capitalized.
    private static func looksTitleCased(_ texts: [Substring]) -> Bool {
        var capitalized = 0, lowercase = 0
        for text in texts {
            let words = text.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: true).prefix(4)
            guard let first = words.first, !SplitToken.hasCJK(first) else { continue }
            for word in words.dropFirst() {
                guard let letter = word.unicodeScalars.first, !SplitToken.hasCJK(word) else { break }
                if ("A"..."Z").contains(letter) || !letter.isASCII && letter.properties.isUppercase { capitalized += 1 }
                if ("a"..."z").contains(letter) || !letter.isASCII && letter.properties.isLowercase {
                    let key = String(word.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic })
                    if !LanguageTables.latinFunctionWords.contains(key) { lowercase += 1 }
                }
            }
        }
        return capitalized + lowercase == 0 || Double(lowercase) < 0.3 * Double(capitalized + lowercase)
    }
}

/// The episode's entity names, to recognize a body that opens with its subject. Words are known by
/// their hash (`TextHash`), as `SplitToken.nameHash` gives it.
struct NameIndex {
    private var singles: Set<UInt64> = []
    /// Latin words the overview capitalizes inside its sentences: names and terms the bodies go on using.
    private var overviewTerms: Set<UInt64> = []
    /// Multi-word and single-word entity names by their first word, longest first.
    private var entityNamesByFirstWord: [UInt64: [[UInt64]]] = [:]
    /// Two-word capitalized names from the overview, weaker evidence than the entity list.
    private var overviewNamesByFirstWord: [UInt64: [[UInt64]]] = [:]

    struct Match {
        var length: Int
        /// The particle glued to the name's last word (`Yann은`), if any.
        var ending: SplitToken.KoreanEnding?
        /// Known only from the overview, not from the entity list: weaker evidence.
        var fromOverview = false
    }

    init(_ names: [(name: String, isPerson: Bool)], overview: Substring) {
        var previous: SplitToken?
        for bytes in overview.utf8.split(separator: 0x20) where bytes.first.map { $0 >= 0x41 && $0 <= 0x5A || $0 >= 0x80 } ?? false {
            let token = SplitToken(Substring(bytes))
            guard token.startsUppercase else { continue }
            defer { previous = token }
            guard token.startsUppercase && !token.isCapitalizedFunctionWord && token.coreHasCharacters(atLeast: 2) else { continue }
            overviewTerms.insert(token.stemHash ?? token.coreHash)
            // Two capitalized words in a row inside a sentence are a name ("… with Ivan Burazin, CEO …").
            if let previous, previous.startsUppercase, !previous.isCapitalizedFunctionWord, !previous.endsClause, !token.isAcronym,
                previous.coreHasCharacters(atLeast: 2)
            {
                overviewNamesByFirstWord[previous.nameHash, default: []].append([previous.nameHash, token.nameHash])
            }
        }
        var sequences: [[UInt64]] = []
        for (name, isPerson) in names {
            let tokens = name.split(whereSeparator: \.isWhitespace)
            guard let first = tokens.first, first.count >= 2 else { continue }
            sequences.append(tokens.map(TextHash.of))
            // People are also called by one part of their name ("Jake", "Cooper"); a product's parts
            // ("Code" of "Claude Code") are ordinary words.
            guard isPerson else { continue }
            for token in tokens where token.count >= 2 && (token.first?.isUppercase ?? false || SplitToken.hasCJK(token)) {
                singles.insert(TextHash.of(token))
            }
        }
        sequences.sort { $0.count > $1.count }
        for sequence in sequences { entityNamesByFirstWord[sequence[0], default: []].append(sequence) }
    }

    func contains(_ token: SplitToken) -> Bool {
        singles.contains(token.nameHash) || entityNamesByFirstWord[token.nameHash] != nil
    }

    /// The boundaries (word indices) that fall inside a multi-word name.
    func interiorBoundaries(in tokens: [SplitToken]) -> Set<Int> {
        var boundaries: Set<Int> = []
        func mark(_ sequences: [[UInt64]]?, at start: Int) {
            for sequence in sequences ?? [] where sequence.count > 1 && start + sequence.count <= tokens.count {
                if Self.ending(matching: sequence, in: tokens, at: start) != nil {
                    for boundary in (start + 1)..<(start + sequence.count) { boundaries.insert(boundary) }
                }
            }
        }
        for start in tokens.indices {
            mark(entityNamesByFirstWord[tokens[start].nameHash], at: start)
            mark(overviewNamesByFirstWord[tokens[start].nameHash], at: start)
        }
        return boundaries
    }

    func match(_ tokens: [SplitToken], at index: Int) -> Match? {
        let token = tokens[index]
        // Entity names longest first, then a one-word name with a particle glued on (`Yann은`).
        for sequence in entityNamesByFirstWord[token.nameHash] ?? [] where index + sequence.count <= tokens.count {
            if let ending = Self.ending(matching: sequence, in: tokens, at: index) {
                return Match(length: sequence.count, ending: ending)
            }
        }
        if let stem = token.stemHash, stem != token.nameHash, entityNamesByFirstWord[stem]?.contains([stem]) == true,
            let ending = Self.ending(matching: [stem], in: tokens, at: index)
        {
            return Match(length: 1, ending: ending)
        }
        for sequence in overviewNamesByFirstWord[token.nameHash] ?? [] where index + 2 <= tokens.count {
            if let ending = Self.ending(matching: sequence, in: tokens, at: index) {
                return Match(length: 2, ending: ending, fromOverview: true)
            }
        }
        if singles.contains(token.nameHash) { return Match(length: 1, ending: nil) }
        if let stem = token.stemHash, singles.contains(stem) || entityNamesByFirstWord[stem]?.contains([stem]) == true {
            return Match(length: 1, ending: token.koreanEnding)
        }
        if overviewTerms.contains(token.nameHash) { return Match(length: 1, ending: nil, fromOverview: true) }
        return nil
    }

    /// Whether `sequence` stands at `start`, and with which particle glued to its last word.
    private static func ending(matching sequence: [UInt64], in tokens: [SplitToken], at start: Int) -> SplitToken.KoreanEnding?? {
        var ending: SplitToken.KoreanEnding?
        for (offset, name) in sequence.enumerated() {
            let token = tokens[start + offset]
            if token.nameHash == name { continue }
            guard offset == sequence.count - 1, token.stemHash == name else { return nil }
            ending = token.koreanEnding
        }
        return .some(ending)
    }
}
