import Foundation
import QuireConversion
import QuireCore

/// A conversion's query parameters: `to`, `from`, `filename`, `via`, `filter`, the collection
/// defaults (`channel`, `feed`, `title`, `language`) and format settings by key.
struct ConversionParameters: Sendable {
    var target: String?
    var source: String?
    var filename: String?
    var via: [String] = []
    var filters: [String] = []
    var settings = ConversionOptions()
    var defaults = CollectionDefaults()

    static let ownKeys: Set<String> = ["to", "from", "filename", "via", "filter"]

    /// The parameters of `query`, checked against the registry; a wrong one is a 400.
    init(query: String?, registry: FormatRegistry, allowsPlugins: Bool) throws(Problem) {
        for (key, value) in try QueryString.pairs(query) {
            switch key {
            case "to": target = value
            case "from": source = value
            case "filename": filename = value
            case "via": via.append(value)
            case "filter":
                guard allowsPlugins else {
                    throw .badRequest("filter '\(value)': filters come from plugins, and plugins are off on this server (quire serve --allow-plugins)")
                }
                guard registry.filter(named: value) != nil else {
                    let known = registry.filters.map { "'\($0.name)'" }.joined(separator: ", ")
                    throw .badRequest("unknown filter '\(value)'; " + (known.isEmpty ? "no plugin declares a filter" : "the filters are \(known)"))
                }
                filters.append(value)
            case "channel": defaults.channel = value
            case "feed":
                guard value.hasPrefix("http://") || value.hasPrefix("https://") else {
                    throw .badRequest("feed must be an http or https URL, got '\(value)'")
                }
                defaults.feedURL = value
            case "title": defaults.title = value
            case "language": defaults.language = value
            default:
                guard let setting = registry.setting(forKey: key) else {
                    throw .badRequest("unknown setting '\(key)'; GET /v1/formats lists each format's settings")
                }
                if case .path = setting.kind {
                    throw .badRequest("setting '\(key)' names a file or folder on the server, which the API does not accept")
                }
                settings.append(value, for: key)
            }
        }
        if target == nil { throw .badRequest("give the output format: to=FORMAT (GET /v1/formats lists them)") }
    }

    /// Drops everything up to the last `/` or `\`: a name for diagnostics and format detection, never a path.
    /// Control characters are dropped and the name is kept to 200 characters (its end, with the extension).
    static func baseName(_ name: String) -> String {
        let cleaned = String(String.UnicodeScalarView(name.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
        let base = String((cleaned.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? "").suffix(200))
        return base.isEmpty || base == "." || base == ".." ? "input" : base
    }
}

/// `application/x-www-form-urlencoded` query strings: `+` is a space, `%XX` a byte.
enum QueryString {
    static func pairs(_ query: String?) throws(Problem) -> [(String, String)] {
        guard let query, !query.isEmpty else { return [] }
        var pairs: [(String, String)] = []
        for item in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = try decode(parts[0]), value = parts.count > 1 ? try decode(parts[1]) : ""
            pairs.append((key, value))
        }
        return pairs
    }

    private static func decode(_ text: Substring) throws(Problem) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        guard let decoded = spaced.removingPercentEncoding else { throw .badRequest("the query string is not well-formed (bad % escape)") }
        return decoded
    }
}
