import Foundation
import Hummingbird
import Logging
import QuireConversion
import QuireCore
import ServiceLifecycle

/// The HTTP front end over `ConversionService`: the routes `quire serve` answers, its limits, and
/// running until SIGTERM/SIGINT, finishing the requests in flight.
public struct ConversionServer: Sendable {
    public let configuration: ServerConfiguration
    public let service: ConversionService
    let pool: ConversionPool
    let state: ServerState
    let logger: Logger
    let metrics: ServerMetrics

    public init(configuration: ServerConfiguration, service: ConversionService) {
        self.configuration = configuration
        self.service = service
        pool = ConversionPool(
            workers: configuration.maximumConcurrentConversions, queueLength: configuration.maximumQueueLength, deadlines: Deadlines())
        state = ServerState()
        logger = ServerLogging.logger(format: configuration.logFormat, level: configuration.logLevel)
        metrics = ServerMetrics()
    }

    /// Serves until a shutdown signal (or the task's cancellation): stops accepting, lets the
    /// requests in flight finish, and returns. `onStart` hears the port listened on.
    public func run(
        handlesSignals: Bool = true, onStart: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
    ) async throws {
        let drain = DrainService(state: state, pool: pool)
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: application(onStart: onStart)), .init(service: drain)],
                gracefulShutdownSignals: handlesSignals ? [.sigterm, .sigint] : [],
                logger: Logger(label: "quire.lifecycle", factory: { _ in SwiftLogNoOpLogHandler() })))
        try await group.run()
    }

    func application(onStart: @escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol {
        let router = Router(context: ServerRequestContext.self)
        router.add(middleware: RequestLogMiddleware(logger: logger, metrics: metrics))
        router.add(middleware: ResponseHeadersMiddleware())
        addRoutes(to: router)
        return Application(
            router: router,
            server: .http1(configuration: .init(idleTimeout: .milliseconds(Int64(configuration.idleTimeout * 1000)))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in await onStart(channel.localAddress?.port ?? 0) },
            logger: Logger(label: "quire.http", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    func addRoutes(to router: Router<ServerRequestContext>) {
        let state = self.state
        router.getAndHead("healthz") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; charset=utf-8"
            if state.isDraining {
                headers[.retryAfter] = "1"
                return Response(status: .serviceUnavailable, headers: headers, body: .init(byteBuffer: ByteBuffer(string: "shutting down\n")))
            }
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        router.getAndHead("/") { _, _ -> Response in WebPage.response(PackageResources.index_html, type: "text/html; charset=utf-8", page: true) }
        router.getAndHead("app.css") { _, _ -> Response in WebPage.response(PackageResources.app_css, type: "text/css; charset=utf-8") }
        router.getAndHead("app.js") { _, _ -> Response in WebPage.response(PackageResources.app_js, type: "text/javascript; charset=utf-8") }
        let endpoint = ConversionEndpoint(service: service, configuration: configuration, pool: pool)
        let metrics = self.metrics
        router.post("v1/convert") { request, context -> Response in
            do throws(Problem) {
                return try await endpoint.convert(request)
            } catch {
                return error.answer(on: context, metrics: metrics)
            }
        }
        router.post("v1/batch") { request, context -> Response in
            do throws(Problem) {
                return try await endpoint.batch(request)
            } catch {
                return error.answer(on: context, metrics: metrics)
            }
        }
        let catalog = CatalogEndpoints(service: service, allowsPlugins: configuration.allowsPlugins)
        router.getAndHead("v1/formats") { _, _ -> Response in catalog.formatsResponse() }
        router.getAndHead("v1/route") { request, context -> Response in
            do throws(Problem) {
                return try catalog.route(request)
            } catch {
                return error.answer(on: context, metrics: metrics)
            }
        }
        let pool = self.pool
        router.getAndHead("metrics") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.exposition(pool: pool))))
        }
    }
}

