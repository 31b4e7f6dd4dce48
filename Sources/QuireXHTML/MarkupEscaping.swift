/// Escaping for text that is both XHTML and HTML5: only `&amp;`, `&lt;`, `&gt;`, `&quot;` and numeric
/// references, which every XML and HTML parser reads the same way.
public enum MarkupEscaping {
    /// Text content. A carriage return is written as a reference, since both parsers turn a literal one
    /// into a line feed.
    public static func text(_ text: String) -> String {
        escape(text, inAttribute: false)
    }

    /// An attribute value in double quotes. Line breaks and tabs are written as references, since XML
    /// parsers turn literal ones into spaces.
    public static func attribute(_ text: String) -> String {
        escape(text, inAttribute: true)
    }

    /// Characters neither XML 1.0 nor HTML can hold, even as references: C0 controls other than tab,
    /// line feed and carriage return, DEL, and the non-characters U+FFFE and U+FFFF. They are left out.
    public static func isUnwritable(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0x7F
            || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }

    public static func containsUnwritable(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: isUnwritable)
    }

    private static func escape(_ text: String, inAttribute: Bool) -> String {
        // Plain text is by far the most common: return it as is.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 < 0x20 || $0 == 0x7F || $0 == 0xEF })
        else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": result.append(contentsOf: "&quot;".unicodeScalars)
            case "\r": result.append(contentsOf: "&#13;".unicodeScalars)
            case "\n" where inAttribute: result.append(contentsOf: "&#10;".unicodeScalars)
            case "\t" where inAttribute: result.append(contentsOf: "&#9;".unicodeScalars)
            default:
                if !isUnwritable(scalar) { result.append(scalar) }
            }
        }
        return String(result)
    }
}
