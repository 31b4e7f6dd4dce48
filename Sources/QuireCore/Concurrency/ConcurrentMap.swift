import Dispatch

/// Runs `transform` for every index of `0..<count` on all cores (at most `maxConcurrency` at once) and
/// returns the results in index order. When some fail, the error of the lowest failing index is
/// thrown, the one a loop in order would have met first, so the outcome does not depend on scheduling.
/// The one parallel loop of Quire: the page reader, the EPUB and HTML writers and batches use it.
public func concurrentMap<Result: Sendable, Failure: Error>(
    count: Int, maxConcurrency: Int = .max, _ transform: @Sendable (Int) throws(Failure) -> Result
) throws(Failure) -> [Result] {
    guard count > 0 else { return [] }
    // An array owns the results; each index is written by exactly one iteration, so no lock is needed.
    var slots = [Swift.Result<Result, Failure>?](repeating: nil, count: count)
    slots.withUnsafeMutableBufferPointer { buffer in
        nonisolated(unsafe) let results = buffer
        let workers = min(count, max(1, maxConcurrency))
        if workers == count {
            DispatchQueue.concurrentPerform(iterations: count) { index in
                results[index] = Swift.Result { () throws(Failure) -> Result in try transform(index) }
            }
        } else {
            // Fewer workers than items: each takes every `workers`-th index.
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for index in stride(from: worker, to: count, by: workers) {
                    results[index] = Swift.Result { () throws(Failure) -> Result in try transform(index) }
                }
            }
        }
    }
    var values: [Result] = []
    values.reserveCapacity(count)
    for slot in slots { values.append(try slot!.get()) }
    return values
}
