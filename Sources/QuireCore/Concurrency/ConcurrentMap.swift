import Dispatch

/// Runs `transform` for every index of `0..<count` on all cores and returns the results in index
/// order. When some fail, the error of the lowest failing index is thrown, the one a loop in order
/// would have met first, so the outcome does not depend on scheduling.
public func concurrentMap<Result: Sendable>(count: Int, _ transform: @Sendable (Int) throws -> Result) throws -> [Result] {
    let slots = ResultSlots<Result>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
        slots.store(Swift.Result { try transform(index) }, at: index)
    }
    return try slots.values()
}

/// Results written by concurrent workers, each to its own slot, read once all have finished.
private final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Swift.Result<Value, any Error>?]
    private let lock = DispatchQueue(label: "quire.concurrent-map")

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ result: Swift.Result<Value, any Error>, at index: Int) { lock.sync { slots[index] = result } }

    func values() throws -> [Value] { try slots.map { try $0!.get() } }
}
