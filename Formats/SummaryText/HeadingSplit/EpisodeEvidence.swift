import QuireCore

/// What an episode's own text says about how its chapters split, gathered once per episode: the
/// names its entity list and overview use, the words its sentences open with, its heading style
/// and its language.
struct EpisodeEvidence {
    let names: NameIndex
    /// How often each word (by `SplitToken.openerKey`) opens a sentence somewhere in the episode:
    /// in the overview, or after the first sentence end of a chapter's text (the part no split decides).
    let openers: [UInt64: Int]
    /// Whether the episode writes Latin headings in title case, measured across its chapters.
    let titleCase: Bool
    /// The language group the learned model has weights for.
    let language: HeadingModel.Language
    /// Pairs of consecutive words in the episode's prose (the overview, and chapter text after its first
    /// sentence end), by `proseKey`: a body that opens with a phrase its prose uses ("Moderator Jan").
    let proseBigrams: Set<UInt64>
    /// Words the prose writes in lowercase: capitalized at a boundary, such a word opens a sentence.
    let lowercaseProseWords: Set<UInt64>

    /// Bytes of each text scanned for sentence openers: names recur early, and the scan stays cheap.
    static let openerScanBytes = 1200

    init(names: [(name: String, isPerson: Bool)], overview: Substring, chapterTexts: [Substring]) {
        self.names = NameIndex(names, overview: overview)
        titleCase = Self.looksTitleCased(chapterTexts)
        var openers: [UInt64: Int] = [:]
        Self.countOpeners(in: overview, skippingFirstSentence: false, into: &openers)
        for text in chapterTexts { Self.countOpeners(in: text, skippingFirstSentence: true, into: &openers) }
        self.openers = openers
        var bigrams: Set<UInt64> = [], lowercase: Set<UInt64> = []
        Self.collectProse(overview, skippingFirstSentence: false, bigrams: &bigrams, lowercase: &lowercase)
        for text in chapterTexts { Self.collectProse(text, skippingFirstSentence: true, bigrams: &bigrams, lowercase: &lowercase) }
        proseBigrams = bigrams
        lowercaseProseWords = lowercase
        // Whole scalars, cut by bytes: the detector counts letters, so a few hundred of them decide.
        var sample = String(Substring(overview.unicodeScalars.prefix(600)))
        for text in chapterTexts.prefix(6) { sample += " " + Substring(text.unicodeScalars.prefix(300)) }
        language = HeadingModel.Language(detected: LanguageDetector.detect(sample))
    }

    func openerCount(_ token: SplitToken) -> Int { openers[token.key] ?? 0 }

    func proseHasBigram(_ first: SplitToken, _ second: SplitToken) -> Bool {
        proseBigrams.contains(Self.bigramKey(first.key, second.key))
    }

    func proseHasLowercase(_ token: SplitToken) -> Bool { lowercaseProseWords.contains(token.key) }

    private static func bigramKey(_ first: UInt64, _ second: UInt64) -> UInt64 {
        (first &* 0x9E37_79B9_7F4A_7C15) ^ (second &+ 0x632B_E59B_D9B4_E019)
    }

    /// Bytes of each chapter's prose read for word pairs, after its first sentence: the phrases a body
    /// opens with recur early.
    static let proseScanBytes = 600

    private static func collectProse(_ text: Substring, skippingFirstSentence: Bool, bigrams: inout Set<UInt64>, lowercase: inout Set<UInt64>) {
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
        for bytes in text.utf8[start..<end].split(separator: 0x20) {
            let word = Substring(bytes)
            let key = WordKey.of(word)
            if let previous, key != 0 { bigrams.insert(bigramKey(previous, key)) }
            previous = key == 0 ? nil : key
            if let first = word.utf8.first, first >= 0x61 && first <= 0x7A || first >= 0x80 && word.unicodeScalars.first!.properties.isLowercase {
                lowercase.insert(key)
            }
        }
    }

