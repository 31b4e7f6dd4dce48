import Foundation
import Logging

/// How `quire serve` listens and what it allows: every limit a request can meet.
public struct ServerConfiguration: Sendable, Hashable {
    /// How log lines are written.
    public enum LogFormat: String, Sendable, Hashable, CaseIterable {
        /// `2026-12-04T18:00:00Z info quire: request method=POST …`, one line per event.
        case text
        /// One JSON object per line.
        case json
    }

    public var host: String
    /// 0 picks a free port.
    public var port: Int
    /// Filters (plugins' model filters) may be named by requests; off by default.
    public var allowsPlugins: Bool
    /// Bytes a request body may hold (413 beyond).
    public var maximumBodySize: Int
    /// Seconds a client has to send its body (408 beyond) and a conversion has to finish (503 beyond).
    public var requestTimeout: Double
    /// Conversions run at once.
    public var maximumConcurrentConversions: Int
    /// Conversions waiting for a worker; beyond them a request gets 503 at once.
    public var maximumQueueLength: Int
    /// A swift-log level name: `trace`, `debug`, `info`, `notice`, `warning`, `error`, `critical`.
    public var logLevel: String
    public var logFormat: LogFormat
    /// Seconds a connection may stay idle (no request, no bytes) before the server closes it.
    public var idleTimeout: Double
    /// Bytes a zip input (an EPUB) may unpack to, per conversion; requests may ask for less.
    public var maximumUnpackedSize: Int

    public init(
        host: String = "127.0.0.1", port: Int = 8080, allowsPlugins: Bool = false, maximumBodySize: Int = 64 << 20,
        requestTimeout: Double = 60, maximumConcurrentConversions: Int = ProcessInfo.processInfo.activeProcessorCount,
        maximumQueueLength: Int = 64, logLevel: String = "info", logFormat: LogFormat = .text, idleTimeout: Double = 75,
        maximumUnpackedSize: Int = 64 << 20
    ) {
        self.maximumUnpackedSize = maximumUnpackedSize
        self.host = host
        self.port = port
        self.allowsPlugins = allowsPlugins
        self.maximumBodySize = maximumBodySize
        self.requestTimeout = requestTimeout
        self.maximumConcurrentConversions = maximumConcurrentConversions
        self.maximumQueueLength = maximumQueueLength
        self.logLevel = logLevel
        self.logFormat = logFormat
        self.idleTimeout = idleTimeout
    }

    /// What is wrong with these values, for the command line to report; `nil` when all are usable.
    public var problem: String? {
        if !(0...65535).contains(port) { return "--port must be 0 to 65535, not \(port)" }
        if maximumBodySize < 1 { return "--max-body-size must be 1 byte or more" }
        if !(requestTimeout > 0 && requestTimeout <= 86_400) { return "--request-timeout must be more than 0 and at most 86400 seconds" }
        if maximumConcurrentConversions < 1 { return "--max-concurrent must be 1 or more" }
        if maximumQueueLength < 0 { return "--max-queue must be 0 or more" }
        if maximumUnpackedSize < 1 { return "--max-unpacked-size must be 1 byte or more" }
        if Logger.Level(rawValue: logLevel) == nil {
            return "--log-level takes \(Logger.Level.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")), not '\(logLevel)'"
        }
        return nil
    }
}
