import Dispatch
import Foundation

/// Deadlines for every request in flight, checked by one timer ten times a second.
///
/// One clock for all rather than a timer per request: a cancelled per-request timer (a sleeping
/// task, a dispatch `asyncAfter`) stays queued, with what it holds, until its time comes, so at
/// thousands of requests a second with a 60 s timeout memory would grow by a minute of requests.
final class Deadlines: @unchecked Sendable {
    private struct Entry {
        var due: UInt64
        var fire: @Sendable () -> Void
    }

    private let lock = NSLock()
    private var entries: [UInt64: Entry] = [:]
    private var nextID: UInt64 = 0
    private let timer: any DispatchSourceTimer
    static let resolution: DispatchTimeInterval = .milliseconds(100)

    init() {
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "quire.deadlines"))
        timer.schedule(deadline: .now() + Self.resolution, repeating: Self.resolution, leeway: .milliseconds(20))
        timer.setEventHandler { [weak self] in self?.fireExpired() }
        timer.resume()
    }

    deinit { timer.cancel() }

    /// Calls `fire` once `seconds` have passed, unless `cancel` is called with the returned id first.
    func schedule(after seconds: Double, _ fire: @escaping @Sendable () -> Void) -> UInt64 {
        let due = DispatchTime.now().uptimeNanoseconds &+ UInt64(max(0, seconds) * 1e9)
        return lock.withLock {
            nextID &+= 1
            entries[nextID] = Entry(due: due, fire: fire)
            return nextID
        }
    }

    func cancel(_ id: UInt64) { _ = lock.withLock { entries.removeValue(forKey: id) } }

    /// Deadlines not yet passed nor cancelled.
    var count: Int { lock.withLock { entries.count } }

    private func fireExpired() {
        let now = DispatchTime.now().uptimeNanoseconds
        let due: [Entry] = lock.withLock {
            var expired: [Entry] = []
            for (id, entry) in entries where entry.due <= now {
                expired.append(entry)
                entries.removeValue(forKey: id)
            }
            return expired
        }
        for entry in due { entry.fire() }
    }
}
