import Foundation
import QuireCore
import QuireTestSupport
import QuireZip
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Archives Quire writes: the same entries always give the same bytes, and every way of adding an
/// entry reads back as exactly what was added.
@Suite struct ZipWriterTests {
    private func read(_ bytes: [UInt8]) throws -> ZipArchive {
        try ZipReader.read(InputFile(name: "out.zip", bytes: bytes), prefix: "test")
    }

    private func failure(_ body: () throws -> Void) -> [String] {
        do {
            try body()
            Issue.record("expected the writer to refuse")
        } catch let failure as ConversionFailure {
            return failure.diagnostics.map(\.description)
        } catch {
            Issue.record("unexpected \(error)")
        }
        return []
    }

    @Test func theSameEntriesGiveTheSameBytes() throws {
        func write() throws -> [UInt8] {
            let writer = ZipWriter()
            try writer.add("mimetype", text: "application/epub+zip", compression: .stored)
            try writer.add("text/one.txt", text: "héllo 世界\n")
            try writer.add("text/two.txt", bytes: [UInt8](repeating: 7, count: 5000), compression: .deflate(level: 1))
            return try writer.finish()
        }
        let first = try write()
        #expect(try write() == first)
        // Every entry is dated 1980-01-01 00:00 (DOS time 0, date 0x0021), whenever it is written.
        #expect(Array(first[10..<14]) == [0x00, 0x00, 0x21, 0x00])
    }

    @Test func everyKindOfContentReadsBack() throws {
        let large = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 7) }
        let writer = ZipWriter()
        try writer.add("empty", bytes: [UInt8]())
        try writer.add("stored.bin", bytes: large, compression: .stored)
        try writer.add("deflated.bin", bytes: large, compression: .deflate(level: 9))
        try writer.add(ZipWriter.PrecompressedEntry.deflate("pre/compressed.txt", text: "deflated ahead of time", level: 6))
        let archive = try read(try writer.finish())
        #expect(archive.entries.map(\.path) == ["empty", "stored.bin", "deflated.bin", "pre/compressed.txt"])
        #expect(archive.entries.map(\.isStored) == [false, true, false, false])
        #expect(archive.entry("empty")?.bytes == [])
        #expect(archive.entry("stored.bin")?.bytes == large)
        #expect(archive.entry("deflated.bin")?.bytes == large)
        #expect(archive.entry("pre/compressed.txt")?.bytes == Array("deflated ahead of time".utf8))
    }

    @Test func aRegionOfAFileIsTheEntry() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("scratch.bin")
        try Data("0123456789".utf8).write(to: URL(fileURLWithPath: path))
        let descriptor = open(path, O_RDONLY)
        try #require(descriptor >= 0)
        let writer = ZipWriter()
        try writer.add("middle.txt", region: descriptor, offset: 2, length: 5)
        try writer.add("all.txt", region: descriptor, length: 10, compression: .stored)
        // The writer holds its own descriptor: the caller's may be closed before the archive is written.
        close(descriptor)
        let archive = try read(try writer.finish())
        #expect(archive.entry("middle.txt")?.bytes == Array("23456".utf8))
        #expect(archive.entry("all.txt")?.bytes == Array("0123456789".utf8))
        #expect(
            failure { try ZipWriter().add("x", region: 0, offset: -1, length: 3) }
                == ["quire: error: cannot write entry 'x' from 3 bytes at offset -1 of a file [zip.write.region]"])
    }

    @Test func writingIntoAFileGivesTheSameBytesAndCanBeCopiedFrom() throws {
        func writer() throws -> ZipWriter {
            let writer = ZipWriter()
            try writer.add("a.txt", text: String(repeating: "abc ", count: 1000))
            try writer.add("b.txt", text: "bee")
            return writer
        }
        let inMemory = try writer().finish()
        let directory = try TemporaryDirectory()
        let path = directory.path("out.zip")
        let descriptor = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o644)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        try writer().finish(into: descriptor)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == inMemory)

        // Entries of that file are copied still compressed into another archive, under new names.
        let source = try ZipFileArchive(descriptor: descriptor)
        #expect(source.entryCount == 2)
        let copy = ZipWriter()
        try copy.add("copied/b.txt", copyingEntry: 1, of: source)
        try copy.add("copied/a.txt", copyingEntry: 0, of: source)
        let archive = try read(try copy.finish())
        #expect(archive.entries.map(\.path) == ["copied/b.txt", "copied/a.txt"])
        #expect(archive.entry("copied/a.txt")?.bytes == Array(String(repeating: "abc ", count: 1000).utf8))
        #expect(archive.entry("copied/b.txt")?.bytes == Array("bee".utf8))
        #expect(
            failure { try ZipWriter().add("x", copyingEntry: 2, of: source) }
                == ["quire: error: cannot copy entry 2 of an archive of 2 into 'x' [zip.write.copy]"])
    }

    @Test(arguments: [
        ("../up.txt", "climbs out of the archive with '..'"), ("/abs.txt", "has an absolute path"), ("c:/abs.txt", "has an absolute path"),
        ("back\\slash.txt", "contains a backslash (a Windows path separator zip forbids)"), ("", "has an empty name"),
    ])
    func unsafePathsAreNeverWritten(path: String, explanation: String) {
        #expect(failure { try ZipWriter().add(path, text: "x") } == ["quire: error: cannot write entry '\(path)': it \(explanation) [zip.write.path]"])
    }

    @Test func anEntryIsWrittenOnceAndAnArchiveOnce() throws {
        let writer = ZipWriter()
        try writer.add("one.txt", text: "1")
        #expect(failure { try writer.add("one.txt", text: "again") } == ["quire: error: cannot write entry 'one.txt' twice [zip.write.duplicate]"])
        _ = try writer.finish()
        #expect(failure { _ = try writer.finish() } == ["quire: error: the archive is already written [zip.write.finished]"])
        #expect(failure { try writer.add("two.txt", text: "2") } == ["quire: error: cannot add 'two.txt': the archive is already written [zip.write.finished]"])
    }
}
