import QuireCore

/// The entities section: a list (`- **Name** (Type) [role] <page>: description`, role and page when the
/// entity has them, as people a feed names do) or a table (`| Name | Type | Description |`).
enum EntitySyntax {
    static let heading = "Entities"
    static let tableHeader = ["Name", "Type", "Description"]

    // MARK: List

    /// `linkedName` replaces the name's text (a vault's link to the entity's note, which the reader
    /// turns back into the name).
    static func listItem(_ entity: Entity, linkedName: String? = nil) -> String {
        var item = "- **" + (linkedName ?? PlainTextEscaping.escape(entity.name)) + "**"
        if !entity.type.isEmpty { item += " (" + PlainTextEscaping.escape(entity.type, alsoEscaping: ["(", ")"]) + ")" }
        if let role = entity.role { item += " [" + PlainTextEscaping.escape(role, alsoEscaping: ["[", "]"]) + "]" }
        if let url = entity.url { item += " <" + escapeAddress(url) + ">" }
        guard !entity.description.isEmpty else { return item }
        // The first line follows the colon on the item's line; the others are the item's continuation lines.
        let first = entity.description.prefix { $0 != "\n" }
        item += ":" + (first.isEmpty ? "" : " " + first)
        if first.endIndex < entity.description.endIndex {
            for line in BlockEscaping.escapeLines(entity.description[entity.description.index(after: first.endIndex)...]) {
                item += line.isEmpty ? "\n" : "\n  " + line
            }
        }
        return item
    }

    /// Reads one list item from its source lines (the first holds the `-` marker); `nil` when it is not
    /// of the entity shape.
    static func entity(fromItemLines lines: [Substring]) -> Entity? {
        guard let first = lines.first else { return nil }
        var text = first.trimmingLeadingBlanks
        guard let marker = text.first, marker == "-" || marker == "*" || marker == "+" else { return nil }
        text = text.dropFirst()
        let contentIndent = first.utf8.count - text.utf8.count + (text.utf8.count - text.trimmingLeadingBlanks.utf8.count)
        text = text.trimmingLeadingBlanks
        guard text.hasPrefix("**"), let (rawName, afterName) = delimited(text.dropFirst(2), by: "**") else { return nil }
        var rest = afterName
        var type = ""
        if rest.hasPrefix(" (") || rest.hasPrefix("(") {
            rest = rest.drop { $0 == " " }.dropFirst()
            guard let (rawType, afterType) = delimited(rest, by: ")") else { return nil }
            type = PlainTextEscaping.unescape(rawType)
            rest = afterType
        }
        var role: String?
        if rest.hasPrefix(" [") {
            guard let (rawRole, afterRole) = delimited(rest.dropFirst(2), by: "]") else { return nil }
            role = PlainTextEscaping.unescape(rawRole)
            rest = afterRole
        }
        var url: String?
        if rest.hasPrefix(" <") {
            guard let (rawURL, afterURL) = delimited(rest.dropFirst(2), by: ">") else { return nil }
            url = unescapeAddress(rawURL)
            rest = afterURL
        }
        var description = ""
        if rest.hasPrefix(":") {
            rest = rest.dropFirst()
            description = String(rest.hasPrefix(" ") ? rest.dropFirst() : rest)
            // Continuation lines are indented to the item's content (a lazy line is taken as it is) and
            // form a text of their own.
            let continuation = lines.dropFirst().map { line in line.dropFirst(min(line.prefix { $0 == " " }.count, contentIndent)) }
            if !continuation.isEmpty { description += "\n" + BlockEscaping.unescapeLines(continuation) }
        } else {
            guard rest.isBlankLine, lines.count == 1 else { return nil }
        }
        return Entity(name: PlainTextEscaping.unescape(rawName), type: type, description: description, role: role, url: url)
    }

    /// A page address inside `<…>`, where GFM shows it as a link: only `\`, `<` and `>` get a backslash
    /// (an address rarely has them), and a line break, which would end the item, is written as a space.
    static func escapeAddress(_ url: String) -> String {
        var result = ""
        for character in url {
            switch character {
            case "\\", "<", ">": result += "\\" + String(character)
            case "\n", "\r", "\r\n": result += " "
            default: result.append(character)
            }
        }
        return result
    }

    /// Whether `escapeAddress` keeps the address as it is.
    static func isWritableAddress(_ url: String) -> Bool { !url.unicodeScalars.contains { $0 == "\n" || $0 == "\r" } }

    private static func unescapeAddress(_ text: Substring) -> String {
        var result = ""
        var escaped = false
        for character in text {
            if !escaped && character == "\\" {
                escaped = true
                continue
            }
            if escaped && character != "\\" && character != "<" && character != ">" { result += "\\" }
            result.append(character)
            escaped = false
        }
        return result + (escaped ? "\\" : "")
    }

    /// The text up to the first unescaped `delimiter`, and what follows the delimiter.
    private static func delimited(_ text: Substring, by delimiter: String) -> (Substring, Substring)? {
        text.firstUnescapedRange(of: delimiter).map { (text[..<$0.lowerBound], text[$0.upperBound...]) }
    }

