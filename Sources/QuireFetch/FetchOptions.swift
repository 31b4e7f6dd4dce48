/// How `quire fetch` may use the network: limits that keep a slow, huge or hostile server from
/// hanging the run or filling memory, and how it names itself to servers.
public struct FetchOptions: Sendable {
    /// Seconds to open a connection.
    public var connectTimeout: Double = 10
    /// Seconds the server may stay silent while sending the head or the body.
    public var readTimeout: Double = 30
    /// Seconds one download may take in all, redirects and body included (a trickling endless body ends here).
    public var totalTimeout: Double = 120
    /// Bytes of one body after decompression; a download past it is abandoned.
    public var maximumBytes: Int = 64 << 20
    /// Redirects one download may follow; a loop fails at once.
    public var maximumRedirects: Int = 5
    /// Downloads at once.
    public var jobs: Int = 8
    /// Use only what earlier runs stored; no network at all.
    public var offline = false
    /// Also download the chapters and transcripts each feed links to.
    public var linkedFiles = true
    public var userAgent: String

    public init(userAgent: String) {
        self.userAgent = userAgent
    }

    /// `Quire/<version> (+<project URL>)`: who is asking and where to read why.
    public static func userAgent(version: String) -> String { "Quire/\(version) (+\(projectURL))" }

    /// Where the User-Agent sends a curious server administrator.
    public static let projectURL = "https://quire.invalid/docs/fetch"
}
