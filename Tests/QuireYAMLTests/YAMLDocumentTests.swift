import QuireYAML
import Testing

@Suite struct YAMLDocumentTests {
    @Test func scalarsKeepTheirKindAndPosition() throws {
        let text = "series: Earmark\nseries-index: 1.5\nquoted: \"2\"\nsubject:\n  - one\n  - two\nempty:\n"
        let root = try #require(try YAMLDocument.parse(Array(text.utf8)))
        guard case .mapping(let pairs) = root.value else { Issue.record("not a mapping"); return }
        #expect(
            pairs.map { key in if case .scalar(let name, _) = key.key.value { name } else { "?" } } == ["series", "series-index", "quoted", "subject", "empty"])
        guard case .scalar("1.5", .float) = pairs[1].node.value else { Issue.record("\(pairs[1].node.value)"); return }
        guard case .scalar("2", .string) = pairs[2].node.value else { Issue.record("\(pairs[2].node.value)"); return }
        guard case .sequence(let subjects) = pairs[3].node.value else { Issue.record("not a list"); return }
        #expect(subjects.map { "\($0.line):\($0.column)" } == ["5:5", "6:5"])
        #expect(pairs[4].node.typeName == "null")
        #expect("\(pairs[1].node.line):\(pairs[1].node.column)" == "2:15")
    }

    @Test func syntaxErrorsNameLineAndColumn() {
        #expect {
            _ = try YAMLDocument.parse(Array("title: a\n  bad: [\n".utf8))
        } throws: { error in
            guard let error = error as? YAMLDocument.SyntaxError else { return false }
            return error.line >= 2 && error.column >= 1 && !error.message.isEmpty
        }
    }

    @Test func anchorsThatExplodeAreStopped() {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            text +=
                "\(Character(UnicodeScalar(97 + level)!)): &\(Character(UnicodeScalar(97 + level)!)) ["
                + Array(repeating: "*\(Character(UnicodeScalar(96 + level)!))", count: 10).joined(separator: ", ") + "]\n"
        }
        #expect(throws: YAMLDocument.SyntaxError.self) { _ = try YAMLDocument.parse(Array(text.utf8)) }
    }

    @Test func emptyDocumentIsNil() throws {
        #expect(try YAMLDocument.parse(Array("# nothing\n".utf8)) == nil)
    }

    /// Yams names only the first of two equal keys, over several lines: the error is one line, at the second.
    @Test(arguments: [
        ("to: json\nto: html\n", "'to' is given twice (first at 1:1)", 2, 1),
        ("book:\n  to: json\n  title: t\n  to: html\n", "'to' is given twice (first at 2:3)", 4, 3),
        ("a: {x: 1, y: 2, x: 3}\n", "'x' is given twice (first at 1:5)", 1, 17),
        ("\"to\": json\nto: html\n", "'to' is given twice (first at 1:1)", 2, 1),
    ])
    func aDuplicatedKeyIsNamedAtItsSecondPlace(text: String, message: String, line: Int, column: Int) {
        #expect {
            _ = try YAMLDocument.parse(Array(text.utf8))
        } throws: { error in
            guard let error = error as? YAMLDocument.SyntaxError else { return false }
            return error.message == message && error.line == line && error.column == column
        }
    }

    @Test func aControlCharacterIsPlacedOnOneLine() {
        #expect {
            _ = try YAMLDocument.parse(Array("to: json\ntitle: a\u{1}b\n".utf8))
        } throws: { error in
            guard let error = error as? YAMLDocument.SyntaxError else { return false }
            return error.message == "control characters are not allowed" && error.line == 2 && error.column == 9
        }
    }
}
