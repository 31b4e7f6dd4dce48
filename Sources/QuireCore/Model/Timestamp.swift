/// Chapter timestamps as people write them: `M:SS`, `MM:SS` (minutes may exceed 59), `H:MM:SS`.
public enum Timestamp {
    /// Parses a timestamp into seconds. Returns `nil` for anything else, including seconds or
    /// minutes above 59 where a larger unit follows (`1:75`, `1:99:00`) and more than three parts.
    public static func seconds(from text: Substring) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count) else { return nil }
        var values: [Int] = []
        for (index, part) in parts.enumerated() {
            // The leading part may be long (`[92:45]`); the others are exactly two digits.
            let isLeading = index == 0
            guard !part.isEmpty, part.utf8.count <= (isLeading ? 6 : 2), !isLeading || part.utf8.count >= 1,
                isLeading || part.utf8.count == 2,
                part.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int(part)
            else { return nil }
            if !isLeading && value > 59 { return nil }
            values.append(value)
        }
        return values.reduce(0) { $0 * 60 + $1 }
    }

    public static func seconds(from text: String) -> Int? { seconds(from: text[...]) }

    /// The canonical spelling: `MM:SS` below an hour, `H:MM:SS` from an hour on.
    public static func string(fromSeconds seconds: Int) -> String {
        let hours = seconds / 3600, minutes = (seconds % 3600) / 60, secs = seconds % 60
        func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        if hours > 0 { return "\(hours):\(twoDigits(minutes)):\(twoDigits(secs))" }
        return "\(twoDigits(minutes)):\(twoDigits(secs))"
    }

    /// ISO 8601 duration (`PT1M36S`), as HTML's `<time datetime>` wants it.
    public static func isoDuration(fromSeconds seconds: Int) -> String {
        let hours = seconds / 3600, minutes = (seconds % 3600) / 60, secs = seconds % 60
        var result = "PT"
        if hours > 0 { result += "\(hours)H" }
        if minutes > 0 { result += "\(minutes)M" }
        if secs > 0 || (hours == 0 && minutes == 0) { result += "\(secs)S" }
        return result
    }
}
