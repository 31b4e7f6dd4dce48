import QuireCore

/// Builds random models from a seed, for round-trip properties. Text mixes scripts (CJK, Hangul,
/// right-to-left, emoji), Markdown-looking characters (`#`, `>`, `*`, `[`, `---`, `\`) and, when asked,
/// control characters and very long or empty fields.
public struct ModelGenerator {
    public struct Options: Sendable {
        /// Control characters, tabs and lone carriage returns inside text.
        public var controlCharacters = false
        /// Leading and trailing white space and stray blank lines in text.
        public var untrimmedText = false
        /// Fields of several thousand characters.
        public var longFields = true

        public init(controlCharacters: Bool = false, untrimmedText: Bool = false, longFields: Bool = true) {
            self.controlCharacters = controlCharacters
            self.untrimmedText = untrimmedText
            self.longFields = longFields
        }
    }

    private var random: SeededRandom
    private let options: Options

    public init(seed: UInt64, options: Options = Options()) {
        random = SeededRandom(state: seed &+ 0x9E37_79B9_7F4A_7C15)
        self.options = options
    }

    private mutating func int(_ range: ClosedRange<Int>) -> Int { random.int(range) }
    private mutating func chance(_ percent: Int) -> Bool { random.chance(percent) }
    private mutating func pick<T>(_ items: [T]) -> T { random.pick(items) }

    private static let words = [
        "podcast", "Model", "世界模型", "학습", "의", "数据", "שלום", "مرحبا", "🎙️", "emoji👩‍💻", "naïve", "Ñandú", "C++", "#hash",
        "> not-a-quote", "*star*", "**bold**", "_under_", "`code`", "[link](https://example.org/a?b=1&c=2)", "\\back\\slash",
        "---", "- item", "1.", "[01:36]", "[2, 43]", "## [00:00]", "a:b", "\"quoted\"", "“curly”", "'single'", "<tag>", "&amp;",
        "|pipe|", "x", "The", "And", "The Long Name", "モデル", "データ", "ok.", "done!", "why?", "—", "–", "…", "\u{200B}",
    ]

    private mutating func line(maxWords: Int = 12) -> String {
        var words: [String] = []
        let count = options.longFields && chance(3) ? int(300...900) : int(1...maxWords)
        for _ in 0..<count { words.append(pick(Self.words)) }
        var text = words.joined(separator: " ")
        if options.controlCharacters && chance(20) { text.insert(pick(["\u{07}", "\t", "\u{1F}", "\u{7F}"]), at: text.startIndex) }
        if options.untrimmedText && chance(20) { text = "  " + text + " " }
        return text
    }

    private mutating func paragraphs(maxParagraphs: Int = 3) -> String {
        var parts: [String] = []
        for _ in 0..<int(0...maxParagraphs) {
            var paragraph = line()
            if chance(30) { paragraph += "\n" + line() }
            parts.append(paragraph)
        }
        var text = parts.joined(separator: "\n\n")
        if options.untrimmedText && chance(10) { text += "\n\n\n" }
        return text
    }

    /// Text that stays on one line (titles, names, quotes).
    private mutating func singleLine(maxWords: Int = 8) -> String {
        var text = line(maxWords: maxWords)
        if text.isEmpty { text = "x" }
        return text
    }

    public mutating func collection() -> EpisodeCollection {
        var channels: [Channel] = []
        for index in 0..<int(0...2) {
            channels.append(
                Channel(
                    title: "Channel \(index) " + singleLine(maxWords: 3), feedURL: chance(70) ? "https://example.org/\(index)/feed.xml" : nil,
                    siteURL: chance(50) ? "https://example.org/\(index)" : nil, description: chance(50) ? paragraphs(maxParagraphs: 2) : nil,
                    image: chance(30) ? "https://example.org/\(index)/art.png" : nil, author: chance(30) ? singleLine(maxWords: 3) : nil,
                    categories: chance(30) ? (0..<int(1...3)).map { _ in pick(["Science", "Arts/Food", "News", "Society & Culture/History", "기술"]) } : []))
        }
        var episodes: [Episode] = []
        for _ in 0..<int(0...4) {
            episodes.append(episode(channels: channels))
        }
        // Channels in the order their first episodes appear, as every episode-ordered format lists them.
        var used: [String] = []
        for name in episodes.compactMap(\.channel) where !used.contains(name) { used.append(name) }
        return EpisodeCollection(
            title: chance(50) ? singleLine() : nil, preamble: (0..<int(0...2)).map { _ in singleLine() },
            channels: used.compactMap { name in channels.first { $0.title == name } }, episodes: episodes)
    }

