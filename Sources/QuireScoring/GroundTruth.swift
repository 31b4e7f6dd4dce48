import Foundation
import QuireCore

/// A hand-checked reading of some episodes of a page.
public struct GroundTruth: Sendable {
    public struct Episode: Sendable {
        public var index: Int
        public var title: String
        public var summary: String
        public var chapters: [QuireCore.Chapter]
        public var entities: [Entity]
        /// The episode's language, when the truth names it (the heading corpus does); scores are also given per language.
        public var language: String?
        /// Where the episode came from, when the truth names it (the heading corpus: `folder/file.txt`).
        public var file: String?
        /// Per chapter, other headings a careful reader could honestly have chosen (`acceptable_titles`); they count as exact.
        public var acceptableTitles: [[String]]
    }

    public struct Malformed: Error, CustomStringConvertible {
        public var description: String
    }

    public var preamble: [String]
    public var episodes: [Episode]

    public init(bytes: [UInt8]) throws {
        guard let root = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
            let episodes = root["episodes"] as? [[String: Any]]
        else { throw Malformed(description: "expected an object with an 'episodes' array") }
        preamble = root["preamble"] as? [String] ?? []
        self.episodes = try episodes.map { episode in
            guard let index = episode["index"] as? Int, index >= 1, let title = episode["title"] as? String else {
                throw Malformed(description: "every episode needs an 'index' (1 or more) and a 'title'")
            }
            let chapters = try (episode["chapters"] as? [[String: Any]] ?? []).map { chapter in
                guard let title = chapter["title"] as? String else {
                    throw Malformed(description: "episode \(index): every chapter needs a 'title'")
                }
                return QuireCore.Chapter(
                    start: chapter["start"] as? Int, title: title, body: chapter["body"] as? String ?? "",
                    quotes: (chapter["quotes"] as? [[String: Any]] ?? []).map { Quote(text: $0["text"] as? String ?? "", time: $0["time"] as? Int) })
            }
            let entities = (episode["entities"] as? [[String: Any]] ?? []).map {
                Entity(name: $0["name"] as? String ?? "", type: $0["type"] as? String ?? "", description: $0["description"] as? String ?? "")
            }
            let acceptable = (episode["chapters"] as? [[String: Any]] ?? []).map { $0["acceptable_titles"] as? [String] ?? [] }
            return Episode(
                index: index, title: title, summary: episode["summary"] as? String ?? "", chapters: chapters, entities: entities,
                language: episode["language"] as? String, file: episode["file"] as? String, acceptableTitles: acceptable)
        }
    }
}
