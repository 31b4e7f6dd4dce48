import QuireCommonMark
import Testing

/// The shared value tree over cmark-gfm: block kinds and the source lines they span.
@Suite struct CommonMarkDocumentTests {
    @Test func blocksCarryTheirKindsAndLines() {
        let text = "Title\n=====\n\n> quoted\n> twice\n\n- a\n- b\n\n| x | y |\n| - | - |\n| 1 | 2 |\n\n```yaml\nk: v\n```\n"
        let blocks = CommonMarkDocument(utf8: Array(text.utf8)).blocks
        #expect(blocks.map(\.kind) == [.heading(level: 1), .blockQuote, .list(ordered: false), .table, .codeBlock(info: "yaml")])
        #expect(blocks.map(\.lines) == [1...2, 4...5, 7...8, 10...12, 14...16])
        #expect(blocks[0].plainText == "Title")
        #expect(blocks[2].children.map(\.lines) == [7...7, 8...8])
        #expect(blocks[3].children.map(\.kind) == [.tableRow(isHeader: true), .tableRow(isHeader: false)])
    }

    /// The structure parse leaves out autolinks (costly on long text, no block of their own), so a
    /// `www.` link's entity is decoded like any text; heading text can be left out altogether.
    @Test func structureParseSkipsAutolinksAndOptionallyHeadingText() {
        let text = Array("# See www.a.com/?x&amp;y ~~old~~\n\n- [x] done\n".utf8)
        let blocks = CommonMarkDocument(utf8: text).blocks
        #expect(blocks.map(\.kind) == [.heading(level: 1), .list(ordered: false)])
        #expect(blocks.first?.plainText == "See www.a.com/?x&y old")
        #expect(CommonMarkDocument(utf8: text, includingHeadingText: false).blocks.first?.plainText == nil)
        #expect(CommonMarkRenderer.render(utf8: text).firstHeading == "See www.a.com/?x&amp;y old")
    }

    @Test func renderingEnclosesTheBodyInWhatTheHeadingAsksFor() {
        let rendered = CommonMarkRenderer.render(utf8: Array("# Hi *you*\n".utf8)) { heading in
            (Array("<title>\(heading ?? "none")</title>".utf8), Array("<end>".utf8))
        }
        #expect(String(decoding: rendered.html, as: UTF8.self) == "<title>Hi you</title><h1>Hi <em>you</em></h1>\n<end>")
    }

    @Test func renderingReturnsTheFirstHeadingAndDropsRawHTML() {
        let rendered = CommonMarkRenderer.render(utf8: Array("Intro\n\n## A *b* `c`\n\n<i>x</i>\n".utf8))
        #expect(rendered.firstHeading == "A b c")
        #expect(!String(decoding: rendered.html, as: UTF8.self).contains("<i>"))
        #expect(String(decoding: CommonMarkRenderer.render(utf8: Array("<i>x</i>\n".utf8), unsafe: true).html, as: UTF8.self).contains("<i>x</i>"))
    }

    @Test func deepNestingIsCutAtTheDepthLimit() {
        let blocks = CommonMarkDocument(utf8: Array((String(repeating: ">", count: 10_000) + " x\n").utf8)).blocks
        var depth = 0
        var level = blocks
        while let first = level.first {
            depth += 1
            level = first.children
        }
        #expect(depth == CommonMarkDocument.childDepthLimit)
        #expect(blocks.first?.lines == 1...1)
    }
}
