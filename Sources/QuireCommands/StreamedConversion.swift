import QuireCore

/// When a conversion streams: a reader that reads in pieces, a writer that writes as episodes arrive,
/// one input file and one output file. Large inputs stream by default, so their memory stays that of
/// a piece of the input plus the writer's index, however large the input.
enum StreamingPolicy: String, CaseIterable, Sendable {
    /// Stream inputs of `automaticThreshold` bytes or more.
    case auto
    case always
    case never

    /// Below this, reading whole is as fast and its memory small anyway.
    static let automaticThreshold = 8 << 20
}

/// One streamed run of `quire convert`: route, reader and writer chosen as for a whole read, episodes
/// handed from one to the other a piece at a time, the output written atomically at the end.
struct StreamedConversion {
    let route: Route
    let reader: any StreamingFormatReader
    let writer: any StreamingFormatWriter
    let inputPath: String

    /// The streamed form of converting `inputPath` along `route`, or `nil` when it cannot stream.
    init?(route: Route, inputPath: String) {
        guard route.steps.count == 2,
              case .read(let reader as any StreamingFormatReader) = route.steps[0].action,
              case .write(let writer as any StreamingFormatWriter) = route.steps[1].action
        else { return nil }
        self.route = route
        self.reader = reader
        self.writer = writer
        self.inputPath = inputPath
    }

    /// Runs it. Returns `nil` when the writer's options or the input's form need a whole read (nothing
    /// is then written), else the output, complete but not yet given its name: the caller commits it.
    func run(
        options: ConversionOptions, defaults: CollectionDefaults, outputPath: String, diagnostics: inout Diagnostics, progress: ProgressReporter
    ) throws -> StreamOutput? {
        let output: StreamOutput
        do {
            output = try StreamOutput(path: outputPath)
        } catch {
            throw CommandFailure.failure("cannot write \(error.description)")
        }
        guard let stream = try writer.streamWriter(options: options, output: output) else { return nil }
        let streamed = try reader.stream(
            path: inputPath, name: inputPath, options: options, diagnostics: &diagnostics,
            into: DefaultsApplyingStreamWriter(defaults, writing: stream),
            progress: { progress.advance(to: $0 >> 20) })
        return streamed ? output : nil
    }
}
