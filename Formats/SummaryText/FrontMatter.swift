import QuireCore

/// `key: value` lines fenced by `---` before an episode. Values that need it are written as
/// double-quoted strings with backslash escapes, so any text survives.
enum FrontMatter {
    /// The BCP 47 tag for "undetermined": read as no language, and no detection either.
    static let undeterminedLanguage = "und"

    /// Parses one `key: value` line; `nil` when the line is not of that shape.
    static func field(from line: Substring) -> (key: String, value: String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon]
        guard !key.isEmpty, key.count <= 40,
            key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }), key.first!.isLetter
        else { return nil }
        let raw = line[line.index(after: colon)...].trimmingWhitespace()
        return (String(key), unquote(raw) ?? raw)
    }

    static func line(key: String, value: String) -> String {
        "\(key): \(needsQuotes(value) ? FrontMatterScalar.quoted(value, .basic) : value)"
    }

    /// Quotes only where the line would not read back as written: the value is the rest of the line,
    /// trimmed, so unlike YAML nothing inside it (`: `, `#`, `[`) needs quoting.
    private static func needsQuotes(_ value: String) -> Bool {
        value.isEmpty || value.first!.isWhitespace || value.last!.isWhitespace || value.first == "\""
            || value.contains(where: { $0.isNewline || ($0.asciiValue.map { $0 < 0x20 } ?? false) })
    }

    /// The text of a double-quoted value, or `nil` if `raw` is not one.
    private static func unquote(_ raw: String) -> String? {
        guard raw.count >= 2, raw.first == "\"", raw.last == "\"",
            let (value, end) = FrontMatterScalar.unquoted(raw[...], .basic), end == raw.endIndex
        else { return nil }
        return value
    }
}

/// Applies front-matter fields to the episode being read and to the collection around it.
struct FrontMatterApplier {
    var collection: EpisodeCollection
    var diagnostics: Diagnostics
    let input: InputFile
    /// Episodes (by index in `collection`) whose front matter declared `language: und`.
    var undeterminedLanguages: Set<Int> = []

    /// Applies the collection's own fields and returns the others.
    mutating func applyCollectionFields(_ fields: [(key: String, value: String, line: Int)]) -> [(key: String, value: String, line: Int)] {
        var leftover: [(key: String, value: String, line: Int)] = []
        for field in fields {
            switch EpisodeMetadataKey(rawValue: field.key) {
            case .collectionTitle: collection.title = field.value
            case .preamble: collection.preamble.append(field.value)
            default: leftover.append(field)
            }
        }
        return leftover
    }

    mutating func apply(_ fields: [(key: String, value: String, line: Int)], to episode: inout Episode) {
        var channel: Channel?
        var languageDeclared = false
        defer {
            if languageDeclared && episode.language == FrontMatter.undeterminedLanguage {
                episode.language = nil
                undeterminedLanguages.insert(collection.episodes.count)
            }
        }
        for (key, value, line) in fields {
            switch EpisodeMetadataKey(rawValue: key) {
            case let named? where named.isPlainText: named.applyText(value, to: &episode, channel: &channel)
            // A `channel` line starts the channel afresh, whatever feed or site lines came before it.
            case .channel: channel = Channel(title: value); episode.channel = value
            case .language:
                episode.language = value
                languageDeclared = true
            case .duration:
                if let seconds = EpisodeMetadataKey.durationSeconds(from: value) {
                    episode.metadata.duration = seconds
                } else {
                    diagnostics.report(
                        .warning(
                            "summary.front-matter.duration", "duration '\(value)' is neither seconds nor H:MM:SS; kept as an unnamed field",
                            at: input.location(line: line, column: 1)))
                    episode.metadata.extra.append(MetadataField(key: key, value: value))
                }
            case .recoveredChapters:
                // Chapter numbers, 1-based, whose content was recovered from corrupt upstream data.
                let numbers = value.split(separator: ",").map { Int($0.trimmingWhitespace()) }
                if !EpisodeMetadataKey.markRecoveredChapters(numbers, in: &episode) {
                    diagnostics.report(
                        .warning(
                            "summary.front-matter.recovered",
                            "recovered-chapters '\(value)' names chapters this episode does not have; kept as an unnamed field",
                            at: input.location(line: line, column: 1)))
                    episode.metadata.extra.append(MetadataField(key: key, value: value))
                }
            case let named? where named.isTyped:
                if let problem = named.applyTyped(value, to: &episode, channel: &channel) {
                    diagnostics.report(
                        .warning("summary.front-matter.value", "\(problem); kept as an unnamed field", at: input.location(line: line, column: 1)))
                    episode.metadata.extra.append(MetadataField(key: key, value: value))
                }
            case .collectionTitle: collection.title = value
            case .preamble: collection.preamble.append(value)
            default:
                // A repeated key keeps every value, one per line, so that no format has to hold two fields of one name.
                if let index = episode.metadata.extra.firstIndex(where: { $0.key == key }) {
                    episode.metadata.extra[index].value += "\n" + value
                    diagnostics.report(
                        .note(
                            "summary.front-matter.repeated", "'\(key)' appears again; its values are kept one per line",
                            at: input.location(line: line, column: 1)))
                } else {
                    episode.metadata.extra.append(MetadataField(key: key, value: value))
                }
            }
        }
        let unplaced = EpisodeMetadataKey.finish(&episode)
        if !unplaced.isEmpty {
            diagnostics.report(
                .warning(
                    "summary.front-matter.enclosure", "enclosure-type or enclosure-length without an 'enclosure' address; kept as unnamed fields",
                    at: input.location(line: fields.first?.line ?? 1, column: 1)))
            episode.metadata.extra += unplaced
        }
        if var channel {
            if channel.title.isEmpty {
                diagnostics.report(
                    .warning(
                        "summary.front-matter.channel", "feed or channel fields without a 'channel' name; using the episode title",
                        at: input.location(line: fields.first?.line ?? 1, column: 1)))
                channel.title = episode.title
                episode.channel = episode.title
            }
            collection.merge(EpisodeCollection(channels: [channel]))
        }
    }
}
