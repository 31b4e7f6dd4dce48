/// The evidence for one candidate boundary: a heading of `k` words, the body from word `k` on. Each
/// feature is a number (mostly 0 or 1, some counts); the learned model weighs them. The one-line
/// reason on each case is why it can tell a heading's end.
enum SplitFeature: Int, CaseIterable {
    // MARK: How long the heading is, by script (headings are short; how short depends on the script)
    /// A one-word Latin heading ("Intro", "Hook").
    case latinLength1
    /// Two Latin words.
    case latinLength2
    /// Three or four Latin words.
    case latinLength3to4
    /// Five to seven Latin words.
    case latinLength5to7
    /// Eight to eleven Latin words: long, but subtitle headings are.
    case latinLength8to11
    /// Twelve Latin words or more: rarely a heading.
    case latinLength12Plus
    /// One Hangul word ("인트로").
    case hangulLength1
    /// Two Hangul words.
    case hangulLength2
    /// Three or four Hangul words.
    case hangulLength3to4
    /// Five to seven Hangul words.
    case hangulLength5to7
    /// Eight Hangul words or more.
    case hangulLength8Plus
    /// One Chinese or Japanese word (a CJK heading usually has no space).
    case cjkLength1
    /// Two Chinese or Japanese words (`LLM の限界`).
    case cjkLength2
    /// Three or more: a CJK heading rarely has that many spaces.
    case cjkLength3Plus
    /// Chinese or Japanese characters in the heading, per ten: a long run is a sentence.
    case cjkCharactersPerTen

    // MARK: What the heading holds
    /// A period or `。` before the heading's last word: a sentence ended inside it.
    case sentenceEndInside
    /// `!` or `?` before the last word: a subtitle may follow, or the body started.
    case questionOrExclamationInside
    /// `，、；` inside: CJK clause punctuation belongs to body sentences.
    case cjkPunctuationInside
    /// An editorial note (`-- _Note`) inside: the note opens the body.
    case editorialInside
    /// Lowercase content words in an episode whose headings are title case: the body has begun.
    case lowercaseContentInTitleCase
    /// A capitalized common word after a lowercase one in a sentence-case episode: a new sentence.
    case capitalAfterLowercaseInSentenceCase
    /// A capitalized function word ("The", "Der") after the first word, not after a clause end.
    case capitalizedFunctionWordInside
    /// …followed by a lowercase content word ("The team"): a sentence, not a title-case phrase.
    case capitalizedFunctionWordThenLowercaseInside
    /// An opening quote after the first word of a Latin heading.
    case openingQuoteInside
    /// A Chinese or Japanese word after Latin words: an English heading running into its body.
    case cjkAfterLatinInside
    /// A Chinese or Japanese word after three Latin words or more: an English heading running into its body
    /// (a CJK heading may start with a Latin term or two: `Agent 的记忆问题`).
    case cjkAfterManyLatinInside
    /// A Korean topic- or subject-marked word after the first: a sentence's subject.
    case koreanSubjectInside
    /// A Korean sentence-final verb form before the last word.
    case koreanSentenceFinalInside
    /// Words after the first that the episode elsewhere uses to open sentences.
    case pageOpenersInside

    // MARK: How the heading ends
    /// A lowercase function word ("of", "the", "y", "der") never ends a heading.
    case lastIsLowercaseFunctionWord
    /// A Chinese or Japanese word ending in a particle (`发布的`, `AI の`) needs what follows.
    case lastCJKEndsWithParticle
    /// A comma, colon, dash or slash asks for more.
    case lastEndsWithContinuation
    /// A lone dash, bar, ampersand or slash.
    case lastIsDashOrBar
    /// A period: sentences, not headings, end so.
    case lastEndsSentence
    /// `?` or `!`: a question heading ends here, unless a subtitle follows.
    case lastEndsWithQuestionOrExclamation
    /// A Korean genitive or object particle needs the next word.
    case lastKoreanGenitiveOrObject
    /// A Korean adverbial particle (에, 로, 와) usually does too.
    case lastKoreanAdverbial
    /// A Korean topic or subject particle: a sentence's subject, rarely a heading's end.
    case lastKoreanSubject
    /// A Korean adnominal form (있는, 새로운, 할) modifies the next word.
    case lastKoreanAdnominal
    /// A Korean determiner or numeral (세, 두, 모든) before its counter or noun.
    case lastKoreanDeterminer
    /// A Korean sentence-final form (-다, -까): a heading that is a sentence ends here.
    case lastKoreanSentenceFinal
    /// A number before its counter or unit (`3 가지`, `40 Prozent`).
    case lastIsNumber
    /// The episode uses the heading's last word to open sentences: the body may start one earlier.
    case lastIsPageOpener

