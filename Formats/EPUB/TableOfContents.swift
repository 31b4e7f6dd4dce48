import QuireCore
import QuireXHTML

/// What the table of contents reads of the episodes, in reading order, compactly: a book of 20,000
/// episodes and 236,000 chapters keeps its chapter titles in one byte array, not as a tree of strings.
struct ContentsOutline {
    private struct EpisodeEntry {
        var title: String
        var channel: String?
        /// One past the index of its last chapter in the chapter arrays.
        var chapterEnd: Int
    }

    /// Marks a chapter without a start time in `chapterStarts`.
    private static let noStart = Int.min

    private var episodes: [EpisodeEntry] = []
    private var chapterStarts: [Int] = []
    /// Chapter titles as navigation labels (`TableOfContents.label`), empty for an untitled chapter,
    /// one after the other.
    private var chapterTitleBytes: [UInt8] = []
    private var chapterTitleEnds: [Int] = []

    init() {}

    init(collection: EpisodeCollection, readingOrder: [Int]) {
        for index in readingOrder { append(collection.episodes[index]) }
    }

    var count: Int { episodes.count }
    var hasChapters: Bool { !chapterStarts.isEmpty }

    mutating func append(_ episode: Episode) {
        for chapter in episode.chapters {
            chapterStarts.append(chapter.start ?? Self.noStart)
            chapterTitleBytes.append(contentsOf: TableOfContents.label(chapter.title, fallback: "").utf8)
            chapterTitleEnds.append(chapterTitleBytes.count)
        }
        episodes.append(EpisodeEntry(title: episode.title, channel: episode.channel, chapterEnd: chapterStarts.count))
    }

    func title(_ position: Int) -> String { episodes[position].title }
    func channel(_ position: Int) -> String? { episodes[position].channel }

    /// Indices of the episode's chapters, for `chapter(_:)`.
    func chapters(_ position: Int) -> Range<Int> {
        (position == 0 ? 0 : episodes[position - 1].chapterEnd)..<episodes[position].chapterEnd
    }

    /// A chapter's start and its label, empty when it has no title.
    func chapter(_ index: Int) -> (start: Int?, label: String) {
        let titleStart = index == 0 ? 0 : chapterTitleEnds[index - 1]
        let label = String(decoding: chapterTitleBytes[titleStart..<chapterTitleEnds[index]], as: UTF8.self)
        return (chapterStarts[index] == Self.noStart ? nil : chapterStarts[index], label)
    }
}

/// The book's table of contents, from which both the EPUB 3 navigation document and the EPUB 2 NCX
/// are written, so the two always agree: channel → episode → chapter with `--group-by channel`, else
/// episode → chapter; the title page (and overview) first and the entity index last.
///
/// It is walked, not built: entries are made one at a time as the documents are written.
struct TableOfContents {
    struct Entry {
        var label: String
        /// Relative to the package document.
        var href: String
    }

    var outline: ContentsOutline
    var groupByChannel: Bool
    var hasIndex: Bool
    var hasOverview: Bool
    var labels: BookLabels

    /// Visits every entry in document order: `enter` with whether children follow, `leave` after them.
    func walk(enter: (Entry, _ hasChildren: Bool) throws -> Void, leave: (_ hadChildren: Bool) throws -> Void) throws {
        func leaf(_ entry: Entry) throws {
            try enter(entry, false)
            try leave(false)
        }
        try leaf(Entry(label: labels.titlePage, href: PackageLayout.titlePage.href))
        if hasOverview { try leaf(Entry(label: labels.overview, href: PackageLayout.overview.href)) }
        var isInChannel = false
        for position in 0..<outline.count {
            let href = PackageLayout.episode(position).href
            if groupByChannel && (position == 0 || outline.channel(position) != outline.channel(position - 1)) {
                if isInChannel { try leave(true) }
                // A heading entry links to its first episode: NCX readers need a target for every point.
                try enter(Entry(label: Self.label(outline.channel(position) ?? "", fallback: labels.otherEpisodes), href: href), true)
                isInChannel = true
            }
            let chapters = outline.chapters(position)
            try enter(Entry(label: Self.label(outline.title(position), fallback: labels.episode(position + 1)), href: href), !chapters.isEmpty)
            for (number, index) in chapters.enumerated() {
                let chapter = outline.chapter(index)
                let title = chapter.label.isEmpty ? labels.chapter(number + 1) : chapter.label
                let text = chapter.start.map { Timestamp.string(fromSeconds: $0) + " " + title } ?? title
                try leaf(Entry(label: text, href: href + "#" + EpisodeArticle.chapterID(idPrefix: EPUBWriter.idPrefix, index: number)))
            }
            try leave(!chapters.isEmpty)
        }
        if isInChannel { try leave(true) }
        if hasIndex { try leaf(Entry(label: labels.index, href: PackageLayout.entityIndex.href)) }
    }

    /// Levels of the tree.
    var depth: Int {
        guard outline.count > 0 else { return 1 }
        return 1 + (groupByChannel ? 1 : 0) + (outline.hasChapters ? 1 : 0)
    }

    /// Navigation labels must not be empty; white space in them is collapsed.
    static func label(_ text: String, fallback: String) -> String {
        if isTidy(text) { return text }
        let words = text.split(whereSeparator: { $0.isWhitespace || $0.unicodeScalars.first.map { $0.value < 0x20 } == true })
        return words.isEmpty ? fallback : words.joined(separator: " ")
    }

    /// Non-empty, single spaces between words, no control characters and no byte that could start a
    /// non-ASCII space: the usual title, checked on its bytes without splitting it into characters.
    private static func isTidy(_ text: String) -> Bool {
        var previous: UInt8 = 0x20
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3 || (byte == 0x20 && previous == 0x20) {
                return false
            }
            previous = byte
        }
        return previous != 0x20
    }
}
