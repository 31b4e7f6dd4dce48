/// The vocabularies a podcast feed mixes, by namespace URI (prefixes vary between feeds; URIs do not).
enum FeedNamespace {
    static let itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let podlove = "http://podlove.org/simple-chapters"
    static let podcast = "https://podcastindex.org/namespace/1.0"
    /// The Podcasting 2.0 namespace's first URI, still in older feeds.
    static let podcastLegacy = "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md"
    static let atom = "http://www.w3.org/2005/Atom"
    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    static let xml = "http://www.w3.org/XML/1998/namespace"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let rss10 = "http://purl.org/rss/1.0/"

    /// The prefixes Quire writes, by URI, so keys it keeps (`metadata.extra`) read the same whatever a feed chose.
    static let preferredPrefixes: [String: String] = [
        itunes: "itunes", content: "content", podlove: "psc", podcast: "podcast", podcastLegacy: "podcast", atom: "atom",
        dublinCore: "dc", "http://search.yahoo.com/mrss/": "media", "http://www.google.com/schemas/play-podcasts/1.0": "googleplay",
    ]
}

/// Links in feeds are often relative (to `xml:base`, or to the channel's own page); the model holds
/// absolute ones where a base is known.
enum FeedLinks {
    /// Whether `link` names its scheme (`https:`, `mailto:`, `urn:`).
    static func isAbsolute(_ link: String) -> Bool {
        guard let colon = link.firstIndex(of: ":") else { return false }
        let scheme = link[..<colon]
        return !scheme.isEmpty && scheme.first!.isLetter && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    /// `link` resolved against `base` (RFC 3986, section 5.2, for the shapes feeds use); `nil` when the
    /// base itself is not absolute.
    static func resolve(_ link: String, against base: String) -> String? {
        if isAbsolute(link) { return link }
        guard isAbsolute(base), let schemeEnd = base.firstIndex(of: ":") else { return nil }
        let scheme = base[..<schemeEnd]
        if link.hasPrefix("//") { return scheme + ":" + link }
        let afterScheme = base[base.index(after: schemeEnd)...]
        var authority = ""
        var basePath = afterScheme
        if afterScheme.hasPrefix("//") {
            let rest = afterScheme.dropFirst(2)
            let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
            authority = "//" + rest[..<end]
            basePath = rest[end...]
        }
        basePath = basePath.prefix(while: { $0 != "?" && $0 != "#" })
        let prefix = scheme + ":" + authority
        if link.isEmpty { return String(base) }
        if link.hasPrefix("#") || link.hasPrefix("?") { return prefix + basePath + link }
        let suffixStart = link.firstIndex(where: { $0 == "?" || $0 == "#" }) ?? link.endIndex
        let linkPath = link[..<suffixStart], suffix = link[suffixStart...]
        let merged: String
        if linkPath.hasPrefix("/") {
            merged = String(linkPath)
        } else {
            let directory = basePath.lastIndex(of: "/").map { String(basePath[...$0]) } ?? "/"
            merged = directory + linkPath
        }
        return prefix + removingDotSegments(merged) + suffix
    }

    private static func removingDotSegments(_ path: String) -> String {
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            switch segment {
            case ".": if isLast { output.append("") }
            case "..":
                if output.count > 1 { output.removeLast() }
                if isLast { output.append("") }
            default: output.append(segment)
            }
        }
        let joined = output.joined(separator: "/")
        return joined.hasPrefix("/") || joined.isEmpty ? joined : "/" + joined
    }
}
