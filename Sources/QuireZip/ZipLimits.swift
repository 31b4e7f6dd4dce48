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

    public static let maxEntriesSetting = FormatSetting(
        "zip-max-entries", .count(valueName: "n"), default: "\(ZipLimits.default.maxEntries)", isSafetyLimit: true, help: "Most entries a zip input may have.")
    public static let maxEntrySizeSetting = FormatSetting(
        "zip-max-entry-size", .count(valueName: "bytes"), default: "\(ZipLimits.default.maxEntrySize)", isSafetyLimit: true,
        help: "Most uncompressed bytes of one zip entry.")
    public static let maxTotalSizeSetting = FormatSetting(
        "zip-max-total-size", .count(valueName: "bytes"), default: "\(ZipLimits.default.maxTotalSize)", isSafetyLimit: true,
        help: "Most uncompressed bytes of a whole zip input.")
    public static let maxRatioSetting = FormatSetting(
        "zip-max-ratio", .count(valueName: "n"), default: "\(ZipLimits.default.maxCompressionRatio)", isSafetyLimit: true,
        help: "Highest compression ratio of a large zip entry (zip bombs reach thousands to 1).")
    /// The settings that override the limits, for formats that read zip containers to list.
    public static let settings = [maxEntriesSetting, maxEntrySizeSetting, maxTotalSizeSetting, maxRatioSetting]

    /// The limits the settings give; values that are not positive integers keep the defaults.
    public init(options: ConversionOptions) {
        self.init()
        func value(_ setting: FormatSetting) -> Int? { options.value(setting).flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } }
        maxEntries = value(Self.maxEntriesSetting) ?? maxEntries
        maxEntrySize = value(Self.maxEntrySizeSetting) ?? maxEntrySize
        maxTotalSize = value(Self.maxTotalSizeSetting) ?? maxTotalSize
        maxCompressionRatio = value(Self.maxRatioSetting) ?? maxCompressionRatio
    }
}
