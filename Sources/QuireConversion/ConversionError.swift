import QuireCore

/// Why a conversion did not finish. Diagnostics about the inputs have already gone to the consumer;
/// this says what the caller should tell its user, and whether the request itself was wrong.
public struct ConversionError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The request is wrong: an unknown format or setting, a format that cannot be told.
        case request
        /// An input could not be read or converted, an output not written, or no route exists.
        case failure
    }

    public var kind: Kind
    /// Shown to the user when present; `nil` when the diagnostics already said everything.
    public var message: String?

    public init(_ kind: Kind, _ message: String? = nil) {
        self.kind = kind
        self.message = message
    }

    static func request(_ message: String) -> ConversionError { ConversionError(.request, message) }
    static func failure(_ message: String? = nil) -> ConversionError { ConversionError(.failure, message) }

    public var description: String { message ?? "conversion failed" }
}

/// What a finished conversion made.
public enum ConversionOutcome: Sendable, Hashable {
    /// The output file was written (atomically).
    case written(path: String)
    /// The bytes for `ConversionRequest.Output.standardOutput`.
    case output([UInt8])
    /// A folder of files (a site) was written under `folder`.
    case folder(String, files: Int)
    /// A batch ran; `report` says what happened to each input.
    case batch(BatchReport)
}

/// Hears about a conversion as it runs, for front ends that show it: the route chosen (`--explain`)
/// and progress through large inputs and batches. Every method does nothing unless implemented.
public protocol ConversionObserver: Sendable {
    /// A route is about to run; `streamed` when it ran a piece at a time (said after it did).
    func willRun(_ route: Route, from source: GraphNode, to target: GraphNode, streamed: Bool)
    /// Work of `total` units (`MB`, `files`) begins; the returned tracker hears how far it got.
    func beginProgress(total: Int, unit: String) -> (any ConversionProgress)?
}

extension ConversionObserver {
    public func willRun(_ route: Route, from source: GraphNode, to target: GraphNode, streamed: Bool) {}
    public func beginProgress(total: Int, unit: String) -> (any ConversionProgress)? { nil }
}

/// How far a long piece of work has got.
public protocol ConversionProgress: Sendable {
    /// Moves to `done` units, or one further when `nil`.
    func advance(to done: Int?)
    func finish()
}

/// An observer that ignores everything.
public struct SilentObserver: ConversionObserver {
    public init() {}
}
