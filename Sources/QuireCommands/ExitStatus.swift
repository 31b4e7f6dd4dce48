import ArgumentParser
import QuireConversion
import QuireCore

/// Quire's exit statuses, documented in the README.
public enum QuireExitStatus: Int32, Sendable {
    case success = 0
    /// An input could not be read or converted, or no route exists.
    case failure = 1
    /// The command line is wrong: unknown option, unknown format, missing argument.
    case usage = 2
}

/// Ends a command with a status after its messages were printed.
struct CommandFailure: Error {
    var status: QuireExitStatus
    var message: String?

    init(status: QuireExitStatus, message: String?) {
        self.status = status
        self.message = message
    }

    /// A library error as the command line reports it: a wrong request is a usage error, with the
    /// settings it mentions spelled as flags.
    init(_ error: ConversionError, spelling: FlagSpelling = FlagSpelling(settings: [])) {
        status = error.kind == .request ? .usage : .failure
        message = error.message.map(spelling.rewrite)
    }

    static func usage(_ message: String) -> CommandFailure { CommandFailure(status: .usage, message: message) }
    static func failure(_ message: String? = nil) -> CommandFailure { CommandFailure(status: .failure, message: message) }
}

/// Runs the command line, mapping every outcome to an `QuireExitStatus`; never calls `exit` itself.
public enum QuireCLI {
    /// Runs with `environment` in place of the process's for plugin discovery (tests, embedders).
    public static func run(_ arguments: [String], environment: [String: String]) -> QuireExitStatus {
        Workspace.$environment.withValue(environment) { run(arguments) }
    }

    /// Runs with extra formats registered after the built-ins, as an embedding program would.
    public static func run(_ arguments: [String], additionalPlugins: [any FormatPlugin]) -> QuireExitStatus {
        Workspace.$additionalPlugins.withValue(additionalPlugins) { run(arguments) }
    }

    public static func run(_ arguments: [String]) -> QuireExitStatus {
        guard arguments.first == "convert" else { return parseAndRun(arguments) }
        // `convert` takes every format's settings as flags: register the formats (plugins too) first,
        // then read those flags as the `--option KEY=VALUE` they stand for.
        // Configuration files (`--defaults`, quire.yaml) stand for the arguments they hold, placed
        // before the user's so the command line wins; their plugin options choose plugins too.
        let given = Array(arguments.dropFirst())
        let defaults: ConvertDefaults
        do {
            defaults = try ConvertDefaults(commandLine: given)
        } catch {
            return ConvertDefaults.report(error, commandLine: given)
        }
        guard let workspace = try? Workspace(plugins: PluginOptions.prescan(defaults.optionArguments + given)) else { return parseAndRun(arguments) }
        let commandLine = SettingFlags(registry: workspace.registry).rewrite(given)
        return Workspace.$prepared.withValue(workspace) {
            let fromFiles: [String]
            do throws(DefaultsFileFailure) {
                fromFiles = try defaults.arguments(registry: workspace.registry, commandLine: commandLine)
            } catch {
                return ConvertDefaults.report(error, commandLine: given)
            }
            defaults.announce(arguments: fromFiles + commandLine)
            return parseAndRun(["convert"] + fromFiles + commandLine)
        }
    }

    private static func parseAndRun(_ arguments: [String]) -> QuireExitStatus {
        let console = Console.current
        do {
            var command = try QuireCommand.parseAsRoot(arguments)
            try command.run()
            return .success
        } catch let failure as CommandFailure {
            if let message = failure.message { console.printError("quire: error: \(message)") }
            return failure.status
        } catch {
            let code = QuireCommand.exitCode(for: error)
            let message = QuireCommand.fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { console.print(message) }
                return .success
            }
            console.printError(message)
            return code == .validationFailure ? .usage : .failure
        }
    }
}
