import Foundation
import QuireCore

/// File names in a notes vault that every file system and Obsidian's links accept: no `/ \ : * ? " < > |`,
/// control characters or link-breaking `# ^ [ ]`, no leading `.`, no trailing `.` or space, Windows'
/// reserved device names suffixed, NFC-normalised, each path component at most 255 UTF-8 bytes.
enum VaultNames {
    static let maximumComponentBytes = 255
    private static let forbidden: Set<Character> = ["/", "\\", ":", "*", "?", "\"", "<", ">", "|", "#", "^", "[", "]"]
    private static let reserved: Set<String> =
        Set(["CON", "PRN", "AUX", "NUL"] + (1...9).flatMap { ["COM\($0)", "LPT\($0)"] })

    /// Text made safe to stand inside one path component: forbidden and control characters become
    /// spaces, runs of white space one space. Not yet trimmed (the template's tidying does that).
    static func cleaned(_ text: String) -> String {
        var result = ""
        var lastWasSpace = false
        for character in text.precomposedStringWithCanonicalMapping {
            let isSpace =
                forbidden.contains(character) || character.isWhitespace || character.unicodeScalars.contains { $0.properties.generalCategory == .control }
            if isSpace {
                if !lastWasSpace { result.append(" ") }
                lastWasSpace = true
            } else {
                result.append(character)
                lastWasSpace = false
            }
        }
        return result
    }

    /// One finished component: cleaned, tidied at its ends (spaces, and separators a missing value
    /// left behind), no leading `.`, no trailing `.`, a reserved device name suffixed with `_`, at most
    /// 255 bytes with `suffix` (the extension, kept whole) included. Empty when nothing is left.
    static func component(_ text: String, suffix: String = "") -> String {
        var base = Substring(cleaned(text))
        let tidy: (Character) -> Bool = { $0 == " " || $0 == "-" || $0 == "_" || $0 == "," || $0 == "." || $0 == "–" || $0 == "—" }
        base = base.drop(while: tidy)
        while let last = base.last, tidy(last) { base = base.dropLast() }
        var name = String(base)
        if let stem = name.split(separator: ".", maxSplits: 1).first, reserved.contains(stem.uppercased()) {
            name = String(stem) + "_" + name.dropFirst(stem.count)
        }
        let budget = maximumComponentBytes - suffix.utf8.count
        if name.utf8.count > budget {
            var cut = ""
            for character in name {
                if cut.utf8.count + String(character).utf8.count > budget { break }
                cut.append(character)
            }
            name = cut
            while let last = name.last, tidy(last) { name.removeLast() }
        }
        return name.isEmpty ? "" : name + suffix
    }

    /// The case-insensitive form under which two paths are the same file on macOS and Windows.
    static func folded(_ path: String) -> String { path.precomposedStringWithCanonicalMapping.lowercased() }

    /// `path` with ` (tag)` before its extension, the last component kept within 255 bytes.
    static func suffixed(_ path: String, tag: String) -> String {
        let (folder, name) = split(path)
        let stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        let renamed = component(stem, suffix: " (" + tag + ").md")
        return folder.isEmpty ? renamed : folder + "/" + renamed
    }

    /// The folder part (empty at the top) and the file name of a relative path.
    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
    }

    /// The file name without `.md`: what a wikilink names.
    static func baseName(_ path: String) -> String {
        let name = split(path).name
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    /// A short hash that names an identity in collision suffixes.
    static func shortHash(_ text: String) -> String {
        String(String(FNV1a.of(text.utf8), radix: 16).suffix(6))
    }
}

/// The `note-name` template: `{placeholder}`s filled from an episode, `/` separating folders.
struct NoteNameTemplate {
    static let placeholders = ["channel", "title", "published", "year", "month", "day", "number", "season", "language", "guid"]
    let parts: [[Piece]]

    enum Piece: Equatable {
        case literal(String)
        case placeholder(String)
    }

    struct Invalid: Error { let reason: String }

