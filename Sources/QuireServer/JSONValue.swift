import QuireCore

/// JSON the server writes: keys in the order given, and (for headers) every character outside ASCII
/// written as a `\u` escape.
enum JSONValue: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral {
    case string(String)
    case number(Int)
    /// A number written as given (`12.50`); the caller makes sure it is one.
    case decimal(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    init(stringLiteral value: String) { self = .string(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(integerLiteral value: Int) { self = .number(value) }

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }
    func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    static func optional(_ text: String?) -> JSONValue { text.map { .string($0) } ?? .null }
    static func optional(_ number: Int?) -> JSONValue { number.map { .number($0) } ?? .null }

    /// The text; `asciiOnly` escapes everything past U+007F (UTF-16 surrogate pairs above U+FFFF).
    func serialized(asciiOnly: Bool = false) -> String {
        var out = ""
        write(to: &out, asciiOnly: asciiOnly)
        return out
    }

    var bytes: [UInt8] { Array(serialized().utf8) }

    private func write(to out: inout String, asciiOnly: Bool) {
        switch self {
        case .string(let text): Self.quote(text, into: &out, asciiOnly: asciiOnly)
        case .number(let number): out += String(number)
        case .decimal(let text): out += text
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(to: &out, asciiOnly: asciiOnly)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out += "," }
                Self.quote(key, into: &out, asciiOnly: asciiOnly)
                out += ":"
                value.write(to: &out, asciiOnly: asciiOnly)
            }
            out += "}"
        }
    }

    private static func quote(_ text: String, into out: inout String, asciiOnly: Bool) {
        out += JSONText.quoted(text, writesAsHex: { $0.value < 0x20 || (asciiOnly && $0.value > 0x7E) }, uppercaseHex: false)
    }
}

extension Diagnostic {
    /// `{"identifier","severity","message","file","line","column","notes":[…]}` as the API gives it.
    var json: JSONValue {
        let location = self.location
        return .object([
            ("identifier", .string(id.rawValue)),
            ("severity", .string(severity.rawValue)),
            ("message", .string(message)),
            ("file", .optional(location?.file)),
            ("line", .optional(location?.line)),
            ("column", .optional(location?.column)),
            ("notes", .array(notes.map { .string($0.message) })),
        ])
    }
}
