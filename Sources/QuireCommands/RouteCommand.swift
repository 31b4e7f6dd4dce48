import ArgumentParser
import QuireConversion
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
        var text: String
        // A direct first step is conditional: say where the inputs it declines go, or that this one was declined.
        if file == nil {
            text = RouteText.describe(
                route, from: source, to: target, via: stops, filtered: !filters.isEmpty, graph: workspace.graph, rewrite: spelling.rewrite)
        } else {
            text = RouteDescription.render(route, from: source, to: target, spelling: spelling)
        }
        if let file, filters.isEmpty, route.steps.first?.isSelective != true,
            let direct = try? workspace.graph.route(from: source, to: target, via: stops), let first = direct.steps.first, first.isSelective
        {
            text += "\n\(file.name): the direct converter \(first.description) declined it (\(first.reason ?? "not an input it is meant for"))"
        }
        Console.current.print(text)
    }
}

/// The text `quire route` and `quire convert --explain` print (`RouteText`, with settings spelled as flags).
enum RouteDescription {
    static func render(_ route: Route, from source: GraphNode, to target: GraphNode, spelling: FlagSpelling) -> String {
        RouteText.render(route, from: source, to: target, rewrite: spelling.rewrite)
    }
}
