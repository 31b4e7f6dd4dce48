import Foundation

/// File names for `--split` pages: the episode's position and an ASCII slug of its title
/// (`episodes/003-why-bread-rises.html`), so names are stable, safe on every file system and sort in order.
enum SplitFileNames {
    static let folder = "episodes"

    static func episodePage(index: Int, title: String, count: Int) -> String {
        let width = max(3, String(count).count)
        let number = String(repeating: "0", count: max(0, width - String(index + 1).count)) + String(index + 1)
        let slug = slug(title)
        return "\(folder)/\(number)\(slug.isEmpty ? "" : "-" + slug).html"
    }

    /// Lowercase ASCII letters and digits (accents dropped: `Ünïcödé` → `unicode`), other runs as one
    /// `-`, at most 48 characters, cut between words.
    static func slug(_ title: String) -> String {
        var result = ""
        var pendingDash = false
        for scalar in title.decomposedStringWithCanonicalMapping.unicodeScalars {
            // Combining marks left by the decomposition are accents on the letter before.
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            let lower = scalar.properties.lowercaseMapping
            if lower.count == 1, let ascii = lower.unicodeScalars.first, (ascii >= "a" && ascii <= "z") || (ascii >= "0" && ascii <= "9") {
                if pendingDash && !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(ascii)
                if result.count > 48 {
                    let cut = result.lastIndex(of: "-") ?? result.index(result.startIndex, offsetBy: 48)
                    return String(result[..<cut])
                }
            } else {
                pendingDash = true
            }
        }
        return result
    }
}