    /// Words that follow a sentence end: after `. ! ?` and a space in Latin text; after `。！？` in
    /// Chinese and Japanese, with or without one.
    private static func countOpeners(in text: Substring, skippingFirstSentence: Bool, into openers: inout [UInt64: Int]) {
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
        at start: String.Index, in text: Substring, end: String.Index, skipped: inout Bool, into openers: inout [UInt64: Int]
    ) {
        guard skipped else {
            skipped = true
            return
        }
        let rest = text[start..<end]
        let word = rest.prefix { $0 != " " }
        let key = WordKey.of(word)
        guard key != 0 else { return }
        openers[key, default: 0] += 1
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

/// The episode's entity names, to recognize a body that opens with its subject.
struct NameIndex {
    private var singles: Set<String> = []
    /// Latin words the overview capitalizes inside its sentences: names and terms the bodies go on using.
    private var overviewTerms: Set<String> = []
    private var entityNamesByFirstWord: [String: [[String]]] = [:]
    /// Two-word capitalized names from the overview, weaker evidence than the entity list.
    private var overviewNamesByFirstWord: [String: [[String]]] = [:]

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
            guard token.startsUppercase && !token.isCapitalizedFunctionWord && token.core.count >= 2 else { continue }
            overviewTerms.insert(token.strippingParticle ?? token.core)
            // Two capitalized words in a row inside a sentence are a name ("… with Ivan Burazin, CEO …").
            if let previous, previous.startsUppercase, !previous.isCapitalizedFunctionWord, !previous.endsClause, !token.isAcronym,
               previous.core.count >= 2 {
                overviewNamesByFirstWord[previous.nameKey, default: []].append([previous.nameKey, token.nameKey])
            }
        }
        var sequences: [[String]] = []
        for (name, isPerson) in names {
            let tokens = name.split(whereSeparator: \.isWhitespace).map(String.init)
            guard let first = tokens.first, first.count >= 2 else { continue }
            sequences.append(tokens)
            // People are also called by one part of their name ("Jake", "Cooper"); a product's parts
            // ("Code" of "Claude Code") are ordinary words.
            guard isPerson else { continue }
            for token in tokens where token.count >= 2 && (token.first?.isUppercase ?? false || SplitToken.hasCJK(Substring(token))) {
                singles.insert(token)
            }
        }
        sequences.sort { $0.count > $1.count }
        for sequence in sequences { entityNamesByFirstWord[sequence[0], default: []].append(sequence) }
    }

    func contains(_ token: SplitToken) -> Bool {
        singles.contains(token.nameKey) || entityNamesByFirstWord[token.nameKey] != nil
    }

    /// The boundaries (word indices) that fall inside a multi-word name.
    func interiorBoundaries(in tokens: [SplitToken]) -> Set<Int> {
        var boundaries: Set<Int> = []
        for (start, token) in tokens.enumerated() {
            let candidates = (entityNamesByFirstWord[token.nameKey] ?? []) + (overviewNamesByFirstWord[token.nameKey] ?? [])
            for sequence in candidates where sequence.count > 1 && start + sequence.count <= tokens.count {
                if Self.ending(matching: sequence, in: tokens, at: start) != nil {
                    for boundary in (start + 1)..<(start + sequence.count) { boundaries.insert(boundary) }
                }
            }
        }
        return boundaries
    }

    func match(_ tokens: [SplitToken], at index: Int) -> Match? {
        let token = tokens[index]
        var candidates = entityNamesByFirstWord[token.nameKey] ?? []
        if let base = token.strippingParticle, let withParticle = entityNamesByFirstWord[base] {
            candidates += withParticle.filter { $0.count == 1 }
        }
        for sequence in candidates.sorted(by: { $0.count > $1.count }) where index + sequence.count <= tokens.count {
            if let ending = Self.ending(matching: sequence, in: tokens, at: index) {
                return Match(length: sequence.count, ending: ending)
            }
        }
        for sequence in overviewNamesByFirstWord[token.nameKey] ?? [] where index + 2 <= tokens.count {
            if let ending = Self.ending(matching: sequence, in: tokens, at: index) {
                return Match(length: 2, ending: ending, fromOverview: true)
            }
        }
        if singles.contains(token.nameKey) { return Match(length: 1, ending: nil) }
        if let base = token.strippingParticle, singles.contains(base) || entityNamesByFirstWord[base]?.contains([base]) == true {
            return Match(length: 1, ending: token.koreanEnding)
        }
        if overviewTerms.contains(token.nameKey) { return Match(length: 1, ending: nil, fromOverview: true) }
        return nil
    }

    /// Whether `sequence` stands at `start`, and with which particle glued to its last word.
    private static func ending(matching sequence: [String], in tokens: [SplitToken], at start: Int) -> SplitToken.KoreanEnding?? {
        var ending: SplitToken.KoreanEnding?
        for (offset, name) in sequence.enumerated() {
            let token = tokens[start + offset]
            if token.nameKey == name { continue }
            guard offset == sequence.count - 1, token.strippingParticle == name else { return nil }
            ending = token.koreanEnding
        }
        return .some(ending)
    }
}