    // MARK: Table

    /// A table row, or `nil` when the entity cannot sit in a table cell exactly (a description line that
    /// ends in a backslash, or starts or ends with white space, which cells trim): it then goes in a list.
    /// The header when some entity has a role or page: two columns more, empty for entities without.
    static let tableHeaderWithLinks = ["Name", "Type", "Role", "Page", "Description"]

    static func tableRow(_ entity: Entity, withLinks: Bool = false) -> String? {
        // Without the extra columns a role or page has no cell; an empty role would read back as none.
        if !withLinks && (entity.role != nil || entity.url != nil) { return nil }
        if entity.role == "" || entity.url == "" || entity.url.map(isWritableAddress) == false { return nil }
        let lines = entity.description.split(separator: "\n", omittingEmptySubsequences: false)
        guard !lines.dropLast().contains(where: { $0.hasSuffix("\\") }) else { return nil }
        let cell = descriptionCell(lines)
        if let first = cell.first, first == " " || first == "\t" { return nil }
        if let last = cell.last, last == " " || last == "\t" { return nil }
        var row = "| " + PlainTextEscaping.escape(entity.name, alsoEscaping: ["|"]) + " | " + PlainTextEscaping.escape(entity.type, alsoEscaping: ["|"])
        if withLinks {
            row +=
                " | " + PlainTextEscaping.escape(entity.role ?? "", alsoEscaping: ["|"]) + " | "
                + PlainTextEscaping.escape(entity.url ?? "", alsoEscaping: ["|"])
        }
        return row + " | " + cell + " |"
    }

    /// A description in one cell: line breaks as `<br>`; a `<br>` of the text itself gets one backslash
    /// more, and a `|` an odd number (twice its own plus one), so that GFM keeps it inside the cell.
    private static func descriptionCell(_ lines: [Substring]) -> String {
        var cell = ""
        for (number, line) in lines.enumerated() {
            if number > 0 { cell += "<br>" }
            var backslashes = 0
            var index = line.startIndex
            while index < line.endIndex {
                let character = line[index]
                if character == "\\" {
                    backslashes += 1
                } else {
                    let run = character == "|" ? 2 * backslashes + 1 : line[index...].hasPrefix("<br>") ? backslashes + 1 : backslashes
                    cell += String(repeating: "\\", count: run)
                    cell.append(character)
                    backslashes = 0
                }
                index = line.index(after: index)
            }
            cell += String(repeating: "\\", count: backslashes)
        }
        return cell
    }

    static func tableHead(withLinks: Bool = false) -> [String] {
        let header = withLinks ? tableHeaderWithLinks : tableHeader
        return ["| " + header.joined(separator: " | ") + " |", "|" + String(repeating: " --- |", count: header.count)]
    }

    /// The cells of a table row as written, `\|` kept; the outer pipes are optional, as in GFM.
    static func cells(ofRow line: Substring) -> [Substring] {
        var text = line.trimmingLeadingBlanks.trimmingTrailingBlanks
        if text.hasPrefix("|") { text = text.dropFirst() }
        var cells: [Substring] = []
        var start = text.startIndex
        text.forEachUnescapedIndex { index in
            if text[index] == "|" {
                cells.append(text[start..<index])
                start = text.index(after: index)
            }
            return true
        }
        let last = text[start...]
        if !last.isBlankLine || cells.isEmpty { cells.append(last) }
        return cells.map { $0.trimmingLeadingBlanks.trimmingTrailingBlanks }
    }

    static func entity(fromRow line: Substring, withLinks: Bool = false) -> Entity? {
        let cells = cells(ofRow: line)
        guard cells.count == (withLinks ? 5 : 3) else { return nil }
        var entity = Entity(name: PlainTextEscaping.unescape(cells[0]), type: PlainTextEscaping.unescape(cells[1]), description: descriptionText(cells.last!))
        if withLinks {
            let role = PlainTextEscaping.unescape(cells[2]), url = PlainTextEscaping.unescape(cells[3])
            entity.role = role.isEmpty ? nil : role
            entity.url = url.isEmpty ? nil : url
        }
        return entity
    }

    /// Undoes `descriptionCell`.
    private static func descriptionText(_ cell: Substring) -> String {
        var result = ""
        var backslashes = 0
        var index = cell.startIndex
        while index < cell.endIndex {
            let character = cell[index]
            if character == "\\" {
                backslashes += 1
                index = cell.index(after: index)
                continue
            }
            if character == "|" {
                result += String(repeating: "\\", count: max(backslashes - 1, 0) / 2) + "|"
            } else if cell[index...].hasPrefix("<br>") {
                result += backslashes == 0 ? "\n" : String(repeating: "\\", count: backslashes - 1) + "<br>"
                index = cell.index(index, offsetBy: 4)
                backslashes = 0
                continue
            } else {
                result += String(repeating: "\\", count: backslashes)
                result.append(character)
            }
            backslashes = 0
            index = cell.index(after: index)
        }
        return result + String(repeating: "\\", count: backslashes)
    }
}
