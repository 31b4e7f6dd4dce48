import ArgumentParser
import QuireCore

/// `quire route FROM TO`: the path the graph picks, step by step, and why.
struct RouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route", abstract: "Show the conversion path between two formats.")

    @Argument(help: "The source format (a name from `quire formats`, or `model`).", completion: .formatNamesOrModel)
    var from: String

    @Argument(help: "The target format.", completion: .formatNamesOrModel)
    var to: String

    @Option(name: .long, help: "Pass through this format on the way (repeatable, in order).", completion: .formatNames)
    var via: [String] = []

    @Option(name: .long, help: "Run the model through this filter (repeatable, in order), as `quire convert --filter` does.")
    var filter: [String] = []

    @Option(name: .long, help: "Choose the route for this input file (some direct converters take only some inputs).", completion: .file())
    var input: String?

    @OptionGroup var plugins: PluginOptions

    func run() throws {
        let workspace = try Workspace(plugins: plugins)
        let registry = try workspace.registry(filtering: filter, limits: plugins.limits)
        let filters = filter.compactMap { registry.filter(named: $0)?.step }
        let spelling = FlagSpelling(registry: workspace.registry)
        let source = try workspace.node(named: from), target = try workspace.node(named: to)
        let stops = try via.map { try workspace.node(named: $0) }
        let file = try input.map { try workspace.readInput($0, format: source).file }
        let route: Route
        do {
            route = try ConversionGraph(registry: registry).route(from: source, to: target, via: stops, input: file, filters: filters)
        } catch {
            throw CommandFailure.failure(error.description)
        }
        var text = RouteDescription.render(route, from: source, to: target, spelling: spelling)
        // A direct first step is conditional: say where the inputs it declines go, or that this one was declined.
        if file == nil, filters.isEmpty, let otherwise = workspace.graph.routeDecliningSelectiveStart(from: source, to: target, via: stops) {
            text += "\ninputs the direct converter declines take:\n" + RouteDescription.render(otherwise, from: source, to: target, spelling: spelling)
        } else if let file, filters.isEmpty, route.steps.first?.isSelective != true,
            let direct = try? workspace.graph.route(from: source, to: target, via: stops), let first = direct.steps.first, first.isSelective
        {
            text += "\n\(file.name): the direct converter \(first.description) declined it (\(first.reason ?? "not an input it is meant for"))"
        }
        Console.current.print(text)
    }
}

/// The text `quire route` and `quire convert --explain` print.
enum RouteDescription {
    static func render(_ route: Route, from source: GraphNode, to target: GraphNode, spelling: FlagSpelling) -> String {
        let lossy = route.losses.isEmpty ? "lossless" : "lossy"
        var lines = ["route \(source) → \(target): \(route.steps.count) steps, cost \(route.cost), \(lossy)"]
        for (index, step) in route.steps.enumerated() {
            if step.isFilter {
                lines.append("  \(index + 1). \(step.description)  \(step.kind) from \(step.provider)")
                continue
            }
            var line = "  \(index + 1). \(step.description)  \(step.kind) from \(step.provider), cost \(step.cost)"
            if case .lossy(let what) = step.loss { line += ", loses \(spelling.rewrite(what))" }
            if let reason = step.reason { line += " — \(reason)" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
