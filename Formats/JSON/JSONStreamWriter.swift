import QuireCore

extension JSONModelWriter: StreamingFormatWriter {
    public func streamWriter(options: ConversionOptions, output: StreamOutput) throws -> (any EpisodeStreamWriter)? {
        JSONStreamWriter(output: output)
    }
}

/// Writes JSON as episodes arrive: the fields before `episodes` (channels included, which the
/// header carries), then each episode, then the closing brackets.
final class JSONStreamWriter: EpisodeStreamWriter {
    private let output: StreamOutput
    private var walker = JSONModelWriter.Walker()

    init(output: StreamOutput) { self.output = output }

    func begin(_ header: CollectionHeader, diagnostics: inout Diagnostics) throws {
        walker.beginCollection(header)
        try output.write(walker.output.takeBytes())
    }

    func write(_ episodes: [Episode], diagnostics: inout Diagnostics) throws {
        // An episode at a time, so the walker's buffer stays one episode long.
        for episode in episodes {
            walker.visitEpisode(episode)
            try output.write(walker.output.takeBytes())
        }
    }

    func finish(diagnostics: inout Diagnostics) throws {
        walker.endCollection()
        try output.write(walker.output.takeBytes())
    }
}
