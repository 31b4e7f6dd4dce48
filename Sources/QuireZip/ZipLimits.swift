import QuireCore

/// Bounds on what Quire reads from an untrusted zip archive, so a hostile file (a zip bomb, a
/// million tiny entries) fails with a diagnostic instead of exhausting memory or time.
public struct ZipLimits: Sendable, Hashable {
    /// Entries in the central directory, directories included.
    public var maxEntries: Int
    /// Uncompressed bytes of any one entry.
    public var maxEntrySize: Int
    /// Uncompressed bytes of all entries together.
    public var maxTotalSize: Int
    /// Uncompressed size over compressed size, checked for entries above `ratioThreshold`: text
    /// deflates about 3–10 to 1, a zip bomb thousands to 1.
    public var maxCompressionRatio: Int
    /// Entries smaller than this are not ratio-checked: a short run of spaces compresses far but is harmless.
    public var ratioThreshold: Int

    public init(
        maxEntries: Int = 10_000, maxEntrySize: Int = 256 << 20, maxTotalSize: Int = 1 << 30,
        maxCompressionRatio: Int = 200, ratioThreshold: Int = 1 << 20
    ) {
        self.maxEntries = maxEntries
        self.maxEntrySize = maxEntrySize
        self.maxTotalSize = maxTotalSize
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioThreshold = ratioThreshold
    }

    public static let `default` = ZipLimits()

    /// Option names (`zip-max-entries`, `zip-max-entry-size`, `zip-max-total-size`,
    /// `zip-max-ratio`) overriding the defaults; values that are not positive integers are ignored.
    public init(options: ConversionOptions) {
        self.init()
        func value(_ name: String) -> Int? { options[name].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } }
        maxEntries = value("zip-max-entries") ?? maxEntries
        maxEntrySize = value("zip-max-entry-size") ?? maxEntrySize
        maxTotalSize = value("zip-max-total-size") ?? maxTotalSize
        maxCompressionRatio = value("zip-max-ratio") ?? maxCompressionRatio
    }
}
