import Dispatch
import Foundation

/// Runs blocking conversions off the event loops: at most `workers` at once on their own threads,
/// at most `queueLength` waiting; a request beyond both is refused at once (503), never queued.
///
/// A conversion that outlives its deadline is answered (503) but keeps its worker until it really
/// finishes: a conversion cannot be stopped half-way, so the slot is counted as busy until then.
final class ConversionPool: @unchecked Sendable {
    enum Refusal: Error, Equatable {
        /// Every worker busy and the queue full.
        case busy
        /// Waited or ran past the deadline.
        case timedOut
        /// The server is shutting down and takes no new conversions.
        case shuttingDown
    }

    let workers: Int
    let queueLength: Int
    private let lock = NSLock()
    private var running = 0
    private var waiting: [Waiter] = []
    private var closed = false
    private let queue = DispatchQueue(label: "quire.conversions", attributes: .concurrent)

    /// Called in a worker before each conversion (tests hold a conversion there).
    var beforeEachConversion: (@Sendable () -> Void)?

    private enum Decision {
        case start, queued
        case refused(Refusal)
    }

    private final class Waiter: @unchecked Sendable {
        let start: () -> Void
        let refuse: (Refusal) -> Void
        init(start: @escaping () -> Void, refuse: @escaping (Refusal) -> Void) {
            self.start = start
            self.refuse = refuse
        }
    }

    let deadlines: Deadlines

    init(workers: Int, queueLength: Int, deadlines: Deadlines) {
        self.deadlines = deadlines
        self.workers = max(1, workers)
        self.queueLength = max(0, queueLength)
    }

    /// Conversions running now.
    var inFlight: Int { lock.withLock { running } }
    /// Conversions waiting for a worker.
    var queued: Int { lock.withLock { waiting.count } }

    /// No new conversions from now on (those running or queued finish).
    func close() { lock.withLock { closed = true } }

    /// Runs `work` on a worker and returns its result, or throws a `Refusal`.
    func run<Result: Sendable>(timeout: Double, _ work: @escaping @Sendable () -> Result) async throws(Refusal) -> Result {
        let outcome: Swift.Result<Result, Refusal> = await withCheckedContinuation { continuation in
            let once = Once(continuation)
            let deadline = DeadlineID()
            let job: () -> Void = { [self] in
                queue.async { [self] in
                    beforeEachConversion?()
                    let result = work()
                    once.resume(.success(result))
                    deadline.cancel(in: deadlines)
                    finished()
                }
            }
            let waiter = Waiter(start: job, refuse: { once.resume(.failure($0)) })
            let decision: Decision = lock.withLock {
                if closed { return .refused(.shuttingDown) }
                if running < workers {
                    running += 1
                    return .start
                }
                if waiting.count < queueLength {
                    waiting.append(waiter)
                    return .queued
                }
                return .refused(.busy)
            }
            switch decision {
            case .start: job()
            case .queued: break
            case .refused(let refusal):
                once.resume(.failure(refusal))
                return
            }
            // The deadline is dropped when the work ends, and holds only the small `once` and a weak
            // waiter: what the work captured (the request's bytes) is released as soon as it is done.
            deadline.set(
                deadlines.schedule(after: timeout) { [weak self, weak waiter] in
                    // Still waiting: it leaves the queue. Running: it is answered, the worker finishes on its own.
                    if let self, let waiter { self.lock.withLock { self.waiting.removeAll { $0 === waiter } } }
                    once.resume(.failure(.timedOut))
                }, in: deadlines)
        }
        return try outcome.get()
    }

    /// A deadline's id, which the work may need to cancel before it is known.
    private final class DeadlineID: @unchecked Sendable {
        private let lock = NSLock()
        private var id: UInt64?
        private var done = false

        func set(_ id: UInt64, in deadlines: Deadlines) {
            let cancelNow = lock.withLock {
                self.id = id
                return done
            }
            if cancelNow { deadlines.cancel(id) }
        }

        func cancel(in deadlines: Deadlines) {
            let id = lock.withLock {
                done = true
                return self.id
            }
            if let id { deadlines.cancel(id) }
        }
    }

    private func finished() {
        let next: Waiter? = lock.withLock {
            if waiting.isEmpty {
                running -= 1
                return nil
            }
            return waiting.removeFirst()
        }
        next?.start()
    }

    /// Resumes a continuation the first time only (the work or the deadline, whichever comes first).
    private final class Once<Value: Sendable>: @unchecked Sendable {
        private var continuation: CheckedContinuation<Value, Never>?
        private let lock = NSLock()
        init(_ continuation: CheckedContinuation<Value, Never>) { self.continuation = continuation }
        func resume(_ value: Value) {
            let taken = lock.withLock { () -> CheckedContinuation<Value, Never>? in
                defer { continuation = nil }
                return continuation
            }
            taken?.resume(returning: value)
        }
    }
}
