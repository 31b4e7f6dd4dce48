import Foundation
import QuireCore

/// Bounds on what a plugin may take and give.
public struct PluginLimits: Sendable {
    /// Seconds a plugin may run before it is stopped.
    public var timeout: Double = 60
    public var maximumOutputBytes = 1 << 30
    public var maximumErrorBytes = 1 << 20

    public init(timeout: Double = 60, maximumOutputBytes: Int = 1 << 30, maximumErrorBytes: Int = 1 << 20) {
        self.timeout = timeout
        self.maximumOutputBytes = maximumOutputBytes
        self.maximumErrorBytes = maximumErrorBytes
    }
}

/// Runs one step of a plugin in its own process: input on standard input, result on standard
/// output, diagnostics as JSON lines on standard error. A crash, a hang, a flood or a failure
/// becomes a `ConversionFailure` naming the plugin and the step; Quire itself carries on.
struct PluginRunner {
    let plugin: DiscoveredPlugin
    let edge: PluginManifest.Edge
    let limits: PluginLimits
    /// How messages name the step: `plugin 'x' (a → model)`, `filter 'select-episodes' (plugin select-episodes)`.
    let step: String
    /// After the program's name: the edge's ends, or what a filter is told.
    let arguments: [String]
    /// Set on top of Quire's environment and the protocol's variables.
    let extraEnvironment: [String: String]

    init(
        plugin: DiscoveredPlugin, edge: PluginManifest.Edge, limits: PluginLimits, step: String? = nil, arguments: [String]? = nil,
        extraEnvironment: [String: String] = [:]
    ) {
        self.plugin = plugin
        self.edge = edge
        self.limits = limits
        self.step = step ?? "plugin '\(plugin.manifest.name)' (\(edge.from) → \(edge.to))"
        self.arguments = arguments ?? [edge.from, edge.to]
        self.extraEnvironment = extraEnvironment
    }

    func run(_ input: [UInt8], options: ConversionOptions, inputName: String) throws -> (output: [UInt8], diagnostics: [Diagnostic]) {
        var environment = ProcessInfo.processInfo.environment
        environment.merge(extraEnvironment) { $1 }
        environment["QUIRE_PROTOCOL"] = "1"
        environment["QUIRE_INPUT_NAME"] = inputName
        environment["QUIRE_PLUGIN_DIR"] = plugin.directory
        if let data = try? JSONSerialization.data(withJSONObject: Self.environmentOptions(options, plugin: plugin.manifest), options: [.sortedKeys]) {
            environment["QUIRE_OPTIONS"] = String(decoding: data, as: UTF8.self)
        }
        let outcome: ChildProcess.Outcome
        do {
            outcome = try ChildProcess.run(
                executable: plugin.executable, arguments: arguments, environment: environment,
                input: input, timeout: limits.timeout, outputLimit: limits.maximumOutputBytes, errorLimit: limits.maximumErrorBytes)
        } catch {
            throw failure("could not be started: \(error.reason)", inputName: inputName)
        }
        let diagnostics = parseDiagnostics(outcome.errorOutput, inputName: inputName)
        switch outcome.status {
        case .timedOut:
            throw failure(
                "did not finish within \(Self.seconds(limits.timeout)) and was stopped (raise --plugin-timeout if it needs longer)", inputName: inputName)
        case .outputTooLarge:
            throw failure("wrote more than \(limits.maximumOutputBytes) bytes to standard output and was stopped", inputName: inputName)
        case .errorOutputTooLarge:
            throw failure("wrote more than \(limits.maximumErrorBytes) bytes to standard error and was stopped", inputName: inputName)
        case .signaled(let signal):
            throw failure("crashed (signal \(signal))", diagnostics: diagnostics, inputName: inputName)
        case .exited(let status) where status != 0:
            throw failure("exited with status \(status)", diagnostics: diagnostics, inputName: inputName)
        case .exited:
            if diagnostics.contains(where: { $0.severity == .error }) { throw ConversionFailure(diagnostics) }
            return (outcome.output, diagnostics)
        }
    }

    /// `QUIRE_OPTIONS` as an object: each key's value as a string (the last one given), except the
    /// settings the plugin declares repeatable, which are always arrays of every value given, in order.
    static func environmentOptions(_ options: ConversionOptions, plugin manifest: PluginManifest) -> [String: Any] {
        let declared = (manifest.formats ?? []).flatMap { $0.settings ?? [] } + manifest.edges.flatMap { $0.settings ?? [] }
        let repeatable = Set(declared.filter { $0.repeatable == true }.map(\.key))
        var object: [String: Any] = options.values
        for key in repeatable where !options.allValues(key).isEmpty { object[key] = options.allValues(key) }
        return object
    }

    /// The failure, placed at the input file when there is one (`<model>` is none). The plugin's plain
    /// standard error lines become notes of the error, which is always shown: they are most often
    /// why it failed (a traceback, `boom`), and as notes of their own they would need `--verbose`.
    func failure(_ what: String, diagnostics: [Diagnostic] = [], inputName: String? = nil) -> ConversionFailure {
        let location = inputName.flatMap { $0.hasPrefix("<") ? nil : SourceLocation(file: $0) }
        let plainOutput = diagnostics.filter { $0.id == plainOutputID }
        let error = Diagnostic.error(
            "plugin.failed", "\(step) \(what)", at: location, notes: plainOutput.map { Diagnostic.Note($0.message) })
        return ConversionFailure(diagnostics.filter { $0.id != plainOutputID } + [error])
    }

    /// The id of a standard error line that is not a JSON diagnostic.
    private var plainOutputID: DiagnosticID { DiagnosticID(rawValue: "plugin.\(plugin.manifest.name).output") }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    /// One JSON object per line: `severity`, `message`, and optionally `id`, `line`, `column`.
    /// Other lines are kept as notes, so nothing the plugin said is lost.
    private func parseDiagnostics(_ bytes: [UInt8], inputName: String) -> [Diagnostic] {
        let name = plugin.manifest.name
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").compactMap { line -> Diagnostic? in
            let text = line.trimmingWhitespace()
            guard !text.isEmpty else { return nil }
            guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
                let message = object["message"] as? String
            else {
                return .note(plainOutputID, "\(name): \(text)")
            }
            let severity = Diagnostic.Severity(rawValue: object["severity"] as? String ?? "warning") ?? .warning
            let id = object["id"] as? String ?? "message"
            let location = (object["line"] as? Int).map {
                SourceLocation(file: inputName, line: $0, column: object["column"] as? Int)
            }
            return Diagnostic(DiagnosticID(rawValue: "plugin.\(name).\(id)"), severity, message, at: location)
        }
    }
}
