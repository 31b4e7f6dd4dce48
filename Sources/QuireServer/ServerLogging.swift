import Foundation
import Hummingbird
import Logging

enum ServerLogging {
    /// A logger writing to standard error, one line per event, `text` or `json`; no global bootstrap.
    static func logger(format: ServerConfiguration.LogFormat, level: String) -> Logger {
        var logger = Logger(label: "quire", factory: { label in LineLogHandler(label: label, json: format == .json) })
        logger.logLevel = Logger.Level(rawValue: level) ?? .info
        return logger
    }
}

/// Writes each event as one line on standard error: `time level label: message key=value …`, or a
/// JSON object `{"time","level","label","message",…metadata}`.
struct LineLogHandler: LogHandler {
    let label: String
    let json: Bool
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    private static let lock = NSLock()

    init(label: String, json: Bool) {
        self.label = label
        self.json = json
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        let time = Self.timestamp()
        let line: String
        if json {
            var members: [(String, JSONValue)] = [
                ("time", .string(time)), ("level", .string(event.level.rawValue)), ("label", .string(label)), ("message", .string("\(event.message)")),
            ]
            for key in merged.keys.sorted() { members.append((key, Self.json(merged[key]!))) }
            line = JSONValue.object(members).serialized()
        } else {
            var text = "\(time) \(event.level.rawValue) \(label): \(event.message)"
            for key in merged.keys.sorted() { text += " \(key)=\(merged[key]!)" }
            line = text
        }
        let bytes = Data((line + "\n").utf8)
        Self.lock.withLock { FileHandle.standardError.write(bytes) }
    }

    /// `2026-12-04T18:39:29.016Z` (UTC, milliseconds), without a formatter per line.
    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let milliseconds = Int(now.tv_nsec / 1_000_000)
        let fraction = milliseconds < 10 ? "00\(milliseconds)" : milliseconds < 100 ? "0\(milliseconds)" : "\(milliseconds)"
        return
            "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)).\(fraction)Z"
    }

    /// `12.50`: digits, one dot, digits.
    private static func isDecimal(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }

    private static func json(_ value: Logger.Metadata.Value) -> JSONValue {
        switch value {
        case .string(let text): Int(text).map { .number($0) } ?? (isDecimal(text) ? .decimal(text) : .string(text))
        case .stringConvertible(let convertible): .string(convertible.description)
        case .array(let items): .array(items.map(json))
        case .dictionary(let dictionary): .object(dictionary.keys.sorted().map { ($0, json(dictionary[$0]!)) })
        }
    }
}

/// Logs each request once answered (method, route, status, bytes in and out, duration, request id;
/// never the query, file names or contents) and counts it in the metrics.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext
    let logger: Logger
    let metrics: ServerMetrics
    static let requestIDName = HTTPFields.Element.Name("X-Request-Id")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let id = Self.requestID(request.headers[Self.requestIDName])
        let route = ServerMetrics.route(of: request.uri.path)
        let method = request.method.rawValue
        metrics.requestStarted()
        if logger.logLevel <= .debug {
            logger.debug("request started", metadata: ["request_id": "\(id)", "method": "\(method)", "route": "\(route)"])
        }
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            metrics.requestFinished(route: route, method: method, status: 500, seconds: 0)
            throw error
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let status = Int(response.status.code)
        metrics.requestFinished(route: route, method: method, status: status, seconds: seconds)
        response.headers[Self.requestIDName] = id
        if logger.logLevel <= .info {
            var metadata: Logger.Metadata = [
                "request_id": "\(id)", "method": "\(method)", "route": "\(route)", "status": "\(status)",
                "duration_ms": "\(String(format: "%.2f", seconds * 1000))",
            ]
            if let bytesIn = request.headers[.contentLength] { metadata["bytes_in"] = "\(bytesIn)" }
            if let bytesOut = response.body.contentLength { metadata["bytes_out"] = "\(bytesOut)" }
            if let type = request.headers[.contentType]?.split(separator: ";").first { metadata["content_type"] = "\(type)" }
            logger.info("request", metadata: metadata)
        }
        return response
    }

    /// The client's `X-Request-Id` when it is a short token, else a new one.
    static func requestID(_ given: String?) -> String {
        if let given, (1...64).contains(given.utf8.count), given.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") }) {
            return given
        }
        return UUID().uuidString.lowercased()
    }
}
