/// Why one download failed, in words for the per-feed report.
public struct FetchFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case network, timeout, tooLarge, redirects, httpStatus, contentType, invalidFeed, offline, file, invalidURL
    }

    public var kind: Kind
    public var reason: String
    /// The reader's diagnostics for a feed that did not read, each with its file, line and column.
    public var diagnostics: [String]

    public init(_ kind: Kind, _ reason: String, diagnostics: [String] = []) {
        self.kind = kind
        self.reason = reason
        self.diagnostics = diagnostics
    }

    public var description: String { reason }
}
