import QuireCore
import Testing

/// A registry of made-up formats whose edges the tests choose, so costs and losses are explicit.
private struct StubStep: FormatReader, FormatWriter, DirectConverter {
    func read(_ input: InputFile, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> EpisodeCollection {
        EpisodeCollection(title: String(decoding: input.bytes, as: UTF8.self))
    }
    func write(_ collection: EpisodeCollection, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> [UInt8] {
        Array((collection.title ?? "").utf8)
    }
    func convert(_ input: InputFile, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> [UInt8] {
        input.bytes + Array("!".utf8)
    }
}

/// A direct converter meant only for inputs that start with `x`, as Markdown → HTML is only for notes.
private struct PickyConverter: DirectConverter {
    func convert(_ input: InputFile, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> [UInt8] { input.bytes }
    func accepts(_ input: InputFile) -> Bool { input.bytes.first == UInt8(ascii: "x") }
    var isSelective: Bool { true }
}

private struct PickySpec: FormatPlugin {
    var name = "test"
    func register(in registry: inout FormatRegistry) throws {
        for id: FormatID in ["a", "b"] { try registry.add(FormatDescriptor(id: id, displayName: id.rawValue)) }
        try registry.addReader(StubStep(), for: "a")
        try registry.addWriter(StubStep(), for: "b")
        try registry.addConverter(PickyConverter(), from: "a", to: "b", reason: "inputs starting with x")
    }
}

private struct GraphSpec: FormatPlugin {
    var name = "test"
    var formats: [FormatID]
    var readers: [(FormatID, Int, Loss)] = []
    var writers: [(FormatID, Int, Loss)] = []
    var converters: [(FormatID, FormatID, Int, Loss)] = []

    func register(in registry: inout FormatRegistry) throws {
        for id in formats { try registry.add(FormatDescriptor(id: id, displayName: id.rawValue, fileExtensions: [id.rawValue])) }
        for (id, cost, loss) in readers { try registry.addReader(StubStep(), for: id, cost: cost, loss: loss) }
        for (id, cost, loss) in writers { try registry.addWriter(StubStep(), for: id, cost: cost, loss: loss) }
        for (from, to, cost, loss) in converters {
            try registry.addConverter(StubStep(), from: from, to: to, cost: cost, loss: loss, reason: "test edge")
        }
    }
}

private func graph(_ spec: GraphSpec) throws -> ConversionGraph {
    ConversionGraph(registry: try FormatRegistry(plugins: [spec]))
}

private func routeError(_ body: () throws(RouteError) -> Route) -> RouteError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}

private func path(_ route: Route) -> [String] { route.steps.map(\.description) }

@Suite struct ConversionGraphTests {
    @Test func readsThenWritesThroughTheModel() throws {
        let graph = try graph(GraphSpec(formats: ["a", "b"], readers: [("a", 1, .lossless)], writers: [("b", 1, .lossless)]))
        let route = try graph.route(from: .format("a"), to: .format("b"))
        #expect(path(route) == ["a → model", "model → b"])
        #expect(route.cost == 2)
        #expect(route.losses.isEmpty)
    }

    @Test func cheaperDirectEdgeWins() throws {
        let graph = try graph(
            GraphSpec(
                formats: ["a", "b"], readers: [("a", 2, .lossless)], writers: [("b", 2, .lossless)],
                converters: [("a", "b", 1, .lossless)]))
        #expect(path(try graph.route(from: .format("a"), to: .format("b"))) == ["a → b"])
    }

    @Test func losslessIsPreferredOverCheaperLossy() throws {
        let graph = try graph(
            GraphSpec(
                formats: ["a", "b"], readers: [("a", 5, .lossless)], writers: [("b", 5, .lossless)],
                converters: [("a", "b", 1, .lossy("quotes"))]))
        let route = try graph.route(from: .format("a"), to: .format("b"))
        #expect(path(route) == ["a → model", "model → b"])
        #expect(route.cost == 10)
    }

    @Test func fewerLossyStepsBeatsLowerCost() throws {
        // Two lossy hops at cost 2 against one lossy hop at cost 10.
        let graph = try graph(
            GraphSpec(
                formats: ["a", "b", "c"],
                converters: [("a", "c", 1, .lossy("x")), ("c", "b", 1, .lossy("y")), ("a", "b", 10, .lossy("z"))]))
        let route = try graph.route(from: .format("a"), to: .format("b"))
        #expect(path(route) == ["a → b"])
        #expect(route.losses == ["a → b: z"])
    }

    @Test func tiesAreBrokenTheSameWayEveryTime() throws {
        // a → b via x or via y, equal in loss, cost and length: the route through the earlier name wins,
        // whatever order the edges were registered in.
        for converters in [
            [("a", "y", 1, Loss.lossless), ("y", "b", 1, .lossless), ("a", "x", 1, .lossless), ("x", "b", 1, .lossless)],
            [("a", "x", 1, Loss.lossless), ("x", "b", 1, .lossless), ("a", "y", 1, .lossless), ("y", "b", 1, .lossless)],
        ] as [[(FormatID, FormatID, Int, Loss)]] {
            let graph = try graph(GraphSpec(formats: ["a", "b", "x", "y"], converters: converters))
            #expect(path(try graph.route(from: .format("a"), to: .format("b"))) == ["a → x", "x → b"])
        }
    }

    @Test func fewerStepsWinAtEqualCost() throws {
        let graph = try graph(
            GraphSpec(formats: ["a", "b", "c"], converters: [("a", "c", 1, .lossless), ("c", "b", 1, .lossless), ("a", "b", 2, .lossless)]))
        #expect(path(try graph.route(from: .format("a"), to: .format("b"))) == ["a → b"])
    }

    @Test func unreachableTargetListsWhatIsReachable() throws {
        let graph = try graph(
            GraphSpec(formats: ["a", "b", "c"], readers: [("a", 1, .lossless)], writers: [("c", 1, .lossless)]))
        #expect(throws: RouteError.noRoute(from: .format("b"), to: .format("c"), reachable: [])) {
            try graph.route(from: .format("b"), to: .format("c"))
        }
        let fromC = routeError { () throws(RouteError) in try graph.route(from: .format("c"), to: .format("a")) }
        #expect(fromC?.description == "no route from c to a; it reaches no other format")
        let fromA = routeError { () throws(RouteError) in try graph.route(from: .format("a"), to: .format("b")) }
        #expect(fromA == .noRoute(from: .format("a"), to: .format("b"), reachable: [.format("c"), .model]))
        #expect(fromA?.description == "no route from a to b; from a Quire can reach: c")
    }

    @Test func viaForcesAStop() throws {
        let graph = try graph(
            GraphSpec(
                formats: ["a", "b", "c"], readers: [("a", 1, .lossless), ("c", 1, .lossless)],
                writers: [("b", 1, .lossless), ("c", 1, .lossless)]))
        let route = try graph.route(from: .format("a"), to: .format("b"), via: [.format("c")])
        #expect(path(route) == ["a → model", "model → c", "c → model", "model → b"])
    }

    @Test func sameFormatRouteTakesAtLeastOneStep() throws {
        let graph = try graph(GraphSpec(formats: ["a"], readers: [("a", 1, .lossless)], writers: [("a", 1, .lossless)]))
        #expect(path(try graph.route(from: .format("a"), to: .format("a"))) == ["a → model", "model → a"])
    }

    @Test func runningARouteAppliesEveryStep() throws {
        let graph = try graph(
            GraphSpec(formats: ["a", "b"], readers: [("a", 1, .lossless)], writers: [("b", 1, .lossless)], converters: [("b", "a", 1, .lossless)]))
        let route = try graph.route(from: .format("a"), to: .format("a"), via: [.format("b")])
        var diagnostics = Diagnostics()
        let result = try route.run(
            .bytes(InputFile(name: "in", bytes: Array("hello".utf8))), options: ConversionOptions(), diagnostics: &diagnostics,
            transformModel: { $0.title = $0.title?.uppercased() })
        guard case .bytes(let file) = result else {
            Issue.record("expected bytes")
            return
        }
        #expect(String(decoding: file.bytes, as: UTF8.self) == "HELLO!")
    }
}

@Suite struct FormatRegistryTests {
    @Test func duplicateNamesAreRejected() throws {
        var registry = FormatRegistry()
        try registry.add(FormatDescriptor(id: "markdown", displayName: "Markdown", aliases: ["md"]))
        #expect(throws: RegistryError.duplicateName("md", existing: "markdown", provider: "unknown")) {
            try registry.add(FormatDescriptor(id: "md", displayName: "Other"))
        }
        #expect(throws: RegistryError.duplicateName("MARKDOWN", existing: "markdown", provider: "unknown")) {
            try registry.add(FormatDescriptor(id: "x", displayName: "X", aliases: ["MARKDOWN"]))
        }
    }

