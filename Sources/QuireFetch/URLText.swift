import Foundation
import QuireCore

/// URLs as `quire fetch` takes them: only http and https, relative links made absolute.
enum URLText {
    /// Whether a command-line argument is a URL to fetch rather than a file to read.
    static func isWebURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// `link` made absolute against `base`; `nil` when it is not http or https (`file:`, `data:`,
    /// nonsense), which fetch never follows.
    static func resolve(_ link: String, against base: String) -> String? {
        let trimmed = link.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, let url = URL(string: trimmed, relativeTo: URL(string: base)) else { return nil }
        let absolute = url.absoluteString
        guard isWebURL(absolute), url.host != nil else { return nil }
        return absolute
    }

    /// A file-name stem from a title or a URL: lowercase ASCII letters and digits joined by single
    /// hyphens (`Kitchen Physics!` → `kitchen-physics`), at most 60 characters; `nil` if nothing is left.
    static func slug(_ text: String) -> String? {
        var result = ""
        var pendingHyphen = false
        // Letters with accents keep their base letter (Café → cafe); other scripts drop out, and the URL steps in.
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                if pendingHyphen, !result.isEmpty { result += "-" }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
                if result.count >= 60 { break }
            } else {
                pendingHyphen = true
            }
        }
        return result.isEmpty ? nil : result
    }

    /// A stem from a feed URL's host and path, leaving out the words every feed URL has.
    static func slug(forURL url: String) -> String {
        let parsed = URL(string: url)
        let host = (parsed?.host ?? "").replacingOccurrences(of: "www.", with: "")
        let noise: Set<String> = ["feed", "feeds", "rss", "xml", "podcast", "atom", "index"]
        let words = (parsed?.path ?? "").split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init).filter { !noise.contains($0.lowercased()) }
        return slug(([host] + words).joined(separator: " ")) ?? "feed"
    }

    /// Eight hex digits of the URL's hash, to tell apart feeds with the same title.
    static func shortHash(_ url: String) -> String {
        String(String(FNV1a.of(url.utf8), radix: 16).suffix(8))
    }
}
