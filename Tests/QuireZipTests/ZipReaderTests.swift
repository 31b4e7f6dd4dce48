import QuireCore
import QuireTestSupport
import QuireZip
import Testing

/// Untrusted archives: every refusal is one diagnostic that names the input and the entry, before
/// anything is unpacked.
@Suite struct ZipReaderTests {
    /// The diagnostics of a read that must fail, as a user sees them.
    private func refusal(_ bytes: [UInt8], limits: ZipLimits = .default) -> [String] {
        do {
            let archive = try ZipReader.read(InputFile(name: "in.zip", bytes: bytes), limits: limits, prefix: "test")
            Issue.record("expected a refusal, read \(archive.entries.map(\.path))")
        } catch let failure as ConversionFailure {
            return failure.diagnostics.map(\.description)
        } catch {
            Issue.record("unexpected \(error)")
        }
        return []
    }

    private func archive(_ entries: [(String, String)]) -> [UInt8] {
        var zip = HandmadeZip()
        for (name, text) in entries { zip.add(name, text) }
        return zip.bytes
    }

    @Test(arguments: [
        ("../evil.txt", "climbs out of the archive with '..'", "path.parent"),
        ("docs/../../evil.txt", "climbs out of the archive with '..'", "path.parent"),
        ("/etc/passwd", "has an absolute path", "path.absolute"),
        ("C:/Windows/evil.txt", "has an absolute path", "path.absolute"),
        ("docs\\evil.txt", "contains a backslash (a Windows path separator zip forbids)", "path.backslash"),
    ])
    func entryPathsThatLeaveTheFolderAreRefused(path: String, explanation: String, id: String) {
        let bytes = archive([("docs/fine.txt", "fine"), (path, "gotcha")])
        #expect(refusal(bytes) == ["in.zip(\(path)): error: entry '\(path)' \(explanation); refusing the archive [test.zip.\(id)]"])
    }

