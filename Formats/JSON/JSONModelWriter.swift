import QuireCore

/// Writes the model as pretty-printed JSON with fields in a fixed, documented order.
public struct JSONModelWriter: FormatWriter {
    public init() {}

    public func write(_ collection: EpisodeCollection, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> [UInt8] {
        var walker = Walker()
        walker.visitCollection(collection)
        return walker.output.bytes
    }

    /// Walks the model into JSON. A streamed collection is walked in the same three parts a whole one
    /// is (`beginCollection`, each episode, `endCollection`), so both give the same bytes.
    struct Walker: ModelWalker {
        var output = JSONOutput()

        mutating func visitCollection(_ collection: EpisodeCollection) {
            beginCollection(CollectionHeader(title: collection.title, preamble: collection.preamble, channels: collection.channels))
            for episode in collection.episodes { visitEpisode(episode) }
            endCollection()
        }

        /// Everything up to the first episode: the fields before `episodes`, and the array's opening.
        mutating func beginCollection(_ header: CollectionHeader) {
            output.beginObject()
            output.field("schemaVersion", JSONFormat.schemaVersion)
            output.field("title", header.title)
            output.key("preamble")
            output.beginArray()
            for line in header.preamble { output.item(line) }
            output.endArray()
            output.key("channels")
            output.beginArray()
            for channel in header.channels { visitChannel(channel) }
            output.endArray()
            output.key("episodes")
            output.beginArray()
        }

        mutating func endCollection() {
            output.endArray()
            output.endObject()
            output.newline()
        }

        mutating func visitChannel(_ channel: Channel) {
            output.beginObject()
            output.field("title", channel.title)
            output.field("feedURL", channel.feedURL)
            output.field("siteURL", channel.siteURL)
            output.field("description", channel.description)
            // Feed fields are written only when present, so documents without them are unchanged.
            output.fieldIfPresent("image", channel.image)
            output.fieldIfPresent("author", channel.author)
            if !channel.categories.isEmpty {
                output.key("categories")
                output.beginArray()
                for category in channel.categories { output.item(category) }
                output.endArray()
            }
            output.endObject()
        }

        mutating func visitEpisode(_ episode: Episode) {
            output.beginObject()
            output.field("title", episode.title)
            output.field("channel", episode.channel)
            output.field("language", episode.language)
            output.field("url", episode.metadata.url)
            output.field("published", episode.metadata.published)
            output.field("duration", episode.metadata.duration)
            writeFeedFields(episode.metadata)
            if !episode.metadata.extra.isEmpty {
                output.key("metadata")
                output.beginObject()
                for field in episode.metadata.extra { output.field(field.key, field.value) }
                output.endObject()
            }
            output.field("summary", episode.summary)
            output.key("chapters")
            output.beginArray()
            for chapter in episode.chapters { visitChapter(chapter) }
            output.endArray()
            output.key("entities")
            output.beginArray()
            for entity in episode.entities { visitEntity(entity) }
            output.endArray()
            if let transcript = episode.transcript { visitTranscript(transcript) }
            output.endObject()
        }

        /// The fields a feed gives an episode, each only when present.
        private mutating func writeFeedFields(_ metadata: EpisodeMetadata) {
            output.fieldIfPresent("guid", metadata.guid)
            if let enclosure = metadata.enclosure {
                output.key("enclosure")
                output.beginObject(compact: true)
                output.field("url", enclosure.url)
                output.fieldIfPresent("mediaType", enclosure.mediaType)
                output.fieldIfPresent("length", enclosure.length)
                output.endObject()
            }
            output.fieldIfPresent("image", metadata.image)
            output.fieldIfPresent("season", metadata.season)
            output.fieldIfPresent("number", metadata.number)
            if let explicit = metadata.explicit { output.field("explicit", explicit) }
            if let link = metadata.chaptersLink {
                output.key("chaptersLink")
                writeLink(link)
            }
            if !metadata.transcriptLinks.isEmpty {
                output.key("transcriptLinks")
                output.beginArray()
                for link in metadata.transcriptLinks { writeLink(link) }
                output.endArray()
            }
        }

        private mutating func writeLink(_ link: MediaLink) {
            output.beginObject(compact: true)
            output.field("url", link.url)
            output.fieldIfPresent("mediaType", link.mediaType)
            output.fieldIfPresent("language", link.language)
            output.fieldIfPresent("rel", link.rel)
            output.endObject()
        }

        mutating func visitTranscript(_ transcript: Transcript) {
            output.key("transcript")
            output.beginObject()
            output.key("segments")
            output.beginArray()
            for segment in transcript.segments {
                output.beginObject(compact: true)
                output.field("startMs", segment.start)
                output.fieldIfPresent("endMs", segment.end)
                output.fieldIfPresent("speaker", segment.speaker)
                output.field("text", segment.text)
                output.endObject()
            }
            output.endArray()
            output.endObject()
        }

        mutating func visitChapter(_ chapter: Chapter) {
            output.beginObject()
            output.field("start", chapter.start)
            output.field("title", chapter.title)
            output.field("body", chapter.body)
            if chapter.isRecovered { output.field("recovered", true) }
            output.key("quotes")
            output.beginArray()
            for quote in chapter.quotes { visitQuote(quote) }
            output.endArray()
            output.endObject()
        }

        mutating func visitQuote(_ quote: Quote) {
            output.beginObject(compact: true)
            output.field("text", quote.text)
            output.field("time", quote.time)
            output.endObject()
        }

        mutating func visitEntity(_ entity: Entity) {
            output.beginObject(compact: true)
            output.field("name", entity.name)
            output.field("type", entity.type)
            output.field("kind", entity.kind?.rawValue)
            output.field("description", entity.description)
            output.fieldIfPresent("role", entity.role)
            output.fieldIfPresent("url", entity.url)
            output.endObject()
        }
    }
}

/// A small streaming JSON emitter: two-space indentation, objects of scalars may stay on one line.
struct JSONOutput {
    private(set) var bytes: [UInt8] = []
    /// Per open container: whether it has an element yet and whether it is written on one line.
    private var stack: [(hasElement: Bool, compact: Bool)] = []
    private var pendingKey = false

