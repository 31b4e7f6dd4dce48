import QuireCore

/// One streamed conversion: route, reader and writer chosen as for a whole read, episodes
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
        options: ConversionOptions, defaults: CollectionDefaults, outputPath: String, diagnostics: inout Diagnostics,
        progress: (any ConversionProgress)?
    ) throws -> StreamOutput? {
        let output: StreamOutput
        do {
            output = try StreamOutput(path: outputPath)
        } catch {
            throw ConversionError.failure("cannot write \(error.description)")
        }
        guard let stream = try writer.streamWriter(options: options, output: output) else { return nil }
        let streamed = try reader.stream(
            path: inputPath, name: inputPath, options: options, diagnostics: &diagnostics,
            into: DefaultsApplyingStreamWriter(defaults, writing: stream),
            progress: { progress?.advance(to: $0 >> 20) })
        return streamed ? output : nil
    }
}
