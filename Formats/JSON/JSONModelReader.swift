import QuireCore

/// Reads Quire JSON into the model. Unknown fields are reported as warnings and skipped; a field of
/// the wrong type is an error naming its line and column.
public struct JSONModelReader: FormatReader {
    public init() {}

    public func read(_ input: InputFile, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> EpisodeCollection {
        let root: JSONNode
        do {
            root = try JSONParser.parse(input.bytes)
        } catch {
            throw ConversionFailure(.error("json.syntax", error.message, at: input.location(line: error.line, column: error.column)))
        }
        var decoder = ModelDecoder(input: input)
        let collection = decoder.collection(root)
        decoder.diagnostics = Diagnostics(decoder.diagnostics.all.sortedByLocation())
        // A failed read throws everything it found, warnings included, and reports nothing twice.
        if decoder.diagnostics.hasErrors { throw ConversionFailure(decoder.diagnostics.all) }
        diagnostics.report(contentsOf: decoder.diagnostics)
        return collection
    }
}

/// Walks the parsed JSON into model values, collecting every problem rather than stopping at the first.
private struct ModelDecoder {
    let input: InputFile
    var diagnostics = Diagnostics()

    init(input: InputFile) { self.input = input }

    func location(_ node: JSONNode) -> SourceLocation {
        input.location(line: node.line, column: node.column(in: input.bytes))
    }

    mutating func collection(_ node: JSONNode) -> EpisodeCollection {
        guard var object = fields(of: node, as: "the collection") else { return EpisodeCollection() }
        var collection = EpisodeCollection()
        if let version = object.take("schemaVersion") {
            if let number = int(version, "schemaVersion"), number > JSONFormat.schemaVersion {
                diagnostics.report(
                    .warning(
                        "json.schema.newer",
                        "schemaVersion \(number) is newer than this Quire understands (\(JSONFormat.schemaVersion)); reading what it knows",
                        at: location(version)))
            }
        }
        collection.title = optionalString(object.take("title"), "title")
        collection.preamble = array(object.take("preamble"), "preamble").compactMap { string($0, "preamble line") }
        collection.channels = array(object.take("channels"), "channels").compactMap { channel($0) }
        collection.episodes = array(object.take("episodes"), "episodes").compactMap { episode($0) }
        reportUnknown(object, in: "the collection")
        return collection
    }

    mutating func channel(_ node: JSONNode) -> Channel? {
        guard var object = fields(of: node, as: "a channel") else { return nil }
        let title = requiredString(&object, "title", in: node, what: "a channel")
        let channel = Channel(
            title: title ?? "", feedURL: optionalString(object.take("feedURL"), "feedURL"),
            siteURL: optionalString(object.take("siteURL"), "siteURL"),
            description: optionalString(object.take("description"), "description"), image: optionalString(object.take("image"), "image"),
            author: optionalString(object.take("author"), "author"),
            categories: array(object.take("categories"), "categories").compactMap { string($0, "a category") })
        reportUnknown(object, in: "a channel")
        return title == nil ? nil : channel
    }

    mutating func episode(_ node: JSONNode) -> Episode? {
        guard var object = fields(of: node, as: "an episode") else { return nil }
        let title = requiredString(&object, "title", in: node, what: "an episode")
        var episode = Episode(title: title ?? "")
        episode.channel = optionalString(object.take("channel"), "channel")
        episode.language = optionalString(object.take("language"), "language")
        episode.metadata.url = optionalString(object.take("url"), "url")
        episode.metadata.published = optionalString(object.take("published"), "published")
        episode.metadata.duration = object.take("duration").flatMap { isNull($0) ? nil : seconds($0, "duration") }
        episode.metadata.guid = optionalString(object.take("guid"), "guid")
        episode.metadata.enclosure = object.take("enclosure").flatMap { isNull($0) ? nil : enclosure($0) }
        episode.metadata.image = optionalString(object.take("image"), "image")
        episode.metadata.season = object.take("season").flatMap { isNull($0) ? nil : count($0, "season") }
        episode.metadata.number = object.take("number").flatMap { isNull($0) ? nil : count($0, "number") }
        episode.metadata.explicit = object.take("explicit").flatMap { isNull($0) ? nil : bool($0, "explicit") }
        episode.metadata.chaptersLink = object.take("chaptersLink").flatMap { isNull($0) ? nil : link($0, "chaptersLink") }
        episode.metadata.transcriptLinks = array(object.take("transcriptLinks"), "transcriptLinks").compactMap { link($0, "a transcript link") }
        if let extra = object.take("metadata"), !isNull(extra) {
            for (key, value) in fields(of: extra, as: "metadata")?.remaining ?? [] {
                if let text = string(value, "metadata field '\(key)'") { episode.metadata.extra.append(MetadataField(key: key, value: text)) }
            }
        }
        episode.summary = optionalString(object.take("summary"), "summary") ?? ""
        episode.chapters = array(object.take("chapters"), "chapters").compactMap { chapter($0) }
        episode.entities = array(object.take("entities"), "entities").compactMap { entity($0) }
        episode.transcript = object.take("transcript").flatMap { isNull($0) ? nil : transcript($0) }
        reportUnknown(object, in: "an episode")
        return title == nil ? nil : episode
    }

