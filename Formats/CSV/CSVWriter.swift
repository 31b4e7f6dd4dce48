import QuireCore

/// Writes one table of the collection as CSV (setting `csv`), an episode at a time: a streamed
/// collection of any size is written in the memory of one episode's rows.
public struct CSVWriter: FormatWriter, StreamingFormatWriter {
    public init() {}

    public func write(_ collection: EpisodeCollection, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> [UInt8] {
        var encoder = try CSVTableEncoder(options: options)
        var bytes: [UInt8] = []
        encoder.begin(CollectionHeader(title: collection.title, preamble: collection.preamble, channels: collection.channels), into: &bytes)
        for episode in collection.episodes { encoder.append(episode, into: &bytes) }
        encoder.finish(diagnostics: &diagnostics)
        return bytes
    }

    public func streamWriter(options: ConversionOptions, output: StreamOutput) throws -> (any EpisodeStreamWriter)? {
        CSVStreamWriter(encoder: try CSVTableEncoder(options: options), output: output)
    }
}

final class CSVStreamWriter: EpisodeStreamWriter {
    private var encoder: CSVTableEncoder
    private let output: StreamOutput
    private var buffer: [UInt8] = []

    init(encoder: CSVTableEncoder, output: StreamOutput) {
        self.encoder = encoder
        self.output = output
    }

    func begin(_ header: CollectionHeader, diagnostics: inout Diagnostics) throws {
        encoder.begin(header, into: &buffer)
        try flush()
    }

    func write(_ episodes: [Episode], diagnostics: inout Diagnostics) throws {
        for episode in episodes {
            encoder.append(episode, into: &buffer)
            try flush()
        }
    }

    func finish(diagnostics: inout Diagnostics) throws {
        encoder.finish(diagnostics: &diagnostics)
    }

    private func flush() throws {
        try output.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// The table's bytes and what it could not hold, the same whether the collection comes whole or in batches.
struct CSVTableEncoder {
    let table: CSVTable
    let guardsFormulas: Bool
    let byteOrderMark: Bool
    /// What the table leaves out, in the order first met, each once.
    private var lost: [String] = []
    private var episodesWithoutRows = 0
    private var guardedCells = 0
    private var channelsWithoutEpisodes: [String] = []

    init(options: ConversionOptions) throws(ConversionFailure) {
        table = try options.choice(CSVSettings.table, as: CSVTable.self) ?? .chapters
        guardsFormulas = !options.flag(CSVSettings.unsafe)
        byteOrderMark = options.flag(CSVSettings.byteOrderMark)
    }

    mutating func begin(_ header: CollectionHeader, into output: inout [UInt8]) {
        if byteOrderMark { output += CSVRecord.byteOrderMark }
        CSVRecord.append(table.columns, to: &output)
        if header.title != nil { noteLost("the collection's title") }
        if !header.preamble.isEmpty { noteLost("the preamble") }
        if header.channels.contains(where: { $0 != Channel(title: $0.title) }) {
            noteLost("channel details (feed, site, description, artwork, author, categories)")
        }
        channelsWithoutEpisodes = header.channels.map(\.title)
    }

    mutating func append(_ episode: Episode, into output: inout [UInt8]) {
        let rows = table.rows(for: episode)
        if rows.isEmpty { episodesWithoutRows += 1 }
        for var row in rows {
            if guardsFormulas {
                for index in row.indices where CSVFormulaGuard.needsGuard(row[index]) {
                    row[index] = "'" + row[index]
                    guardedCells += 1
                }
            }
            CSVRecord.append(row, to: &output)
        }
        for part in table.lostParts(of: episode) { noteLost(part) }
        if let channel = episode.channel { channelsWithoutEpisodes.removeAll { $0 == channel } }
    }

    mutating func finish(diagnostics: inout Diagnostics) {
        var lost = lost
        if !channelsWithoutEpisodes.isEmpty { lost.append(count(channelsWithoutEpisodes.count, "channel") + " without episodes") }
        if episodesWithoutRows > 0 && table != .episodes {
            lost.append(count(episodesWithoutRows, "episode") + " without \(table.rawValue), which have no row")
        }
        if !lost.isEmpty {
            diagnostics.report(.warning("csv.lossy", "the \(table.rawValue) table leaves out " + lost.joined(separator: "; ")))
        }
        if guardedCells > 0 {
            diagnostics.report(
                .note(
                    "csv.formula-guard",
                    "\(count(guardedCells, "cell")) beginning with =, +, -, @, a tab or a carriage return \(guardedCells == 1 ? "starts" : "start") with ' so spreadsheets show text, not a formula; \(CSVSettings.unsafe.mention) writes them as they are"
                ))
        }
    }

    private mutating func noteLost(_ part: String) {
        if !lost.contains(part) { lost.append(part) }
    }

    private func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}
