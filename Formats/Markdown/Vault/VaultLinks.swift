import QuireCore

/// Links between vault notes, written and rewritten the way Obsidian does.
enum VaultLinks {
    enum Style: String, Sendable { case wikilinks, markdown }

    /// A link from the note at `fromPath` to the note at `toPath` showing `text`. A wikilink names the
    /// note by its base name when that is unique in the vault (`uniqueNames`), else by its path.
    static func link(to toPath: String, text: String, from fromPath: String, style: Style, uniqueNames: Set<String>) -> String {
        switch style {
        case .wikilinks:
            let target = wikiTarget(for: toPath, uniqueNames: uniqueNames)
            return target == text ? "[[" + target + "]]" : "[[" + target + "|" + text + "]]"
        case .markdown:
            return "[" + PlainTextEscaping.escape(text, alsoEscaping: ["[", "]"]) + "](" + encoded(relativePath(from: fromPath, to: toPath)) + ")"
        }
    }

    /// What a wikilink to the note at `path` names: its base name, or its path without `.md`.
    static func wikiTarget(for path: String, uniqueNames: Set<String>) -> String {
        let base = VaultNames.baseName(path)
        return uniqueNames.contains(VaultNames.folded(base)) ? base : String(path.dropLast(path.hasSuffix(".md") ? 3 : 0))
    }

    /// `to` relative to the folder holding `from`.
    static func relativePath(from: String, to: String) -> String {
        let fromFolder = VaultNames.split(from).folder.split(separator: "/")
        let toParts = to.split(separator: "/")
        var common = 0
        while common < fromFolder.count, common < toParts.count - 1, fromFolder[common] == toParts[common] { common += 1 }
        return (Array(repeating: "..", count: fromFolder.count - common) + toParts[common...].map(String.init)).joined(separator: "/")
    }

    /// A path as a Markdown link destination: spaces as `%20` as Obsidian writes them, and the
    /// characters that would end or confuse the destination percent-encoded.
    static func encoded(_ path: String) -> String {
        var result = ""
        for character in path {
            switch character {
            case " ": result += "%20"
            case "%": result += "%25"
            case "(": result += "%28"
            case ")": result += "%29"
            case "<": result += "%3C"
            case ">": result += "%3E"
            default: result.append(character)
            }
        }
        return result
    }

    static func decoded(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var index = text.utf8.startIndex
        let utf8 = text.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%"), let first = utf8.index(index, offsetBy: 1, limitedBy: utf8.endIndex), first < utf8.endIndex,
                let second = utf8.index(first, offsetBy: 1, limitedBy: utf8.endIndex), second < utf8.endIndex,
                let value = UInt8(String(decoding: [utf8[first], utf8[second]], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                index = utf8.index(after: second)
            } else {
                bytes.append(byte)
                index = utf8.index(after: index)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A rename: the note at `oldPath` is now at `newPath`; wikilinks named `oldTarget` (its old base
    /// name or path) now name `newTarget`.
    struct Rename {
        var oldPath: String
        var newPath: String
        var newTarget: String
    }

    /// `text` (of the note at `notePath`) with every link to a renamed note pointing at its new name:
    /// `[[Old]]`, `[[Old|alias]]`, `[[Old#Heading]]`, `[[Folder/Old]]`, and Markdown links `[x](Old.md)`.
    static func rewrite(_ text: String, in notePath: String, renames: [Rename]) -> String {
        guard !renames.isEmpty, text.contains("[") else { return text }
        var byTarget: [String: Rename] = [:]
        var byPath: [String: Rename] = [:]
        for rename in renames {
            byTarget[VaultNames.folded(VaultNames.baseName(rename.oldPath))] = rename
            byTarget[VaultNames.folded(String(rename.oldPath.dropLast(3)))] = rename
            byTarget[VaultNames.folded(rename.oldPath)] = rename
            byPath[rename.oldPath] = rename
        }
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "[") {
            result += rest[..<open]
            rest = rest[open...]
            if rest.hasPrefix("[["), let close = rest.range(of: "]]") {
                let inner = rest[rest.index(rest.startIndex, offsetBy: 2)..<close.lowerBound]
                let end = inner.firstIndex { $0 == "|" || $0 == "#" || $0 == "^" } ?? inner.endIndex
                if !inner.contains("\n"), let rename = byTarget[VaultNames.folded(String(inner[..<end]))] {
                    result += "[[" + rename.newTarget + inner[end...] + "]]"
                    rest = rest[close.upperBound...]
                    continue
                }
            } else if let textEnd = rest.range(of: "]("), !rest[..<textEnd.lowerBound].contains("\n"),
                let close = rest[textEnd.upperBound...].firstIndex(where: { $0 == ")" || $0 == "\n" || $0 == " " }), rest[close] == ")"
            {
                let destination = rest[textEnd.upperBound..<close]
                if !destination.contains(":"), let rename = byPath[resolve(decoded(destination), from: notePath)] {
                    result += rest[..<textEnd.upperBound] + encoded(relativePath(from: notePath, to: rename.newPath)) + ")"
                    rest = rest[rest.index(after: close)...]
                    continue
                }
            }
            result.append("[")
            rest = rest.dropFirst()
        }
        return result + rest
    }

    /// Whether `text` (of the note at `notePath`) links to the note at `path`, by any of the forms
    /// `rewrite` understands: rewriting them to a marker changes the text exactly when there is one.
    static func links(_ text: String, in notePath: String, to path: String) -> Bool {
        rewrite(text, in: notePath, renames: [Rename(oldPath: path, newPath: "\u{0}", newTarget: "\u{0}")]) != text
    }

    /// A relative destination in the note at `notePath`, as a vault path.
    static func resolve(_ destination: String, from notePath: String) -> String {
        var parts = VaultNames.split(notePath).folder.split(separator: "/").map(String.init)
        for part in destination.split(separator: "/") {
            if part == ".." { if !parts.isEmpty { parts.removeLast() } } else if part != "." { parts.append(String(part)) }
        }
        return parts.joined(separator: "/")
    }
}