    mutating func chapter(_ node: JSONNode) -> Chapter? {
        guard var object = fields(of: node, as: "a chapter") else { return nil }
        let start = object.take("start").flatMap { isNull($0) ? nil : seconds($0, "start") }
        let chapter = Chapter(
            start: start, title: optionalString(object.take("title"), "title") ?? "",
            body: optionalString(object.take("body"), "body") ?? "",
            quotes: array(object.take("quotes"), "quotes").compactMap { quote($0) },
            isRecovered: object.take("recovered").map { bool($0, "recovered") } ?? false)
        reportUnknown(object, in: "a chapter")
        return chapter
    }

    mutating func quote(_ node: JSONNode) -> Quote? {
        guard var object = fields(of: node, as: "a quote") else { return nil }
        let text = requiredString(&object, "text", in: node, what: "a quote")
        let time = object.take("time").flatMap { isNull($0) ? nil : seconds($0, "time") }
        reportUnknown(object, in: "a quote")
        return text.map { Quote(text: $0, time: time) }
    }

    mutating func entity(_ node: JSONNode) -> Entity? {
        guard var object = fields(of: node, as: "an entity") else { return nil }
        let name = requiredString(&object, "name", in: node, what: "an entity")
        let entity = Entity(
            name: name ?? "", type: optionalString(object.take("type"), "type") ?? "",
            description: optionalString(object.take("description"), "description") ?? "",
            role: optionalString(object.take("role"), "role"), url: optionalString(object.take("url"), "url"))
        // `kind` is derived from `type` when writing; a reader takes it as a known, informative field.
        if let kind = object.take("kind"), !isNull(kind) { _ = string(kind, "kind") }
        reportUnknown(object, in: "an entity")
        return name == nil ? nil : entity
    }

    mutating func enclosure(_ node: JSONNode) -> Enclosure? {
        guard var object = fields(of: node, as: "an enclosure") else { return nil }
        let url = requiredString(&object, "url", in: node, what: "an enclosure")
        let enclosure = Enclosure(
            url: url ?? "", mediaType: optionalString(object.take("mediaType"), "mediaType"),
            length: object.take("length").flatMap { isNull($0) ? nil : count($0, "length") })
        reportUnknown(object, in: "an enclosure")
        return url == nil ? nil : enclosure
    }

    mutating func link(_ node: JSONNode, _ what: String) -> MediaLink? {
        guard var object = fields(of: node, as: what) else { return nil }
        let url = requiredString(&object, "url", in: node, what: what)
        let link = MediaLink(
            url: url ?? "", mediaType: optionalString(object.take("mediaType"), "mediaType"),
            language: optionalString(object.take("language"), "language"), rel: optionalString(object.take("rel"), "rel"))
        reportUnknown(object, in: what)
        return url == nil ? nil : link
    }

    mutating func transcript(_ node: JSONNode) -> Transcript? {
        guard var object = fields(of: node, as: "a transcript") else { return nil }
        let transcript = Transcript(segments: array(object.take("segments"), "segments").compactMap { segment($0) })
        reportUnknown(object, in: "a transcript")
        return transcript
    }

    mutating func segment(_ node: JSONNode) -> TranscriptSegment? {
        guard var object = fields(of: node, as: "a transcript segment") else { return nil }
        let start = object.take("startMs")
        if start == nil || start.map(isNull) == true {
            diagnostics.report(.error("json.field.missing", "a transcript segment needs a 'startMs'", at: location(node)))
        }
        let startMs = start.flatMap { isNull($0) ? nil : count($0, "startMs", unit: "milliseconds") }
        let end = object.take("endMs").flatMap { isNull($0) ? nil : count($0, "endMs", unit: "milliseconds") }
        let speaker = optionalString(object.take("speaker"), "speaker")
        let text = optionalString(object.take("text"), "text") ?? ""
        reportUnknown(object, in: "a transcript segment")
        return startMs.map { TranscriptSegment(start: $0, end: end, speaker: speaker, text: text) }
    }

    // MARK: Typed access

