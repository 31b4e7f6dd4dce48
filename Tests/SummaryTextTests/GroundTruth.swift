import Foundation
import QuireCore
import QuireScoring
import Testing

/// Test-side checks over the ground truth `quire score` uses (sample-channel-page.expected.json's shape).
extension GroundTruth {
    init(contentsOf url: URL) throws {
        try self.init(bytes: Array(try Data(contentsOf: url)))
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
                let at = "\(label) chapter at \(truth.start.map { "\($0)s" } ?? "untimed")"
                #expect(chapter.quotes == truth.quotes, "\(at)", sourceLocation: sourceLocation)
                #expect(Self.joined(chapter.title, chapter.body) == Self.joined(truth.title, truth.body), "\(at)", sourceLocation: sourceLocation)
            }
            #expect(episode.entities == expected.entities, "\(label)", sourceLocation: sourceLocation)
        }
    }

    private static func joined(_ title: String, _ body: String) -> String {
        body.isEmpty ? title : title + " " + body
    }
}
