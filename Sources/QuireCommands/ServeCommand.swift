import ArgumentParser
import Dispatch
import Foundation
import QuireBuiltinFormats
import QuireConversion
import QuireCore
import QuireServer

/// `quire serve`: the conversion API and the web page over HTTP, until SIGTERM or SIGINT.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the conversion API and the web page over HTTP.",
        discussion: """
            Prints `quire: serving on http://HOST:PORT` on standard error once listening (--port 0 picks a free port). \
            SIGTERM or SIGINT stops accepting connections, lets the requests in flight finish, and exits 0.

            Safe by default: requests name no file on the server (path settings are refused), and filters \
            (which come from plugins) are off unless --allow-plugins. Beyond --max-concurrent conversions \
            and --max-queue waiting ones, a request gets 503 with Retry-After. See docs/server.md.
            """)

    @Option(name: .long, help: "Address to listen on (0.0.0.0 for every interface).")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on; 0 picks a free one.")
    var port = 8080

    @Flag(name: .customLong("allow-plugins"), help: "Register out-of-process plugins (formats and filters) and let requests name filters.")
    var allowPlugins = false

    @OptionGroup var plugins: PluginOptions

    @Option(name: .customLong("max-body-size"), help: ArgumentHelp("Largest request body in bytes (413 beyond).", valueName: "bytes"))
    var maxBodySize = 64 << 20

    @Option(
        name: .customLong("request-timeout"),
        help: ArgumentHelp("Seconds a client has to send its body (408 beyond) and a conversion to finish (503 beyond).", valueName: "seconds"))
    var requestTimeout: Double = 60

    @Option(name: .customLong("max-concurrent"), help: ArgumentHelp("Conversions run at once (default: one per core).", valueName: "n"))
    var maxConcurrent = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("max-queue"), help: ArgumentHelp("Conversions that may wait for a worker (503 beyond).", valueName: "n"))
    var maxQueue = 64

    @Option(
        name: .customLong("max-unpacked-size"),
        help: ArgumentHelp("Bytes a zip input (an EPUB) may unpack to in one conversion; requests may ask for less.", valueName: "bytes"))
    var maxUnpackedSize = 64 << 20

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"

    @Option(name: .customLong("log-format"), help: "text, or json (one object per line).")
    var logFormat = "text"

    func validate() throws {
        if ServerConfiguration.LogFormat(rawValue: logFormat) == nil { throw ValidationError("--log-format takes 'text' or 'json', not '\(logFormat)'") }
        if !allowPlugins && !plugins.pluginDirectories.isEmpty { throw ValidationError("--plugin-dir needs --allow-plugins") }
        if let problem = serverConfiguration.problem { throw ValidationError(problem) }
    }

    var serverConfiguration: ServerConfiguration {
        ServerConfiguration(
            host: host, port: port, allowsPlugins: allowPlugins, maximumBodySize: maxBodySize, requestTimeout: requestTimeout,
            maximumConcurrentConversions: maxConcurrent, maximumQueueLength: maxQueue, logLevel: logLevel,
            logFormat: ServerConfiguration.LogFormat(rawValue: logFormat) ?? .text, maximumUnpackedSize: maxUnpackedSize)
    }

    /// Built-in formats only, unless plugins are allowed: then the registry every command uses.
    func registry() throws -> FormatRegistry {
        if allowPlugins { return try Workspace(plugins: plugins).registry }
        do {
            return try FormatRegistry(plugins: BuiltinFormats.plugins)
        } catch {
            throw CommandFailure.failure("cannot register formats: \(error)")
        }
    }

    func run() throws {
        let configuration = serverConfiguration
        let server = ConversionServer(configuration: configuration, service: ConversionService(registry: try registry()))
        let host = configuration.host
        let finished = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do {
                try await server.run { port in
                    Console.current.printError("quire: serving on http://\(host.contains(":") ? "[\(host)]" : host):\(port)")
                }
            } catch {
                failure.set("\(error)")
            }
            finished.signal()
        }
        finished.wait()
        if let message = failure.message { throw CommandFailure.failure("serve: \(message)") }
    }
}

/// The server's error, handed from its task to the command.
private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var text: String?
    var message: String? { lock.withLock { text } }
    func set(_ message: String) { lock.withLock { text = message } }
}