    /// Checks the template: relative, no `..`, only known placeholders, braces closed.
    init(_ template: String) throws(Invalid) {
        guard !template.hasPrefix("/"), !template.hasPrefix("~") else { throw Invalid(reason: "it must be a path inside the vault, not an absolute one") }
        var components = template.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !components.contains(where: { $0 == ".." || $0 == "." }), !template.contains("\\") else {
            throw Invalid(reason: "it must stay inside the vault (no '..', '.' or '\\\\')")
        }
        if let last = components.last, !last.lowercased().hasSuffix(".md") { components[components.count - 1] = last + ".md" }
        var parts: [[Piece]] = []
        for component in components {
            var pieces: [Piece] = []
            var rest = Substring(component)
            while !rest.isEmpty {
                if let open = rest.firstIndex(of: "{") {
                    guard !rest[..<open].contains("}") else { throw Invalid(reason: "a '}' has no '{'") }
                    if open > rest.startIndex { pieces.append(.literal(String(rest[..<open]))) }
                    guard let close = rest[open...].firstIndex(of: "}") else { throw Invalid(reason: "a '{' is not closed") }
                    let name = String(rest[rest.index(after: open)..<close])
                    guard Self.placeholders.contains(name) else {
                        throw Invalid(reason: "unknown placeholder '{\(name)}'; known: " + Self.placeholders.map { "{\($0)}" }.joined(separator: ", "))
                    }
                    pieces.append(.placeholder(name))
                    rest = rest[rest.index(after: close)...]
                } else {
                    guard !rest.contains("}") else { throw Invalid(reason: "a '}' has no '{'") }
                    pieces.append(.literal(String(rest)))
                    rest = ""
                }
            }
            parts.append(pieces)
        }
        guard parts.last?.contains(where: { $0 != .literal(".md") && $0 != .literal("") }) == true else {
            throw Invalid(reason: "its file name is empty")
        }
        self.parts = parts
    }

    /// The note's relative path for `episode`; empty folders (a missing `{channel}`) are left out, an
    /// empty file name becomes `Untitled.md`.
    func path(for episode: Episode) -> String {
        var components: [String] = []
        for (index, pieces) in parts.enumerated() {
            let isFile = index == parts.count - 1
            var text = pieces.map { piece -> String in
                switch piece {
                case .literal(let literal): literal
                case .placeholder(let name): VaultNames.cleaned(Self.value(name, of: episode))
                }
            }.joined()
            if isFile, text.lowercased().hasSuffix(".md") { text = String(text.dropLast(3)) }
            let component = VaultNames.component(collapsingSpaces(text), suffix: isFile ? ".md" : "")
            if !component.isEmpty { components.append(component) } else if isFile { components.append("Untitled.md") }
        }
        return components.joined(separator: "/")
    }

    private func collapsingSpaces(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    static func value(_ name: String, of episode: Episode) -> String {
        let date = episode.metadata.published.flatMap(isoDate) ?? ""
        let dateParts = date.split(separator: "-").map(String.init)
        switch name {
        case "channel": return episode.channel ?? ""
        case "title": return episode.title
        case "published": return date
        case "year": return dateParts.first ?? ""
        case "month": return dateParts.count > 1 ? dateParts[1] : ""
        case "day": return dateParts.count > 2 ? dateParts[2] : ""
        case "number": return episode.metadata.number.map(String.init) ?? ""
        case "season": return episode.metadata.season.map(String.init) ?? ""
        case "language": return episode.language ?? ""
        case "guid": return episode.metadata.guid ?? ""
        default: return ""
        }
    }

    /// `YYYY-MM-DD` from a date as feeds and pages give it: ISO 8601 (`2024-03-05T…`) or RFC 822
    /// (`Tue, 05 Mar 2024 …`).
    static func isoDate(_ text: String) -> String? {
        let digits = Array(text.prefix(10))
        if digits.count == 10, digits[4] == "-", digits[7] == "-",
            digits.enumerated().allSatisfy({ [4, 7].contains($0.offset) || $0.element.isASCII && $0.element.isNumber })
        {
            return String(digits)
        }
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        for index in words.indices.dropFirst() where index + 1 < words.count {
            guard let month = months.firstIndex(of: String(words[index].lowercased().prefix(3))), words[index].count >= 3,
                let day = Int(words[index - 1]), (1...31).contains(day), let year = Int(words[index + 1]), words[index + 1].count == 4
            else { continue }
            return String(format: "%04d-%02d-%02d", year, month + 1, day)
        }
        return nil
    }
}