    @Test func edgesMustNameRegisteredFormats() {
        var registry = FormatRegistry()
        #expect(throws: RegistryError.unknownFormat("nowhere", provider: "unknown")) {
            try registry.addReader(StubStep(), for: "nowhere")
        }
    }

    @Test func looksUpByNameAliasAndExtension() throws {
        var registry = FormatRegistry()
        try registry.add(FormatDescriptor(id: "markdown", displayName: "Markdown", aliases: ["md"], fileExtensions: ["md", "markdown"]))
        #expect(registry.format(named: "MD")?.id == "markdown")
        #expect(registry.format(forPath: "notes/Episode.MarkDown")?.id == "markdown")
        #expect(registry.format(forPath: "dir.md/file") == nil)
        #expect(registry.format(forPath: "README") == nil)
    }

    @Test func sniffingPrefersTheSurestMatchThenTheFirstRegistered() throws {
        var registry = FormatRegistry()
        try registry.add(FormatDescriptor(id: "text", displayName: "Text", sniffer: { _ in .possible }))
        try registry.add(FormatDescriptor(id: "brace", displayName: "Brace", sniffer: { $0.trimmedStart.first == UInt8(ascii: "{") ? .certain : nil }))
        try registry.add(FormatDescriptor(id: "other", displayName: "Other", sniffer: { _ in .possible }))
        #expect(registry.sniff(ContentSample(Array("\u{FEFF}  {\"a\": 1}".utf8)))?.id == "brace")
        #expect(registry.sniff(ContentSample(Array("plain".utf8)))?.id == "text")
    }
}

@Suite struct ConditionalConverterTests {
    private let graph = ConversionGraph(registry: try! FormatRegistry(plugins: [PickySpec()]))

    @Test func anAcceptedInputTakesTheDirectEdge() throws {
        let route = try graph.route(from: .format("a"), to: .format("b"), input: InputFile(name: "n", bytes: Array("x1".utf8)))
        #expect(path(route) == ["a → b"])
    }

    @Test func aDeclinedInputGoesThroughTheModel() throws {
        let route = try graph.route(from: .format("a"), to: .format("b"), input: InputFile(name: "n", bytes: Array("y1".utf8)))
        #expect(path(route) == ["a → model", "model → b"])
    }

    @Test func withoutAnInputTheDirectEdgeIsShownWithItsAlternative() throws {
        #expect(path(try graph.route(from: .format("a"), to: .format("b"))) == ["a → b"])
        #expect(graph.routeDecliningSelectiveStart(from: .format("a"), to: .format("b")).map(path) == ["a → model", "model → b"])
        #expect(graph.routeDecliningSelectiveStart(from: .model, to: .format("b")) == nil)
    }
}
