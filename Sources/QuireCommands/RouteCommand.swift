import ArgumentParser
import QuireCore

/// `quire route FROM TO`: the path the graph picks, step by step, and why.
struct RouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route", abstract: "Show the conversion path between two formats.")

    @Argument(help: "The source format (a name from `quire formats`, or `model`).")
    var from: String

    @Argument(help: "The target format.")
    var to: String

    @Option(name: .long, help: "Pass through this format on the way (repeatable, in order).")
    var via: [String] = []

    @OptionGroup var plugins: PluginOptions

    func run() throws {
        let workspace = try Workspace(plugins: plugins)
        let source = try workspace.node(named: from), target = try workspace.node(named: to)
        let stops = try via.map { try workspace.node(named: $0) }
        let route: Route
        do {
            route = try workspace.graph.route(from: source, to: target, via: stops)
        } catch {
            throw CommandFailure.failure(error.description)
        }
        Console.current.print(RouteDescription.render(route, from: source, to: target))
    }
}

/// The text `quire route` and `quire convert --explain` print.
enum RouteDescription {
    static func render(_ route: Route, from source: GraphNode, to target: GraphNode) -> String {
        let lossy = route.losses.isEmpty ? "lossless" : "lossy"
        var lines = ["route \(source) → \(target): \(route.steps.count) steps, cost \(route.cost), \(lossy)"]
        for (index, step) in route.steps.enumerated() {
            var line = "  \(index + 1). \(step.description)  \(step.kind) from \(step.provider), cost \(step.cost)"
            if case .lossy(let what) = step.loss { line += ", loses \(what)" }
            if let reason = step.reason { line += " — \(reason)" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
