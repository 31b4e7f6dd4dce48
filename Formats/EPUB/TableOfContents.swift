import QuireCore
import QuireXHTML

/// What the table of contents reads of the episodes, in reading order, compactly: per episode its
/// title, channel and chapter count; the chapters (start and label) as records one after the other,
/// in a byte array or, for the stream writer, a scratch file, read back in order when the contents
/// are written. A book of 20,000 episodes and 236,000 chapters keeps only the first part in memory.
struct ContentsOutline {
    private struct EpisodeEntry {
        var title: String
        var channel: String?
        var chapterCount: Int
        var hasTranscript: Bool
    }

    /// A chapter record: its start (`noStart` when it has none) and its label's length, 8 bytes each,
    /// little-endian, then the label's UTF-8: `TableOfContents.label` of its title, empty when untitled.
    private static let noStart = Int64.min
    fileprivate static let recordHeaderSize = 16

    private var episodes: [EpisodeEntry] = []
    private var records: [UInt8] = []
    private let spool: SpoolFile?
    /// Some episode has chapters or a transcript: the contents have a level below the episodes.
    private(set) var hasEpisodeParts = false

    /// An outline holding its chapters in `spool` when given, else in memory.
    init(spool: SpoolFile? = nil) { self.spool = spool }

    init(collection: EpisodeCollection, readingOrder: [Int]) {
        spool = nil
        for index in readingOrder {
            let episode = collection.episodes[index]
            records.append(contentsOf: Self.records(of: episode))
            list(episode)
        }
    }

    var count: Int { episodes.count }

    /// Appends an episode; a spooled outline throws when its scratch file cannot be written.
    mutating func append(_ episode: Episode) throws(FileIO.Failure) {
        let bytes = Self.records(of: episode)
        if let spool { try spool.write(bytes) } else { records.append(contentsOf: bytes) }
        list(episode)
    }

    private mutating func list(_ episode: Episode) {
        hasEpisodeParts = hasEpisodeParts || !episode.chapters.isEmpty || episode.transcript != nil
        episodes.append(
            EpisodeEntry(title: episode.title, channel: episode.channel, chapterCount: episode.chapters.count, hasTranscript: episode.transcript != nil))
    }

    private static func records(of episode: Episode) -> [UInt8] {
        var bytes: [UInt8] = []
        for chapter in episode.chapters {
            let label = TableOfContents.label(chapter.title, fallback: "")
            for value in [chapter.start.map(Int64.init) ?? noStart, Int64(label.utf8.count)] {
                withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
            }
            bytes.append(contentsOf: label.utf8)
        }
        return bytes
    }

    func title(_ position: Int) -> String { episodes[position].title }
    func channel(_ position: Int) -> String? { episodes[position].channel }
    func chapterCount(_ position: Int) -> Int { episodes[position].chapterCount }
    func hasTranscript(_ position: Int) -> Bool { episodes[position].hasTranscript }

    /// Reads the chapters from the first, in order.
    func chapterReader() throws -> ChapterReader {
        if let spool { return ChapterReader(descriptor: try spool.flushedDescriptor(), length: spool.count) }
        return ChapterReader(bytes: records)
    }

    /// The chapter records read back in order, from memory or through a small buffer from the spool.
    struct ChapterReader {
        private var buffer: [UInt8]
        private var position = 0
        private let descriptor: Int32?
        private var fileOffset = 0
        private let length: Int

        fileprivate init(bytes: [UInt8]) {
            buffer = bytes
            descriptor = nil
            length = bytes.count
            fileOffset = bytes.count
        }

        fileprivate init(descriptor: Int32, length: Int) {
            buffer = []
            self.descriptor = descriptor
            self.length = length
        }

        mutating func next() throws -> (start: Int?, label: String) {
            try ensure(ContentsOutline.recordHeaderSize)
            let (start, labelLength) = buffer.withUnsafeBytes { raw in
                (
                    Int64(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: Int64.self)),
                    Int64(littleEndian: raw.loadUnaligned(fromByteOffset: position + 8, as: Int64.self))
                )
            }
            position += ContentsOutline.recordHeaderSize
            guard labelLength >= 0, labelLength <= Int64(length) else { throw Self.damaged }
            try ensure(Int(labelLength))
            let label = String(decoding: buffer[position..<(position + Int(labelLength))], as: UTF8.self)
            position += Int(labelLength)
            return (start == ContentsOutline.noStart ? nil : Int(start), label)
        }

        /// Makes `count` bytes from `position` available, reading on from the spool when needed.
        private mutating func ensure(_ count: Int) throws {
            guard buffer.count - position < count else { return }
            guard let descriptor else { throw Self.damaged }
            buffer.removeSubrange(0..<position)
            position = 0
            let wanted = max(count - buffer.count, 1 << 16)
            var chunk = [UInt8](repeating: 0, count: min(wanted, length - fileOffset))
            var filled = 0
            while filled < chunk.count {
                let read = try? System.read(descriptor, into: &chunk, from: filled, count: chunk.count - filled, at: fileOffset + filled)
                guard let read, read > 0 else { throw Self.damaged }
                filled += read
            }
            fileOffset += filled
            buffer.append(contentsOf: chunk)
            guard buffer.count >= count else { throw Self.damaged }
        }

        private static var damaged: ConversionFailure {
            ConversionFailure(.error("epub.stream.scratch", "cannot read back the contents' scratch file"))
        }
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
        var chapters = try outline.chapterReader()
        for position in 0..<outline.count {
            let href = PackageLayout.episode(position).href
            if groupByChannel && (position == 0 || outline.channel(position) != outline.channel(position - 1)) {
                if isInChannel { try leave(true) }
                // A heading entry links to its first episode: NCX readers need a target for every point.
                try enter(Entry(label: Self.label(outline.channel(position) ?? "", fallback: labels.otherEpisodes), href: href), true)
                isInChannel = true
            }
            let chapterCount = outline.chapterCount(position), hasTranscript = outline.hasTranscript(position)
            let hasChildren = chapterCount > 0 || hasTranscript
            try enter(Entry(label: Self.label(outline.title(position), fallback: labels.episode(position + 1)), href: href), hasChildren)
            for number in 0..<chapterCount {
                let chapter = try chapters.next()
                let title = chapter.label.isEmpty ? labels.chapter(number + 1) : chapter.label
                let text = chapter.start.map { Timestamp.string(fromSeconds: $0) + " " + title } ?? title
                try leaf(Entry(label: text, href: href + "#" + EpisodeArticle.chapterID(idPrefix: EPUBWriter.idPrefix, index: number)))
            }
            // The transcript follows the chapters in the document, and in the contents.
            if hasTranscript { try leaf(Entry(label: labels.transcript, href: href + "#" + EpisodeArticle.transcriptID(idPrefix: EPUBWriter.idPrefix))) }
            try leave(hasChildren)
        }
        if isInChannel { try leave(true) }
        if hasIndex { try leaf(Entry(label: labels.index, href: PackageLayout.entityIndex.href)) }
    }

    /// Levels of the tree.
    var depth: Int {
        guard outline.count > 0 else { return 1 }
        return 1 + (groupByChannel ? 1 : 0) + (outline.hasEpisodeParts ? 1 : 0)
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
