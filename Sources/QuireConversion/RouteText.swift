import QuireCore

/// The text `quire route`, `quire convert --explain` and `GET /v1/route` show for a route.
public enum RouteText {
    /// `route summary → json: 2 steps, cost 2, lossless` and a line per step. `rewrite` respells
    /// the settings messages mention (the command line shows them as flags).
    public static func render(_ route: Route, from source: GraphNode, to target: GraphNode, rewrite: (String) -> String = { $0 }) -> String {
        let lossy = route.losses.isEmpty ? "lossless" : "lossy"
        var lines = ["route \(source) → \(target): \(route.steps.count) steps, cost \(route.cost), \(lossy)"]
        for (index, step) in route.steps.enumerated() {
            if step.isFilter {
                lines.append("  \(index + 1). \(step.description)  \(step.kind) from \(step.provider)")
                continue
            }
            var line = "  \(index + 1). \(step.description)  \(step.kind) from \(step.provider), cost \(step.cost)"
            if case .lossy(let what) = step.loss { line += ", loses \(rewrite(what))" }
            if let reason = step.reason { line += " — \(reason)" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// `quire route FROM TO` without an input: the route, and where inputs a conditional direct first
    /// step declines go instead.
    public static func describe(
        _ route: Route, from source: GraphNode, to target: GraphNode, via: [GraphNode], filtered: Bool, graph: ConversionGraph,
        rewrite: (String) -> String = { $0 }
    ) -> String {
        var text = render(route, from: source, to: target, rewrite: rewrite)
        if !filtered, let otherwise = graph.routeDecliningSelectiveStart(from: source, to: target, via: via) {
            text += "\ninputs the direct converter declines take:\n" + render(otherwise, from: source, to: target, rewrite: rewrite)
        }
        return text
    }
}
