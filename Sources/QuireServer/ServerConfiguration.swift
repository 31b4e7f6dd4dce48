import Foundation

/// How `quire serve` listens and what it allows: every limit a request can meet.
public struct ServerConfiguration: Sendable, Hashable {
    public var host: String
    public var port: Int

    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }
}
