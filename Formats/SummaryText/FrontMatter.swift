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
        "\(key): \(needsQuotes(value) ? quote(value) : value)"
    }

    private static func needsQuotes(_ value: String) -> Bool {
        value.isEmpty || value.first!.isWhitespace || value.last!.isWhitespace || value.first == "\""
            || value.contains(where: { $0.isNewline || ($0.asciiValue.map { $0 < 0x20 } ?? false) })
    }

    private static func quote(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// The text of a double-quoted value, or `nil` if `raw` is not one.
    private static func unquote(_ raw: String) -> String? {
        guard raw.count >= 2, raw.first == "\"", raw.last == "\"" else { return nil }
        var result = ""
        var scalars = raw.unicodeScalars.dropFirst().dropLast().makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\\" else {
                if scalar == "\"" { return nil }
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalars.next() {
            case "\"": result += "\""
            case "\\": result += "\\"
            case "n": result += "\n"
            case "r": result += "\r"
            case "t": result += "\t"
            case "u":
                var hex = ""
                for _ in 0..<4 { if let digit = scalars.next() { hex.unicodeScalars.append(digit) } }
                guard let value = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(value) else { return nil }
                result.unicodeScalars.append(decoded)
            default: return nil
            }
        }
        return result
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
            switch field.key {
            case "collection-title": collection.title = field.value
            case "preamble": collection.preamble.append(field.value)
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
            switch key {
            case "channel": channel = Channel(title: value); episode.channel = value
            case "feed": channel = channel ?? Channel(title: episode.channel ?? ""); channel?.feedURL = value
            case "channel-url": channel = channel ?? Channel(title: episode.channel ?? ""); channel?.siteURL = value
            case "channel-description": channel = channel ?? Channel(title: episode.channel ?? ""); channel?.description = value
            case "url": episode.metadata.url = value
            case "published": episode.metadata.published = value
            case "language":
                episode.language = value
                languageDeclared = true
            case "duration":
                if let seconds = Int(value).flatMap({ $0 >= 0 ? $0 : nil }) ?? Timestamp.seconds(from: value) {
                    episode.metadata.duration = seconds
                } else {
                    diagnostics.report(
                        .warning(
                            "summary.front-matter.duration", "duration '\(value)' is neither seconds nor H:MM:SS; kept as an unnamed field",
                            at: input.location(line: line, column: 1)))
                    episode.metadata.extra.append(MetadataField(key: key, value: value))
                }
            case "recovered-chapters":
                // Chapter numbers, 1-based, whose content was recovered from corrupt upstream data.
                let numbers = value.split(separator: ",").map { Int($0.trimmingWhitespace()) }
                if numbers.allSatisfy({ $0.map { $0 > 0 && episode.chapters.indices.contains($0 - 1) } ?? false }) {
                    for number in numbers.compactMap({ $0 }) { episode.chapters[number - 1].isRecovered = true }
                } else {
                    diagnostics.report(
                        .warning("summary.front-matter.recovered", "recovered-chapters '\(value)' names chapters this episode does not have; kept as an unnamed field",
                                 at: input.location(line: line, column: 1)))
                    episode.metadata.extra.append(MetadataField(key: key, value: value))
                }
            case "collection-title": collection.title = value
            case "preamble": collection.preamble.append(value)
            default:
                // A repeated key keeps every value, one per line, so that no format has to hold two fields of one name.
                if let index = episode.metadata.extra.firstIndex(where: { $0.key == key }) {
                    episode.metadata.extra[index].value += "\n" + value
                    diagnostics.report(
                        .note("summary.front-matter.repeated", "'\(key)' appears again; its values are kept one per line",
                              at: input.location(line: line, column: 1)))
                } else {
                    episode.metadata.extra.append(MetadataField(key: key, value: value))
                }
            }
        }
        if var channel {
            if channel.title.isEmpty {
                diagnostics.report(
                    .warning("summary.front-matter.channel", "feed or channel fields without a 'channel' name; using the episode title",
                             at: input.location(line: fields.first?.line ?? 1, column: 1)))
                channel.title = episode.title
                episode.channel = episode.title
            }
            collection.merge(EpisodeCollection(channels: [channel]))
        }
    }
}