    // MARK: How the body starts
    /// A capitalized function word ("The", "After", "Der", "El") opens a sentence.
    case firstIsCapitalizedFunctionWord
    /// …followed by a lowercase word ("The team").
    case firstIsCapitalizedFunctionWordThenLowercase
    /// A capitalized word followed by lowercase prose ("Construction overran").
    case firstCapitalThenLowercase
    /// The same, in a title-case episode, where the heading's words are all capitalized.
    case firstCapitalThenLowercaseInTitleCase
    /// An opening quotation mark.
    case firstIsOpeningQuote
    /// An editorial note (`-- _Note: …_`) opens the body.
    case firstIsEditorialNote
    /// A digit, year or amount.
    case firstIsNumber
    /// Closing punctuation cannot open anything.
    case firstIsClosingPunctuation
    /// A lowercase function word ("of", "and") continues a phrase.
    case firstIsLowercaseFunctionWord
    /// A lowercase content word.
    case firstIsLowercaseContent
    /// A lowercase Latin term followed by Chinese or Japanese (`iPhone 销量…`).
    case firstIsLowercaseBeforeCJK
    /// Chinese or Japanese right after an all-Latin heading.
    case firstIsCJKAfterLatinHeading
    /// Hangul right after an all-Latin heading.
    case firstIsHangulAfterLatinHeading
    /// A Latin word followed by Chinese or Japanese: a subject and its predicate (`Jacob 先问`).
    case firstIsLatinBeforeCJK
    /// A Chinese or Japanese word that starts with a particle cannot open a sentence.
    case firstCJKStartsWithParticle
    /// A Chinese or Japanese word that starts with a pronoun or conjunction.
    case firstCJKStartsWithOpener
    /// A Japanese topic or subject marker a few characters in (`山田氏は`).
    case firstCJKHasEarlyTopic
    /// A Korean topic- or subject-marked word.
    case firstIsKoreanSubject
    /// A Korean dependent noun or counter (것, 가지) belongs to the phrase before it.
    case firstIsKoreanDependentNoun
    /// The episode uses this word to open sentences.
    case firstIsPageOpener
    /// How often (up to five times) it does.
    case firstPageOpenerCount
    /// An entity name that goes on as a subject (a verb, a particle, CJK text follows).
    case firstIsNameAsSubject
    /// An entity name followed by something else.
    case firstIsNameOtherwise
    /// A capitalized pair from the overview, not the entity list.
    case firstIsOverviewName
    /// A name starts one or two words later: a role word before it ("Host Sarah Guo", "진행자 박서연은").
    case nameFollowsFirst
    /// The boundary falls inside a multi-word name.
    case boundaryInsideName
    /// The body repeats the heading's first or last word (`Memory & Continual Learning Memory 这个…`).
    case firstRepeatsHeadingWord
    /// The body names the heading's first word a word or two in.
    case headingWordRepeatedSoon
    /// Capitalized function words in the middle of the body's first sentence: it really starts later.
    case firstSentenceMidOpeners
    /// The body repeats a word from the middle of the heading (`… Reality Labs Down Again Reality …`).
    case firstRepeatsInnerHeadingWord
    /// The body's first word shares its first five letters with a heading word (`Scraping Scraped`).
    case firstSharesStemWithHeadingWord
    /// The body's first two words are a pair the episode's prose uses ("Moderator Jan", "진행자 박서연").
    case firstPairSeenInProse
    /// The words on either side of the boundary are a pair the prose uses: the boundary splits a phrase.
    case boundaryPairSeenInProse
    /// The body's first word is capitalized here but lowercase in the prose: a sentence's first word.
    case firstCapitalizedButLowercaseInProse
    /// The body's first two words repeat two consecutive words of the heading (`… Reality Labs Down Again Reality Labs lost …`).
    case firstPairRepeatsHeadingPair
    /// The heading would end on a given name and the body start with a capitalized word: a name split in two.
    case boundaryAfterGivenName
    /// The heading would end on a Korean sentence-final form with no period: a headline (`… 돌아왔다`).
    case lastIsBareKoreanSentenceFinal
    /// The body's first sentence holds a Korean sentence-final form with no period: a headline, so the
    /// heading runs on past this boundary.
    case bareKoreanSentenceFinalInFirstSentence
    /// The body's first word is a common given name.
    case firstIsGivenName
    /// A finite English verb one to three words into the body: its first words are a subject.
    case verbSoonAfterBoundary
    /// The body would start with a finite verb: the sentence began earlier.
    case firstIsFiniteVerb
    /// A Latin word, then Chinese that starts with a verb or adverb (`Jacob 先问`): a subject and its predicate.
    case firstIsLatinBeforeCJKPredicate
    /// The body's first word is a capitalized possessive (`DeepMind's`): a sentence's subject.
    case firstIsPossessive
    /// The heading would end on a possessive, which needs its noun.
    case lastIsPossessive
    /// One word after the heading's last colon: a subtitle barely begun.
    case oneWordAfterColon
    /// Two or three words after the heading's last colon.
    case fewWordsAfterColon

