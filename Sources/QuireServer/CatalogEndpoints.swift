import Hummingbird
import QuireConversion
import QuireCore

/// `GET /v1/formats` and `GET /v1/route`: what the registry can do, from the registry.
struct CatalogEndpoints: Sendable {
    let service: ConversionService
    let allowsPlugins: Bool
    /// Computed once: the registry does not change while the server runs.
    let formatsBody: [UInt8]

    init(service: ConversionService, allowsPlugins: Bool) {
        self.service = service
        self.allowsPlugins = allowsPlugins
        formatsBody = Self.formats(service.registry).bytes
    }

    static func formats(_ registry: FormatRegistry) -> JSONValue {
        let formats = registry.formats.map { format -> JSONValue in
            let node = GraphNode.format(format.id)
            return .object([
                ("name", .string(format.id.rawValue)),
                ("aliases", .array(format.aliases.map { .string($0) })),
                ("extensions", .array(format.fileExtensions.map { .string($0) })),
                ("mediaType", .string(format.mediaTypes.first ?? "application/octet-stream")),
                ("reads", .bool(registry.edges.contains { $0.from == node })),
                ("writes", .bool(registry.edges.contains { $0.to == node })),
                ("settings", .array(format.settings.map(setting))),
            ])
        }
        let filters = registry.filters.map { filter -> JSONValue in
            .object([("name", .string(filter.name)), ("help", .string(filter.help))])
        }
        return .object([("formats", .array(formats)), ("filters", .array(filters))])
    }

    static func setting(_ setting: FormatSetting) -> JSONValue {
        var members: [(String, JSONValue)] = [("key", .string(setting.key))]
        switch setting.kind {
        case .flag: members.append(("kind", "flag"))
        case .choice: members.append(("kind", "choice"))
        case .text: members.append(("kind", "text"))
        case .path: members.append(("kind", "path"))
        case .count: members.append(("kind", "count"))
        }
        members.append(("help", .string(setting.help)))
        if case .choice(let choices) = setting.kind { members.append(("choices", .array(choices.map { .string($0) }))) }
        if let value = setting.defaultValue { members.append(("default", .string(value))) }
        return .object(members)
    }

    func formatsResponse() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: formatsBody)))
    }

    func route(_ request: Request) throws(Problem) -> Response {
        var source: String?, target: String?
        var via: [String] = [], filterNames: [String] = []
        for (key, value) in try QueryString.pairs(request.uri.query) {
            switch key {
            case "from": source = value
            case "to": target = value
            case "via": via.append(value)
            case "filter": filterNames.append(value)
            default: throw .badRequest("unknown parameter '\(key)'; GET /v1/route takes from, to, via and filter")
            }
        }
        guard let source, let target else { throw .badRequest("give from=FORMAT and to=FORMAT") }
        let formats = service.formats
        let from: GraphNode, to: GraphNode, stops: [GraphNode]
        do {
            from = try formats.node(named: source)
            to = try formats.node(named: target)
            stops = try via.map { name throws(ConversionError) in try formats.node(named: name) }
        } catch {
            throw .badRequest(error.description)
        }
        var filters: [ConversionEdge] = []
        for name in filterNames {
            guard allowsPlugins else {
                throw .badRequest("filter '\(name)': filters come from plugins, and plugins are off on this server (quire serve --allow-plugins)")
            }
            guard let filter = service.registry.filter(named: name) else { throw .badRequest("unknown filter '\(name)'") }
            filters.append(filter.step)
        }
        let route: Route
        do {
            route = try service.graph.route(from: from, to: to, via: stops, filters: filters)
        } catch {
            throw .noRoute(error.description)
        }
        let steps = route.steps.map { step -> JSONValue in
            .object([
                ("action", .string(step.kind)),
                ("from", .string(step.from.description)),
                ("to", .string(step.to.description)),
                ("provider", .string(step.provider)),
                ("lossy", .bool(step.loss.isLossy)),
            ])
        }
        let text = RouteText.describe(route, from: from, to: to, via: stops, filtered: !filters.isEmpty, graph: service.graph)
        let body = JSONValue.object([
            ("from", .string(from.description)),
            ("to", .string(to.description)),
            ("lossless", .bool(route.losses.isEmpty)),
            ("cost", .number(route.cost)),
            ("steps", .array(steps)),
            ("text", .string(text)),
        ])
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body.bytes)))
    }
}
