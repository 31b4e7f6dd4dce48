import QuireCore

/// A file's text split into numbered lines, as the WebVTT and SRT parsers walk it.
struct TextLines {
    /// Lines without their terminators (CRLF, CR or LF); a final terminator does not start another line.
    var lines: [Substring]

    /// Decodes `bytes` (a UTF-8 byte order mark skipped). Text that is not UTF-8 is decoded as `fallback`
    /// says, with a warning at the first bad byte.
    init(_ bytes: [UInt8], reporter: inout Reporter, fallback: Fallback) {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let text: String
        if let valid = String(validating: body, as: UTF8.self) {
            text = valid
        } else {
            let position = UTF8Position.firstInvalidByte(in: body)
            switch fallback {
            case .replacement:
                text = String(decoding: body, as: UTF8.self)
                reporter.warning(
                    "encoding", "the file is not valid UTF-8; bytes that are not were read as U+FFFD", line: position.line, column: position.column)
            case .windows1252:
                text = Self.decodeWindows1252(body)
                reporter.warning(
                    "encoding", "the file is not valid UTF-8; read it as Windows-1252, the usual encoding of older subtitle files",
                    line: position.line, column: position.column)
            }
        }
        lines = Self.split(text)
    }

    enum Fallback { case replacement, windows1252 }

    static func split(_ text: String) -> [Substring] {
        // Over UTF-8 bytes: CR and LF never occur inside a multi-byte sequence, and bytes are far
        // cheaper to walk than Characters.
        var lines: [Substring] = []
        let bytes = text.utf8
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte == 0x0A || byte == 0x0D else {
                bytes.formIndex(after: &index)
                continue
            }
            lines.append(text[start..<index])
            bytes.formIndex(after: &index)
            if byte == 0x0D, index < bytes.endIndex, bytes[index] == 0x0A { bytes.formIndex(after: &index) }
            start = index
        }
        if start < bytes.endIndex { lines.append(text[start...]) }
        return lines
    }

    /// Whether a line holds `-->`, the mark of a timing line; over bytes, as it is asked of every line.
    static func hasArrow(_ line: Substring) -> Bool {
        var dashes = 0
        for byte in line.utf8 {
            if byte == UInt8(ascii: "-") {
                dashes += 1
            } else {
                if byte == UInt8(ascii: ">") && dashes >= 2 { return true }
                dashes = 0
            }
        }
        return false
    }

    static func trimmed(_ text: some StringProtocol) -> String {
        String(trimmedSlice(Substring(text)))
    }

    static func trimmedSlice(_ text: Substring) -> Substring {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = text.lastIndex(where: { !$0.isWhitespace })!
        return text[first...last]
    }

    /// Windows-1252: Latin-1 with printable characters in 0x80–0x9F.
    static func decodeWindows1252(_ bytes: ArraySlice<UInt8>) -> String {
        let high: [UInt32] = [
            0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
            0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
        ]
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value = (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }
}

/// Character references in WebVTT cue text and voice names.
enum HTMLEntities {
    static let named: [Substring: String] = [
        // YouTube spaces words with `&nbsp;`; as U+00A0 a transcript line would never wrap, so it is a space.
        "amp": "&", "lt": "<", "gt": ">", "nbsp": " ", "lrm": "\u{200E}", "rlm": "\u{200F}", "quot": "\"", "apos": "'",
    ]

    /// Decodes `&amp;`, `&lt;`, `&gt;`, `&nbsp;` (as a space), `&lrm;`, `&rlm;`, `&quot;`, `&apos;` and numeric references;
    /// anything else that starts with `&` is kept as written.
    static func decode(_ text: Substring) -> String {
        let bytes = text.utf8
        guard var ampersand = bytes.firstIndex(of: UInt8(ascii: "&")) else { return String(text) }
        var result = ""
        var copied = bytes.startIndex
        while true {
            let nameStart = bytes.index(after: ampersand)
            // References are short: look for the `;` among the next few bytes only.
            let window = bytes[nameStart...].prefix(12)
            if let semicolon = window.firstIndex(of: UInt8(ascii: ";")) {
                let name = text[nameStart..<semicolon]
                if let replacement = named[name] ?? numeric(name) {
                    result += text[copied..<ampersand]
                    result += replacement
                    copied = bytes.index(after: semicolon)
                }
            }
            guard let next = bytes[nameStart...].firstIndex(of: UInt8(ascii: "&")) else { break }
            ampersand = next
        }
        result += text[copied...]
        return result
    }

    private static func numeric(_ name: Substring) -> String? {
        guard name.first == "#" else { return nil }
        let digits = name.dropFirst()
        let value: UInt32? =
            if digits.first == "x" || digits.first == "X" { UInt32(digits.dropFirst(), radix: 16) } else { UInt32(digits, radix: 10) }
        guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
        return String(Character(scalar))
    }

    /// Escapes what WebVTT cue text may not hold as itself.
    static func escape(_ text: some StringProtocol) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }
}

/// The stem of an input's name (`talks/ep12.vtt` → `ep12`, `ep12.transcript.json` → `ep12`), which
/// names the episode of a file that does not name it itself.
public enum TranscriptFileName {
    public static func stem(_ name: String) -> String {
        if name == "<stdin>" { return "Transcript" }
        var base = Substring(name.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(name))
        if let dot = base.lastIndex(of: "."), dot > base.startIndex { base = base[..<dot] }
        for suffix in [".transcript", ".captions", ".subtitles"] where base.lowercased().hasSuffix(suffix) && base.count > suffix.count {
            base = base.dropLast(suffix.count)
        }
        return String(base)
    }
}
