import Foundation

/// Where commands write: standard output and standard error in the executable, buffers in tests.
/// Bound per task with `Console.$current.withValue`, so tests can run commands in parallel.
public struct Console: Sendable {
    public var writeOutput: @Sendable ([UInt8]) -> Void
    public var writeError: @Sendable (String) -> Void

    public init(writeOutput: @escaping @Sendable ([UInt8]) -> Void, writeError: @escaping @Sendable (String) -> Void) {
        self.writeOutput = writeOutput
        self.writeError = writeError
    }

    public static let standard = Console(
        writeOutput: { bytes in FileHandle.standardOutput.write(Data(bytes)) },
        writeError: { text in FileHandle.standardError.write(Data(text.utf8)) })

    @TaskLocal public static var current = Console.standard

    public func print(_ text: String) { writeOutput(Array((text + "\n").utf8)) }
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
