import QuireCore

/// `dcterms:modified` (`2026-05-21T00:00:00Z`): from the `date` option when given, otherwise from
/// the content — the latest episode publication date — and never from the clock, so a rebuild of the
/// same input is byte-identical.
enum ModificationDate {
    /// 2000-01-01, for collections without any dated episode.
    static let fallback = 946_684_800

    static func string(for collection: EpisodeCollection, option: Int?) -> String {
        let seconds = option ?? collection.episodes.compactMap { $0.metadata.published.flatMap(dayStart) }.max() ?? fallback
        return format(seconds)
    }

    /// Midnight UTC of an ISO 8601 date (`2026-05-21`, or the date part of a date-time).
    static func dayStart(_ text: String) -> Int? {
        let parts = text.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count >= 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1970...9999).contains(year), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return CalendarDay(year: year, month: month, day: day).daysSince1970 * 86_400
    }

    static func format(_ seconds: Int) -> String {
        let date = CalendarDay(daysSince1970: seconds / 86_400)
        let (year, month, day) = (date.year, date.month, date.day)
        let time = seconds % 86_400
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(time / 3600)):\(two(time % 3600 / 60)):\(two(time % 60))Z"
    }
}
