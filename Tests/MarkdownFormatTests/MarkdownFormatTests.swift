import Foundation
import QuireCore
import QuireSummaryText
import QuireTestSupport
import Testing

@testable import QuireMarkdown

// Shared helpers for the Markdown format's tests (one file per concern beside this one).

func writeMarkdown(_ collection: EpisodeCollection, options: [String: String] = [:]) throws -> (String, Diagnostics) {
    var diagnostics = Diagnostics()
    let bytes = try MarkdownWriter().write(collection, options: ConversionOptions(options), diagnostics: &diagnostics)
    return (String(decoding: bytes, as: UTF8.self), diagnostics)
}

func readMarkdown(_ text: String, name: String = "in.md") throws -> (EpisodeCollection, Diagnostics) {
    try readMarkdown(InputFile(name: name, bytes: Array(text.utf8)))
}

func readMarkdown(_ input: InputFile) throws -> (EpisodeCollection, Diagnostics) {
    var diagnostics = Diagnostics()
    let collection = try MarkdownReader().read(input, options: ConversionOptions(), diagnostics: &diagnostics)
    return (collection, diagnostics)
}

/// A real model: a summary-text example read with the summary-text reader.
func summaryModel(_ relativePath: String) throws -> EpisodeCollection {
    var diagnostics = Diagnostics()
    return try SummaryTextReader().read(try Fixtures.input(relativePath), options: ConversionOptions(), diagnostics: &diagnostics)
}

/// The shared corpus page, read as summary text; for tests marked `.needsSharedCorpus`.
func sharedChannelPageModel() throws -> EpisodeCollection {
    let url = try #require(Fixtures.sharedCorpus("sample-channel-page.txt"))
    var diagnostics = Diagnostics()
    return try SummaryTextReader().read(
        try Fixtures.input(at: url, name: "sample-channel-page.txt"), options: ConversionOptions(), diagnostics: &diagnostics)
}

/// Where the first difference between two models is, for a readable failure.
func firstDifference(_ left: EpisodeCollection, _ right: EpisodeCollection) -> String {
    if left.title != right.title { return "title: \(String(describing: left.title)) vs \(String(describing: right.title))" }
    if left.preamble != right.preamble { return "preamble: \(left.preamble) vs \(right.preamble)" }
    if left.channels != right.channels { return "channels: \(left.channels) vs \(right.channels)" }
    if left.episodes.count != right.episodes.count { return "episode count \(left.episodes.count) vs \(right.episodes.count)" }
    for (index, (a, b)) in zip(left.episodes, right.episodes).enumerated() where a != b {
        if a.title != b.title { return "episode \(index) title: \(a.title.debugDescription) vs \(b.title.debugDescription)" }
        if a.summary != b.summary { return "episode \(index) summary: \(a.summary.debugDescription) vs \(b.summary.debugDescription)" }
        if a.metadata != b.metadata || a.channel != b.channel || a.language != b.language {
            return
                "episode \(index) metadata: \(a.metadata) \(String(describing: a.channel)) \(String(describing: a.language)) vs \(b.metadata) \(String(describing: b.channel)) \(String(describing: b.language))"
        }
        if a.chapters.count != b.chapters.count { return "episode \(index) chapter count \(a.chapters.count) vs \(b.chapters.count)" }
        for (number, (x, y)) in zip(a.chapters, b.chapters).enumerated() where x != y {
            if x.title != y.title { return "episode \(index) chapter \(number) title: \(x.title.debugDescription) vs \(y.title.debugDescription)" }
            if x.body != y.body { return "episode \(index) chapter \(number) body: \(x.body.debugDescription) vs \(y.body.debugDescription)" }
            if x.quotes != y.quotes { return "episode \(index) chapter \(number) quotes: \(x.quotes) vs \(y.quotes)" }
            return "episode \(index) chapter \(number): \(x) vs \(y)"
        }
        for (number, (x, y)) in zip(a.entities, b.entities).enumerated() where x != y {
            return "episode \(index) entity \(number): \(x) vs \(y)"
        }
        return "episode \(index) entities \(a.entities.count) vs \(b.entities.count)"
    }
    return "no difference"
}
