/// Splits a run of text into sentences for Kobo's `koboSpan` markup: Latin, CJK and Korean
/// punctuation, with the usual exceptions (abbreviations, initials, decimals, times, URLs, ellipses
/// inside a sentence). Returns ranges of Unicode scalars without the white space around them: the
/// caller keeps that white space outside the spans, so stripping the spans gives back the exact text.
enum SentenceSegmenter {
    /// Sentence ranges over `scalars`, in order, never empty, never starting or ending with white space.
    static func sentences(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = skipSpace(scalars, from: 0)
        var index = start
        while index < scalars.count {
            let scalar = scalars[index]
            guard isTerminator(scalar) else {
                index += 1
                continue
            }
            // A run of terminators (`?!`, `...`, `……`) ends together, then its closing quotes and brackets.
            var end = index + 1
            while end < scalars.count, isTerminator(scalars[end]) { end += 1 }
            while end < scalars.count, isCloser(scalars[end]) { end += 1 }
            if endsSentence(scalars, terminators: index..<end) {
                result.append(start..<end)
                start = skipSpace(scalars, from: end)
                index = start
            } else {
                index = end
            }
        }
        var last = scalars.count
        while last > start, isSpace(scalars[last - 1]) { last -= 1 }
        if last > start { result.append(start..<last) }
        return result
    }

    /// Whether the terminators at `run` (with their closers) end the sentence.
    private static func endsSentence(_ scalars: [Unicode.Scalar], terminators run: Range<Int>) -> Bool {
        let first = scalars[run.lowerBound]
        let next = run.upperBound < scalars.count ? scalars[run.upperBound] : nil
        // Full-width CJK punctuation ends a sentence with or without a space after it.
        if isFullWidthTerminator(first) { return true }
        // Korean written without a space after the period (`했다.그리고`): a period between Hangul ends it.
        if first == ".", let next, isHangul(next), run.lowerBound > 0, isHangul(scalars[run.lowerBound - 1]) { return true }
        // Otherwise only before white space or the end: `3.5`, `01:36`, `example.com/a.b`, `e.g.x` stay whole.
        guard next == nil || isSpace(next!) else { return false }
        let following = nextWordStart(scalars, from: run.upperBound)
        let isEllipsis = first == "\u{2026}" || (first == "." && run.count >= 3 && scalars[run.lowerBound + 1] == ".")
        if isEllipsis || first == "." {
            // A lowercase word after it continues the sentence (`Well... maybe`, an unknown abbreviation).
            if let following, following.properties.isLowercase { return false }
        }
        guard first == ".", !isEllipsis else { return true }
        let written = wordBefore(scalars, period: run.lowerBound), word = written.lowercased()
        if written.count == 1, written.first!.isUppercase { return false }  // an initial: `J. R. R. Tolkien`
        if Self.titles.contains(word) { return false }
        // `No. 5` is a number, `the answer is no.` a sentence.
        if word == "no", let following, following.properties.numericType != nil { return false }
        return true
    }

    /// Abbreviations that a name or a phrase always follows, lowercased, inner periods kept.
    private static let titles: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "mt", "vs", "e.g", "i.e", "cf", "jr", "sr", "u.s", "u.k", "fig", "approx", "ca",
    ]

    /// The letters (and inner periods) before a period: `U.S` for `U.S.`, `Dr` for `Dr.`.
    private static func wordBefore(_ scalars: [Unicode.Scalar], period: Int) -> String {
        var start = period
        while start > 0, scalars[start - 1].properties.isAlphabetic || (scalars[start - 1] == "." && start - 1 > 0) {
            start -= 1
        }
        var word = String.UnicodeScalarView()
        word.append(contentsOf: scalars[start..<period])
        return String(word)
    }

    private static func nextWordStart(_ scalars: [Unicode.Scalar], from index: Int) -> Unicode.Scalar? {
        var position = index
        while position < scalars.count, isSpace(scalars[position]) || isOpener(scalars[position]) { position += 1 }
        return position < scalars.count ? scalars[position] : nil
    }

    private static func skipSpace(_ scalars: [Unicode.Scalar], from index: Int) -> Int {
        var position = index
        while position < scalars.count, isSpace(scalars[position]) { position += 1 }
        return position
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\n", "\r", "\u{A0}", "\u{3000}": true
        default: scalar.properties.isWhitespace
        }
    }

    private static func isTerminator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", "!", "?", "\u{2026}", "\u{203C}", "\u{2047}", "\u{2048}", "\u{2049}": true
        default: isFullWidthTerminator(scalar)
        }
    }

    /// 。！？； and the half-width ideographic full stop.
    private static func isFullWidthTerminator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\u{3002}", "\u{FF01}", "\u{FF1F}", "\u{FF1B}", "\u{FF61}": true
        default: false
        }
    }

    /// Closing quotes and brackets that belong to the sentence they follow: " ' ” ’ » 」 』 ） ) ] 】 》 〉.
    private static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "'", "\u{201D}", "\u{2019}", "\u{00BB}", "\u{300D}", "\u{300F}", "\u{FF09}", ")", "]", "\u{3011}", "\u{300B}", "\u{3009}", "\u{FF3D}": true
        default: false
        }
    }

    private static func isOpener(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "'", "\u{201C}", "\u{2018}", "\u{00AB}", "\u{300C}", "\u{300E}", "\u{FF08}", "(", "[", "\u{3010}", "\u{300A}", "\u{3008}": true
        default: false
        }
    }

    private static func isHangul(_ scalar: Unicode.Scalar) -> Bool {
        (0xAC00...0xD7A3).contains(scalar.value)
    }
}
