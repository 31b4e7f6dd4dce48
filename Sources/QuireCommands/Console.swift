import Foundation
import QuireCore

/// Where commands write: standard output and standard error in the executable, buffers in tests.
/// Bound per task with `Console.$current.withValue`, so tests can run commands in parallel.
public struct Console: Sendable {
    /// Throws when standard output cannot take the bytes (a full disk, a closed pipe).
    public var writeOutput: @Sendable ([UInt8]) throws -> Void
    public var writeError: @Sendable (String) -> Void
    /// Whether standard error is a terminal, where progress can be drawn and redrawn.
    public var errorIsTerminal: Bool

    public init(
        writeOutput: @escaping @Sendable ([UInt8]) throws -> Void, writeError: @escaping @Sendable (String) -> Void, errorIsTerminal: Bool = false
    ) {
        self.writeOutput = writeOutput
        self.writeError = writeError
        self.errorIsTerminal = errorIsTerminal
    }

    public static let standard = Console(
        writeOutput: { bytes in try FileIO.writeAtomically(bytes, to: "-") },
        writeError: { text in try? FileIO.writeToStandardError(Array(text.utf8)) },
        errorIsTerminal: System.isTerminal(System.standardError))

    @TaskLocal public static var current = Console.standard

    /// Listings: a reader that went away (`quire formats | head -1`) is no error.
    public func print(_ text: String) { try? writeOutput(Array((text + "\n").utf8)) }
    public func printError(_ text: String) { writeError(text + "\n") }
}

/// Collects what a command wrote, for tests.
public final class CapturedConsole: Sendable {
    private let lock = NSLock()
    nonisolated(unsafe) private var outputBytes: [UInt8] = []
    nonisolated(unsafe) private var errorText = ""

    public init() {}

    public var console: Console {
        Console(
            writeOutput: { bytes in self.lock.withLock { self.outputBytes += bytes } },
            writeError: { text in self.lock.withLock { self.errorText += text } })
    }

    public var output: String { lock.withLock { String(decoding: outputBytes, as: UTF8.self) } }
    public var outputData: [UInt8] { lock.withLock { outputBytes } }
    public var error: String { lock.withLock { errorText } }
}
