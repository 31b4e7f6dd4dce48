/// A message about an input or a conversion, printed as `path:line:column: severity: message [id]`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case note, warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            let order: [Severity] = [.note, .warning, .error]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    /// A stable identifier users can grep for and tests can assert (`summary.timestamp.invalid`).
    public var id: DiagnosticID
    public var severity: Severity
    public var message: String
    public var range: SourceRange?
    /// Further explanation, each with its own place if it has one.
    public var notes: [Note]

    public struct Note: Sendable, Hashable {
        public var message: String
        public var location: SourceLocation?

        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    public init(_ id: DiagnosticID, _ severity: Severity, _ message: String, at location: SourceLocation? = nil, notes: [Note] = []) {
        self.id = id
        self.severity = severity
        self.message = message
        self.range = location.map { SourceRange($0) }
        self.notes = notes
    }

    public static func error(_ id: DiagnosticID, _ message: String, at location: SourceLocation? = nil, notes: [Note] = []) -> Diagnostic {
        Diagnostic(id, .error, message, at: location, notes: notes)
    }

    public static func warning(_ id: DiagnosticID, _ message: String, at location: SourceLocation? = nil, notes: [Note] = []) -> Diagnostic {
        Diagnostic(id, .warning, message, at: location, notes: notes)
    }

    public static func note(_ id: DiagnosticID, _ message: String, at location: SourceLocation? = nil, notes: [Note] = []) -> Diagnostic {
        Diagnostic(id, .note, message, at: location, notes: notes)
    }

    public var location: SourceLocation? { range?.start }

    /// The compiler-style rendering, notes on following lines.
    public var description: String {
        var text = location.map { "\($0): " } ?? "quire: "
        text += "\(severity.rawValue): \(message) [\(id.rawValue)]"
        for note in notes {
            text += "\n" + (note.location.map { "\($0): " } ?? "") + "note: \(note.message)"
        }
        return text
    }
}

/// A diagnostic's stable identifier: dotted, lowercase, never reworded once released.
public struct DiagnosticID: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
}
