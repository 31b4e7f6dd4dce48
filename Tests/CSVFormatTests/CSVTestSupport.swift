import Foundation
import QuireCSV
import QuireCore
import QuireTestSupport
import Testing

/// Writes `collection` as one CSV table with the library writer.
func writeCSV(_ collection: EpisodeCollection, _ settings: [String: String] = [:]) throws -> (bytes: [UInt8], diagnostics: Diagnostics) {
    var diagnostics = Diagnostics()
    let bytes = try CSVWriter().write(collection, options: ConversionOptions(settings), diagnostics: &diagnostics)
    return (bytes, diagnostics)
}

/// A CSV file as Python's `csv` module reads it (Fixtures/read_csv.py): the header and the records.
struct PythonTable {
    var header: [String]
    var rows: [[String]]

    /// Each record as column name → cell.
    var records: [[String: String]] {
        rows.map { row in Dictionary(uniqueKeysWithValues: zip(header, row)) }
    }

    /// Runs `python3 Fixtures/read_csv.py` over `bytes`; `flags` are the script's (`--unguard`, `--bom`).
    static func read(_ bytes: [UInt8], flags: [String] = ["--unguard"]) throws -> PythonTable {
        let directory = try TemporaryDirectory()
        let path = directory.path("table.csv")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let script = Fixtures.url("Tests/CSVFormatTests/Fixtures/read_csv.py").path
        let result = try ExternalTool.run("python3", [script, path] + flags)
        guard result.status == 0 else { throw PythonFailure(message: result.error) }
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        guard let header = object?["header"] as? [String], let rows = object?["rows"] as? [[String]] else {
            throw PythonFailure(message: "unexpected output: \(result.output.prefix(200))")
        }
        return PythonTable(header: header, rows: rows)
    }

    struct PythonFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { "read_csv.py failed: \(message)" }
    }
}

extension Trait where Self == ConditionTrait {
    static var needsPython: Self { .enabled(if: ExternalTool.isAvailable("python3"), "needs python3 on PATH") }
}

/// What each table should hold, worked out from the model here rather than by the writer's code:
/// one record per chapter, per entity mention or per episode, every cell as the model has it.
enum ExpectedTable {
    static func clock(_ seconds: Int) -> String { String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60) }

    static func chapters(_ collection: EpisodeCollection) -> [[String: String]] {
        collection.episodes.flatMap { episode in
            episode.chapters.enumerated().map { index, chapter in
                [
                    "channel": episode.channel ?? "", "episode": episode.title, "published": episode.metadata.published ?? "",
                    "episode_url": episode.metadata.url ?? "", "chapter": "\(index + 1)", "start": chapter.start.map(clock) ?? "",
                    "start_seconds": chapter.start.map { "\($0)" } ?? "", "heading": chapter.title, "body": chapter.body,
                    "quotes": chapter.quotes.map(\.text).joined(separator: "\n"),
                ]
            }
        }
    }

    static func entities(_ collection: EpisodeCollection) -> [[String: String]] {
        collection.episodes.flatMap { episode in
            episode.entities.map { entity in
                [
                    "channel": episode.channel ?? "", "episode": episode.title, "published": episode.metadata.published ?? "", "name": entity.name,
                    "type": entity.type, "kind": entity.kind?.rawValue ?? "", "description": entity.description, "role": entity.role ?? "",
                    "url": entity.url ?? "",
                ]
            }
        }
    }

    static func episodes(_ collection: EpisodeCollection) -> [[String: String]] {
        collection.episodes.map { episode in
            let metadata = episode.metadata
            return [
                "channel": episode.channel ?? "", "title": episode.title, "published": metadata.published ?? "", "url": metadata.url ?? "",
                "guid": metadata.guid ?? "", "duration": metadata.duration.map(clock) ?? "", "duration_seconds": metadata.duration.map { "\($0)" } ?? "",
                "language": episode.language ?? "", "season": metadata.season.map { "\($0)" } ?? "", "number": metadata.number.map { "\($0)" } ?? "",
                "summary": episode.summary, "chapter_count": "\(episode.chapters.count)", "entity_count": "\(episode.entities.count)",
            ]
        }
    }

    static func records(_ table: CSVTable, _ collection: EpisodeCollection) -> [[String: String]] {
        switch table {
        case .chapters: chapters(collection)
        case .entities: entities(collection)
        case .episodes: episodes(collection)
        }
    }
}

/// Text that breaks naive CSV: commas, quotes, line breaks of both kinds, CJK and Hangul, and cells a
/// spreadsheet would run as formulas.
enum TrickySamples {
    static let collection = EpisodeCollection(
        title: "Tricky",
        channels: [Channel(title: "\"Quoted\", Inc.", feedURL: "https://example.org/q.xml")],
        episodes: [
            Episode(
                title: "Bread, \"Butter\" & Jam", channel: "\"Quoted\", Inc.", language: "en", summary: "Line one.\nLine two, with a comma.",
                chapters: [
                    Chapter(start: 0, title: "=HYPERLINK(\"https://evil.example\",\"click\")", body: "+1 555 0100 is a phone number"),
                    Chapter(
                        start: 5565, title: "After ninety minutes", body: "Body with \"quotes\", commas\r\nand a CRLF.",
                        quotes: [Quote(text: "@SUM(A1:A9)", time: 5600), Quote(text: "He said \"no\", twice.")]),
                    Chapter(start: nil, title: "-12", body: "'=already quoted", quotes: [Quote(text: "- a dash first")]),
                ],
                entities: [
                    Entity(name: "-Dash Person", type: "Person", description: "\tTabbed, then text", role: "guest", url: "https://example.org/p?a=1,2"),
                    Entity(name: "Widget", type: "gizmo", description: "No kind for this type."),
                ],
                metadata: EpisodeMetadata(url: "https://example.org/e/1", published: "2026-05-21", duration: 5700, guid: "g,1")),
            Episode(
                title: "面包，黄油和“果酱”", channel: "\"Quoted\", Inc.", language: "zh", summary: "第一段。\n\n第二段，有逗号。",
                chapters: [Chapter(start: 65, title: "开场：问题", body: "主持人说：\"欢迎\"，然后开始。", quotes: [Quote(text: "面包是慢速的爆炸。")])],
                entities: [Entity(name: "酵母", type: "概念", description: "一种真菌，\n用于发酵")]),
            Episode(title: "역사, 그리고 \"시간\"", language: "ko", summary: "챕터가 없는 에피소드."),
        ])
}
