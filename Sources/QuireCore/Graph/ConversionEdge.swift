/// A node of the conversion graph: a format, or the in-memory model between readers and writers.
public enum GraphNode: Sendable, Hashable, Comparable, CustomStringConvertible {
    case model
    case format(FormatID)

    public var description: String {
        switch self {
        case .model: "model"
        case .format(let id): id.rawValue
        }
    }

    public static func < (lhs: GraphNode, rhs: GraphNode) -> Bool { lhs.description < rhs.description }
}

/// Whether a step keeps everything in the model.
public enum Loss: Sendable, Hashable {
    case lossless
    /// Loses what the text says (`chapter bodies`, `quotes`).
    case lossy(String)

    public var isLossy: Bool { self != .lossless }
}

/// One step the graph can take: a reader, a writer or a direct converter.
public struct ConversionEdge: Sendable, CustomStringConvertible {
    public enum Action: Sendable {
        case read(any FormatReader)
        case write(any FormatWriter)
        case convert(any DirectConverter)
        /// A `model → model` filter the job asked for by `name`; never an edge of the registry's graph.
        case filter(any ModelFilter, name: String)
    }

    public var from: GraphNode
    public var to: GraphNode
    public var action: Action
    public var cost: Int
    public var loss: Loss
    /// The plugin that registered the edge.
    public var provider: String
    /// For a direct converter, when it is the right choice.
    public var reason: String?

    public init(
        from: GraphNode, to: GraphNode, action: Action, cost: Int, loss: Loss, provider: String, reason: String? = nil
    ) {
        self.from = from
        self.to = to
        self.action = action
        self.cost = cost
        self.loss = loss
        self.provider = provider
        self.reason = reason
    }

    public var kind: String {
        switch action {
        case .read: "reader"
        case .write: "writer"
        case .convert: "converter"
        case .filter(_, let name): "filter '\(name)'"
        }
    }

    /// A filter step, spliced into a route where it reaches the model.
    public var isFilter: Bool {
        if case .filter = action { true } else { false }
    }

    /// A direct converter that takes only some inputs (`DirectConverter.isSelective`).
    public var isSelective: Bool {
        if case .convert(let converter) = action { converter.isSelective } else { false }
    }

    /// `summary → model`, used in listings and as the deterministic tie-breaker between equal routes.
    public var description: String { "\(from) → \(to)" }
}
