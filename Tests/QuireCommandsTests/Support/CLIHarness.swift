import Foundation
import QuireCore
import QuireTestSupport

@testable import QuireCommands

/// What one run of the command line gave: its status and everything it printed.
struct CLIRun {
    var status: QuireExitStatus
    /// Standard output as text (`outputBytes` holds it exactly).
    var output: String
    var outputBytes: [UInt8]
    /// Standard error: diagnostics, progress, summaries.
    var error: String
}

/// Runs `quire` in-process with its output captured, as a user would call it from a shell, with
/// `extraPlugins` registered after the built-in formats (as an embedding program would).
///
/// Plugin discovery sees `environment` instead of the test process's: by default only a `HOME` with
/// nothing in it, so a plugin folder or `QUIRE_PLUGIN_PATH` on the machine running the tests never
/// changes what they see; the plugins that come with Quire (its `Plugins/` folder) are still found.
func quire(
    _ arguments: [String], plugins extraPlugins: [any FormatPlugin] = [], environment: [String: String] = CLIHarness.isolatedEnvironment
) -> CLIRun {
    let captured = CapturedConsole()
    let status = Console.$current.withValue(captured.console) {
        Workspace.$environment.withValue(environment) { QuireCLI.run(arguments, additionalPlugins: extraPlugins) }
    }
    return CLIRun(status: status, output: captured.output, outputBytes: captured.outputData, error: captured.error)
}

/// The command line's test set-up shared by every file of this target: the environment in-process
/// runs see, and the built binaries for tests that need a real process (exit statuses as a shell sees
/// them, signals, a full disk).
enum CLIHarness {
    static let isolatedEnvironment = ["HOME": "/nonexistent"]

    /// `.build/debug/quire`, built by `swift build --build-tests`.
    static let binary = Fixtures.url(".build/debug/quire").path
    static var hasBinary: Bool { FileManager.default.isExecutableFile(atPath: binary) }

    /// `.build/debug/quire-fuzz`, the fuzzing targets' crash replayer.
    static let fuzzReplayer = Fixtures.url(".build/debug/quire-fuzz").path
    static var hasFuzzReplayer: Bool { FileManager.default.isExecutableFile(atPath: fuzzReplayer) }

    /// Runs the built `quire` with `input` on standard input.
    static func runBinary(_ arguments: [String], input: Data = Data()) throws -> (status: Int32, output: Data, error: String) {
        try ExternalTool.run(path: binary, arguments, input: input)
    }
}
