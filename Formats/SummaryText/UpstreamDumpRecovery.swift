import QuireCore

/// Finds serialized data that leaked into an episode's quotes upstream (a Python/JSON dump of the
/// episode's own chapter records) and recovers from it what the episode lost: the bodies and quotes of
/// chapters that were left with a heading only. The dump itself is kept where it was.
///
/// The records look like `{'start': 72.0, 'summary': "…", 'quotes': ['…', [1, 36], …]}`, in either
/// quote style, often broken into fragments; recovery reads them tolerantly and only fills chapters
/// whose start matches a record's start exactly.
enum UpstreamDumpRecovery {
    struct Report {
        /// Index of the chapter whose quotes hold the dump.
        var chapter: Int
        var dumpCharacters: Int
        var recovered: [Int]
    }

    /// Marks of serialized records: keys in either quote style, and runs of closing brackets.
    private static let structuralMarks: [StaticString] = [
        "'start':", "\"start\":", "'summary':", "\"summary\":", "'quotes':", "\"quotes\":", "title\":", "]}", "}, {",
    ]

    static func isDumpFragment(_ text: String) -> Bool {
        // Every mark below holds a colon or a bracket; most quotes have neither.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "]") || $0 == UInt8(ascii: "}") }) else { return false }
        let marks = structuralMarks.reduce(0) { $0 + text[...].occurrences(of: $1, limit: 3) }
        if marks >= 2 { return true }
        // Bare punctuation left between records: "] }, {".
        return text.count >= 3 && text.allSatisfy { "[]{},: \"'\n".contains($0) } && text.contains(where: { "{}[]".contains($0) })
    }

    /// Repairs `episode` in place; returns what it found, or `nil` when no chapter carries a dump.
    static func repair(_ episode: inout Episode) -> Report? {
        guard let dumpChapter = episode.chapters.firstIndex(where: { $0.quotes.contains { isDumpFragment($0.text) } }) else { return nil }
        let fragments = episode.chapters[dumpChapter].quotes.filter { isDumpFragment($0.text) }
        let dump = fragments.map(\.text).joined(separator: " ")
        let records = DumpRecord.scan(dump)
        var recovered: [Int] = []
        for index in episode.chapters.indices where index != dumpChapter {
            let chapter = episode.chapters[index]
            guard chapter.body.isEmpty, chapter.quotes.isEmpty, let start = chapter.start,
                let record = records.first(where: { $0.start == start }), !record.summary.isEmpty || !record.quotes.isEmpty
            else { continue }
            episode.chapters[index].body = record.summary
            episode.chapters[index].quotes = record.quotes
            episode.chapters[index].isRecovered = true
            recovered.append(index)
        }
        return Report(chapter: dumpChapter, dumpCharacters: dump.count, recovered: recovered)
    }
}

/// One chapter record read out of a dump.
private struct DumpRecord {
    var start: Int
    var summary: String
    var quotes: [Quote]

    /// Splits the dump at each `start` key and reads the summary and quotes that follow it.
    static func scan(_ dump: String) -> [DumpRecord] {
        let text = Substring(dump)
        var starts: [(Range<String.Index>, Int)] = []
        var searchFrom = text.startIndex
        while let key = text[searchFrom...].firstRange(ofASCII: "start") {
            searchFrom = key.upperBound
            var cursor = text[key.upperBound...].drop { "'\": ".contains($0) }
            let number = cursor.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, let seconds = Double(number), seconds >= 0, seconds < 1e7, seconds == seconds.rounded() else { continue }
            cursor = cursor.dropFirst(number.count)
            starts.append((key.lowerBound..<cursor.startIndex, Int(seconds)))
        }
        return starts.enumerated().map { offset, entry in
            let end = offset + 1 < starts.count ? starts[offset + 1].0.lowerBound : text.endIndex
            let region = text[entry.0.upperBound..<end]
            return DumpRecord(start: entry.1, summary: summary(in: region), quotes: quotes(in: region))
        }
    }

    /// What follows `key` and its closing quote and colon: the start of its value.
    private static func value(of key: StaticString, in region: Substring) -> Substring? {
        guard let range = region.firstRange(ofASCII: key) else { return nil }
        var after = region[range.upperBound...]
        if let quote = after.first, quote == "'" || quote == "\"" { after = after.dropFirst() }
        after = after.drop { $0 == " " }
        guard after.first == ":" else { return nil }
        return after.dropFirst().drop { $0 == " " }
    }