    struct Fields {
        var remaining: [(key: String, node: JSONNode)]

        mutating func take(_ key: String) -> JSONNode? {
            guard let index = remaining.firstIndex(where: { $0.key == key }) else { return nil }
            return remaining.remove(at: index).node
        }
    }

    mutating func fields(of node: JSONNode, as what: String) -> Fields? {
        guard case .object(let members) = node.value else {
            diagnostics.report(.error("json.type", "expected \(what) to be an object, found \(node.typeName)", at: location(node)))
            return nil
        }
        var seen: Set<String> = []
        var unique: [(key: String, node: JSONNode)] = []
        for member in members {
            if seen.insert(member.key).inserted {
                unique.append(member)
            } else {
                diagnostics.report(
                    .warning("json.field.duplicate", "field '\(member.key)' appears twice in \(what); the first is used", at: location(member.node)))
            }
        }
        return Fields(remaining: unique)
    }

    mutating func reportUnknown(_ fields: Fields, in what: String) {
        var reported: Set<String> = []
        for (key, node) in fields.remaining where reported.insert(key).inserted {
            diagnostics.report(.warning("json.field.unknown", "unknown field '\(key)' in \(what); ignored", at: location(node)))
        }
    }

    func isNull(_ node: JSONNode) -> Bool {
        if case .null = node.value { return true }
        return false
    }

    mutating func string(_ node: JSONNode, _ name: String) -> String? {
        guard case .string(let text) = node.value else {
            diagnostics.report(.error("json.type", "expected \(name) to be a string, found \(node.typeName)", at: location(node)))
            return nil
        }
        return text
    }

    mutating func optionalString(_ node: JSONNode?, _ name: String) -> String? {
        guard let node, !isNull(node) else { return nil }
        return string(node, name)
    }

    mutating func requiredString(_ object: inout Fields, _ key: String, in node: JSONNode, what: String) -> String? {
        guard let value = object.take(key), !isNull(value) else {
            diagnostics.report(.error("json.field.missing", "\(what) needs a '\(key)'", at: location(node)))
            return nil
        }
        return string(value, key)
    }

    mutating func array(_ node: JSONNode?, _ name: String) -> [JSONNode] {
        guard let node, !isNull(node) else { return [] }
        guard case .array(let elements) = node.value else {
            diagnostics.report(.error("json.type", "expected \(name) to be an array, found \(node.typeName)", at: location(node)))
            return []
        }
        return elements
    }

    mutating func bool(_ node: JSONNode, _ name: String) -> Bool {
        switch node.value {
        case .bool(let value): return value
        case .null: return false
        default:
            diagnostics.report(.error("json.type", "expected \(name) to be true or false, found \(node.typeName)", at: location(node)))
            return false
        }
    }

    /// A whole, non-negative count (a season, an episode number, bytes, milliseconds); like seconds,
    /// `4.0` is accepted and a fraction is an error rather than cut.
    mutating func count(_ node: JSONNode, _ name: String, unit: String = "") -> Int? {
        let what = unit.isEmpty ? "a whole number" : "a number of \(unit)"
        guard case .number(let text) = node.value else {
            diagnostics.report(.error("json.type", "expected \(name) to be \(what), found \(node.typeName)", at: location(node)))
            return nil
        }
        if let value = Int(text), value >= 0 { return value }
        if let value = Double(text), value >= 0, value == value.rounded(), value < 1e15 { return Int(value) }
        let expected = unit.isEmpty ? "a whole, non-negative number" : "a whole, non-negative number of \(unit)"
        diagnostics.report(.error("json.number", "\(name) must be \(expected), found \(text)", at: location(node)))
        return nil
    }

    mutating func int(_ node: JSONNode, _ name: String) -> Int? {
        guard case .number(let text) = node.value, let value = Int(text) else {
            diagnostics.report(.error("json.type", "expected \(name) to be a whole number, found \(node.typeName)", at: location(node)))
            return nil
        }
        return value
    }

    /// Seconds as a whole, non-negative number (`96` or `96.0`); fractions would be silently cut, so they are errors.
    mutating func seconds(_ node: JSONNode, _ name: String) -> Int? {
        guard case .number(let text) = node.value else {
            diagnostics.report(.error("json.type", "expected \(name) to be a number of seconds, found \(node.typeName)", at: location(node)))
            return nil
        }
        if let value = Int(text), value >= 0 { return value }
        if let value = Double(text), value >= 0, value == value.rounded(), value < 1e12 { return Int(value) }
        diagnostics.report(.error("json.seconds", "\(name) must be a whole, non-negative number of seconds, found \(text)", at: location(node)))
        return nil
    }
}