    init() { bytes.reserveCapacity(1 << 16) }

    /// The bytes written since the last call, leaving the open containers as they are: how a stream
    /// hands its output on a piece at a time.
    mutating func takeBytes() -> [UInt8] {
        defer { bytes.removeAll() }
        return bytes
    }

    mutating func beginObject(compact: Bool = false) { open(UInt8(ascii: "{"), compact: compact) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "["), compact: false) }
    mutating func endArray() { close(UInt8(ascii: "]")) }
    mutating func newline() { bytes.append(0x0A) }

    mutating func key(_ name: String) {
        separate()
        appendString(name)
        bytes += [UInt8(ascii: ":"), 0x20]
        pendingKey = true
    }

    mutating func field(_ name: String, _ value: String?) {
        key(name)
        value.map { appendString($0) } ?? appendRaw("null")
        pendingKey = false
    }

    mutating func field(_ name: String, _ value: Bool) {
        key(name)
        appendRaw(value ? "true" : "false")
        pendingKey = false
    }

    mutating func field(_ name: String, _ value: Int?) {
        key(name)
        appendRaw(value.map(String.init) ?? "null")
        pendingKey = false
    }

    /// A field written only when it has a value: how the fields added after version 1's first release
    /// are written, so that documents without them stay byte for byte what they were.
    mutating func fieldIfPresent(_ name: String, _ value: String?) { if let value { field(name, value) } }
    mutating func fieldIfPresent(_ name: String, _ value: Int?) { if let value { field(name, value) } }

    mutating func item(_ value: String) {
        separate()
        appendString(value)
    }

    private mutating func open(_ bracket: UInt8, compact: Bool) {
        separate()
        pendingKey = false
        bytes.append(bracket)
        stack.append((false, compact || (stack.last?.compact ?? false)))
    }

    private mutating func close(_ bracket: UInt8) {
        let frame = stack.removeLast()
        if frame.hasElement && !frame.compact { indentLine() }
        bytes.append(bracket)
    }

    /// Writes the comma and line break before an element, unless it is the value of a key just written.
    private mutating func separate() {
        if pendingKey {
            pendingKey = false
            return
        }
        guard !stack.isEmpty else { return }
        if stack[stack.count - 1].hasElement { bytes.append(UInt8(ascii: ",")) }
        stack[stack.count - 1].hasElement = true
        if stack[stack.count - 1].compact {
            if bytes.last != UInt8(ascii: "{") && bytes.last != UInt8(ascii: "[") { bytes.append(0x20) }
        } else {
            indentLine()
        }
    }

    private mutating func indentLine() {
        bytes.append(0x0A)
        bytes += repeatElement(0x20, count: stack.count * 2)
    }

    private mutating func appendRaw(_ text: String) { bytes += text.utf8 }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func appendString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            // Copy runs that need no escape in one go; most text is such a run.
            var runStart = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F {
                bytes.append(contentsOf: utf8[runStart..<index])
                appendEscaped(byte)
                runStart = index + 1
            }
            bytes.append(contentsOf: utf8[runStart...])
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        let hex = Self.hex
        switch byte {
        case UInt8(ascii: "\""): bytes += [0x5C, UInt8(ascii: "\"")]
        case 0x5C: bytes += [0x5C, 0x5C]
        case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
        case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
        case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
        case 0..<0x20, 0x7F:
            bytes += [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
        default: bytes.append(byte)
        }
    }
}