    /// The feature's stable name, as the weights file spells it.
    var name: String { String(describing: self) }
}

/// The features of every candidate boundary of one chapter's run-in text.
struct SplitFeatureExtractor {
    let tokens: [SplitToken]
    let evidence: EpisodeEvidence

    private let nameInterior: Set<Int>
    private let latinHeading: Bool
    /// Prefix sums over words `0..<j` of what a heading holds, so each candidate costs the same.
    private var inside: [[Double]]
    private var sentenceEnd: [Int]
    private var midOpeners: [Int]
    /// Per word: the earlier words it repeats (same word, or a Korean stem with another particle).
    private var earlierRepeats: [[Int]]
    /// Per word: whether an earlier word of five letters or more shares its first five (`Scraping`, `Scraped`).
    private var sharesStemWithEarlier: [Bool]
    /// Per word: the entity or overview name that starts there, if any.
    private var nameMatches: [NameIndex.Match?]
    /// Prefix counts over words `0..<j`: CJK words, Chinese and Japanese characters; the last colon before `j`.
    private var cjkWords: [Int]
    private var cjkCharacters: [Int]
    private var lastColon: [Int]

    /// The heading-internal features, in the order `inside` keeps them.
    private static let insideFeatures: [SplitFeature] = [
        .sentenceEndInside, .questionOrExclamationInside, .cjkPunctuationInside, .editorialInside, .lowercaseContentInTitleCase,
        .capitalAfterLowercaseInSentenceCase, .capitalizedFunctionWordInside, .capitalizedFunctionWordThenLowercaseInside,
        .openingQuoteInside, .cjkAfterLatinInside, .koreanSubjectInside, .koreanSentenceFinalInside, .pageOpenersInside,
        .cjkAfterManyLatinInside,
    ]

    init(tokens: [SplitToken], evidence: EpisodeEvidence) {
        self.tokens = tokens
        self.evidence = evidence
        nameInterior = evidence.names.interiorBoundaries(in: tokens)
        latinHeading = tokens.first.map { !$0.isCJK } ?? true
        let count = Self.insideFeatures.count
        inside = [[Double](repeating: 0, count: count)]
        midOpeners = [0]
        var latinWords = 0
        // Heading-internal features are read only for candidate headings.
        for (offset, token) in tokens.prefix(HeadingSplitter.maximumHeadingWords).enumerated() {
            var row = inside[offset]
            let previous = offset > 0 ? tokens[offset - 1] : nil
            let next = offset + 1 < tokens.count ? tokens[offset + 1] : nil
            // Sentence ends count only before the heading's last word; `ends` is read per candidate.
            if let previous, previous.endsSentence {
                row[previous.endsWithQuestionOrExclamation ? 1 : 0] += 1
            }
            if token.hasCJKSentencePunctuation { row[2] += 1 }
            if token.isEditorialNote { row[3] += 1 }
            if offset > 0 {
                if evidence.titleCase && latinHeading && token.isLowercaseContentWord { row[4] += 1 }
                if !evidence.titleCase, let previous, previous.isLowercaseLatin, token.startsUppercase, !token.isAcronym,
                    !evidence.names.contains(token), !token.isFunctionWord
                {
                    row[5] += 1
                }
                if token.isCapitalizedFunctionWord, let previous, !previous.endsClause {
                    row[6] += 1
                    if let next, next.isLowercaseContentWord { row[7] += 1 }
                }
                if token.startsWithOpeningQuote && latinHeading { row[8] += 1 }
                if token.isCJK && !token.isHangul && latinWords >= 1 { row[9] += 1 }
                if token.isCJK && !token.isHangul && latinWords >= 3 { row[13] += 1 }
                if token.koreanEnding.marksSubject { row[10] += 1 }
                if evidence.openerCount(token) > 0 && (token.startsUppercase || token.isCJK) { row[12] += 1 }
            }
            if let previous, previous.isHangul, previous.koreanEnding.contains(.sentenceFinal), token.isHangul { row[11] += 1 }
            if !token.isCJK { latinWords += 1 }
            inside.append(row)
        }
        for (offset, token) in tokens.enumerated() {
            let midOpener = offset > 0 && token.isCapitalizedFunctionWord && !tokens[offset - 1].endsClause
            midOpeners.append(midOpeners[offset] + (midOpener ? 1 : 0))
        }
        // Repeats and names look only as far as a candidate's body can reach.
        let reach = min(tokens.count, HeadingSplitter.maximumHeadingWords + 3)
        var keyIDs: [UInt64: Int] = [:]
        let ids = tokens.prefix(reach).map { token in
            token.repeatKey.map { key in
                keyIDs[key]
                    ?? {
                        keyIDs[key] = keyIDs.count; return keyIDs.count - 1
                    }()
            }
        }
        // Same word: the positions seen so far under its key; Korean stems: pairs of Hangul words only.
        var positions = [[Int]](repeating: [], count: keyIDs.count)
        var hangul: [Int] = []
        earlierRepeats = [[Int]](repeating: [], count: tokens.count)
        for index in 0..<reach {
            guard let id = ids[index] else { continue }
            var earlier = positions[id]
            if tokens[index].isHangul {
                for other in hangul where ids[other] != id && tokens[index].repeats(tokens[other]) { earlier.append(other) }
                hangul.append(index)
            }
            earlierRepeats[index] = earlier
            positions[id].append(index)
        }
        let stems = tokens.prefix(reach).map { $0.coreHasCharacters(atLeast: 5) && !$0.isCJK ? TextHash.of($0.lowercasedCore.prefix(5)) : nil }
        sharesStemWithEarlier = stems.indices.map { index in
            guard index < reach, let stem = stems[index] else { return false }
            return stems[0..<index].contains(stem)
        }
        nameMatches = (0..<tokens.count).map { index in index < reach ? evidence.names.match(tokens, at: index) : nil }
        cjkWords = [0]
        cjkCharacters = [0]
        lastColon = [-1]
        for (index, token) in tokens.enumerated() {
            cjkWords.append(cjkWords[index] + (token.isCJK ? 1 : 0))
            cjkCharacters.append(cjkCharacters[index] + (token.isCJK && !token.isHangul ? token.coreScalarCount : 0))
            // `:` or `：` (EF BC 9A).
            let bytes = token.text.utf8
            let colon = bytes.last == UInt8(ascii: ":") || bytes.count >= 3 && bytes.suffix(3).elementsEqual([0xEF, 0xBC, 0x9A])
            lastColon.append(colon ? index : lastColon[index])
        }
        sentenceEnd = Array(repeating: tokens.count, count: tokens.count)
        var nextEnd = tokens.count
        for index in tokens.indices.reversed() {
            if tokens[index].endsSentence { nextEnd = index }
            sentenceEnd[index] = nextEnd
        }
    }

