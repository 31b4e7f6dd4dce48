import QuireCore

/// The tables the writer can make, their columns (docs/csv-format.md) and the rows each episode gives.
public enum CSVTable: String, Sendable, CaseIterable {
    /// One row per chapter.
    case chapters
    /// One row per entity mention: an entity named in three episodes has three rows.
    case entities
    /// One row per episode.
    case episodes

    /// The header row: snake_case names, which Notion and Airtable show as they are and code can use as keys.
    public var columns: [String] {
        switch self {
        case .chapters: ["channel", "episode", "published", "episode_url", "chapter", "start", "start_seconds", "heading", "body", "quotes"]
        case .entities: ["channel", "episode", "published", "name", "type", "kind", "description", "role", "url"]
        case .episodes:
            [
                "channel", "title", "published", "url", "guid", "duration", "duration_seconds", "language", "season", "number", "summary", "chapter_count",
                "entity_count",
            ]
        }
    }

    /// The episode's rows, cells in column order, before the formula guard.
    func rows(for episode: Episode) -> [[String]] {
        let channel = episode.channel ?? "", published = episode.metadata.published ?? ""
        switch self {
        case .chapters:
            return episode.chapters.enumerated().map { index, chapter in
                [
                    channel, episode.title, published, episode.metadata.url ?? "", String(index + 1), chapter.start.map(Self.clock) ?? "",
                    chapter.start.map { String($0) } ?? "", chapter.title, chapter.body, chapter.quotes.map(\.text).joined(separator: "\n"),
                ]
            }
        case .entities:
            return episode.entities.map { entity in
                [
                    channel, episode.title, published, entity.name, entity.type, entity.kind?.rawValue ?? "", entity.description, entity.role ?? "",
                    entity.url ?? "",
                ]
            }
        case .episodes:
            let metadata = episode.metadata
            return [
                [
                    channel, episode.title, published, metadata.url ?? "", metadata.guid ?? "", metadata.duration.map(Self.clock) ?? "",
                    metadata.duration.map { String($0) } ?? "", episode.language ?? "", metadata.season.map { String($0) } ?? "",
                    metadata.number.map { String($0) } ?? "", episode.summary, String(episode.chapters.count), String(episode.entities.count),
                ]
            ]
        }
    }

    /// `HH:MM:SS`, always three parts: a spreadsheet reads `01:36` as one hour thirty-six, so the
    /// summary's `MM:SS` would be read wrong.
    static func clock(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "", magnitude = seconds.magnitude
        func twoDigits(_ value: UInt) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return sign + twoDigits(magnitude / 3600) + ":" + twoDigits(magnitude / 60 % 60) + ":" + twoDigits(magnitude % 60)
    }

    /// What of this episode the table has no column for, in a fixed order, as the warning names it.
    func lostParts(of episode: Episode) -> [String] {
        var lost: [String] = []
        let metadata = episode.metadata
        if episode.language != nil && self != .episodes { lost.append("languages") }
        if !episode.summary.isEmpty && self != .episodes { lost.append("summaries") }
        if !episode.chapters.isEmpty && self != .chapters { lost.append("chapters (\(CSVSettings.table.mention) chapters writes them)") }
        if !episode.entities.isEmpty && self != .entities { lost.append("entities (\(CSVSettings.table.mention) entities writes them)") }
        if self == .chapters {
            if episode.chapters.contains(where: { $0.quotes.contains { $0.time != nil } }) { lost.append("quote times") }
            if episode.chapters.contains(where: \.isRecovered) { lost.append("which chapters were recovered") }
        }
        var fields: [String] = []
        if metadata.url != nil && self == .entities { fields.append("pages") }
        if metadata.guid != nil && self != .episodes { fields.append("guids") }
        if metadata.duration != nil && self != .episodes { fields.append("durations") }
        if (metadata.season != nil || metadata.number != nil) && self != .episodes { fields.append("seasons and numbers") }
        if metadata.enclosure != nil { fields.append("enclosures") }
        if metadata.image != nil { fields.append("artwork") }
        if metadata.explicit != nil { fields.append("explicit flags") }
        if metadata.chaptersLink != nil || !metadata.transcriptLinks.isEmpty { fields.append("chapters and transcript links") }
        if !metadata.extra.isEmpty { fields.append("extra fields") }
        lost += fields.map { "episode " + $0 }
        if episode.transcript != nil { lost.append("transcripts") }
        return lost
    }
}
