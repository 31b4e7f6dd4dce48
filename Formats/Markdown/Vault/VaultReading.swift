import QuireCore

/// Reading a vault back (`quire convert vault/ -o all.json`): entity and channel notes are Quire's
/// indexes, not episodes, and are skipped; the home note gives the collection's title and preamble
/// (from its front matter); an episode note is read from its front matter and its
/// marked region only. The user's text around the region is theirs, not the episode's: it is left
/// out, with a note saying where. Lines keep their numbers, so diagnostics point into the file.
enum VaultReading {
    enum Prepared {
        case skip
        /// The Markdown to read in the note's place: the episode, or the collection's own fields.
        case document(InputFile)
    }

    static func prepare(_ input: InputFile, diagnostics: inout Diagnostics) -> Prepared? {
        guard input.bytes.starts(with: Array("---\n".utf8)), let note = VaultNote(bytes: input.bytes), note.hasFrontMatter else { return nil }
        if note.value(VaultNote.kindKey) == VaultNote.collectionKind {
            // Front matter alone, Quire's own keys blanked so line numbers still point into the file.
            var lines: [String] = ["---"]
            for entry in note.entries {
                lines += entry.key == VaultNote.kindKey || entry.key == VaultNote.keyKey ? entry.lines.map { _ in "" } : entry.lines
            }
            lines.append("---")
            return .document(InputFile(name: input.name, bytes: Array((lines.joined(separator: "\n") + "\n").utf8)))
        }
        if let kind = note.value(VaultNote.kindKey) {
            diagnostics.report(
                .note("markdown.vault.index", "a vault's \(kind) note, which Quire writes from the episodes; skipped", at: input.location(line: 1)))
            return .skip
        }
        guard note.value(VaultNote.idKey) != nil, let region = note.region else { return nil }
        var lines: [String] = ["---"]
        for entry in note.entries {
            // The identity is the vault's, derived from the episode: blank lines keep the numbering.
            lines += entry.key == VaultNote.idKey ? entry.lines.map { _ in "" } : entry.lines
        }
        lines.append("---")
        let beforeLines = note.before.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let firstRegionLine = lines.count + beforeLines.count + 2
        lines += beforeLines.map { _ in "" } + [""]
        var inEntities = false
        for line in region.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            if line.hasPrefix("## ") { inEntities = line == "## " + EntitySyntax.heading }
            lines.append(inEntities ? unlinkedEntityLine(line) : String(line))
        }
        let afterLines = note.after.split(separator: "\n", omittingEmptySubsequences: false)
        lines += [""] + afterLines.map { _ in "" }
        if !(note.before + note.after).allSatisfy(\.isWhitespace) {
            diagnostics.report(
                .note(
                    "markdown.vault.user-text",
                    "text outside Quire's part of this vault note (above line \(firstRegionLine) or below its end marker) is yours, not the episode's; not read",
                    at: input.location(line: 1)))
        }
        return .document(InputFile(name: input.name, bytes: Array(lines.joined(separator: "\n").utf8)))
    }

    /// `- **[[Target|Name]]** …`, `- **[[Name]]** …` or `- **[Name](path)** …` as `- **Name** …`.
    static func unlinkedEntityLine(_ line: Substring) -> String {
        guard line.hasPrefix("- **["), let close = line.range(of: "**", range: line.index(line.startIndex, offsetBy: 4)..<line.endIndex) else {
            return String(line)
        }
        let link = line[line.index(line.startIndex, offsetBy: 4)..<close.lowerBound]
        var name: Substring
        if link.hasPrefix("[["), link.hasSuffix("]]") {
            let inner = link.dropFirst(2).dropLast(2)
            name = inner.firstIndex(of: "|").map { inner[inner.index(after: $0)...] } ?? inner
        } else if link.hasPrefix("["), let end = link.range(of: "](") {
            name = link[link.index(after: link.startIndex)..<end.lowerBound]
        } else {
            return String(line)
        }
        return "- **" + name + "**" + line[close.upperBound...]
    }
}
