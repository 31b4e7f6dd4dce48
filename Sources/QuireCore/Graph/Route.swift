/// A chosen path through the graph, and the means to run it.
public struct Route: Sendable {
    public var steps: [ConversionEdge]

    public init(steps: [ConversionEdge]) { self.steps = steps }

    public var cost: Int { steps.reduce(0) { $0 + $1.cost } }
    /// The filter steps, in the order they run.
    public var filters: [ConversionEdge] { steps.filter(\.isFilter) }
    public var losses: [String] {
        steps.compactMap { if case .lossy(let what) = $0.loss { "\($0.description): \(what)" } else { nil } }
    }

    /// What flows between steps: bytes of some format, or the model.
    public enum Value: Sendable {
        case bytes(InputFile)
        case model(EpisodeCollection)
        /// The changes to a folder of files, from a `FolderWriter` asked for one; always the last step's value.
        case folder(FolderUpdate)
    }

    /// Runs every step in order. `transformModel` is applied whenever the model is reached (job-wide
    /// settings such as `--channel`). The value is consumed: an input's bytes are released once they
    /// are read, before the next step runs. `existingFolder` is what the output folder holds already, for
    /// a last step that writes a folder.
    public func run(
        _ value: consuming Value, options: ConversionOptions, diagnostics: inout Diagnostics,
        transformModel: (inout EpisodeCollection) -> Void = { _ in }, existingFolder: any ExistingFolder = FolderSnapshot.empty
    ) throws -> Value {
        let target: FormatID? = if case .format(let id) = steps.last?.to { id } else { nil }
        for (index, step) in steps.enumerated() {
            switch (step.action, value) {
            case (.read(let reader), .bytes(let input)):
                var collection = try reader.read(input, options: options, diagnostics: &diagnostics)
                transformModel(&collection)
                value = .model(collection)
            case (.write(let writer as any FolderWriter), .model(let collection)) where index == steps.count - 1:
                if let update = try writer.updateFolder(collection, existing: existingFolder, options: options, diagnostics: &diagnostics) {
                    value = .folder(update)
                } else {
                    let bytes = try writer.write(collection, options: options, diagnostics: &diagnostics)
                    value = .bytes(InputFile(name: "<\(step.to) from step \(index + 1)>", bytes: bytes))
                }
            case (.write(let writer), .model(let collection)):
                let bytes = try writer.write(collection, options: options, diagnostics: &diagnostics)
                value = .bytes(InputFile(name: "<\(step.to) from step \(index + 1)>", bytes: bytes))
            case (.filter(let filter, _), .model(let collection)):
                value = .model(try filter.filter(collection, options: options, target: target, diagnostics: &diagnostics))
            case (.convert(let converter), .bytes(let input)):
                let bytes = try converter.convert(input, options: options, diagnostics: &diagnostics)
                value = .bytes(InputFile(name: "<\(step.to) from step \(index + 1)>", bytes: bytes))
            default:
                // Routes come from the graph, whose edges connect only matching kinds of value.
                preconditionFailure("route step \(index + 1) (\(step)) does not accept the value before it")
            }
        }
        return value
    }
}