    /// The candidate boundaries: before word `k` for a heading of `k` words, up to the longest heading.
    var boundaries: Range<Int> { 1..<min(tokens.count, HeadingSplitter.maximumHeadingWords + 1) }

    /// The features of the boundary before word `k` (a heading of words `0..<k`).
    func features(_ k: Int) -> CandidateFeatures {
        var features = CandidateFeatures()
        write(k, into: &features)
        return features
    }

    /// Writes the features of the boundary before word `k` over `features`, reusing its storage: the
    /// splitter scores every candidate of every chapter through one buffer.
    func write(_ k: Int, into features: inout CandidateFeatures) {
        namedFeatures(k, into: &features.named)
        SlotFeatures.slots(tokens, k, titleCase: evidence.titleCase, into: &features.shapes)
    }

    private func namedFeatures(_ k: Int, into x: inout [Double]) {
        x.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        func set(_ feature: SplitFeature, _ value: Double = 1) { x[feature.rawValue] = value }
        func set(_ feature: SplitFeature, if condition: Bool) { if condition { x[feature.rawValue] = 1 } }

        let first = tokens[0], last = tokens[k - 1], body = tokens[k]
        let next = k + 1 < tokens.count ? tokens[k + 1] : nil

        // Length.
        switch first.script {
        case .hangul:
            set(k == 1 ? .hangulLength1 : k == 2 ? .hangulLength2 : k <= 4 ? .hangulLength3to4 : k <= 7 ? .hangulLength5to7 : .hangulLength8Plus)
        case .cjk:
            set(k == 1 ? .cjkLength1 : k == 2 ? .cjkLength2 : .cjkLength3Plus)
        case .latin, .other:
            set(
                k == 1
                    ? .latinLength1
                    : k == 2
                        ? .latinLength2
                        : k <= 4
                            ? .latinLength3to4
                            : k <= 7
                                ? .latinLength5to7
                                : k <= 11 ? .latinLength8to11 : .latinLength12Plus)
        }
        set(.cjkCharactersPerTen, Double(cjkCharacters[k]) / 10)

        // Inside: words 1..<k for word properties; sentence ends of words 0..<k-1.
        let row = inside[k], start = inside[0]
        for (index, feature) in Self.insideFeatures.enumerated() { x[feature.rawValue] = row[index] - start[index] }

        // The heading's end.
        set(.lastIsLowercaseFunctionWord, if: last.isLowercaseFunctionWord)
        set(.lastCJKEndsWithParticle, if: last.endsWithCJKParticle)
        set(.lastEndsWithContinuation, if: last.endsWithContinuation && !last.isDashOrBar)
        set(.lastIsDashOrBar, if: last.isDashOrBar)
        set(.lastEndsSentence, if: last.endsSentence && !last.endsWithQuestionOrExclamation)
        set(.lastEndsWithQuestionOrExclamation, if: last.endsWithQuestionOrExclamation)
        if last.isHangul {
            set(.lastKoreanGenitiveOrObject, if: !last.koreanEnding.isDisjoint(with: [.genitive, .object]))
            set(.lastKoreanAdverbial, if: last.koreanEnding.contains(.adverbial))
            set(.lastKoreanSubject, if: last.koreanEnding.marksSubject)
            set(.lastKoreanAdnominal, if: last.koreanEnding.contains(.adnominal))
            set(.lastKoreanDeterminer, if: last.koreanEnding.contains(.determiner))
            set(.lastKoreanSentenceFinal, if: last.koreanEnding.contains(.sentenceFinal))
        }
        set(.lastIsNumber, if: last.startsWithDigit && last.core.allSatisfy { $0.isNumber || $0 == "," || $0 == "." })
        set(.lastIsPageOpener, if: k > 1 && evidence.openerCount(last) > 0 && (last.startsUppercase || last.isCJK))

        // The body's start.
        let headingIsLatin = cjkWords[k] == 0
        set(.firstIsCapitalizedFunctionWord, if: body.isCapitalizedFunctionWord)
        set(.firstIsCapitalizedFunctionWordThenLowercase, if: body.isCapitalizedFunctionWord && next?.isLowercaseLatin == true)
        let capitalThenLowercase =
            body.startsUppercase && !body.isFunctionWord && !body.isAcronym
            && next.map { $0.isLowercaseLatin && !$0.isConjunction } ?? false
        set(.firstCapitalThenLowercase, if: capitalThenLowercase)
        set(.firstCapitalThenLowercaseInTitleCase, if: capitalThenLowercase && evidence.titleCase)
        set(.firstIsOpeningQuote, if: body.startsWithOpeningQuote)
        set(.firstIsEditorialNote, if: body.isEditorialNote)
        set(.firstIsNumber, if: body.startsWithDigit)
        set(.firstIsClosingPunctuation, if: body.startsWithClosingPunctuation)
        set(.firstIsLowercaseFunctionWord, if: body.isLowercaseFunctionWord)
        let beforeCJK = next.map { $0.isCJK && !$0.isHangul } ?? false
        set(.firstIsLowercaseContent, if: body.isLowercaseContentWord && !beforeCJK)
        set(.firstIsLowercaseBeforeCJK, if: body.isLowercaseLatin && beforeCJK)
        set(.firstIsCJKAfterLatinHeading, if: headingIsLatin && body.isCJK && !body.isHangul)
        set(.firstIsHangulAfterLatinHeading, if: headingIsLatin && body.isHangul)
        set(.firstIsLatinBeforeCJK, if: !body.isCJK && body.script == .latin && beforeCJK)
        set(.firstCJKStartsWithParticle, if: body.cjkStart == .particle)
        set(.firstCJKStartsWithOpener, if: body.cjkStart == .opener)
        set(.firstCJKHasEarlyTopic, if: body.cjkStart == .topicEarly)
        set(.firstIsKoreanSubject, if: body.koreanEnding.marksSubject)
        set(.firstIsKoreanDependentNoun, if: body.koreanEnding.contains(.dependentNoun) || body.koreanEnding.contains(.startsWithDependentNoun))
        let openerCount = evidence.openerCount(body)
        set(.firstIsPageOpener, if: openerCount > 0)
        if openerCount > 0 { set(.firstPageOpenerCount, Double(min(openerCount, 5))) }

        if let match = nameMatches[k] {
            if match.fromOverview {
                set(.firstIsOverviewName)
            } else {
                let after = k + match.length < tokens.count ? tokens[k + match.length] : nil
                let asSubject: Bool
                if let ending = match.ending {
                    asSubject = ending.marksSubject
                } else if let after, after.isHangul {
                    asSubject = after.koreanEnding.marksSubject
                } else {
                    asSubject = after.map { $0.isCJK || $0.isLowercaseContentWord || $0.isPossessiveOrComma } ?? true
                }
                set(asSubject ? .firstIsNameAsSubject : .firstIsNameOtherwise)
            }
        } else {
            for offset in 1...2 where k + offset < tokens.count {
                if let later = nameMatches[k + offset], !later.fromOverview {
                    set(.nameFollowsFirst)
                    break
                }
            }
        }
        set(.boundaryInsideName, if: nameInterior.contains(k))

        if k <= 8 {
            if earlierRepeats[k].contains(0) || earlierRepeats[k].contains(k - 1) {
                set(.firstRepeatsHeadingWord)
            } else if ((k + 1)..<min(k + 3, tokens.count)).contains(where: { earlierRepeats[$0].contains(0) }) {
                set(.headingWordRepeatedSoon)
            }
        }

        let repeated = earlierRepeats[k]
        if k >= 3, !repeated.contains(0), !repeated.contains(k - 1), repeated.contains(where: { $0 >= 1 && $0 <= k - 2 }) {
            set(.firstRepeatsInnerHeadingWord)
        }
        set(.firstSharesStemWithHeadingWord, if: sharesStemWithEarlier[k])
        if let next { set(.firstPairSeenInProse, if: evidence.proseHasBigram(body, next)) }
        set(.boundaryPairSeenInProse, if: evidence.proseHasBigram(last, body))
        set(.firstCapitalizedButLowercaseInProse, if: body.startsUppercase && !body.isAcronym && evidence.proseHasLowercase(body))
        set(.firstIsGivenName, if: body.isGivenName && !body.isFunctionWord)
        set(.lastIsBareKoreanSentenceFinal, if: last.isHangul && last.koreanEnding.contains(.sentenceFinal) && last.shapeEnd == .plain)
        let firstSentence = tokens[k..<min(sentenceEnd[k], tokens.count)]
        set(
            .bareKoreanSentenceFinalInFirstSentence,
            if: firstSentence.dropLast().contains { $0.isHangul && $0.koreanEnding.contains(.sentenceFinal) && $0.shapeEnd == .plain })
        if k >= 2, k + 1 < tokens.count, repeated.contains(where: { $0 <= k - 2 && earlierRepeats[k + 1].contains($0 + 1) }) {
            set(.firstPairRepeatsHeadingPair)
        }
        set(.boundaryAfterGivenName, if: last.isGivenName && body.startsUppercase && !body.isFunctionWord)
        if let verb = tokens[(k + 1)..<min(k + 4, tokens.count)].firstIndex(where: \.isFiniteVerb),
            !tokens[k..<verb].contains(where: \.endsClause)
        {
            set(.verbSoonAfterBoundary)
        }
        set(.firstIsFiniteVerb, if: body.isFiniteVerb)
        set(.firstIsLatinBeforeCJKPredicate, if: body.script == .latin && !body.isCJK && (next?.cjkStartsWithPredicate ?? false))
        set(.firstIsPossessive, if: body.isPossessive && body.startsUppercase)
        set(.lastIsPossessive, if: last.isPossessive)
        if case let colon = lastColon[k], colon >= 0 {
            let after = k - 1 - colon
            set(.oneWordAfterColon, if: after == 1)
            set(.fewWordsAfterColon, if: after == 2 || after == 3)
        }

        let end = min(sentenceEnd[k], k + 23, tokens.count - 1)
        if end > k { set(.firstSentenceMidOpeners, Double(min(midOpeners[end + 1] - midOpeners[k + 1], 3))) }
    }
}

