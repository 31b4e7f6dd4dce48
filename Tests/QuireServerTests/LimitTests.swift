import AsyncHTTPClient
import Foundation
import Hummingbird
import QuireCore
import QuireTestSupport
import Testing

@testable import QuireServer

/// Every limit: body size, slow clients, busy workers, conversions past the timeout.
@Suite(.serialized) struct LimitTests {
    @Test func oversizedBodyWithContentLengthIs413() async throws {
        try await TestServer.with(ServerConfiguration(maximumBodySize: 1000)) { server in
            let response = try await server.send("POST", "/v1/convert?to=json&filename=episode.txt", body: Samples.episode)
            #expect(Samples.episode.count > 1000)
            #expect(response.status == 413)
            #expect(response.problemSlug == "body-too-large")
            #expect(response.header("Connection") == "close")
            let after = try await server.send("GET", "/healthz")
            #expect(after.status == 200)
        }
    }

    @Test func oversizedBodyWithoutContentLengthIs413() async throws {
        try await TestServer.with(ServerConfiguration(maximumBodySize: 1000)) { server in
            var request = HTTPClientRequest(url: server.base + "/v1/convert?to=json&filename=episode.txt")
            request.method = .POST
            let pieces = stride(from: 0, to: Samples.episode.count, by: 500).map {
                ByteBuffer(bytes: Samples.episode[$0..<min($0 + 500, Samples.episode.count)])
            }
            let (stream, continuation) = AsyncStream.makeStream(of: ByteBuffer.self)
            for piece in pieces { continuation.yield(piece) }
            continuation.finish()
            request.body = .stream(stream, length: .unknown)
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
            #expect(response.status.code == 413)
            let body = try await response.body.collect(upTo: 1 << 20)
            #expect(String(buffer: body).contains("/problems/body-too-large"))
        }
    }

    @Test func slowBodyIs408() async throws {
        try await TestServer.with(ServerConfiguration(requestTimeout: 1)) { server in
            var request = HTTPClientRequest(url: server.base + "/v1/convert?to=json&filename=episode.txt")
            request.method = .POST
            let (stream, continuation) = AsyncStream.makeStream(of: ByteBuffer.self)
            continuation.yield(ByteBuffer(bytes: Samples.episode.prefix(100)))
            // The rest never comes (until the test ends).
            request.body = .stream(stream, length: .known(Int64(Samples.episode.count)))
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
            #expect(response.status.code == 408)
            let body = try await response.body.collect(upTo: 1 << 20)
            #expect(String(buffer: body).contains("request-timeout"))
            continuation.finish()
            let after = try await server.send("GET", "/healthz")
            #expect(after.status == 200)
        }
    }

    @Test func busyWorkersAndFullQueueGive503WithRetryAfter() async throws {
        let gate = Gate()
        try await TestServer.with(ServerConfiguration(maximumConcurrentConversions: 1, maximumQueueLength: 0)) { server in
            server.server.pool.beforeEachConversion = { gate.arriveAndWait() }
            async let held = server.send("POST", "/v1/convert?to=json&filename=episode.txt", body: Samples.episode)
            await gate.waitForArrival()
            let refused = try await server.send("POST", "/v1/convert?to=json&filename=episode.txt", body: Samples.episode)
            #expect(refused.status == 503)
            #expect(refused.header("Retry-After") == "1")
            #expect(refused.problemSlug == "busy")
            server.server.pool.beforeEachConversion = nil
            gate.open()
            let first = try await held
            #expect(first.status == 200)
            let metrics = try await server.send("GET", "/metrics")
            #expect(metrics.text.contains("quire_rejected_requests_total{reason=\"busy\"} 1"))
        }
    }

    @Test func conversionPastTheTimeoutIs503AndItsWorkerIsCountedUntilItEnds() async throws {
        let gate = Gate()
        try await TestServer.with(ServerConfiguration(requestTimeout: 1, maximumConcurrentConversions: 1, maximumQueueLength: 0)) { server in
            server.server.pool.beforeEachConversion = { gate.arriveAndWait() }
            let late = try await server.send("POST", "/v1/convert?to=json&filename=episode.txt", body: Samples.episode)
            #expect(late.status == 503)
            #expect(late.problemSlug == "conversion-timeout")
            #expect(late.header("Retry-After") == "1")
            // The worker is still busy with it: the next request is refused at once.
            #expect(server.server.pool.inFlight == 1)
            let refused = try await server.send("POST", "/v1/convert?to=json&filename=episode.txt", body: Samples.episode)
            #expect(refused.problemSlug == "busy")
            server.server.pool.beforeEachConversion = nil
            gate.open()
            while server.server.pool.inFlight > 0 { try await Task.sleep(for: .milliseconds(10)) }
            let after = try await server.send("POST", "/v1/convert?to=json&filename=episode.txt", body: Samples.episode)
            #expect(after.status == 200)
        }
    }
}

/// Holds worker threads until opened; tells the test when one has arrived.
final class Gate: @unchecked Sendable {
    private let condition = NSCondition()
    private var isOpen = false
    private var arrivals = 0

    func arriveAndWait() {
        condition.lock()
        arrivals += 1
        condition.broadcast()
        while !isOpen { condition.wait() }
        condition.unlock()
    }

    func open() {
        condition.lock()
        isOpen = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits (off the cooperative pool) until a worker has arrived.
    func waitForArrival() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread {
                self.condition.lock()
                while self.arrivals == 0 { self.condition.wait() }
                self.condition.unlock()
                continuation.resume()
            }
        }
    }
}
