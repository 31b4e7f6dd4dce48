import QuireCommonMark
import QuireCore
import QuireXHTML
import QuireZip

/// The settings the EPUB writer reads, declared for the registry and checked once when read.
struct EPUBSettings {
    enum Order: String { case input, published, channel }
    enum Grouping: String { case channel }
    enum Profile: String { case `default`, kindle }

    static let author = FormatSetting("author", .text(valueName: "name"), help: "The book's author (dc:creator).")
    static let cover = FormatSetting(
        "cover", .path(valueName: "image"), help: "Cover image (JPEG, PNG, GIF or SVG); a cover is generated when none is given.")
    static let order = FormatSetting(
        "order", .choice(["input", "published", "channel"]), default: Order.input.rawValue, help: "Episode order.")
    static let groupBy = FormatSetting(
        "group-by", .choice(["channel"]), help: "'channel' makes channels the top level of the table of contents.")

    static let profile = FormatSetting(
        "profile", .choice(["default", "kindle"]), default: Profile.default.rawValue,
        help: "'kindle' writes what Send to Kindle needs and checks the book as `quire check --profile kindle` does.")

    static let all =
        [author, cover, order, groupBy, MarkupSettings.unsafeHTML, ArticleSettings.noTimeline, profile] + ZipLimits.settings + BookMetadata.settings

    var author: String?
    var coverPath: String?
    var order: Order
    var groupByChannel: Bool
    /// Seconds since 1970 for `dcterms:modified` (`SOURCE_DATE_EPOCH`).
    var date: Int?
    var language: String?
    var unsafeHTML: Bool
    /// Episode timelines and the overview page (`no-timeline` leaves them out).
    var timeline: Bool
    var profile: Profile
    /// Series, subjects and the rest, from the settings and the metadata file.
    var metadata: BookMetadata

    init(_ options: ConversionOptions) throws(ConversionFailure) {
        author = options.value(Self.author)
        coverPath = options.value(Self.cover)
        order = try options.choice(Self.order, as: Order.self) ?? .input
        groupByChannel = try options.choice(Self.groupBy, as: Grouping.self) == .channel
        date = try options.count(CommonSettings.date)
        metadata = try BookMetadata(options)
        language = (options.value(CommonSettings.language) ?? metadata.language).flatMap { LanguageTag.isWellFormed($0) ? $0 : nil }
        unsafeHTML = options.flag(MarkupSettings.unsafeHTML)
        timeline = !options.flag(ArticleSettings.noTimeline)
        profile = try options.choice(Self.profile, as: Profile.self) ?? .default
    }
}