/// A candidate boundary's features: the named ones, and one slot in each shape family.
struct CandidateFeatures {
    var named = [Double](repeating: 0, count: SplitFeature.allCases.count)
    var shapes: [Int] = []
}

/// Features that are one slot out of many, worth 1 each: sequences of word shapes around a boundary
/// (`SplitToken.Shape`): "a capitalized word ending in `?`, then a capitalized function word, then a
/// lowercase word" is learned once and holds in every language that writes so; and the identity of
/// frequent words (`LanguageTables.latinFrequentWords`, `koreanFrequentWords`) at the body's start
/// and inside the heading, common enough to hold on any topic ("is", "ist", "says", "explica", "진행자"),
/// and of the syllable a Korean word ends on (a noun that closes a heading, a verb form that does not).
enum SlotFeatures {
    enum Family: Int, CaseIterable {
        /// The heading's last word (class and end), the body's first word (class), the body's second (class, or none).
        case end3
        /// The heading's last two words (class and end each; the first may be none).
        case head2
        /// The episode's heading style, the body's first word (class and end) and its second (class, or none).
        case body2
        /// Each word inside the heading after the first, by its shape between its neighbours' classes, in the
        /// episode's heading style: counted over the heading, so a heading is scored as a phrase.
        case headWord
        /// The body's first word, when frequent.
        case wordFirst
        /// The body's second word, when frequent.
        case wordNext
        /// Frequent words inside the heading, after its first word.
        case wordInside
        /// The heading's last word, when frequent.
        case wordLast
        /// The syllable the heading's last word ends on, when it is Hangul.
        case syllableLast
        /// The syllable the body's first word ends on, when it is Hangul.
        case syllableFirst

