/// Finds where a run-in chapter heading ends and its body begins, for the page form, where the two are
/// joined by a single space (`## [01:36] Why World Models Jacob 先问…`).
///
/// Three parts, each in its own file: the candidate boundaries (every space between words, up to
/// `maximumHeadingWords` in), their features (`SplitFeatures.swift`, with the episode's own evidence
/// from `EpisodeEvidence.swift`), and the learned model that weighs them (`HeadingModel.swift`). The
/// conventions it is trained to follow are in docs/heading-guideline.md.
struct HeadingSplitter {
    struct Split {
        var heading: Substring
        var body: Substring
        /// The model's probability for the chosen boundary among all candidates.
        var probability: Double
        /// The next best heading, when there was another candidate.
        var runnerUp: Substring?
        var runnerUpProbability: Double
    }

    /// The longest heading considered, in words (the longest seen in any corpus has 17).
    static let maximumHeadingWords = 20
    /// Words read past the last candidate boundary, so that the last candidates see their body's first sentence.
    static let bodyLookahead = 24
    /// Below this probability a split is reported as uncertain (a reporting threshold, not a tuned one).
    static let uncertainProbability = 0.75

    let evidence: EpisodeEvidence
    let model: HeadingModel

    init(evidence: EpisodeEvidence, model: HeadingModel = .trained) {
        self.evidence = evidence
        self.model = model
    }

    /// The candidate boundaries of `text` with their features; `nil` when the text is a heading on its own.
    struct Candidates {
        var tokens: [SplitToken]
        /// `features[k - 1]` describes the boundary before word `k`.
        var features: [CandidateFeatures]

        func heading(_ k: Int, in text: Substring) -> Substring { HeadingSplitter.heading(k, of: tokens, in: text) }
    }

    /// The heading of the first `k` words of `tokens`, as `text` spells it.
    static func heading(_ k: Int, of tokens: [SplitToken], in text: Substring) -> Substring {
        text[tokens[0].text.startIndex..<tokens[k - 1].text.endIndex]
    }

    func candidates(_ text: Substring) -> Candidates? {
        guard let extractor = extractor(text) else { return nil }
        return Candidates(tokens: extractor.tokens, features: extractor.boundaries.map(extractor.features))
    }

    /// The features of `text`'s candidate boundaries; `nil` when the text is a heading on its own.
    private func extractor(_ text: Substring) -> SplitFeatureExtractor? {
        let tokens = Self.tokens(of: text)
        // A body is prose and ends its sentences; text with no sentence end is a heading on its own
        // (the trailing heading-only chapters of a page).
        guard tokens.count > 1, Self.hasSentenceEnd(text) else { return nil }
        return SplitFeatureExtractor(tokens: tokens, evidence: evidence)
    }

    func split(_ text: Substring) -> Split {
        guard let extractor = extractor(text) else {
            return Split(heading: Substring(text.trimmingWhitespace()), body: text[text.endIndex...], probability: 1, runnerUp: nil, runnerUpProbability: 0)
        }
        let tokens = extractor.tokens
        // One buffer for every candidate's features: only their scores are kept.
        var features = CandidateFeatures()
        let scores = extractor.boundaries.map { k in
            extractor.write(k, into: &features)
            return model.score(features, language: evidence.language)
        }
        // Equal scores go to the longer heading: its words are all phrase-like up to its end.
        var best = 0, second: Int?
        for index in scores.indices.dropFirst() {
            if scores[index] >= scores[best] {
                second = best
                best = index
            } else if second.map({ scores[index] >= scores[$0] }) ?? true {
                second = index
            }
        }
        let top = scores[best]
        let total = scores.reduce(0.0) { $0 + Self.exp($1 - top) }
        let k = best + 1
        return Split(
            heading: Self.heading(k, of: tokens, in: text),
            body: text[tokens[k].text.startIndex...],
            probability: 1 / total,
            runnerUp: second.map { Self.heading($0 + 1, of: tokens, in: text) },
            runnerUpProbability: second.map { Self.exp(scores[$0] - top) / total } ?? 0)
    }

    /// The first words of `text`: enough for every candidate and a look into its body.
    static func tokens(of text: Substring) -> [SplitToken] {
        var tokens: [SplitToken] = []
        var limit = maximumHeadingWords + bodyLookahead
        tokens.reserveCapacity(limit)
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while tokens.count < limit {
            guard let start = scalars[index...].firstIndex(where: { !isWhitespace($0) }) else { break }
            let end = scalars[start...].firstIndex(where: isWhitespace) ?? scalars.endIndex
            let token = SplitToken(text[start..<end])
            // Past the first sentence end, a few words are enough: a heading holding it loses anyway.
            if token.endsSentence { limit = min(limit, max(maximumHeadingWords + 2, tokens.count + 4)) }
            tokens.append(token)
            index = end
        }
        return tokens
    }

    /// Whether the text ends any sentence. No heading runs to 400 bytes, so a longer text is prose.
    static func hasSentenceEnd(_ text: Substring) -> Bool {
        text.utf8.count > 400 || text.unicodeScalars.contains { ".!?。！？…".unicodeScalars.contains($0) }
    }

    /// White space, with a fast path for ASCII (Unicode property look-ups dominate otherwise).
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" : scalar.properties.isWhitespace
    }

    /// e^x for x ≤ 0, without Foundation: scores are small, so a few terms of the series after
    /// halving suffice for a probability to report.
    static func exp(_ x: Double) -> Double {
        guard x > -40 else { return 0 }
        var y = x / 64, term = 1.0, sum = 1.0
        for n in 1...8 {
            term *= y / Double(n)
            sum += term
        }
        for _ in 0..<6 { sum *= sum }
        y = sum
        return y
    }
}
