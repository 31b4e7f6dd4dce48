import QuireCore

/// BCP 47 language tags as EPUB wants them in `dc:language`, `lang` and `xml:lang`.
enum LanguageTag {
    /// Letters and digits in hyphen-separated parts of one to eight, the first all letters: the
    /// shape every valid tag has (`en`, `zh-Hans`, `ko-KR`). `C`, `POSIX` and locale names with
    /// `_` or `.` (`en_US.UTF-8`) do not pass.
    static func isWellFormed(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.count), first.unicodeScalars.allSatisfy(isLetter),
            first.lowercased() != "c", first.lowercased() != "posix"
        else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.unicodeScalars.allSatisfy { isLetter($0) || ("0"..."9").contains($0) }
        }
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }

    /// Episodes whose titles and summaries are a language guess's sample.
    static let detectionSample = 50

    /// The book's language: the `language` option, else the most frequent episode language (the
    /// earliest on a tie), else one guessed from the titles, else `und` (undetermined), never empty.
    static func book(for collection: EpisodeCollection, option: String?) -> String {
        if let option { return option }
        var counts: [String: Int] = [:]
        var first: [String: Int] = [:]
        for (index, episode) in collection.episodes.enumerated() {
            guard let language = episode.language, isWellFormed(language) else { continue }
            counts[language, default: 0] += 1
            if first[language] == nil { first[language] = index }
        }
        if let best = counts.max(by: { ($0.value, -first[$0.key]!) < ($1.value, -first[$1.key]!) }) { return best.key }
        var sample = collection.title ?? ""
        for episode in collection.episodes.prefix(detectionSample) { sample += "\n" + episode.title + "\n" + episode.summary }
        return LanguageDetector.detect(sample) ?? "und"
    }
}