        var name: String { String(describing: self) }
        var isLexical: Bool { rawValue >= Family.wordFirst.rawValue }
        var isSyllable: Bool { rawValue >= Family.syllableLast.rawValue }
    }

    /// The frequent words in a fixed order: a word's slot is its place here. A Korean word is known by
    /// its stem (`SplitToken.strippingParticle`).
    static let frequentWords: [String] = LanguageTables.latinFrequentWords.union(LanguageTables.koreanFrequentWords).sorted()
    static let frequentWordIndex: [String: Int] = Dictionary(uniqueKeysWithValues: frequentWords.enumerated().map { ($1, $0) })
    /// The Korean frequent words' places, by the hash of the word (`TextHash`).
    static let koreanWordIndex: [UInt64: Int] = Dictionary(
        uniqueKeysWithValues: LanguageTables.koreanFrequentWords.map { (TextHash.of($0), frequentWordIndex[$0]!) })
    /// Final syllables in a fixed order, and their places by scalar value.
    static let finalSyllables: [String] = LanguageTables.koreanFinalSyllables.sorted()
    static let finalSyllableIndex: [UInt32: Int] = Dictionary(
        uniqueKeysWithValues: finalSyllables.enumerated().map { ($1.unicodeScalars.first!.value, $0) })

    static let classCount = SplitToken.Shape.Class.allCases.count
    static let endCount = SplitToken.Shape.End.allCases.count
    static let shapeCount = classCount * endCount