    private mutating func episode(channels: [Channel]) -> Episode {
        var chapters: [Chapter] = []
        var start = 0
        let untimed = chance(10)
        for _ in 0..<int(0...(chance(10) ? 30 : 6)) {
            start += int(1...900)
            chapters.append(
                Chapter(
                    start: untimed ? nil : start, title: singleLine(), body: chance(15) ? "" : paragraphs(),
                    quotes: (0..<int(0...3)).map { _ in Quote(text: singleLine(), time: chance(60) ? int(0...20_000) : nil) },
                    isRecovered: chance(5)))
        }
        return Episode(
            title: singleLine(), channel: channels.isEmpty || chance(20) ? nil : pick(channels).title,
            language: chance(10) ? nil : pick(["en", "zh", "ko", "ja", "es", "he", "ar"]), summary: chance(10) ? "" : paragraphs(),
            chapters: chapters,
            entities: (0..<int(0...5)).map { _ in
                Entity(
                    name: singleLine(maxWords: 3), type: chance(20) ? "" : pick(["Person", "인물", "概念", "ai-model", "organization"]),
                    description: chance(20) ? "" : singleLine(), role: chance(15) ? pick(["host", "guest", "Cover Art Designer"]) : nil,
                    url: chance(10) ? "https://example.org/p/\(int(1...99))" : nil)
            },
            metadata: EpisodeMetadata(
                url: chance(50) ? "https://example.org/e/\(int(1...999))" : nil, published: chance(50) ? "2026-0\(int(1...9))-1\(int(0...9))" : nil,
                duration: chance(40) ? int(60...20_000) : nil, guid: chance(40) ? "guid-\(int(1...99_999))" : nil,
                enclosure: chance(40)
                    ? Enclosure(
                        url: "https://cdn.example.org/\(int(1...999)).mp3", mediaType: chance(80) ? "audio/mpeg" : nil,
                        length: chance(70) ? int(1...900_000_000) : nil) : nil,
                image: chance(20) ? "https://example.org/e/\(int(1...99)).jpg" : nil, season: chance(20) ? int(1...12) : nil,
                number: chance(30) ? int(1...500) : nil, explicit: chance(30) ? chance(50) : nil,
                chaptersLink: chance(15) ? MediaLink(url: "https://example.org/c/\(int(1...99)).json", mediaType: "application/json+chapters") : nil,
                transcriptLinks: chance(20)
                    ? [
                        MediaLink(
                            url: "https://example.org/t/\(int(1...99)).vtt", mediaType: "text/vtt", language: chance(50) ? "en" : nil,
                            rel: chance(50) ? "captions" : nil)
                    ]
                    : [],
                extra: chance(30) ? [MetadataField(key: "guest", value: singleLine(maxWords: 3))] : []),
            transcript: chance(20) ? transcript() : nil)
    }

    private mutating func transcript() -> Transcript {
        var segments: [TranscriptSegment] = []
        var time = int(0...5_000)
        for _ in 0..<int(1...8) {
            let length = int(200...20_000)
            segments.append(
                TranscriptSegment(
                    start: time, end: chance(85) ? time + length : nil, speaker: chance(60) ? pick(["Ada", "Grace Hopper", "주인", "主持人"]) : nil,
                    text: chance(20) ? singleLine() + "\n" + singleLine() : singleLine()))
            time += length + int(0...2_000)
        }
        return Transcript(segments: segments)
    }
}
