/// Finds routes between formats through readers, writers and direct converters.
///
/// The best route loses the least: first the fewest lossy steps, then the lowest total cost, then the
/// fewest steps; remaining ties go to the route whose steps sort first by name, so the choice is the same
/// on every run.
public struct ConversionGraph: Sendable {
    public let registry: FormatRegistry

    public init(registry: FormatRegistry) { self.registry = registry }

    public var nodes: [GraphNode] {
        [.model] + registry.formats.map { .format($0.id) }
    }

    /// The best route from `source` to `target`, passing through each of `via` in order.
    /// A route always takes at least one step, so `json → json` reads and writes again.
    /// Given the `input`, a first step that is a direct converter declining it is not taken.
    ///
    /// `filters` (steps from `RegisteredFilter.step`) run in order where the route first reaches the
    /// model, or first of all when `source` is the model; a route that never reaches it (a direct
    /// converter) gives way to the best route through the model.
    public func route(
        from source: GraphNode, to target: GraphNode, via: [GraphNode] = [], input: InputFile? = nil, filters: [ConversionEdge] = []
    ) throws(RouteError) -> Route {
        let accepting = { (edge: ConversionEdge) -> Bool in
            guard let input, edge.from == source, case .convert(let converter) = edge.action else { return true }
            return converter.accepts(input)
        }
        var route = try route(from: source, to: target, via: via, allowing: accepting)
        guard !filters.isEmpty else { return route }
        if source != .model && !route.steps.contains(where: { $0.to == .model }) {
            do {
                route = try self.route(from: source, to: target, via: [.model] + via, allowing: accepting)
            } catch {
                throw RouteError.noRouteThroughModel(from: source, to: target)
            }
        }
        let position = source == .model ? 0 : (route.steps.firstIndex { $0.to == .model } ?? -1) + 1
        route.steps.insert(contentsOf: filters, at: position)
        return route
    }

    /// The route an input takes when the selective converter the best route starts with declines it.
    /// `nil` when the best route does not start with a selective converter.
    public func routeDecliningSelectiveStart(from source: GraphNode, to target: GraphNode, via: [GraphNode] = []) -> Route? {
        guard let best = try? route(from: source, to: target, via: via), best.steps.first?.isSelective == true else { return nil }
        return try? route(from: source, to: target, via: via) { !($0.from == source && $0.isSelective) }
    }

    private func route(
        from source: GraphNode, to target: GraphNode, via: [GraphNode], allowing isAllowed: (ConversionEdge) -> Bool
    ) throws(RouteError) -> Route {
        let stops = [source] + via + [target]
        var steps: [ConversionEdge] = []
        for (index, (start, end)) in zip(stops, stops.dropFirst()).enumerated() {
            // Only the first leg sees the input's own bytes, and only a first step may be selective.
            let allowed = { (edge: ConversionEdge) -> Bool in
                if edge.isSelective && !(index == 0 && edge.from == source) { return false }
                return index > 0 || isAllowed(edge)
            }
            guard let leg = bestPath(from: start, to: end, allowing: allowed) else {
                throw RouteError.noRoute(from: start, to: end, reachable: reachable(from: start))
            }
            steps += leg
        }
        return Route(steps: steps)
    }

    /// Every node some route from `source` reaches, sorted.
    public func reachable(from source: GraphNode) -> [GraphNode] {
        var seen: Set<GraphNode> = []
        var frontier = [source]
        while let node = frontier.popLast() {
            for edge in registry.edges where edge.from == node && !seen.contains(edge.to) {
                seen.insert(edge.to)
                frontier.append(edge.to)
            }
        }
        return seen.sorted()
    }

    /// Dijkstra over a small graph with a lexicographic weight. The source starts unsettled, so a route
    /// back to the source itself has at least one step.
    private func bestPath(from source: GraphNode, to target: GraphNode, allowing isAllowed: (ConversionEdge) -> Bool) -> [ConversionEdge]? {
        var best: [GraphNode: PathWeight] = [:]
        var settled: Set<GraphNode> = []
        var paths: [GraphNode: [ConversionEdge]] = [:]

        func relax(from path: [ConversionEdge], weight: PathWeight) {
            let node = path.last?.to ?? source
            for edge in registry.edges where edge.from == node && !settled.contains(edge.to) && isAllowed(edge) {
                let candidate = weight.adding(edge)
                if let current = best[edge.to], current <= candidate { continue }
                best[edge.to] = candidate
                paths[edge.to] = path + [edge]
            }
        }

        relax(from: [], weight: PathWeight())
        while let (node, weight) = best.filter({ !settled.contains($0.key) }).min(by: { $0.value < $1.value }) {
            if node == target { return paths[node] }
            settled.insert(node)
            relax(from: paths[node]!, weight: weight)
        }
        return nil
    }
}

/// The lexicographic weight of a partial route.
private struct PathWeight: Comparable {
    var lossySteps = 0
    var cost = 0
    var stepCount = 0
    var key: [String] = []

    func adding(_ edge: ConversionEdge) -> PathWeight {
        PathWeight(
            lossySteps: lossySteps + (edge.loss.isLossy ? 1 : 0), cost: cost + edge.cost, stepCount: stepCount + 1,
            key: key + ["\(edge.description) \(edge.provider)"])
    }

    static func < (lhs: PathWeight, rhs: PathWeight) -> Bool {
        (lhs.lossySteps, lhs.cost, lhs.stepCount) != (rhs.lossySteps, rhs.cost, rhs.stepCount)
            ? (lhs.lossySteps, lhs.cost, lhs.stepCount) < (rhs.lossySteps, rhs.cost, rhs.stepCount)
            : lhs.key.lexicographicallyPrecedes(rhs.key)
    }
}

public enum RouteError: Error, Sendable, Equatable, CustomStringConvertible {
    case noRoute(from: GraphNode, to: GraphNode, reachable: [GraphNode])
    /// Filters need the model, and every route between the two formats goes around it.
    case noRouteThroughModel(from: GraphNode, to: GraphNode)

    public var description: String {
        switch self {
        case .noRoute(let from, let to, let reachable):
            let formats = reachable.filter { $0 != .model && $0 != from }.map(\.description)
            let reach = formats.isEmpty ? "it reaches no other format" : "from \(from) Quire can reach: \(formats.joined(separator: ", "))"
            return "no route from \(from) to \(to); \(reach)"
        case .noRouteThroughModel(let from, let to):
            return "filters work on the model, and no route from \(from) to \(to) passes through it (a direct converter does not read episodes)"
        }
    }
}