    static func size(of family: Family) -> Int {
        switch family {
        case .end3: shapeCount * classCount * (classCount + 1)
        case .head2: (shapeCount + 1) * shapeCount
        case .body2: 2 * shapeCount * (classCount + 1)
        case .headWord: 2 * (classCount + 1) * shapeCount * (classCount + 1)
        case .wordFirst, .wordNext, .wordInside, .wordLast: frequentWords.count
        case .syllableLast, .syllableFirst: finalSyllables.count
        }
    }

    static func offset(of family: Family) -> Int {
        Family.allCases.prefix(family.rawValue).reduce(0) { $0 + size(of: $1) }
    }

    static let slotCount = Family.allCases.reduce(0) { $0 + size(of: $1) }

    private static func shape(_ token: SplitToken) -> Int { token.shapeClass.rawValue * endCount + token.shapeEnd.rawValue }

    private static let offsets: [Int] = Family.allCases.map(offset(of:))

    /// The slots of the boundary before word `k`: one per shape family, and one per frequent word.
    static func slots(_ tokens: [SplitToken], _ k: Int, titleCase: Bool, into slots: inout [Int]) {
        let last = shape(tokens[k - 1]), first = tokens[k]
        let next = k + 1 < tokens.count ? tokens[k + 1].shapeClass.rawValue : classCount
        let previous = k >= 2 ? shape(tokens[k - 2]) : shapeCount
        slots.removeAll(keepingCapacity: true)
        slots.append(offsets[Family.end3.rawValue] + (last * classCount + first.shapeClass.rawValue) * (classCount + 1) + next)
        slots.append(offsets[Family.head2.rawValue] + previous * shapeCount + last)
        slots.append(offsets[Family.body2.rawValue] + ((titleCase ? 1 : 0) * shapeCount + shape(first)) * (classCount + 1) + next)
        let style = titleCase ? 1 : 0
        for index in 1..<k {
            let before = tokens[index - 1].shapeClass.rawValue, after = tokens[index + 1].shapeClass.rawValue
            slots.append(
                offsets[Family.headWord.rawValue] + ((style * (classCount + 1) + before) * shapeCount + shape(tokens[index])) * (classCount + 1) + after)
        }
        if let word = first.frequentWord { slots.append(offsets[Family.wordFirst.rawValue] + word) }
        if k + 1 < tokens.count, let word = tokens[k + 1].frequentWord { slots.append(offsets[Family.wordNext.rawValue] + word) }
        if let word = tokens[k - 1].frequentWord { slots.append(offsets[Family.wordLast.rawValue] + word) }
        for token in tokens[1..<k] { if let word = token.frequentWord { slots.append(offsets[Family.wordInside.rawValue] + word) } }
        if let syllable = tokens[k - 1].finalSyllable { slots.append(offsets[Family.syllableLast.rawValue] + syllable) }
        if let syllable = first.finalSyllable { slots.append(offsets[Family.syllableFirst.rawValue] + syllable) }
    }

    /// The slot a name from the weights file stands for, if it names one.
    private static let familiesByName = Dictionary(uniqueKeysWithValues: Family.allCases.map { ($0.name, $0) })
    private static let classesByCode = Dictionary(uniqueKeysWithValues: SplitToken.Shape.Class.allCases.map { ($0.code, $0.rawValue) })

