import Foundation

/// Runs an outside program (a validator, a second reader) found on PATH.
public enum ExternalTool {
    public static func isAvailable(_ name: String, probe: [String] = ["--version"]) -> Bool {
        (try? run(name, probe).status) == 0
    }

    /// Runs `name` with `arguments` and `input` on standard input; returns the status and standard output.
    @discardableResult
    public static func run(_ name: String, _ arguments: [String], input: Data = Data()) throws -> (status: Int32, output: String, error: String) {
        let result = try run(path: "/usr/bin/env", [name] + arguments, input: input)
        return (result.status, String(decoding: result.output, as: UTF8.self), result.error)
    }

    /// Runs the program at `path`; standard output comes back as bytes.
    public static func run(path: String, _ arguments: [String], input: Data = Data()) throws -> (status: Int32, output: Data, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        // Read both pipes while the process runs, so neither fills up and blocks it.
        nonisolated(unsafe) var errorData = Data()
        let errorReader = Thread { errorData = stderr.fileHandleForReading.readDataToEndOfFile() }
        errorReader.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorReader.isFinished { usleep(1000) }
        return (process.terminationStatus, output, String(decoding: errorData, as: UTF8.self))
    }
}
