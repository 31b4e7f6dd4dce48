import Foundation
import Hummingbird
import QuireCore

/// A request body as received: in memory, or spooled to a private temporary file when large.
enum ReceivedBody: Sendable {
    case memory([UInt8])
    case file(TemporaryFolder, path: String, size: Int)

    var count: Int {
        switch self {
        case .memory(let bytes): bytes.count
        case .file(_, _, let size): size
        }
    }
}

/// Reads request bodies within the limits: at most `limit` bytes (413 beyond, before reading when
/// `Content-Length` says so), all of it within `timeout` seconds (408 beyond). Bodies of
/// `spoolThreshold` bytes or more go to a temporary file as they arrive, so memory stays bounded.
struct RequestBodyReader: Sendable {
    let limit: Int
    let timeout: Double
    /// `nil`: always in memory (multipart bodies are parsed whole).
    let spoolThreshold: Int?
    let deadlines: Deadlines

    func read(_ request: Request) async throws(Problem) -> ReceivedBody {
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            throw .tooLarge(limit: limit)
        }
        let body = request.body
        let limit = self.limit
        let spoolThreshold = self.spoolThreshold
        let result: Result<ReceivedBody, Problem> = await Deadline.race(seconds: timeout, deadlines: deadlines) {
            await Self.collect(body, limit: limit, spoolThreshold: spoolThreshold)
        } timedOut: {
            .failure(.bodyTimeout(seconds: timeout))
        }
        return try result.get()
    }

    private static func collect(_ body: RequestBody, limit: Int, spoolThreshold: Int?) async -> Result<ReceivedBody, Problem> {
        var bytes: [UInt8] = []
        var spool: (folder: TemporaryFolder, path: String, handle: FileHandle)?
        var size = 0
        do {
            for try await buffer in body {
                size += buffer.readableBytes
                if size > limit {
                    if let spool { try? spool.handle.close() }
                    return .failure(.tooLarge(limit: limit))
                }
                if let spool {
                    try spool.handle.write(contentsOf: buffer.readableBytesView)
                    continue
                }
                bytes.append(contentsOf: buffer.readableBytesView)
                if let spoolThreshold, bytes.count >= spoolThreshold {
                    let folder = try TemporaryFolder()
                    let path = folder.path + "/body"
                    guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
                        return .failure(Problem(status: .internalServerError, slug: "internal", title: "Internal error", detail: "cannot spool the body"))
                    }
                    try handle.write(contentsOf: bytes)
                    bytes = []
                    spool = (folder, path, handle)
                }
            }
        } catch {
            if let spool { try? spool.handle.close() }
            return .failure(
                Problem(status: .badRequest, slug: "bad-request", title: "Bad request", detail: "the request body could not be read", closesConnection: true))
        }
        if let spool {
            try? spool.handle.close()
            return .success(.file(spool.folder, path: spool.path, size: size))
        }
        return .success(.memory(bytes))
    }
}

/// Runs an operation against a deadline, answering with `timedOut` when the deadline comes first
/// (the operation's task is then cancelled and left to end).
enum Deadline {
    static func race<Value: Sendable>(
        seconds: Double, deadlines: Deadlines, _ operation: @escaping @Sendable () async -> Value, timedOut: @escaping @Sendable () -> Value
    ) async -> Value {
        let once = ResumeOnce<Value>()
        let work = TaskHandle()
        return await withCheckedContinuation { continuation in
            once.set(continuation)
            let id = deadlines.schedule(after: seconds) {
                if once.resume(timedOut()) { work.cancel() }
            }
            work.set(
                Task {
                    let value = await operation()
                    deadlines.cancel(id)
                    once.resume(value)
                })
        }
    }
}

/// A task that can be cancelled before it is known (then it is cancelled as soon as it is set).
final class TaskHandle: @unchecked Sendable {
    private let lock = NSLock()
    private var task: Task<Void, Never>?
    private var cancelled = false

    func set(_ task: Task<Void, Never>) {
        let cancelNow = lock.withLock {
            self.task = task
            return cancelled
        }
        if cancelNow { task.cancel() }
    }

    func cancel() {
        let task = lock.withLock {
            cancelled = true
            return self.task
        }
        task?.cancel()
    }
}

/// A continuation resumed by whichever side comes first.
final class ResumeOnce<Value: Sendable>: @unchecked Sendable {
    private var continuation: CheckedContinuation<Value, Never>?
    private var early: Value?
    private var done = false
    private let lock = NSLock()

    func set(_ continuation: CheckedContinuation<Value, Never>) {
        let value: Value? = lock.withLock {
            if let early { return early }
            self.continuation = continuation
            return nil
        }
        if let value { continuation.resume(returning: value) }
    }

    /// Whether this call was the first.
    @discardableResult
    func resume(_ value: Value) -> Bool {
        let (first, taken): (Bool, CheckedContinuation<Value, Never>?) = lock.withLock {
            guard !done else { return (false, nil) }
            done = true
            if let continuation {
                self.continuation = nil
                return (true, continuation)
            }
            early = value
            return (true, nil)
        }
        taken?.resume(returning: value)
        return first
    }
}

/// A private folder under the system's temporary folder (made with `mkdtemp`, mode 0700), removed
/// with everything in it when the last reference goes.
final class TemporaryFolder: @unchecked Sendable {
    let path: String

    init() throws {
        let base = (ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp")
        var template = Array((base.hasSuffix("/") ? base : base + "/").utf8CString.dropLast()) + Array("quire-serve-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw FileIO.Failure(path: base, reason: "cannot make a temporary folder") }
        path = String(cString: made)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
