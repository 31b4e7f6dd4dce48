import QuireCore
import Testing

/// Bytes are a collection's title: a reader takes them as the title, a writer writes the title, a
/// direct converter appends `>`; a filter appends its mark to the title, so a result shows which
/// steps ran and in what order.
private struct TitleStep: FormatReader, FormatWriter, DirectConverter {
    func read(_ input: InputFile, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> EpisodeCollection {
        EpisodeCollection(title: String(decoding: input.bytes, as: UTF8.self))
    }
    func write(_ collection: EpisodeCollection, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> [UInt8] {
        Array((collection.title ?? "").utf8)
    }
    func convert(_ input: InputFile, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> [UInt8] {
        input.bytes + Array(">".utf8)
    }
}

private struct MarkingFilter: ModelFilter {
    let mark: String
    func filter(_ collection: EpisodeCollection, options: ConversionOptions, target: FormatID?, diagnostics: inout Diagnostics) throws
        -> EpisodeCollection
    {
        var changed = collection
        changed.title = (collection.title ?? "") + mark + "(\(target?.rawValue ?? "-"))"
        return changed
    }
}

/// `a` has a reader, `b` a writer, `c` only a direct converter from `a`; `d` is reached from `a`
/// through a lossless direct converter, or through the model.
private struct Spec: FormatPlugin {
    var name = "test"
    func register(in registry: inout FormatRegistry) throws {
        for id: FormatID in ["a", "b", "c", "d"] { try registry.add(FormatDescriptor(id: id, displayName: id.rawValue)) }
        try registry.addReader(TitleStep(), for: "a")
        try registry.addWriter(TitleStep(), for: "b")
        try registry.addWriter(TitleStep(), for: "d", cost: 1)
        try registry.addConverter(TitleStep(), from: "a", to: "c", reason: "only way to c")
        try registry.addConverter(TitleStep(), from: "a", to: "d", cost: 1, reason: "cheaper than the model")
        try registry.addFilter(
            MarkingFilter(mark: "1"), named: "one", help: "marks 1", settings: [FormatSetting("mark-style", .choice(["x", "y"]), help: "h")])
        try registry.addFilter(MarkingFilter(mark: "2"), named: "two", help: "marks 2")
    }
}

@Suite struct ModelFilterTests {
    let registry: FormatRegistry
    init() throws { registry = try FormatRegistry(plugins: [Spec()]) }
    var graph: ConversionGraph { ConversionGraph(registry: registry) }
    func steps(_ names: [String]) -> [ConversionEdge] { names.compactMap { registry.filter(named: $0)?.step } }

    func run(_ route: Route, _ text: String) throws -> String {
        var diagnostics = Diagnostics()
        guard
            case .bytes(let file) = try route.run(
                .bytes(InputFile(name: "in", bytes: Array(text.utf8))), options: ConversionOptions(), diagnostics: &diagnostics)
        else { throw RouteError.noRoute(from: .model, to: .model, reachable: []) }
        return String(decoding: file.bytes, as: UTF8.self)
    }

    @Test func filtersRunInTheOrderGivenWhereTheRouteReachesTheModel() throws {
        let route = try graph.route(from: .format("a"), to: .format("b"), filters: steps(["two", "one"]))
        #expect(route.steps.map(\.description) == ["a → model", "model → model", "model → model", "model → b"])
        #expect(route.steps.map(\.kind) == ["reader", "filter 'two'", "filter 'one'", "writer"])
        #expect(route.filters.map(\.provider) == ["test", "test"])
        // Each filter is told the format the route ends in.
        #expect(try run(route, "t") == "t2(b)1(b)")
    }

    @Test func aRouteFromTheModelRunsItsFiltersFirst() throws {
        let route = try graph.route(from: .model, to: .format("b"), filters: steps(["one"]))
        #expect(route.steps.map(\.kind) == ["filter 'one'", "writer"])
    }

    @Test func aDirectConverterGivesWayToARouteThroughTheModel() throws {
        #expect(try graph.route(from: .format("a"), to: .format("d")).steps.map(\.kind) == ["converter"])
        let route = try graph.route(from: .format("a"), to: .format("d"), filters: steps(["one"]))
        #expect(route.steps.map(\.kind) == ["reader", "filter 'one'", "writer"])
        #expect(try run(route, "t") == "t1(d)")
    }

    @Test func withoutARouteThroughTheModelFiltersAreRefused() throws {
        #expect(throws: RouteError.noRouteThroughModel(from: .format("a"), to: .format("c"))) {
            try graph.route(from: .format("a"), to: .format("c"), filters: steps(["one"]))
        }
        #expect(
            RouteError.noRouteThroughModel(from: .format("a"), to: .format("c")).description
                == "filters work on the model, and no route from a to c passes through it (a direct converter does not read episodes)")
    }

    @Test func filtersAreNoEdgesOfTheGraph() throws {
        #expect(!registry.edges.contains { $0.isFilter })
        #expect(graph.reachable(from: .model) == [.format("b"), .format("d")])
    }

    @Test func aFiltersSettingsAreTheRegistrysAndItsNameIsItsOwn() throws {
        #expect(registry.setting(forKey: "mark-style")?.kind == .choice(["x", "y"]))
        #expect(registry.settings.contains { $0.key == "mark-style" })
        var copy = registry
        #expect(throws: RegistryError.duplicateFilter("one", provider: "unknown")) {
            try copy.addFilter(MarkingFilter(mark: "3"), named: "one", help: "again")
        }
        #expect(throws: RegistryError.conflictingSetting("mark-style", provider: "unknown")) {
            try copy.addFilter(MarkingFilter(mark: "3"), named: "three", help: "", settings: [FormatSetting("mark-style", .flag, help: "")])
        }
    }
}
