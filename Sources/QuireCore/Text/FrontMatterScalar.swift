/// Double-quoted values in `key: value` front matter, the quoting summary text and Markdown share:
/// `"` and `\` escaped, line feeds, carriage returns and tabs as `\n`, `\r`, `\t`, other control
/// characters as `\u` and four hex digits. Which values need quotes at all is each format's own
/// syntax (summary text takes the rest of the line as the value, YAML has plain-scalar rules).
public enum FrontMatterScalar {
    /// What the two front-matter syntaxes do differently inside the quotes.
    public enum Dialect: Sendable {
        /// Summary text's lines: only the shared escapes are read (anything else leaves the value
        /// unquoted), and only C0 controls are written as `\u`, in lowercase hex (`\u001b`).
        case basic
        /// YAML's double-quoted scalars, as Markdown's front matter is: every YAML escape is read (`\0`,
        /// `\e`, `\x41`, `\U0001F600`...), and DEL, NEL, LS and PS are written as `\u` too, in uppercase hex
        /// (`\u001B`), since YAML reads the last three as line breaks and the first is not printable.
        case yaml

        func writesAsHex(_ scalar: Unicode.Scalar) -> Bool {
            switch self {
            case .basic: scalar.value < 0x20
            case .yaml: scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029
            }
        }
    }

    /// `value` in double quotes with every character that needs it escaped.
    public static func quoted(_ value: String, _ dialect: Dialect) -> String {
        JSONText.quoted(value, writesAsHex: dialect.writesAsHex, uppercaseHex: dialect == .yaml)
    }

    /// The double-quoted string that `text` starts with (at its opening quote): its value and the index
    /// after the closing quote. `nil` when the quote is not closed or an escape is not one of `dialect`'s.
    public static func unquoted(_ text: Substring, _ dialect: Dialect) -> (value: String, end: Substring.Index)? {
        var value = ""
        var scalars = text.unicodeScalars.dropFirst()
        while let scalar = scalars.first {
            scalars = scalars.dropFirst()
            if scalar == "\"" { return (value, scalars.startIndex) }
            guard scalar == "\\" else {
                value.unicodeScalars.append(scalar)
                continue
            }
            guard let escape = scalars.first else { return nil }
            scalars = scalars.dropFirst()
            switch escape {
            case "\"", "\\": value.unicodeScalars.append(escape)
            case "n": value += "\n"
            case "r": value += "\r"
            case "t": value += "\t"
            case "u" where dialect == .basic:
                // Up to four digits: a shorter run ended by the closing quote reads as far as it goes.
                let digits = scalars.prefix(4).prefix { $0 != "\"" }
                guard let number = UInt32(String(String.UnicodeScalarView(digits)), radix: 16), let decoded = Unicode.Scalar(number) else { return nil }
                value.unicodeScalars.append(decoded)
                scalars = scalars[digits.endIndex...]
            default:
                guard dialect == .yaml, let decoded = yamlEscape(escape, &scalars) else { return nil }
                value.unicodeScalars.append(contentsOf: decoded.unicodeScalars)
            }
        }
        return nil
    }

    /// The value of a YAML escape beyond the shared ones; `nil` when YAML has no such escape.
    private static func yamlEscape(_ escape: Unicode.Scalar, _ scalars: inout Substring.UnicodeScalarView.SubSequence) -> String? {
        switch escape {
        case "/", " ", "\t": return String(escape)
        case "0": return "\u{0}"
        case "a": return "\u{07}"
        case "b": return "\u{08}"
        case "e": return "\u{1B}"
        case "f": return "\u{0C}"
        case "v": return "\u{0B}"
        case "N": return "\u{85}"
        case "_": return "\u{A0}"
        case "L": return "\u{2028}"
        case "P": return "\u{2029}"
        case "x", "u", "U":
            let count = escape == "x" ? 2 : escape == "u" ? 4 : 8
            let hex = String(String.UnicodeScalarView(scalars.prefix(count)))
            guard hex.unicodeScalars.count == count, let number = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(number) else { return nil }
            scalars = scalars.dropFirst(count)
            return String(decoded)
        default: return nil
        }
    }
}
