import QuireCore

/// Quire's canonical interchange format: the model as JSON (docs/json-format.md, docs/quire.schema.json).
public struct JSONFormat: FormatPlugin {
    public static let id: FormatID = "json"
    /// Bumped when a field changes meaning; readers accept every version up to this one.
    public static let schemaVersion = 1

    public init() {}
    public var name: String { "built-in" }

    public func register(in registry: inout FormatRegistry) throws {
        try registry.add(
            FormatDescriptor(
                id: Self.id, displayName: "Quire JSON", fileExtensions: ["json"], mediaTypes: ["application/json"],
                sniffer: { sample in
                    guard sample.trimmedStart.first == UInt8(ascii: "{") else { return nil }
                    let text = sample.text ?? ""
                    return text.contains("\"schemaVersion\"") || text.contains("\"episodes\"") ? .certain : .likely
                }))
        try registry.addReader(JSONModelReader(), for: Self.id)
        try registry.addWriter(JSONModelWriter(), for: Self.id)
    }
}
