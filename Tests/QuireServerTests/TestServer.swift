import AsyncHTTPClient
import Foundation
import Hummingbird
import QuireBuiltinFormats
import QuireConversion
import QuireCore
import QuireTestSupport

@testable import QuireServer

/// A server listening on 127.0.0.1 (a free port) for the length of a test.
struct TestServer {
    let server: ConversionServer
    let port: Int

    var base: String { "http://127.0.0.1:\(port)" }

    static let registry: FormatRegistry = {
        do {
            return try FormatRegistry(plugins: BuiltinFormats.plugins)
        } catch {
            preconditionFailure("built-in formats register: \(error)")
        }
    }()

    static let service = ConversionService(registry: registry)

    /// Starts a server with `configuration` (its port replaced by 0), runs `body`, stops the server.
    static func with<T>(
        _ configuration: ServerConfiguration = ServerConfiguration(), prepare: (ConversionServer) -> Void = { _ in },
        _ body: (TestServer) async throws -> T
    ) async throws -> T {
        var configuration = configuration
        configuration.port = 0
        configuration.logLevel = "critical"
        let server = ConversionServer(configuration: configuration, service: service)
        prepare(server)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let task = Task {
            try await server.run(handlesSignals: false) { port in continuation.yield(port) }
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw TestFailure("the server did not start") }
        defer { task.cancel() }
        let result = try await body(TestServer(server: server, port: port))
        task.cancel()
        _ = try? await task.value
        return result
    }

    /// Sends a request and collects the whole response.
    func send(
        _ method: String = "POST", _ path: String, body: [UInt8]? = nil, headers: [(String, String)] = []
    ) async throws -> TestResponse {
        var request = HTTPClientRequest(url: base + path)
        request.method = .init(rawValue: method)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(120))
        let bytes = try await response.body.collect(upTo: 1 << 30)
        return TestResponse(status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) }, body: Array(bytes.readableBytesView))
    }
}

struct TestResponse {
    let status: Int
    let headers: [(String, String)]
    let body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }
    func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    /// The body as a JSON object.
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:] }
    /// The problem's `type` slug (after `/problems/`).
    var problemSlug: String? { (json["type"] as? String)?.components(separatedBy: "/problems/").last }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A multipart/form-data body.
struct MultipartBody {
    static let boundary = "quire-test-boundary-7MA4YWxk"
    var parts: [(name: String, filename: String?, bytes: [UInt8])]

    var bytes: [UInt8] {
        var out: [UInt8] = []
        for part in parts {
            var head = "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(part.name)\""
            if let filename = part.filename { head += "; filename=\"\(filename)\"" }
            head += "\r\nContent-Type: application/octet-stream\r\n\r\n"
            out += Array(head.utf8) + part.bytes + Array("\r\n".utf8)
        }
        out += Array("--\(Self.boundary)--\r\n".utf8)
        return out
    }

    static var contentType: (String, String) { ("Content-Type", "multipart/form-data; boundary=\(boundary)") }
}

enum Samples {
    static var episode: [UInt8] { Array(try! Data(contentsOf: Fixtures.url("Examples/episode.txt"))) }
    static var samplePage: [UInt8] { Array(try! Data(contentsOf: Fixtures.url("Examples/sample-page.txt"))) }

    /// What the library (as `quire convert` runs it) makes of `bytes` named `name`, converted to `target`.
    static func converted(_ bytes: [UInt8], name: String, to target: String, settings: ConversionOptions = ConversionOptions()) throws -> [UInt8] {
        let request = ConversionRequest(inputs: [.bytes(name: name, bytes)], targetFormat: target, settings: settings)
        guard case .output(let output) = try TestServer.service.run(request, diagnostics: DiagnosticCollector()) else {
            throw TestFailure("no output")
        }
        return output
    }
}