    /// libzip (1.7) finds such an archive inconsistent before Quire looks at the names, so the
    /// refusal does not name the entry; what matters is that nothing of it is read.
    @Test func aControlCharacterInAPathIsRefused() {
        let messages = refusal(archive([("docs/fine.txt", "fine"), ("docs/bell\u{7}.txt", "ding")]))
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("in.zip") == true && messages.first?.contains(": error: ") == true, "\(messages)")
    }

    @Test func namesThatOnlyLookLikeClimbingAreRead() throws {
        let read = try ZipReader.read(InputFile(name: "in.zip", bytes: archive([("a..b/..c", "1"), ("...", "2"), ("d/.hidden", "3")])), prefix: "test")
        #expect(read.entries.map(\.path) == ["a..b/..c", "...", "d/.hidden"])
        #expect(read.entries.map { String(decoding: $0.bytes, as: UTF8.self) } == ["1", "2", "3"])
    }

    @Test func theEntryCountLimitHoldsAtItsValue() throws {
        let bytes = archive([("a.txt", "a"), ("b.txt", "b"), ("c.txt", "c")])
        #expect(
            refusal(bytes, limits: ZipLimits(maxEntries: 2)) == ["in.zip: error: the archive has 3 entries; Quire reads at most 2 [test.zip.too-many-entries]"])
        #expect(try ZipReader.read(InputFile(name: "in.zip", bytes: bytes), limits: ZipLimits(maxEntries: 3), prefix: "test").entries.count == 3)
    }

    @Test func theEntrySizeLimitNamesTheEntry() throws {
        let bytes = archive([("small.txt", "ok"), ("big.txt", String(repeating: "x", count: 100))])
        #expect(
            refusal(bytes, limits: ZipLimits(maxEntrySize: 99))
                == ["in.zip(big.txt): error: entry 'big.txt' unpacks to 100 bytes; Quire reads at most 99 per entry [test.zip.entry-too-large]"])
        let read = try ZipReader.read(InputFile(name: "in.zip", bytes: bytes), limits: ZipLimits(maxEntrySize: 100), prefix: "test")
        #expect(read.entry("big.txt")?.bytes.count == 100)
    }

    @Test func theTotalSizeLimitNamesTheEntryThatCrossesIt() {
        let sixty = String(repeating: "y", count: 60)
        let bytes = archive([("one.txt", sixty), ("two.txt", sixty), ("three.txt", sixty)])
        #expect(
            refusal(bytes, limits: ZipLimits(maxTotalSize: 100))
                == ["in.zip(two.txt): error: the archive unpacks to more than 100 bytes (at entry 'two.txt'); it looks like a zip bomb [test.zip.too-large]"])
    }

    /// Sizes declared in the central directory are checked before a byte is inflated: a 300 MB entry
    /// that is two bytes on disk is refused on what it claims.
    @Test func declaredSizesAreCheckedBeforeInflating() {
        var zip = HandmadeZip()
        zip.entries.append(.init(name: "huge.txt", data: [0x03, 0x00], method: 8, declaredSize: 300 << 20))
        #expect(
            refusal(zip.bytes) == [
                "in.zip(huge.txt): error: entry 'huge.txt' unpacks to \(300 << 20) bytes; Quire reads at most \(256 << 20) per entry [test.zip.entry-too-large]"
            ])
    }

    @Test func aHighCompressionRatioIsRefusedAboveTheThreshold() throws {
        let writer = ZipWriter()
        try writer.add("bomb.txt", bytes: [UInt8](repeating: 0x20, count: 200_000), compression: .deflate(level: 9))
        let bytes = try writer.finish()
        let messages = refusal(bytes, limits: ZipLimits(maxCompressionRatio: 10, ratioThreshold: 1000))
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("in.zip(bomb.txt): error: entry 'bomb.txt' unpacks ") == true)
        #expect(messages.first?.hasSuffix(" times larger than it is stored (at most 10); it looks like a zip bomb [test.zip.ratio]") == true)
        // Below the threshold the same entry is harmless and read.
        let read = try ZipReader.read(
            InputFile(name: "in.zip", bytes: bytes), limits: ZipLimits(maxCompressionRatio: 10, ratioThreshold: 200_001), prefix: "test")
        #expect(read.entry("bomb.txt")?.bytes == [UInt8](repeating: 0x20, count: 200_000))
    }

    @Test func duplicateNamesAreRefused() {
        let bytes = archive([("same.txt", "first"), ("other.txt", "x"), ("same.txt", "second")])
        #expect(
            refusal(bytes) == [
                "in.zip(same.txt): error: entry 'same.txt' appears twice; which one is meant is ambiguous, so the archive is refused [test.zip.duplicate]"
            ])
    }

    @Test func encryptedEntriesAreRefused() {
        var zip = HandmadeZip()
        zip.add("plain.txt", "visible")
        zip.entries.append(.init(name: "secret.txt", data: Array(repeating: 0x41, count: 24), flags: 0x0801))
        #expect(
            refusal(zip.bytes) == ["in.zip(secret.txt): error: entry 'secret.txt' is encrypted; Quire reads only unencrypted archives [test.zip.encrypted]"])
    }

    @Test func whatIsNotAZipIsSaidSo() {
        #expect(refusal([]) == ["in.zip: error: the file is empty, not a zip archive [test.zip.not-zip]"])
        #expect(
            refusal(Array("just some text, long enough to look for a directory in".utf8))
                == ["in.zip: error: not a zip archive (an EPUB is a zip file starting with 'PK') [test.zip.not-zip]"])
    }

    @Test func aDamagedEntryIsNamed() throws {
        var zip = HandmadeZip()
        zip.add("good.txt", "fine")
        zip.add("bad.txt", "these bytes do not match their checksum")
        var bytes = zip.bytes
        // Flip a byte of the second entry's data: its CRC no longer matches.
        let data = Array("these bytes".utf8)
        let offset = try #require((0..<(bytes.count - data.count)).first { Array(bytes[$0..<$0 + data.count]) == data })
        bytes[offset] ^= 0x20
        let messages = refusal(bytes)
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("in.zip(bad.txt): error: entry 'bad.txt' is damaged: ") == true, "\(messages)")
        #expect(messages.first?.hasSuffix(" [test.zip.entry]") == true)
    }

    @Test func folderEntriesAreKeptEmpty() throws {
        let read = try ZipReader.read(InputFile(name: "in.zip", bytes: archive([("docs/", ""), ("docs/a.txt", "a")])), prefix: "test")
        #expect(read.entries.map(\.path) == ["docs/", "docs/a.txt"])
        #expect(read.entries.map(\.isDirectory) == [true, false])
        #expect(read.entry("docs/")?.bytes == [])
        #expect(read.entry("DOCS/A.TXT") == nil)
    }
}
