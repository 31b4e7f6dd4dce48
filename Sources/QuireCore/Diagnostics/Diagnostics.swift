/// The diagnostics collected while a job runs, in the order they were reported.
public struct Diagnostics: Sendable, Hashable, Sequence {
    public private(set) var all: [Diagnostic] = []

    public init(_ diagnostics: [Diagnostic] = []) { all = diagnostics }

    public mutating func report(_ diagnostic: Diagnostic) { all.append(diagnostic) }
    public mutating func report(contentsOf other: Diagnostics) { all += other.all }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
    public var isEmpty: Bool { all.isEmpty }
    public var count: Int { all.count }
    public func makeIterator() -> IndexingIterator<[Diagnostic]> { all.makeIterator() }

    /// With `--strict`, warnings count as errors.
    public func escalatingWarnings() -> Diagnostics {
        Diagnostics(
            all.map { diagnostic in
                var diagnostic = diagnostic
                if diagnostic.severity == .warning { diagnostic.severity = .error }
                return diagnostic
            })
    }
}

/// Thrown when a step cannot go on: carries the diagnostics that say why.
public struct ConversionFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension Array where Element == Diagnostic {
    /// In the order a reader meets them in the file: by file, line and column; unplaced ones last,
    /// ties kept in reporting order.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { lhs, rhs in
            let left = lhs.element.location, right = rhs.element.location
            let leftKey = (left == nil ? 1 : 0, left?.file ?? "", left?.line ?? 0, left?.column ?? 0)
            let rightKey = (right == nil ? 1 : 0, right?.file ?? "", right?.line ?? 0, right?.column ?? 0)
            return leftKey != rightKey ? leftKey < rightKey : lhs.offset < rhs.offset
        }.map(\.element)
    }
}
