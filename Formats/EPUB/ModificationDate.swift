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
        return days(year: year, month: month, day: day) * 86_400
    }

    static func format(_ seconds: Int) -> String {
        let (year, month, day) = civil(fromDays: seconds / 86_400)
        let time = seconds % 86_400
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(time / 3600)):\(two(time % 3600 / 60)):\(two(time % 60))Z"
    }

    /// Howard Hinnant's days-from-civil and its inverse, for the proleptic Gregorian calendar.
    private static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