/// Whether the server is shutting down.
final class ServerState: @unchecked Sendable {
    private let lock = NSLock()
    private var draining = false

    var isDraining: Bool { lock.withLock { draining } }
    func startDraining() { lock.withLock { draining = true } }
}

/// Marks the server as draining when shutdown begins (before the HTTP server stops accepting):
/// `/healthz` says 503 from then on, and new conversions are refused.
struct DrainService: Service {
    let state: ServerState
    let pool: ConversionPool

    func run() async throws {
        try? await gracefulShutdown()
        state.startDraining()
    }
}

/// The request context: Hummingbird's, plus the connection, so a response can end it.
struct ServerRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// Ends the connection once the response has been written (no more requests are read from it).
    let endConnection: @Sendable () -> Void

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        let channel = source.channel
        // Closed on the event loop after the response's last write (the loop runs them in order),
        // whole: closing only the input would make the decoder report the cut body as a bad request.
        endConnection = { channel.eventLoop.execute { channel.close(promise: nil) } }
    }
}

extension Problem {
    /// The problem as a response; one that left the body unread also ends the connection once sent.
    func answer(on context: ServerRequestContext, metrics: ServerMetrics) -> Response {
        if [408, 413, 503].contains(status.code) { metrics.rejected(slug) }
        var response = self.response
        if closesConnection {
            let endConnection = context.endConnection
            let body = response.body
            response.body = ResponseBody(contentLength: body.contentLength) { writer in
                try await body.write(writer)
                // Not reading the rest of an unwanted body: the connection ends after this answer.
                endConnection()
            }
        }
        return response
    }
}

/// Headers every response carries.
struct ResponseHeadersMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext
    static let referrerPolicy = HTTPFields.Element.Name("Referrer-Policy")!
    /// The method each path answers, for 405 and `Allow`.
    static let methods: [String: String] = [
        "/": "GET", "/app.css": "GET", "/app.js": "GET", "/healthz": "GET", "/metrics": "GET", "/v1/formats": "GET", "/v1/route": "GET",
        "/v1/convert": "POST", "/v1/batch": "POST",
    ]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            if request.method == .head {
                // HEAD is GET (routed to the same handler) without the body.
                response = try await next(request, context)
                let length = response.body.contentLength
                response.body = ResponseBody()
                if let length { response.headers[.contentLength] = String(length) }
            } else {
                response = try await next(request, context)
            }
        } catch let error as HTTPError where error.status == .notFound || error.status == .methodNotAllowed {
            if let method = Self.methods[request.uri.path] {
                let allowed = method == "GET" ? "GET, HEAD" : method
                response =
                    Problem(
                        status: .methodNotAllowed, slug: "method-not-allowed", title: "Method not allowed",
                        detail: "\(request.uri.path) takes \(allowed)"
                    ).response
                response.headers[.allow] = allowed
            } else {
                response = Problem.notFound(request.uri.path).response
            }
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[ResponseHeadersMiddleware.referrerPolicy] = "no-referrer"
        return response
    }
}

/// The page at `/` and the files beside it, compiled into the binary from Sources/QuireServer/Web.
enum WebPage {
    /// What the page may load: only its own files; the preview runs in a frame from a blob URL.
    static let contentSecurityPolicy =
        "default-src 'self'; img-src 'self' data: blob:; frame-src 'self' blob:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'"
    static let contentSecurityPolicyName = HTTPFields.Element.Name("Content-Security-Policy")!

    static func response(_ bytes: [UInt8], type: String, page: Bool = false) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-cache"
        if page { headers[contentSecurityPolicyName] = contentSecurityPolicy }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

extension Router {
    /// A GET route that answers HEAD too (the middleware drops the body).
    func getAndHead(_ path: RouterPath, use handler: @escaping @Sendable (Request, Context) async throws -> Response) {
        get(path, use: handler)
        head(path, use: handler)
    }
}
