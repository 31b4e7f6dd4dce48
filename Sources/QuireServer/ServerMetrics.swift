import Foundation
import Hummingbird
import Prometheus

/// The server's Prometheus metrics, in a registry of its own (several servers may run in one
/// process, as in the tests; nothing is bootstrapped globally).
final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let inFlightConversions: Gauge
    private let queueLength: Gauge
    private let requestsInFlight: Gauge
    private let residentMemory: Gauge
    private let cpuSeconds: Gauge
    private let openFiles: Gauge
    /// The paths requests are counted under; anything else is `other`, so labels stay few.
    static let routes: Set<String> = ["/", "/app.css", "/app.js", "/healthz", "/metrics", "/v1/convert", "/v1/batch", "/v1/formats", "/v1/route"]

    init() {
        inFlightConversions = registry.makeGauge(
            descriptor: .init(namespace: "quire", metricName: "conversions_in_flight", unitName: "", helpText: "Conversions running now."))
        queueLength = registry.makeGauge(
            descriptor: .init(namespace: "quire", metricName: "conversion_queue_length", unitName: "", helpText: "Conversions waiting for a worker."))
        requestsInFlight = registry.makeGauge(
            descriptor: .init(namespace: "quire", metricName: "http_requests_in_flight", unitName: "", helpText: "Requests being answered now."))
        residentMemory = registry.makeGauge(
            descriptor: .init(metricName: "process_resident_memory", unitName: "bytes", helpText: "Resident memory size in bytes."))
        cpuSeconds = registry.makeGauge(
            descriptor: .init(metricName: "process_cpu_seconds", unitName: "total", helpText: "User and system CPU time spent in seconds."))
        openFiles = registry.makeGauge(descriptor: .init(metricName: "process_open_fds", unitName: "", helpText: "Open file descriptors."))
        // Every reason at 0 from the start, so rates and alerts work before the first refusal.
        for reason in Self.rejectionReasons { counter(reason: reason) }
    }

    /// The problem slugs a limit answers with.
    static let rejectionReasons = ["busy", "conversion-timeout", "body-too-large", "request-timeout", "shutting-down"]

    @discardableResult
    private func counter(reason: String) -> Counter {
        registry.makeCounter(
            descriptor: .init(namespace: "quire", metricName: "rejected_requests", unitName: "total", helpText: "Requests refused by a limit."),
            labels: [("reason", reason)])
    }

    static func route(of path: String) -> String { routes.contains(path) ? path : "other" }

    func requestStarted() { requestsInFlight.increment(by: 1) }

    func requestFinished(route: String, method: String, status: Int, seconds: Double) {
        requestsInFlight.decrement(by: 1)
        registry.makeCounter(
            descriptor: .init(namespace: "quire", metricName: "http_requests", unitName: "total", helpText: "HTTP requests answered."),
            labels: [("route", route), ("method", method), ("status", String(status))]
        ).increment()
        registry.makeDurationHistogram(
            descriptor: .init(namespace: "quire", metricName: "http_request_duration", unitName: "seconds", helpText: "Time to answer a request."),
            labels: [("route", route)], buckets: Self.buckets
        ).record(.nanoseconds(Int64(seconds * 1e9)))
    }

    func rejected(_ reason: String) { counter(reason: reason).increment() }

    static let buckets: [Duration] = [
        .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30), .seconds(60),
    ]

    /// The text format, the gauges read now.
    func exposition(pool: ConversionPool) -> [UInt8] {
        inFlightConversions.set(Double(pool.inFlight))
        queueLength.set(Double(pool.queued))
        let process = ProcessStatistics.current()
        if let rss = process.residentBytes { residentMemory.set(Double(rss)) }
        if let cpu = process.cpuSeconds { cpuSeconds.set(cpu) }
        if let files = process.openFiles { openFiles.set(Double(files)) }
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }
}

/// What /proc says about this process (Linux); `nil` elsewhere.
struct ProcessStatistics {
    var residentBytes: Int?
    var cpuSeconds: Double?
    var openFiles: Int?

    static func current() -> ProcessStatistics {
        var statistics = ProcessStatistics()
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        if let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) {
            let fields = statm.split(separator: " ")
            if fields.count > 1, let pages = Int(fields[1]) { statistics.residentBytes = pages * pageSize }
        }
        if let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") {
            // Fields after the command name: state is field 3, utime 14 and stime 15.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
            if fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]), ticks > 0 {
                statistics.cpuSeconds = (user + system) / ticks
            }
        }
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") { statistics.openFiles = entries.count }
        return statistics
    }
}
