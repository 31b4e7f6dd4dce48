import QuireCore

/// The parts of a vault note: YAML front matter (top-level entries with their nested lines), and the
/// body, in which Quire owns the region between its markers. Users write anywhere else.
struct VaultNote: Equatable {
    static let beginMarker = "<!-- quire:begin (Quire rewrites this part on every run; write your own notes above or below it) -->"
    static let endMarker = "<!-- quire:end -->"
    static let idKey = "quire-id"
    static let kindKey = "quire-kind"
    static let keyKey = "quire-key"
    /// The home note's `quire-kind` and `quire-key`: one per vault.
    static let collectionKind = "collection"
    static let collectionKey = "home"

    /// One top-level front-matter entry: its key and its lines as written (the nested ones too).
    struct Entry: Equatable {
        var key: String
        var lines: [String]
    }

    var entries: [Entry]
    /// Body text before the begin marker, the region between the markers (markers excluded), and after
    /// the end marker; `region` is `nil` when the markers are missing.
    var before: String
    var region: String?
    var after: String

    /// Whether the file had front matter at all (a note without it is a user's own).
    var hasFrontMatter: Bool
    /// The note as its editor saved it: with CRLF line breaks (Windows editors, `git autocrlf`) and a
    /// byte order mark; parsed with plain line feeds, written back the way it came.
    var usesCRLF = false
    var hasByteOrderMark = false

    func value(_ key: String) -> String? {
        guard let entry = entries.first(where: { $0.key == key }), let line = entry.lines.first,
            let (_, raw) = FrontMatterYAML.keyAndValue(Substring(line))
        else { return nil }
        return FrontMatterYAML.scalar(raw)
    }

    /// The note's identity in the vault: `episode:<quire-id>`, `entity:<key>` or `channel:<key>`.
    var identity: String? {
        if let id = value(Self.idKey) { return "episode:" + id }
        if let kind = value(Self.kindKey), let key = value(Self.keyKey) { return kind + ":" + key }
        return nil
    }

    /// Parses a note; `nil` when it is not UTF-8.
    init?(bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        self.init(text: text)
    }

    init(text original: String) {
        var text = original
        if text.hasPrefix("\u{FEFF}") {
            hasByteOrderMark = true
            text.removeFirst()
        }
        if text.contains("\r\n") {
            usesCRLF = true
            text = text.replacing("\r\n", with: "\n")
        }
        var body = Substring(text)
        entries = []
        hasFrontMatter = false
        if body.hasPrefix("---\n"), let close = body[body.index(body.startIndex, offsetBy: 3)...].range(of: "\n---\n") {
            hasFrontMatter = true
            let start = body.index(body.startIndex, offsetBy: 4)
            let yaml = close.lowerBound > start ? body[start..<close.lowerBound] : ""
            for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) where !yaml.isEmpty {
                if let first = line.first, first != " ", first != "\t", first != "#", let (key, _) = FrontMatterYAML.keyAndValue(line) {
                    entries.append(Entry(key: key, lines: [String(line)]))
                } else if entries.isEmpty {
                    entries.append(Entry(key: "", lines: [String(line)]))
                } else {
                    entries[entries.count - 1].lines.append(String(line))
                }
            }
            body = body[close.upperBound...]
        }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        if let begin = lines.firstIndex(where: { $0.hasPrefix("<!-- quire:begin") }),
            let end = lines[begin...].firstIndex(where: { $0.trimmingTrailingBlanks == Self.endMarker })
        {
            before = lines[..<begin].map { $0 + "\n" }.joined()
            region = lines[(begin + 1)..<end].map { $0 + "\n" }.joined()
            after = lines[(end + 1)...].joined(separator: "\n")
        } else {
            before = String(body)
            region = nil
            after = ""
        }
    }

    init(entries: [Entry], region: String) {
        self.entries = entries
        before = ""
        self.region = region
        after = ""
        hasFrontMatter = true
    }

    /// The note as text, in its own line breaks; the end marker's line always ends in a line break.
    var text: String {
        var text = hasByteOrderMark ? "\u{FEFF}" : ""
        if hasFrontMatter { text += "---\n" + entries.flatMap(\.lines).map { $0 + "\n" }.joined() + "---\n" }
        if let region {
            text += before + Self.beginMarker + "\n" + region + Self.endMarker + "\n" + after
        } else {
            text += before
        }
        return usesCRLF ? text.replacing("\n", with: "\r\n") : text
    }

    /// Whether the note holds anything a user wrote: text outside the region, or front-matter keys
    /// that are not among `ownedKeys`.
    func hasUserText(ownedKeys: Set<String>) -> Bool {
        !(before + after).allSatisfy(\.isWhitespace) || entries.contains { !ownedKeys.contains($0.key) }
    }

    /// This note updated to `fresh`'s Quire-owned keys and region, the user's keys (those not in
    /// `ownedKeys`) and the text outside the region kept where they are.
    func updated(to fresh: VaultNote, ownedKeys: Set<String>) -> VaultNote {
        var merged: [Entry] = []
        let freshKeys = Set(fresh.entries.map(\.key))
        var emitted: Set<String> = []
        var insertionPoint = 0
        for entry in entries {
            if ownedKeys.contains(entry.key) || freshKeys.contains(entry.key) {
                if let replacement = fresh.entries.first(where: { $0.key == entry.key }), emitted.insert(entry.key).inserted {
                    merged.append(replacement)
                    insertionPoint = merged.count
                }
            } else {
                merged.append(entry)
            }
        }
        // Keys new in this run go after the last key Quire owned, in Quire's order.
        let newEntries = fresh.entries.filter { !emitted.contains($0.key) }
        if insertionPoint == 0, !newEntries.isEmpty {
            // Keep Quire's order among keys already placed: new ones before the first of them.
            merged.insert(contentsOf: newEntries, at: 0)
        } else {
            merged.insert(contentsOf: newEntries, at: insertionPoint)
        }
        var result = self
        result.entries = merged
        result.region = fresh.region
        return result
    }
}
