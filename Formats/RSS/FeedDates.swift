import QuireCore

/// Feed dates: RFC 822 (`pubDate`, as RSS 2.0 wants it, in the many spellings feeds use) and RFC 3339
/// (Atom, `dc:date`, and RSS feeds that put ISO dates in `pubDate`), read into the model's ISO 8601.
enum FeedDates {
    /// `2026-05-21T06:30:00Z` (converted to UTC) from either kind of date; `nil` when it is neither.
    static func iso8601(from text: String) -> String? {
        let trimmed = text.trimmingWhitespace()
        guard let seconds = rfc822Seconds(trimmed) ?? rfc3339Seconds(trimmed) else { return nil }
        return isoString(seconds)
    }

    /// Seconds since 1970 of an ISO 8601 date as the model holds it (`2026-05-21`, or with a time and
    /// `Z` or an offset), for writing `pubDate`; `nil` for other text.
    static func seconds(fromModelDate text: String) -> Int? {
        if text.utf8.count == 10, let day = calendarDay(text[...]) { return day.daysSince1970 * 86_400 }
        return rfc3339Seconds(text)
    }

    /// `Thu, 21 May 2026 06:30:00 GMT`.
    static func rfc822(_ seconds: Int) -> String {
        let days = floorDivide(seconds, 86_400), remainder = seconds - days * 86_400
        let date = CalendarDay(daysSince1970: days)
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][((days % 7) + 7) % 7]
        return
            "\(weekday), \(two(date.day)) \(months[date.month - 1]) \(date.year) \(two(remainder / 3600)):\(two(remainder % 3600 / 60)):\(two(remainder % 60)) GMT"
    }

    static func isoString(_ seconds: Int) -> String {
        let days = floorDivide(seconds, 86_400), remainder = seconds - days * 86_400
        let date = CalendarDay(daysSince1970: days)
        let year = String(date.year)
        return "\(String(repeating: "0", count: max(0, 4 - year.count)))\(year)-\(two(date.month))-\(two(date.day))T"
            + "\(two(remainder / 3600)):\(two(remainder % 3600 / 60)):\(two(remainder % 60))Z"
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func floorDivide(_ value: Int, _ divisor: Int) -> Int { value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor) }

    /// `[Day,] DD Mon YYYY HH:MM[:SS] [zone]`: day names and month names in full or short, any case,
    /// two-digit years (RFC 822's own), named US zones, military letters and `±hhmm`. A missing zone is GMT.
    private static func rfc822Seconds(_ text: String) -> Int? {
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map { String($0) }
        if let first = words.first, first.first?.isLetter == true { words.removeFirst() }
        guard words.count >= 4, let day = Int(words[0]), (1...31).contains(day),
            let month = months.firstIndex(where: { words[1].lowercased().hasPrefix($0.lowercased()) }),
            var year = Int(words[2])
        else { return nil }
        if words[2].count == 2 { year += year < 50 ? 2000 : 1900 }
        guard (1...9999).contains(year), let time = clock(words[3]) else { return nil }
        var offset = 0
        if words.count >= 5 {
            guard let zone = zoneOffset(words[4]) else { return nil }
            offset = zone
        }
        guard day <= daysIn(month: month + 1, year: year) else { return nil }
        return CalendarDay(year: year, month: month + 1, day: day).daysSince1970 * 86_400 + time - offset
    }

    /// `HH:MM[:SS]` as seconds of the day.
    private static func clock(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCII) }),
            let hours = Int(parts[0]), let minutes = Int(parts[1]), hours < 24, minutes < 60
        else { return nil }
        let seconds = parts.count == 3 ? Int(parts[2]) : 0
        guard let seconds, seconds < 61 else { return nil }
        return hours * 3600 + minutes * 60 + min(seconds, 59)
    }

    private static let namedZones: [String: Int] = [
        "GMT": 0, "UT": 0, "UTC": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
    ]

    /// The zone's offset from UTC in seconds.
    private static func zoneOffset(_ zone: String) -> Int? {
        if let hours = namedZones[zone.uppercased()] { return hours * 3600 }
        let utf8 = Array(zone.utf8)
        if utf8.count == 5, utf8[0] == UInt8(ascii: "+") || utf8[0] == UInt8(ascii: "-"), let value = Int(zone.dropFirst()) {
            let seconds = (value / 100) * 3600 + (value % 100) * 60
            return utf8[0] == UInt8(ascii: "-") ? -seconds : seconds
        }
        // Military single letters other than Z are ambiguous in practice (RFC 1123 says treat them as 0).
        if zone.count == 1, zone.first!.isLetter { return 0 }
        return nil
    }

    /// `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)`; a date alone is midnight UTC.
    private static func rfc3339Seconds(_ text: String) -> Int? {
        let utf8 = Array(text.utf8)
        guard utf8.count >= 10, let day = calendarDay(text.prefix(10)) else { return nil }
        var seconds = day.daysSince1970 * 86_400
        if utf8.count == 10 { return seconds }
        guard utf8[10] == UInt8(ascii: "T") || utf8[10] == UInt8(ascii: "t") || utf8[10] == UInt8(ascii: " ") else { return nil }
        var rest = String(text.dropFirst(11))
        var offset = 0
        if rest.hasSuffix("Z") || rest.hasSuffix("z") {
            rest.removeLast()
        } else if let sign = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let zone = rest[rest.index(after: sign)...].split(separator: ":")
            guard zone.count == 2 || (zone.count == 1 && zone[0].count == 4), let first = Int(zone[0]) else { return nil }
            let hours = zone.count == 2 ? first : first / 100, minutes = zone.count == 2 ? Int(zone[1]) ?? 99 : first % 100
            guard hours < 24, minutes < 60 else { return nil }
            offset = (hours * 3600 + minutes * 60) * (rest[sign] == "-" ? -1 : 1)
            rest = String(rest[..<sign])
        }
        if let dot = rest.firstIndex(of: ".") {
            guard rest[rest.index(after: dot)...].allSatisfy(\.isNumber) else { return nil }
            rest = String(rest[..<dot])
        }
        guard let time = clock(rest) else { return nil }
        seconds += time - offset
        return seconds
    }

    private static func calendarDay(_ text: Substring) -> CalendarDay? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month),
            (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        return CalendarDay(year: year, month: month, day: day)
    }
}

/// Running times and chapter starts as feeds write them.
enum FeedDurations {
    /// `itunes:duration` in the forms feeds use: seconds (`4100`, `4100.5`), `MM:SS`, `H:MM:SS`, unpadded parts.
    static func seconds(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        var total = 0
        for (index, part) in parts.enumerated() {
            let isLast = index == parts.count - 1
            let whole = isLast ? part.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false) : [part]
            guard whole.count <= 2, let first = whole.first, !first.isEmpty, first.count <= 9, first.allSatisfy({ $0.isASCII && $0.isNumber }),
                whole.count == 1 || whole[1].allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(first)
            else { return nil }
            if index > 0 && value > 59 { return nil }
            total = total * 60 + value
        }
        return total
    }
}
