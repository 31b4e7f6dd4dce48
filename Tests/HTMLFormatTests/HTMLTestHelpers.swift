import Foundation
import QuireCore
import QuireHTML
import QuireSummaryText
import QuireTestSupport
import Testing

/// Writes `collection` as one page (or a split site) with a fixed date.
func writeHTML(_ collection: EpisodeCollection, options: [String: String] = [:]) throws -> (String, Diagnostics) {
    var diagnostics = Diagnostics()
    let bytes = try HTMLWriter().write(collection, options: ConversionOptions(options), diagnostics: &diagnostics)
    return (String(decoding: bytes, as: UTF8.self), diagnostics)
}

func writeSite(_ collection: EpisodeCollection, options: [String: String] = [:]) throws -> ([OutputFile], Diagnostics) {
    var diagnostics = Diagnostics()
    var all = options
    all["split"] = "true"
    let files = try #require(try HTMLWriter().writeFolder(collection, options: ConversionOptions(all), diagnostics: &diagnostics))
    return (files, diagnostics)
}

func readHTML(_ text: String, name: String = "in.html") throws -> (EpisodeCollection, Diagnostics) {
    var diagnostics = Diagnostics()
    let collection = try HTMLReader().read(InputFile(name: name, bytes: Array(text.utf8)), options: ConversionOptions(), diagnostics: &diagnostics)
    return (collection, diagnostics)
}

/// A real input read with the summary-text reader, as the CLI would.
func summaryModel(_ relativePath: String) throws -> EpisodeCollection {
    var diagnostics = Diagnostics()
    return try SummaryTextReader().read(try Fixtures.input(relativePath), options: ConversionOptions(), diagnostics: &diagnostics)
}

/// The shared corpus page, read as summary text; for tests marked `.needsSharedCorpus`.
func sharedCorpusModel() throws -> EpisodeCollection {
    let url = try #require(Fixtures.sharedCorpus("sample-channel-page.txt"))
    var diagnostics = Diagnostics()
    return try SummaryTextReader().read(try Fixtures.input(at: url, name: "sample-channel-page.txt"), options: ConversionOptions(), diagnostics: &diagnostics)
}

/// Where two models first differ, for readable failures on large models.
func firstDifference(_ lhs: EpisodeCollection, _ rhs: EpisodeCollection) -> String {
    if lhs.title != rhs.title { return "title: \(String(describing: lhs.title)) vs \(String(describing: rhs.title))" }
    if lhs.preamble != rhs.preamble { return "preamble: \(lhs.preamble) vs \(rhs.preamble)" }
    if lhs.channels != rhs.channels { return "channels: \(lhs.channels) vs \(rhs.channels)" }
    if lhs.episodes.count != rhs.episodes.count { return "episode count \(lhs.episodes.count) vs \(rhs.episodes.count)" }
    for (a, b) in zip(lhs.episodes, rhs.episodes) where a != b {
        if a.title != b.title { return "episode title: \(a.title.debugDescription) vs \(b.title.debugDescription)" }
        if a.summary != b.summary { return "summary: \(a.summary.debugDescription) vs \(b.summary.debugDescription)" }
        if a.metadata != b.metadata { return "metadata: \(a.metadata) vs \(b.metadata)" }
        if a.language != b.language || a.channel != b.channel { return "language/channel: \(a) vs \(b)" }
        if a.entities != b.entities { return "entities: \(a.entities) vs \(b.entities)" }
        if a.transcript != b.transcript { return "transcript: \(String(describing: a.transcript)) vs \(String(describing: b.transcript))" }
        for (c, d) in zip(a.chapters, b.chapters) where c != d {
            return "chapter: \(c) vs \(d)"
        }
        return "chapters: \(a.chapters.count) vs \(b.chapters.count)"
    }
    return "no difference"
}
