import AsyncHTTPClient
import Foundation
import Hummingbird
import QuireTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `quire serve` as a process: the start-up line, and SIGTERM finishing the request in flight.
@Suite(.serialized) struct ShutdownTests {
    static let binary = Fixtures.url(".build/debug/quire").path

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary), "needs a built .build/debug/quire"))
    func sigtermFinishesTheRequestInFlightThenExitsZero() async throws {
        let server = try ServerProcess(arguments: ["serve", "--port", "0", "--log-level", "debug"])
        let port = try server.port()
        let base = "http://127.0.0.1:\(port)"
        #expect(server.standardError.contains("quire: serving on http://127.0.0.1:\(port)\n"))

        var request = HTTPClientRequest(url: base + "/v1/convert?to=json&filename=episode.txt")
        request.method = .POST
        let (stream, continuation) = AsyncStream.makeStream(of: ByteBuffer.self)
        let episode = Samples.episode
        continuation.yield(ByteBuffer(bytes: episode.prefix(1000)))
        request.body = .stream(stream, length: .known(Int64(episode.count)))
        let inFlight = Task { try await HTTPClient.shared.execute(request, timeout: .seconds(60)) }

        // The server has the request (it logs its start), then hears SIGTERM and stops listening.
        try server.waitFor("request started")
        kill(server.process.processIdentifier, SIGTERM)
        while ServerProcess.canConnect(port: port) { try await Task.sleep(for: .milliseconds(20)) }

        continuation.yield(ByteBuffer(bytes: episode.dropFirst(1000)))
        continuation.finish()
        let response = try await inFlight.value
        #expect(response.status.code == 200)
        let body = try await response.body.collect(upTo: 1 << 20)
        #expect(Array(body.readableBytesView) == (try Samples.converted(episode, name: "episode.txt", to: "json")))

        server.process.waitUntilExit()
        #expect(server.process.terminationStatus == 0)
        #expect(!ServerProcess.canConnect(port: port))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary), "needs a built .build/debug/quire"))
    func jsonLogsSayWhatHappenedButNotWhatWasSent() async throws {
        let server = try ServerProcess(arguments: ["serve", "--port", "0", "--log-format", "json"])
        let port = try server.port()
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/v1/convert?to=json&filename=secret-name.txt&title=Secret+Title")
        request.method = .POST
        request.body = .bytes(ByteBuffer(bytes: Samples.episode))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        #expect(response.status.code == 200)
        try server.waitFor("\"route\":\"/v1/convert\"")
        kill(server.process.processIdentifier, SIGTERM)
        server.process.waitUntilExit()
        let lines = server.standardError.split(separator: "\n").filter { $0.hasPrefix("{") }
        let line = try #require(lines.first { $0.contains("/v1/convert") })
        let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(record["message"] as? String == "request")
        #expect(record["method"] as? String == "POST")
        #expect(record["status"] as? Int == 200)
        #expect(record["bytes_in"] as? Int == Samples.episode.count)
        #expect(record["request_id"] is String)
        #expect(record["duration_ms"] is Double)
        #expect(record["route"] as? String == "/v1/convert")
        #expect(!server.standardError.contains("secret-name"))
        #expect(!server.standardError.contains("Secret"))
        #expect(!server.standardError.contains("시간의 창고"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary), "needs a built .build/debug/quire"))
    func refusesBadOptions() throws {
        let server = try ServerProcess(arguments: ["serve", "--max-concurrent", "0"])
        server.process.waitUntilExit()
        #expect(server.process.terminationStatus == 2)
        #expect(server.standardError.contains("--max-concurrent must be 1 or more"))
    }
}

/// A `quire` process whose standard error is collected as it is written.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    private let condition = NSCondition()
    private var collected = ""

    init(arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: ShutdownTests.binary)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let reading = pipe.fileHandleForReading
        Thread.detachNewThread { [self] in
            while true {
                let data = reading.availableData
                condition.lock()
                if data.isEmpty {
                    collected += "\u{0}"
                } else {
                    collected += String(decoding: data, as: UTF8.self)
                }
                condition.broadcast()
                condition.unlock()
                if data.isEmpty { break }
            }
        }
    }

    deinit { if process.isRunning { process.terminate() } }

    var standardError: String { condition.withLock { collected } }

    /// Waits until standard error holds `text` (or the process closed it).
    @discardableResult
    func waitFor(_ text: String) throws -> String {
        condition.lock()
        defer { condition.unlock() }
        while !collected.contains(text) {
            if collected.contains("\u{0}") { throw TestFailure("standard error ended without '\(text)': \(collected)") }
            condition.wait()
        }
        return collected
    }

    /// The port of the start-up line.
    func port() throws -> Int {
        let text = try waitFor("\n")
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("quire: serving on http://127.0.0.1:") }),
            let port = Int(line.split(separator: ":").last ?? "")
        else { throw TestFailure("no start-up line: \(text)") }
        return port
    }

    static func canConnect(port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
