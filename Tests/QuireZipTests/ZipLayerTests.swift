import QuireCore
import QuireZip
import Testing

/// The zip layer EPUB is built on: what is written reads back, and names and limits are checked.
@Suite struct ZipLayerTests {
    @Test func writtenEntriesReadBackInOrder() throws {
        let writer = ZipWriter()
        try writer.add("mimetype", text: "application/epub+zip", compression: .stored)
        try writer.add("a/empty.txt", bytes: [UInt8]())
        try writer.add("a/b/text.txt", text: "héllo 世界", compression: .deflate(level: 9))
        let archive = try ZipReader.read(InputFile(name: "t.zip", bytes: try writer.finish()), prefix: "test")
        #expect(archive.entries.map(\.path) == ["mimetype", "a/empty.txt", "a/b/text.txt"])
        #expect(archive.entry("a/b/text.txt")?.bytes == Array("héllo 世界".utf8))
        #expect(archive.entry("a/empty.txt")?.bytes == [])
        #expect(archive.entries.map(\.isStored) == [true, false, false])
    }

    @Test func writerRefusesUnsafeAndDuplicatePaths() throws {
        let writer = ZipWriter()
        try writer.add("x", text: "1")
        #expect(throws: ConversionFailure.self) { try writer.add("x", text: "2") }
        #expect(throws: ConversionFailure.self) { try writer.add("../x", text: "2") }
    }

    @Test func entryPathRules() {
        #expect(ZipEntryPath.problem("EPUB/text/ch1.xhtml") == nil)
        #expect(ZipEntryPath.problem("EPUB/..x/ok") == nil)
        #expect(ZipEntryPath.problem("a/../b") == .parent)
        #expect(ZipEntryPath.problem("/a") == .absolute)
        #expect(ZipEntryPath.problem("c:\\a") == .backslash)
        #expect(ZipEntryPath.problem("d:/a") == .absolute)
        #expect(ZipEntryPath.problem("a\u{0}b") == .controlCharacter)
        #expect(ZipEntryPath.problem("") == .empty)
    }

    /// How the EPUB reader, its checker and the KEPUB converter find the entry a manifest href names.
    @Test func hrefsResolveToEntriesInsideTheArchive() {
        #expect(ZipEntryPath.resolve("text/ch%201.xhtml#p2", against: "EPUB") == "EPUB/text/ch 1.xhtml")
        #expect(ZipEntryPath.resolve("../images/cover.png", against: "EPUB/text") == "EPUB/images/cover.png")
        #expect(ZipEntryPath.resolve("./a//b.xhtml", against: "") == "a/b.xhtml")
        #expect(ZipEntryPath.resolve("../../x", against: "EPUB") == nil)
        #expect(ZipEntryPath.resolve("https://example.org/x.css", against: "EPUB") == nil)
        #expect(ZipEntryPath.resolve("/etc/passwd", against: "EPUB") == nil)
        #expect(ZipEntryPath.resolve("bad%2", against: "EPUB") == nil)
        #expect(ZipEntryPath.resolve("not-utf8%FF", against: "EPUB") == nil)
        #expect(ZipEntryPath.resolve("#only-a-fragment", against: "") == nil)
    }

    @Test func limitsComeFromOptions() {
        let limits = ZipLimits(options: ConversionOptions(["zip-max-entries": "5", "zip-max-ratio": "nope", "zip-max-total-size": "-1"]))
        #expect(limits.maxEntries == 5)
        #expect(limits.maxCompressionRatio == ZipLimits.default.maxCompressionRatio)
        #expect(limits.maxTotalSize == ZipLimits.default.maxTotalSize)
    }
}
