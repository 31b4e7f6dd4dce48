import Dispatch
import Foundation
import QuireConversion

/// A one-line progress bar on standard error, redrawn at most ten times a second: done and total,
/// rate, time left. Drawn only when standard error is a terminal; silent in pipes and logs.
final class ProgressReporter: ConversionProgress, @unchecked Sendable {
    private let total: Int
    private let unit: String
    private let console = Console.current
    private let enabled: Bool
    private let lock = NSLock()
    private var done = 0
    private var lastDraw: UInt64 = 0
    private let start = DispatchTime.now().uptimeNanoseconds

    init(total: Int, unit: String, enabled: Bool) {
        self.total = total
        self.unit = unit
        self.enabled = enabled && Console.current.errorIsTerminal && total > 1
    }

    func advance() { advance(to: nil) }

    /// Moves to `done` (or one further); for work counted in bytes or megabytes.
    func advance(to value: Int?) {
        guard enabled else { return }
        lock.withLock {
            done = value ?? done + 1
            let now = DispatchTime.now().uptimeNanoseconds
            if now - lastDraw >= 100_000_000 || done == total {
                lastDraw = now
                console.writeError("\r" + line(now: now))
            }
        }
    }

    func finish() {
        guard enabled else { return }
        console.writeError("\r" + String(repeating: " ", count: 72) + "\r")
    }

    func line(now: UInt64) -> String {
        let elapsed = Double(now - start) / 1e9
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left = rate > 0 ? Int(Double(total - done) / rate) : 0
        let width = 24, filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        return String(format: "[%@] %d/%d %@  %.1f %@/s  %d:%02d left", bar, done, total, unit, rate, unit, left / 60, left % 60)
    }
}
