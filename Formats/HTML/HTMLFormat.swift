import QuireCore

/// HTML5: one standalone page for a collection, or a small site with `--split`.
public struct HTMLFormat: FormatPlugin {
    public static let id: FormatID = "html"

    public init() {}
    public var name: String { "built-in" }

    public func register(in registry: inout FormatRegistry) throws {
        try registry.add(
            FormatDescriptor(
                id: Self.id, displayName: "HTML", aliases: ["htm", "xhtml"], fileExtensions: ["html", "htm", "xhtml"],
                mediaTypes: ["text/html"], settings: HTMLSettings.all, sniffer: Self.sniff))
        try registry.addReader(HTMLReader(), for: Self.id)
        // HTML cannot hold C0 control characters, not even as references; the writer warns when it drops any.
        try registry.addWriter(HTMLWriter(), for: Self.id, loss: .lossy("control characters, which HTML cannot hold"))
    }

    /// A document that starts (after a BOM, white space, an XML declaration or comments) with
    /// `<!DOCTYPE html` or `<html`.
    @Sendable static func sniff(_ sample: ContentSample) -> SniffMatch? {
        guard var text = sample.text.map({ Substring($0.prefix(2048).lowercased()) }) else { return nil }
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        while true {
            text = text.drop { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
            if text.hasPrefix("<!doctype html") || text.hasPrefix("<html") { return .certain }
            if text.hasPrefix("<?xml"), let end = text.firstRange(of: "?>") {
                text = text[end.upperBound...]
            } else if text.hasPrefix("<!--"), let end = text.firstRange(of: "-->") {
                text = text[end.upperBound...]
            } else {
                return nil
            }
        }
    }
}
