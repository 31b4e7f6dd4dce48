import QuireCore

/// The entities section: a list (`- **Name** (Type): description`) or a table (`| Name | Type | Description |`).
enum EntitySyntax {
    static let heading = "Entities"
    static let tableHeader = ["Name", "Type", "Description"]

    // MARK: List

    static func listItem(_ entity: Entity) -> String {
        var item = "- **" + PlainTextEscaping.escape(entity.name) + "**"
        if !entity.type.isEmpty { item += " (" + PlainTextEscaping.escape(entity.type, alsoEscaping: ["(", ")"]) + ")" }
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
        return Entity(name: PlainTextEscaping.unescape(rawName), type: type, description: description)
    }

    /// The text up to the first unescaped `delimiter`, and what follows the delimiter.
    private static func delimited(_ text: Substring, by delimiter: String) -> (Substring, Substring)? {
        text.firstUnescapedRange(of: delimiter).map { (text[..<$0.lowerBound], text[$0.upperBound...]) }
    }

    // MARK: Table

    /// A table row, or `nil` when the entity cannot sit in a table cell exactly (a description line that
    /// ends in a backslash, or starts or ends with white space, which cells trim): it then goes in a list.
    static func tableRow(_ entity: Entity) -> String? {
        let lines = entity.description.split(separator: "\n", omittingEmptySubsequences: false)
        guard !lines.dropLast().contains(where: { $0.hasSuffix("\\") }) else { return nil }
        let cell = descriptionCell(lines)
        if let first = cell.first, first == " " || first == "\t" { return nil }
        if let last = cell.last, last == " " || last == "\t" { return nil }
        return "| " + PlainTextEscaping.escape(entity.name, alsoEscaping: ["|"]) + " | " + PlainTextEscaping.escape(entity.type, alsoEscaping: ["|"])
            + " | " + cell + " |"
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

    static func tableHead() -> [String] {
        ["| " + tableHeader.joined(separator: " | ") + " |", "| --- | --- | --- |"]
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

    static func entity(fromRow line: Substring) -> Entity? {
        let cells = cells(ofRow: line)
        guard cells.count == 3 else { return nil }
        return Entity(name: PlainTextEscaping.unescape(cells[0]), type: PlainTextEscaping.unescape(cells[1]), description: descriptionText(cells[2]))
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