    static func slot(named name: Substring) -> Int? {
        guard let colon = name.firstIndex(of: ":"), let family = familiesByName[String(name[..<colon])] else { return nil }
        if family.isSyllable {
            let syllable = name[name.index(after: colon)...]
            guard syllable.unicodeScalars.count == 1 else { return nil }
            return finalSyllableIndex[syllable.unicodeScalars.first!.value].map { offset(of: family) + $0 }
        }
        if family.isLexical {
            return frequentWordIndex[String(name[name.index(after: colon)...])].map { offset(of: family) + $0 }
        }
        let parts = name[name.index(after: colon)...].split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 3 || family == .head2 && parts.count == 2 else { return nil }
        func classIndex(_ code: Substring) -> Int? {
            code == "-" ? classCount : classesByCode[String(code)]
        }
        func shapeIndex(_ code: Substring) -> Int? {
            if code == "-" { return shapeCount }
            let end = SplitToken.Shape.End.allCases.first { !$0.code.isEmpty && code.hasSuffix($0.code) } ?? .plain
            guard let value = classIndex(code.dropLast(end.code.count)), value < classCount else { return nil }
            return value * endCount + end.rawValue
        }
        switch family {
        case .wordFirst, .wordNext, .wordInside, .wordLast, .syllableLast, .syllableFirst:
            return nil
        case .headWord:
            guard parts.count == 3, let styleEnd = parts[0].firstIndex(of: "/") else { return nil }
            let style = parts[0][..<styleEnd], beforeCode = parts[0][parts[0].index(after: styleEnd)...]
            guard ["title", "sentence"].contains(style), let before = classIndex(beforeCode), let word = shapeIndex(parts[1]), word < shapeCount,
                let after = classIndex(parts[2])
            else { return nil }
            return offset(of: .headWord) + (((style == "title" ? 1 : 0) * (classCount + 1) + before) * shapeCount + word) * (classCount + 1) + after
        case .end3:
            guard let last = shapeIndex(parts[0]), last < shapeCount, let first = classIndex(parts[1]), first < classCount,
                let next = classIndex(parts[2])
            else { return nil }
            return offset(of: .end3) + (last * classCount + first) * (classCount + 1) + next
        case .head2:
            guard let previous = shapeIndex(parts[0]), let last = shapeIndex(parts[1]), last < shapeCount else { return nil }
            return offset(of: .head2) + previous * shapeCount + last
        case .body2:
            guard ["title", "sentence"].contains(parts[0]), let first = shapeIndex(parts[1]), first < shapeCount,
                let next = classIndex(parts[2])
            else { return nil }
            return offset(of: .body2) + ((parts[0] == "title" ? 1 : 0) * shapeCount + first) * (classCount + 1) + next
        }
    }

    /// A slot's readable name, as the weights file spells it (`end3:C?|F|l`).
    static func name(of slot: Int) -> String {
        func shapeCode(_ shape: Int) -> String {
            guard shape < shapeCount else { return "-" }
            return SplitToken.Shape.Class.allCases[shape / endCount].code + SplitToken.Shape.End.allCases[shape % endCount].code
        }
        func classCode(_ value: Int) -> String { value < classCount ? SplitToken.Shape.Class.allCases[value].code : "-" }
        for family in Family.allCases.reversed() where slot >= offset(of: family) {
            let index = slot - offset(of: family)
            switch family {
            case .wordFirst, .wordNext, .wordInside, .wordLast:
                return "\(family.name):\(frequentWords[index])"
            case .syllableLast, .syllableFirst:
                return "\(family.name):\(finalSyllables[index])"
            case .headWord:
                let after = index % (classCount + 1), rest = index / (classCount + 1)
                let word = rest % shapeCount, styleBefore = rest / shapeCount
                let style = styleBefore / (classCount + 1) == 1 ? "title" : "sentence"
                return "headWord:\(style)/\(classCode(styleBefore % (classCount + 1)))|\(shapeCode(word))|\(classCode(after))"
            case .end3:
                let next = index % (classCount + 1), rest = index / (classCount + 1)
                return "end3:\(shapeCode(rest / classCount))|\(classCode(rest % classCount))|\(classCode(next))"
            case .head2:
                return "head2:\(shapeCode(index / shapeCount))|\(shapeCode(index % shapeCount))"
            case .body2:
                let next = index % (classCount + 1), rest = index / (classCount + 1)
                return "body2:\(rest / shapeCount == 1 ? "title" : "sentence")|\(shapeCode(rest % shapeCount))|\(classCode(next))"
            }
        }
        return "?"
    }
}
