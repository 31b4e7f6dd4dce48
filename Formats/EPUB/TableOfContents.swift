import QuireCore

/// The book's table of contents as a tree, from which both the EPUB 3 navigation document and the
/// EPUB 2 NCX are written, so the two always agree.
struct TableOfContents {
    struct Entry {
        var label: String
        /// Relative to the package document; `nil` for a heading that only groups (a channel).
        var href: String?
        var children: [Entry] = []
    }

    var entries: [Entry]

    /// Channel → episode → chapter with `--group-by channel`, else episode → chapter; the title page
    /// first and the entity index last.
    static func build(
        collection: EpisodeCollection, readingOrder: [Int], groupByChannel: Bool, hasIndex: Bool, hasOverview: Bool = false, labels: BookLabels,
        chapterAnchor: (_ position: Int, _ chapter: Int) -> String
    ) -> TableOfContents {
        var entries = [Entry(label: labels.titlePage, href: PackageLayout.titlePage.href)]
        if hasOverview { entries.append(Entry(label: labels.overview, href: PackageLayout.overview.href)) }
        var currentChannel: String?? = .none
        for (position, index) in readingOrder.enumerated() {
            let episode = collection.episodes[index]
            let href = PackageLayout.episode(position).href
            var entry = Entry(label: label(episode.title, fallback: labels.episode(position + 1)), href: href)
            for (number, chapter) in episode.chapters.enumerated() {
                let title = label(chapter.title, fallback: labels.chapter(number + 1))
                let text = chapter.start.map { Timestamp.string(fromSeconds: $0) + " " + title } ?? title
                entry.children.append(Entry(label: text, href: href + "#" + chapterAnchor(position, number)))
            }
            guard groupByChannel else {
                entries.append(entry)
                continue
            }
            if currentChannel != .some(episode.channel) {
                currentChannel = .some(episode.channel)
                // A heading entry links to its first episode: NCX readers need a target for every point.
                entries.append(Entry(label: label(episode.channel ?? "", fallback: labels.otherEpisodes), href: href))
            }
            entries[entries.count - 1].children.append(entry)
        }
        if hasIndex { entries.append(Entry(label: labels.index, href: PackageLayout.entityIndex.href)) }
        return TableOfContents(entries: entries)
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

    var depth: Int {
        func depth(_ entries: [Entry]) -> Int { entries.map { 1 + depth($0.children) }.max() ?? 0 }
        return depth(entries)
    }
}
