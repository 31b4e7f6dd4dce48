import Foundation
import QuireCore
import Testing

/// A ground-truth file in the shape of `sample-channel-page.expected.json`: the exact expected reading of
/// some episodes of a page, by their 1-based index.
struct GroundTruth {
    struct ExpectedEpisode {
        var index: Int
        var title: String
        var summary: String
        var chapters: [ExpectedChapter]
        var entities: [Entity]
    }

    struct ExpectedChapter {
        var start: Int
        var title: String
        var body: String
        var quotes: [Quote]
    }

    var preamble: [String]
    var episodes: [ExpectedEpisode]

    init(contentsOf url: URL) throws {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        preamble = root["preamble"] as? [String] ?? []
        episodes = try (root["episodes"] as? [[String: Any]] ?? []).map { episode in
            ExpectedEpisode(
                index: try #require(episode["index"] as? Int), title: try #require(episode["title"] as? String),
                summary: episode["summary"] as? String ?? "",
                chapters: try (episode["chapters"] as? [[String: Any]] ?? []).map { chapter in
                    ExpectedChapter(
                        start: try #require(chapter["start"] as? Int), title: try #require(chapter["title"] as? String),
                        body: chapter["body"] as? String ?? "",
                        quotes: (chapter["quotes"] as? [[String: Any]] ?? []).map { Quote(text: $0["text"] as? String ?? "", time: $0["time"] as? Int) })
                },
                entities: (episode["entities"] as? [[String: Any]] ?? []).map {
                    Entity(name: $0["name"] as? String ?? "", type: $0["type"] as? String ?? "", description: $0["description"] as? String ?? "")
                })
        }
    }

    /// Checks everything the reader must find exactly: titles, overviews, chapter starts, quotes with
    /// their times, entities; and that each chapter's heading and body together hold exactly the expected
    /// text (the split itself is scored separately).
    func verify(_ collection: EpisodeCollection, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(collection.preamble == preamble, sourceLocation: sourceLocation)
        for expected in episodes {
            guard collection.episodes.indices.contains(expected.index - 1) else {
                Issue.record("episode \(expected.index) is missing", sourceLocation: sourceLocation)
                continue
            }
            let episode = collection.episodes[expected.index - 1]
            let label = "episode \(expected.index)"
            #expect(episode.title == expected.title, "\(label)", sourceLocation: sourceLocation)
            #expect(episode.summary == expected.summary, "\(label)", sourceLocation: sourceLocation)
            #expect(episode.chapters.map(\.start) == expected.chapters.map(\.start), "\(label)", sourceLocation: sourceLocation)
            for (chapter, truth) in zip(episode.chapters, expected.chapters) {
                #expect(chapter.quotes == truth.quotes, "\(label) chapter at \(truth.start)s", sourceLocation: sourceLocation)
                #expect(
                    Self.joined(chapter.title, chapter.body) == Self.joined(truth.title, truth.body), "\(label) chapter at \(truth.start)s",
                    sourceLocation: sourceLocation)
            }
            #expect(episode.entities == expected.entities, "\(label)", sourceLocation: sourceLocation)
        }
    }

    private static func joined(_ title: String, _ body: String) -> String {
        body.isEmpty ? title : title + " " + body
    }
}
