import Foundation
import QuireCore

/// Prints diagnostics the way compilers do, `path:line:column: severity: message [identifier]`,
/// notes on the lines after.
public final class TerminalDiagnosticPrinter: DiagnosticConsumer, @unchecked Sendable {
    /// Which diagnostics are printed.
    public enum Verbosity: Sendable { case errorsOnly, warningsAndErrors, everything }

    private let write: @Sendable (String) -> Void
    private let verbosity: Verbosity
    private let rewrite: @Sendable (String) -> String
    private let lock = NSLock()

    /// `rewrite` changes each message before it is printed (the command line spells settings as flags).
    public init(
        verbosity: Verbosity = .warningsAndErrors, rewrite: @escaping @Sendable (String) -> String = { $0 },
        write: @escaping @Sendable (String) -> Void
    ) {
        self.write = write
        self.verbosity = verbosity
        self.rewrite = rewrite
    }

    public func receive(_ diagnostics: [Diagnostic]) {
        lock.withLock {
            for diagnostic in diagnostics where shows(diagnostic.severity) {
                var shown = diagnostic
                shown.message = rewrite(diagnostic.message)
                shown.notes = diagnostic.notes.map { Diagnostic.Note(rewrite($0.message), at: $0.location) }
                write(shown.description + "\n")
            }
        }
    }

    private func shows(_ severity: Diagnostic.Severity) -> Bool {
        switch (severity, verbosity) {
        case (.error, _): true
        case (.warning, .warningsAndErrors), (.warning, .everything): true
        case (.note, .everything): true
        default: false
        }
    }
}

/// Prints one JSON object per diagnostic and line, for editors and CI:
/// `{"column":3,"file":"page.txt","id":"summary.timestamp.invalid","line":12,"message":"…","notes":[],"severity":"warning"}`.
/// Every diagnostic is printed, notes included; readers filter by `severity`.
public final class JSONLinesDiagnosticPrinter: DiagnosticConsumer, @unchecked Sendable {
    private let write: @Sendable (String) -> Void
    private let rewrite: @Sendable (String) -> String
    private let encoder: JSONEncoder
    private let lock = NSLock()

    public init(rewrite: @escaping @Sendable (String) -> String = { $0 }, write: @escaping @Sendable (String) -> Void) {
        self.write = write
        self.rewrite = rewrite
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    public func receive(_ diagnostics: [Diagnostic]) {
        lock.withLock {
            for diagnostic in diagnostics {
                let record = Record(diagnostic, rewrite: rewrite)
                guard let data = try? encoder.encode(record) else { continue }
                write(String(decoding: data, as: UTF8.self) + "\n")
            }
        }
    }

    /// The fields of one line; absent places are left out rather than written as null.
    struct Record: Encodable {
        struct Note: Encodable {
            var message: String
            var file: String?
            var entry: String?
            var line: Int?
            var column: Int?
        }

        var id: String
        var severity: String
        var message: String
        var file: String?
        var entry: String?
        var line: Int?
        var column: Int?
        var notes: [Note]

        init(_ diagnostic: Diagnostic, rewrite: (String) -> String) {
            id = diagnostic.id.rawValue
            severity = diagnostic.severity.rawValue
            message = rewrite(diagnostic.message)
            let location = diagnostic.location
            file = location?.file
            entry = location?.entry
            line = location?.line
            column = location?.column
            notes = diagnostic.notes.map {
                Note(message: rewrite($0.message), file: $0.location?.file, entry: $0.location?.entry, line: $0.location?.line, column: $0.location?.column)
            }
        }
    }
}

/// Keeps every diagnostic it receives, for callers that look at them afterwards.
public final class DiagnosticCollector: DiagnosticConsumer, @unchecked Sendable {
    private var received: [Diagnostic] = []
    private let lock = NSLock()

    public init() {}

    public func receive(_ diagnostics: [Diagnostic]) { lock.withLock { received += diagnostics } }

    public var diagnostics: [Diagnostic] { lock.withLock { received } }
}