    /// The text after the `summary` key up to the `quotes` key, its string fragments joined again.
    private static func summary(in region: Substring) -> String {
        guard let after = value(of: "summary", in: region) else { return "" }
        let end = after.firstRange(ofASCII: "quotes")?.lowerBound ?? after.endIndex
        let fragments = stringLiterals(in: after[..<end]).map { Substring($0).trimmingCharacters(",\"' ") }.filter { fragment in
            fragment.contains(where: \.isLetter) && !fragment.hasSuffix(":") && fragment != "summary"
        }
        return fragments.joined(separator: ", ")
    }

    /// Strings directly followed by a `[minutes, seconds]` pair, from the `quotes` key on. Records
    /// always pair a quote with its time; a string without one is a fragment of something else.
    private static func quotes(in region: Substring) -> [Quote] {
        guard var cursor = value(of: "quotes", in: region) else { return [] }
        var quotes: [Quote] = []
        var previous: String?
        var unclosed: Set<UInt8> = []
        while let token = nextToken(in: &cursor, unclosed: &unclosed) {
            switch token {
            case .string(let text):
                previous = text
            case .time(let seconds):
                if let text = previous, Self.isQuoteText(text) { quotes.append(Quote(text: text, time: seconds)) }
                previous = nil
            }
        }
        return quotes
    }

    private static func isQuoteText(_ text: String) -> Bool {
        text.count >= 12 && !text.contains("\n") && !text.contains("\":") && !text.contains("':") && text.contains(" ")
    }

    private enum Token {
        case string(String)
        case time(Int)
    }

    /// The next string literal or `[m, s]` pair, skipping everything else. A quote character that
    /// opened no literal once (nothing closes it) is skipped from then on, keeping the scan linear.
    private static func nextToken(in cursor: inout Substring, unclosed: inout Set<UInt8>) -> Token? {
        // Every byte that starts a token is ASCII, so the scan works on UTF-8 bytes.
        let utf8 = cursor.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if (byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"")) && !unclosed.contains(byte) {
                if let (text, rest) = literal(cursor[index...]) {
                    cursor = rest
                    return .string(text)
                }
                unclosed.insert(byte)
            } else if byte == UInt8(ascii: "[") {
                let open = utf8.index(after: index)
                let close = utf8[open...].firstIndex { $0 == UInt8(ascii: "]") || $0 == UInt8(ascii: "[") } ?? utf8.endIndex
                if close < utf8.endIndex, utf8[close] == UInt8(ascii: "]") {
                    let parts = cursor[open..<close].split(separator: ",").map { $0.trimmingWhitespace() }
                    if parts.count == 2, let minutes = Int(parts[0]), let seconds = Int(parts[1]), (0...60_000).contains(minutes), (0..<60).contains(seconds) {
                        cursor = cursor[utf8.index(after: close)...]
                        return .time(minutes * 60 + seconds)
                    }
                }
            }
            index = utf8.index(after: index)
        }
        cursor = cursor[cursor.endIndex...]
        return nil
    }

    private static func stringLiterals(in text: Substring) -> [String] {
        var cursor = text
        var result: [String] = []
        var unclosed: Set<UInt8> = []
        while let token = nextToken(in: &cursor, unclosed: &unclosed) {
            if case .string(let text) = token { result.append(text) }
        }
        return result
    }

    /// A Python- or JSON-style literal at the start of `text`: its value and what follows it. Scans
    /// UTF-8 bytes: quotes and backslashes are ASCII, so they never fall inside a character.
    private static func literal(_ text: Substring) -> (String, Substring)? {
        let utf8 = text.utf8
        guard let quote = utf8.first else { return nil }
        var value: [UInt8] = []
        var index = utf8.index(after: utf8.startIndex)
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "\\") {
                let next = utf8.index(after: index)
                guard next < utf8.endIndex else { return nil }
                switch utf8[next] {
                case UInt8(ascii: "n"): value.append(0x0A)
                case UInt8(ascii: "t"): value.append(0x09)
                default: value.append(utf8[next])
                }
                index = utf8.index(after: next)
                continue
            }
            if byte == quote { return (String(decoding: value, as: UTF8.self), text[utf8.index(after: index)...]) }
            value.append(byte)
            index = utf8.index(after: index)
        }
        return nil
    }
}

extension Substring {
    /// The text without any of `characters` at either end.
    fileprivate func trimmingCharacters(_ characters: String) -> String {
        let trimmed = drop { characters.contains($0) }
        return String(trimmed.reversed().drop { characters.contains($0) }.reversed())
    }
}

extension Substring {
    /// How often `needle` occurs, counting no further than `limit`.
    func occurrences(of needle: StaticString, limit: Int) -> Int {
        var count = 0
        var searchFrom = startIndex
        while count < limit, let range = self[searchFrom...].firstRange(ofASCII: needle) {
            count += 1
            searchFrom = range.upperBound
        }
        return count
    }
}
