/// Writing JSON text by hand, for the small documents formats write themselves (chapters files,
/// transcripts): a string as a JSON string literal.
package enum JSONText {
    /// `text` in double quotes, with `"`, `\` and control characters escaped (RFC 8259, section 7).
    package static func quoted(_ text: String) -> String {
        quoted(text, writesAsHex: { $0.value < 0x20 }, uppercaseHex: false)
    }

    /// The escaping JSON strings share with YAML's double-quoted scalars (`FrontMatterScalar`): `"` and
    /// `\` escaped, `\n`, `\r`, `\t`, and `\u` with four hex digits for the scalars `writesAsHex` names.
    package static func quoted(_ text: String, writesAsHex: (Unicode.Scalar) -> Bool, uppercaseHex: Bool) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where writesAsHex(scalar):
                // Beyond the BMP, JSON escapes a scalar as its UTF-16 surrogate pair.
                for unit in String(scalar).utf16 {
                    let hex = String(unit, radix: 16, uppercase: uppercaseHex)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
