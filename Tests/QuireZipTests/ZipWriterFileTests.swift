import Foundation
import QuireCore
import QuireTestSupport
import QuireZip
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Writing archives through files, as the streaming EPUB writer does: into a descriptor, and from
/// regions of scratch files.
@Suite struct ZipWriterFileTests {
    /// `finish(into:)` writes `finish()`'s bytes from the descriptor's offset, and leaves it after them.
    @Test func zipWriterFinishesIntoADescriptorFromItsOffset() throws {
        func archive() throws -> ZipWriter {
            let writer = ZipWriter()
            try writer.add("mimetype", text: "application/epub+zip", compression: .stored)
            try writer.add("a/long.txt", text: String(repeating: "streamed ", count: 50_000), compression: .deflate(level: 1))
            try writer.add(ZipWriter.PrecompressedEntry.deflate("b.txt", text: "precompressed", level: 6))
            return writer
        }
        let expected = try archive().finish()
        let directory = try TemporaryDirectory()
        let path = directory.path("out.zip")
        let descriptor = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o600)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let prefix: [UInt8] = Array("prefix".utf8)
        #expect(write(descriptor, prefix, prefix.count) == prefix.count)
        try archive().finish(into: descriptor)
        #expect(lseek(descriptor, 0, SEEK_CUR) == off_t(prefix.count + expected.count))
        let written = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let isSame = written == prefix + expected
        #expect(isSame)
    }

    /// An entry added from a region of a file is the entry its bytes would make from memory.
    @Test func zipWriterAddsAFileRegionAsTheSameEntryAsItsBytes() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("region.bin")
        let text = String(repeating: "a region of a scratch file, ", count: 20_000)
        let prefix = "skipped"
        try Data((prefix + text + "trailing").utf8).write(to: URL(fileURLWithPath: path))
        let descriptor = open(path, O_RDONLY)
        try #require(descriptor >= 0)
        for compression in [ZipWriter.Compression.deflate(level: 1), .deflate(level: 6), .stored] {
            let fromMemory = ZipWriter()
            try fromMemory.add("mimetype", text: "application/epub+zip", compression: .stored)
            try fromMemory.add("EPUB/toc.ncx", text: text, compression: compression)
            try fromMemory.add("EPUB/empty.xhtml", text: "", compression: compression)
            let fromFile = ZipWriter()
            try fromFile.add("mimetype", text: "application/epub+zip", compression: .stored)
            try fromFile.add("EPUB/toc.ncx", region: descriptor, offset: prefix.utf8.count, length: text.utf8.count, compression: compression)
            try fromFile.add("EPUB/empty.xhtml", region: descriptor, offset: 3, length: 0, compression: compression)
            let isSame = try fromFile.finish() == fromMemory.finish()
            #expect(isSame, "\(compression)")
        }
        // The writer reads through its own descriptor: the caller's may be closed before the archive is written.
        let late = ZipWriter()
        try late.add("a.txt", region: descriptor, offset: prefix.utf8.count, length: 10)
        close(descriptor)
        let entries = try ZipReader.read(InputFile(name: "late.zip", bytes: try late.finish()), prefix: "test").entries
        #expect(entries.map { String(decoding: $0.bytes, as: UTF8.self) } == [String(text.prefix(10))])
        #expect(throws: ConversionFailure.self) { try ZipWriter().add("b.txt", region: 0, offset: -1, length: 3) }
    }
}
