import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// A local HTTP/1.1 server on 127.0.0.1 (a free port) that serves what a test sets up: good feeds,
/// and the failures real hosts produce. It records every request and how many were in flight at once.
final class FeedServer: Sendable {
    enum Route: Sendable {
        /// A body with headers; a 304 when the request's validators match `etag` / `lastModified`.
        case file(
            [UInt8], contentType: String?, etag: String? = nil, lastModified: String? = nil, gzip: [UInt8]? = nil, delay: Double = 0)
        case status(Int)
        case redirect(to: String)
        /// Sends the head, then chunks without end, as fast as the client takes them.
        case endless
        /// Sends the head, then a byte every `interval` seconds, without end.
        case trickle(interval: Double)
        /// Sends nothing for `seconds`, then a small feed.
        case silent(seconds: Double)
    }

    struct Request: Sendable {
        var path: String
        var headers: HTTPHeaders
    }

    private struct State {
        var routes: [String: Route] = [:]
        var requests: [Request] = []
        var inFlight = 0
        var maximumInFlight = 0
    }

    private let state = NIOLockedValueBox(State())
    private let channel: any Channel
    let port: Int

    init() throws {
        let box = state
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(Handler(state: box))
                }
            }
        channel = try bootstrap.bind(host: "127.0.0.1", port: 0).wait()
        port = channel.localAddress?.port ?? 0
    }

    deinit { try? channel.close().wait() }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    func route(_ path: String, _ route: Route) { state.withLockedValue { $0.routes[path] = route } }

    var requests: [Request] { state.withLockedValue { $0.requests } }
    func requests(to path: String) -> [Request] { requests.filter { $0.path == path } }
    var maximumInFlight: Int { state.withLockedValue { $0.maximumInFlight } }

    private final class Handler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        private let state: NIOLockedValueBox<State>
        private var head: HTTPRequestHead?
        private var open = true

        init(state: NIOLockedValueBox<State>) { self.state = state }

        func channelInactive(context: ChannelHandlerContext) {
            open = false
            context.fireChannelInactive()
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head): self.head = head
            case .body: break
            case .end:
                guard let head else { return }
                let route = state.withLockedValue { state -> Route? in
                    state.requests.append(Request(path: head.uri, headers: head.headers))
                    state.inFlight += 1
                    state.maximumInFlight = max(state.maximumInFlight, state.inFlight)
                    return state.routes[head.uri]
                }
                respond(context: context, head: head, route: route ?? .status(404))
            }
        }

        private func finished() { state.withLockedValue { $0.inFlight -= 1 } }

        private func respond(context: ChannelHandlerContext, head request: HTTPRequestHead, route: Route) {
            let loop = context.eventLoop
            // Closures scheduled on the loop get the context back on that loop.
            let bound = NIOLoopBound(context, eventLoop: loop)
            switch route {
            case .status(let code):
                send(context: context, status: HTTPResponseStatus(statusCode: code), headers: [:], body: Array("status \(code)\n".utf8))
            case .redirect(let location):
                send(context: context, status: .found, headers: ["Location": location], body: [])
            case .file(let bytes, let contentType, let etag, let lastModified, let gzip, let delay):
                let file = ServedFile(bytes: bytes, contentType: contentType, etag: etag, lastModified: lastModified, gzip: gzip)
                if delay > 0 {
                    loop.scheduleTask(in: .milliseconds(Int64(delay * 1000))) { self.answer(context: bound.value, request: request, file: file) }
                } else {
                    answer(context: context, request: request, file: file)
                }
            case .silent(let seconds):
                loop.scheduleTask(in: .milliseconds(Int64(seconds * 1000))) {
                    guard self.open else { return self.finished() }
                    self.send(context: bound.value, status: .ok, headers: ["Content-Type": "application/rss+xml"], body: Array("<rss/>".utf8))
                }
            case .endless:
                startStream(context: context)
                pump(bound, chunk: context.channel.allocator.buffer(bytes: [UInt8](repeating: 0x20, count: 64 * 1024)))
            case .trickle(let interval):
                startStream(context: context)
                drip(bound, byte: context.channel.allocator.buffer(bytes: [0x20]), interval: interval)
            }
        }

        private struct ServedFile: Sendable {
            var bytes: [UInt8], contentType: String?, etag: String?, lastModified: String?, gzip: [UInt8]?
        }

        private func answer(context: ChannelHandlerContext, request: HTTPRequestHead, file: ServedFile) {
            var headers = HTTPHeaders()
            if let contentType = file.contentType { headers.add(name: "Content-Type", value: contentType) }
            if let etag = file.etag { headers.add(name: "ETag", value: etag) }
            if let lastModified = file.lastModified { headers.add(name: "Last-Modified", value: lastModified) }
            let matchesETag = file.etag != nil && request.headers.first(name: "If-None-Match") == file.etag
            let matchesDate = file.lastModified != nil && request.headers.first(name: "If-Modified-Since") == file.lastModified
            if matchesETag || matchesDate {
                send(context: context, status: .notModified, headers: headers, body: [])
            } else if let gzip = file.gzip, request.headers.first(name: "Accept-Encoding")?.contains("gzip") == true {
                headers.add(name: "Content-Encoding", value: "gzip")
                send(context: context, status: .ok, headers: headers, body: gzip)
            } else {
                send(context: context, status: .ok, headers: headers, body: file.bytes)
            }
        }

        /// Writes `chunk` again each time the last write is done, until the client goes away.
        private func pump(_ context: NIOLoopBound<ChannelHandlerContext>, chunk: ByteBuffer) {
            guard open else { return finished() }
            let loop = context.value.eventLoop
            context.value.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(chunk)))).whenComplete { _ in
                loop.execute { self.pump(context, chunk: chunk) }
            }
        }

        /// Writes `byte` every `interval` seconds, until the client goes away.
        private func drip(_ context: NIOLoopBound<ChannelHandlerContext>, byte: ByteBuffer, interval: Double) {
            guard open else { return finished() }
            context.value.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(byte))), promise: nil)
            context.value.eventLoop.scheduleTask(in: .milliseconds(Int64(interval * 1000))) { self.drip(context, byte: byte, interval: interval) }
        }

        private func startStream(context: ChannelHandlerContext) {
            var head = HTTPResponseHead(version: .http1_1, status: .ok)
            head.headers.add(name: "Content-Type", value: "application/rss+xml")
            head.headers.add(name: "Transfer-Encoding", value: "chunked")
            context.writeAndFlush(wrapOutboundOut(.head(head)), promise: nil)
        }

        private func send(context: ChannelHandlerContext, status: HTTPResponseStatus, headers: HTTPHeaders, body: [UInt8]) {
            guard open else { return finished() }
            var head = HTTPResponseHead(version: .http1_1, status: status, headers: headers)
            head.headers.replaceOrAdd(name: "Content-Length", value: "\(status == .notModified ? 0 : body.count)")
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            if !body.isEmpty, status != .notModified {
                context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil)
            }
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in self.finished() }
        }
    }
}
