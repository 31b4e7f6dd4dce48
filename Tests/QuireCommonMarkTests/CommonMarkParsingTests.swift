import QuireCommonMark
import Testing

/// Reading a document's structure: block kinds and the lines they span, as readers take text from them.
@Suite struct CommonMarkParsingTests {
    @Test func windowsLineEndsCountAsOneLine() {
        let blocks = CommonMarkDocument(utf8: Array("Title\r\n=====\r\n\r\nText on\r\ntwo lines\r\n\r\n---\r\n".utf8)).blocks
        #expect(blocks.map(\.kind) == [.heading(level: 1), .paragraph, .thematicBreak])
        #expect(blocks.map(\.lines) == [1...2, 4...5, 7...7])
        #expect(blocks[1].endColumn == 9)
    }

    @Test func headingTextIsDecoded() {
        let blocks = CommonMarkDocument(utf8: Array("## A \\*b\\* &amp; `c` [d](e)\n\nx\n".utf8)).blocks
        #expect(blocks.first?.kind == .heading(level: 2))
        #expect(blocks.first?.plainText == "A *b* & c d")
        #expect(blocks.last?.plainText == nil)
    }

    @Test func codeBlocksKeepTheirInfoString() {
        let blocks = CommonMarkDocument(utf8: Array("```json extra\n{}\n```\n\n    indented\n\n<div>html</div>\n".utf8)).blocks
        #expect(blocks.map(\.kind) == [.codeBlock(info: "json extra"), .codeBlock(info: nil), .htmlBlock])
        #expect(blocks.map(\.lines) == [1...3, 5...5, 7...7])
    }

    @Test func orderedListsAndTheirItems() {
        let blocks = CommonMarkDocument(utf8: Array("1. one\n2. two\n   more\n".utf8)).blocks
        #expect(blocks.map(\.kind) == [.list(ordered: true)])
        #expect(blocks.first?.children.map(\.kind) == [.item, .item])
        #expect(blocks.first?.children.map(\.lines) == [1...1, 2...3])
    }

    @Test func anEmptyDocumentHasNoBlocks() {
        #expect(CommonMarkDocument(utf8: []).blocks.isEmpty)
        #expect(CommonMarkDocument(utf8: Array("\n  \n".utf8)).blocks.isEmpty)
    }
}
