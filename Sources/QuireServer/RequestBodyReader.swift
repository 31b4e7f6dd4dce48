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
        // Past the deadline the reading is cancelled, and awaited: only once it has stopped may the
        // answer go out, because Hummingbird then reads what is left of the body itself, and two
        // readers of one body stop the process.
        let reading = Task { await Self.collect(body, limit: limit, spoolThreshold: spoolThreshold) }
        let late = Flag()
        let deadline = deadlines.schedule(after: timeout) {
            late.set()
            reading.cancel()
        }
        let result = await reading.value
        deadlines.cancel(deadline)
        if case .failure = result, late.isSet { throw .bodyTimeout(seconds: timeout) }
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
        if let spool { try? spool.handle.close() }
        // Cancelled at the deadline, the body ends early: what was read is not the body.
        if Task.isCancelled { return .failure(.bodyTimeout(seconds: 0)) }
        if let spool { return .success(.file(spool.folder, path: spool.path, size: size)) }
        return .success(.memory(bytes))
    }
}

/// Set once, read from any thread.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
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
