/// Cue timestamps: WebVTT's `[hh:]mm:ss.ttt` and SRT's `hh:mm:ss,mmm`, in integer milliseconds.
enum CueTime {
    /// Hours beyond this are refused, so a run of digits cannot overflow.
    static let maximumHours = 99_999

    struct Timing {
        var start: Int
        var end: Int
        /// The column (1-based, characters) where the end time starts, for messages about it.
        var endColumn: Int
        /// Whatever follows the end time (WebVTT cue settings, SRT coordinates), trimmed.
        var rest: Substring
    }

    /// `start --> end [rest]`, or `nil` when the line is not a timing line.
    static func parseTimingLine(_ line: Substring, kind: TimedText.Kind) -> Timing? {
        var scanner = Scanner(line)
        scanner.skipSpaces()
        guard let start = scanner.timestamp(kind: kind) else { return nil }
        scanner.skipSpaces()
        guard scanner.skip("-->") else { return nil }
        scanner.skipSpaces()
        let endColumn = scanner.column
        guard let end = scanner.timestamp(kind: kind) else { return nil }
        // Something must separate the end from cue settings: `00:01.000 --> 00:02.000line:0` is no timing.
        if let next = scanner.peek, next != " " && next != "\t" { return nil }
        return Timing(start: start, end: end, endColumn: endColumn, rest: TextLines.trimmedSlice(scanner.remainder))
    }

    /// `hh:mm:ss.ttt` with at least two digits of hours, as every WebVTT player reads it.
    static func webVTT(_ milliseconds: Int) -> String { format(milliseconds, separator: ".") }

    /// `hh:mm:ss,mmm`.
    static func srt(_ milliseconds: Int) -> String { format(milliseconds, separator: ",") }

    private static func format(_ milliseconds: Int, separator: String) -> String {
        let value = max(0, milliseconds)
        let hours = value / 3_600_000, minutes = value / 60_000 % 60, seconds = value / 1000 % 60, millis = value % 1000
        return pad(hours, 2) + ":" + pad(minutes, 2) + ":" + pad(seconds, 2) + separator + pad(millis, 3)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Walks one line character by character.
    struct Scanner {
        let line: Substring
        var index: Substring.Index
        var column = 1

        init(_ line: Substring) {
            self.line = line
            index = line.startIndex
        }

        var peek: Character? { index < line.endIndex ? line[index] : nil }
        var remainder: Substring { line[index...] }

        mutating func advance() {
            index = line.index(after: index)
            column += 1
        }

        mutating func skipSpaces() {
            while let character = peek, character == " " || character == "\t" { advance() }
        }

        mutating func skip(_ literal: String) -> Bool {
            guard line[index...].hasPrefix(literal) else { return false }
            for _ in literal { advance() }
            return true
        }

        /// Up to `limit` ASCII digits, with their count.
        mutating func digits(limit: Int) -> (value: Int, count: Int)? {
            var value = 0, count = 0
            while count < limit, let character = peek, let digit = character.asciiDigit {
                value = value * 10 + digit
                count += 1
                advance()
            }
            return count == 0 ? nil : (value, count)
        }

        /// WebVTT: `mm:ss.ttt` or `h…:mm:ss.ttt`. SRT: `h…:mm:ss,mmm` (a `.`, and one to three digits of
        /// milliseconds, are forgiven: caption tools write both).
        mutating func timestamp(kind: TimedText.Kind) -> Int? {
            guard let first = digits(limit: 6), skip(":"), let second = digits(limit: 2), second.count == 2 else { return nil }
            var hours = 0, minutes = first.value, seconds = 0
            if skip(":") {
                guard let third = digits(limit: 2), third.count == 2 else { return nil }
                hours = first.value
                minutes = second.value
                seconds = third.value
            } else {
                // Without hours WebVTT wants exactly two digits of minutes; SRT always has hours.
                guard kind == .webVTT, first.count == 2 else { return nil }
                seconds = second.value
            }
            guard hours <= CueTime.maximumHours, minutes < 60, seconds < 60 else { return nil }
            let millis: Int
            if kind == .webVTT {
                guard skip("."), let fraction = digits(limit: 3), fraction.count == 3 else { return nil }
                millis = fraction.value
            } else {
                guard skip(",") || skip("."), let fraction = digits(limit: 3) else { return nil }
                millis = fraction.value * [100, 10, 1][fraction.count - 1]
            }
            if let next = peek, next.asciiDigit != nil { return nil }
            return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis
        }
    }

    static let maximumMilliseconds = (maximumHours + 1) * 3_600_000
}

extension Character {
    var asciiDigit: Int? {
        guard let ascii = asciiValue, ascii >= 0x30, ascii <= 0x39 else { return nil }
        return Int(ascii - 0x30)
    }
}
