import QuireCore
import QuireJSON
import QuireSummaryText
import Testing

/// Reads summary text, returning the model and every diagnostic.
func readSummary(_ text: String, name: String = "in.txt") throws -> (EpisodeCollection, Diagnostics) {
    try readSummary(InputFile(name: name, bytes: Array(text.utf8)))
}

func readSummary(_ input: InputFile) throws -> (EpisodeCollection, Diagnostics) {
    var diagnostics = Diagnostics()
    let collection = try SummaryTextReader().read(input, options: ConversionOptions(), diagnostics: &diagnostics)
    return (collection, diagnostics)
}

func writeSummary(_ collection: EpisodeCollection) throws -> String {
    var diagnostics = Diagnostics()
    return String(decoding: try SummaryTextWriter().write(collection, options: ConversionOptions(), diagnostics: &diagnostics), as: UTF8.self)
}

func viaJSON(_ collection: EpisodeCollection) throws -> EpisodeCollection {
    var diagnostics = Diagnostics()
    let bytes = try JSONModelWriter().write(collection, options: ConversionOptions(), diagnostics: &diagnostics)
    return try JSONModelReader().read(InputFile(name: "roundtrip.json", bytes: bytes), options: ConversionOptions(), diagnostics: &diagnostics)
}

/// The diagnostics a failing read threw.
func readFailure(_ bytes: [UInt8], name: String = "in.txt") -> [Diagnostic] {
    do {
        _ = try readSummary(InputFile(name: name, bytes: bytes))
        Issue.record("expected the read to fail")
    } catch let failure as ConversionFailure {
        return failure.diagnostics
    } catch {
        Issue.record("unexpected error \(error)")
    }
    return []
}

/// What summary text carries of a model: everything but transcripts and entities' roles and pages,
/// which the writer warns about.
func summaryCarried(_ collection: EpisodeCollection) -> EpisodeCollection {
    var carried = collection
    for index in carried.episodes.indices {
        carried.episodes[index].transcript = nil
        for entity in carried.episodes[index].entities.indices {
            carried.episodes[index].entities[entity].role = nil
            carried.episodes[index].entities[entity].url = nil
        }
    }
    return carried
}

/// The warnings the writer gives for what `summaryCarried` leaves out.
let summaryFeedLossWarnings: Set<String> = ["summary.transcript.dropped", "summary.entity.dropped"]
