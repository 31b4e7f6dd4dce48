import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// What a conditional GET can ask of the server: the validators an earlier download gave.
public struct Validators: Sendable, Hashable, Codable {
    public var etag: String?
    public var lastModified: String?

    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }

    var isEmpty: Bool { etag == nil && lastModified == nil }
}

/// The outcome of one GET.
enum Download: Sendable {
    /// 304: the copy on disk is current.
    case notModified
    case body(bytes: [UInt8], contentType: String?, validators: Validators)
}

/// One HTTP client for a whole run (connections are pooled and reused), with the run's limits.
final class HTTPDownloader: Sendable {
    private let client: HTTPClient
    private let options: FetchOptions

    init(options: FetchOptions) {
        self.options = options
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .follow(max: options.maximumRedirects, allowCycles: false),
            timeout: .init(connect: .milliseconds(Int64(options.connectTimeout * 1000)), read: .milliseconds(Int64(options.readTimeout * 1000))),
            // The pool's own per-host limit (8) would otherwise cap --jobs against a single host.
            connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: max(8, options.jobs)),
            // A gzip bomb stops at the same size as a plain body.
            decompression: .enabled(limit: .size(options.maximumBytes)))
        configuration.httpVersion = .http1Only
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    func shutdown() async {
        try? await client.shutdown()
    }

    /// GETs `url`, asking only for a newer copy than `validators` describe, and streams the body into
    /// memory up to the size limit. Throws a `FetchFailure` saying why in words.
    func get(_ url: String, validators: Validators) async throws(FetchFailure) -> Download {
        let timeout = options.totalTimeout
        do {
            // The client's deadline covers only the head; the race covers the body too (an endless trickle).
            return try await withThrowingTaskGroup(of: Download?.self) { group in
                group.addTask { try await self.download(url, validators: validators) }
                group.addTask {
                    try await Task.sleep(nanoseconds: UInt64(timeout * 1e9))
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let download = first else {
                    throw FetchFailure(.timeout, "took longer than \(Self.seconds(timeout)) in all")
                }
                return download
            }
        } catch let failure as FetchFailure {
            throw failure
        } catch {
            throw describe(error)
        }
    }

    private func download(_ url: String, validators: Validators) async throws -> Download {
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        request.headers.add(name: "User-Agent", value: options.userAgent)
        request.headers.add(name: "Accept", value: "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
        request.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
        if let etag = validators.etag { request.headers.add(name: "If-None-Match", value: etag) }
        if let lastModified = validators.lastModified { request.headers.add(name: "If-Modified-Since", value: lastModified) }
        let response = try await client.execute(request, timeout: .milliseconds(Int64(options.totalTimeout * 1000)))
        if response.status == .notModified { return .notModified }
        guard (200..<300).contains(response.status.code) else {
            throw FetchFailure(.httpStatus, "the server answered \(response.status.code) \(response.status.reasonPhrase)")
        }
        let limit = options.maximumBytes
        if let declared = response.headers.first(name: "Content-Length").flatMap(Int.init), declared > limit,
            response.headers.first(name: "Content-Encoding") == nil
        {
            throw FetchFailure(.tooLarge, "the body is \(declared) bytes, more than the limit of \(limit)")
        }
        var bytes: [UInt8] = []
        for try await chunk in response.body {
            // Checked per chunk: an endless body stops here, holding at most the limit plus one chunk.
            guard bytes.count + chunk.readableBytes <= limit else {
                throw FetchFailure(.tooLarge, "the body is more than the limit of \(limit) bytes")
            }
            bytes += chunk.readableBytesView
        }
        let found = Validators(etag: response.headers.first(name: "ETag"), lastModified: response.headers.first(name: "Last-Modified"))
        return .body(bytes: bytes, contentType: response.headers.first(name: "Content-Type"), validators: found)
    }

    private func describe(_ error: any Error) -> FetchFailure {
        if let failure = error as? FetchFailure { return failure }
        if let client = error as? HTTPClientError {
            switch client {
            case .redirectCycleDetected: return FetchFailure(.redirects, "the redirects go round in a loop")
            case .redirectLimitReached: return FetchFailure(.redirects, "more than \(options.maximumRedirects) redirects")
            case .readTimeout: return FetchFailure(.timeout, "the server sent nothing for \(Self.seconds(options.readTimeout))")
            case .connectTimeout: return FetchFailure(.timeout, "no connection within \(Self.seconds(options.connectTimeout))")
            case .deadlineExceeded: return FetchFailure(.timeout, "took longer than \(Self.seconds(options.totalTimeout)) in all")
            case .invalidURL, .emptyHost, .emptyScheme: return FetchFailure(.invalidURL, "not a URL Quire can fetch")
            case .remoteConnectionClosed: return FetchFailure(.network, "the server closed the connection")
            default: return FetchFailure(.network, "\(client)")
            }
        }
        // NIOHTTPCompression's DecompressionError (its module is not imported here): the gzip limit was hit.
        if String(reflecting: type(of: error)).hasSuffix("DecompressionError") {
            return FetchFailure(.tooLarge, "the decompressed body is more than the limit of \(options.maximumBytes) bytes")
        }
        return FetchFailure(.network, "\(error)")
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }
}
