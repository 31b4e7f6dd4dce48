import Foundation
import QuireCore
import QuireTestSupport
import Testing

/// The bundled `calibre-bridge` plugin (Plugins/calibre-bridge): Quire's EPUB of the sample page
/// through calibre's `ebook-convert` into AZW3, MOBI and PDF, each read back by a second tool.
@Suite(.serialized) struct CalibreBridgeTests {
    static let hasCalibre = ExternalTool.isAvailable("ebook-convert") && ExternalTool.isAvailable("python3")
    static let hasPoppler = ExternalTool.isAvailable("pdfinfo", probe: ["-v"]) && ExternalTool.isAvailable("pdftotext", probe: ["-v"])
    /// A Korean episode of the sample page: its title must print in the PDF (CJK fonts reach calibre).
    static let koreanTitle = "Yann LeCun이 말하는 LLM 이후의 세계"

    /// Converts the sample page to `format` in-process; returns the output file's bytes.
    private func convertSamplePage(to format: String, in directory: TemporaryDirectory, extraArguments: [String] = []) throws -> Data {
        let page = try #require(Fixtures.sharedCorpus("sample-channel-page.txt"))
        let output = directory.path("page.\(format)")
        // The PDF of the whole page takes ~35 s on a loaded two-core machine; leave room above the default 60 s.
        let result = quire(["convert", page.path, "-o", output, "--quiet", "--plugin-timeout", "240"] + extraArguments)
        #expect(result.status == .success, "\(result.error)")
        return try Data(contentsOf: URL(fileURLWithPath: output))
    }

    @Test func theRouteToPDFGoesThroughQuiresEPUB() {
        let result = quire(["route", "summary", "pdf"])
        #expect(result.status == .success, "\(result.error)")
        #expect(result.output.contains("1. summary → model  reader from built-in"))
        #expect(result.output.contains("2. model → epub  writer from built-in"))
        #expect(result.output.contains("3. epub → pdf  converter from calibre-bridge"))
        for format in ["azw3", "mobi"] {
            #expect(quire(["route", "summary", format]).output.contains("epub → \(format)  converter from calibre-bridge"))
        }
    }

    @Test(.needsSharedCorpus, .enabled(if: hasCalibre, "needs calibre's ebook-convert (apt install calibre)"))
    func samplePageToAZW3IsAKindleBookWithItsTitle() throws {
        let directory = try TemporaryDirectory()
        let book = try convertSamplePage(to: "azw3", in: directory)
        // A PalmDB whose type and creator are "BOOK" "MOBI" (bytes 60–67), as every Kindle book.
        #expect(book.count > 68 && String(decoding: book[60..<68], as: UTF8.self) == "BOOKMOBI")
        let metadata = try ExternalTool.run("ebook-meta", [directory.path("page.azw3")])
        #expect(metadata.status == 0)
        let title = metadata.output.split(separator: "\n").first { $0.hasPrefix("Title") }
        #expect(title.map { !$0.contains("Unknown") && $0.contains(":") } == true, "\(metadata.output)")
        // The same title Quire's EPUB carries.
        let epub = quire(["convert", try #require(Fixtures.sharedCorpus("sample-channel-page.txt")).path, "-o", directory.path("page.epub"), "--quiet"])
        #expect(epub.status == .success)
        let epubTitle = try ExternalTool.run("ebook-meta", [directory.path("page.epub")]).output.split(separator: "\n").first { $0.hasPrefix("Title") }
        #expect(title != nil && title == epubTitle)
    }

    @Test(.needsSharedCorpus, .enabled(if: hasCalibre, "needs calibre's ebook-convert (apt install calibre)"))
    func samplePageToMOBIIsAMobipocketBook() throws {
        let directory = try TemporaryDirectory()
        let book = try convertSamplePage(to: "mobi", in: directory)
        #expect(book.count > 68 && String(decoding: book[60..<68], as: UTF8.self) == "BOOKMOBI")
        // MOBI 6 only ("old"): the MOBI header's file version (offset 36 into record 0) is 6, not 8.
        let recordZero = Int(book[78]) << 24 | Int(book[79]) << 16 | Int(book[80]) << 8 | Int(book[81])
        let version =
            Int(book[recordZero + 16 + 20]) << 24 | Int(book[recordZero + 16 + 21]) << 16 | Int(book[recordZero + 16 + 22]) << 8
            | Int(book[recordZero + 16 + 23])
        #expect(version == 6)
    }

    @Test(
        .needsSharedCorpus, .enabled(if: hasCalibre, "needs calibre's ebook-convert (apt install calibre)"),
        .enabled(if: hasPoppler, "needs poppler-utils (pdfinfo, pdftotext)"))
    func samplePageToPDFPrintsEveryScript() throws {
        let directory = try TemporaryDirectory()
        let pdf = try convertSamplePage(to: "pdf", in: directory, extraArguments: ["--paper-size", "a5"])
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        let info = try ExternalTool.run("pdfinfo", [directory.path("page.pdf")]).output
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) }
        #expect((pages ?? 0) > 1, "\(info)")
        #expect(info.contains("(A5)"), "\(info)")
        let text = try ExternalTool.run("pdftotext", ["-enc", "UTF-8", directory.path("page.pdf"), "-"]).output
        // pdftotext may break a title across lines; compare with every run of white space as one space.
        let flattened = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flattened.contains(Self.koreanTitle))
    }

    /// Without calibre the plugin says what to install, Quire fails with the plugin's message, and no
    /// file is written. Runs the built binary with a PATH that has python3 and nothing else.
    @Test(.enabled(if: CLIHarness.hasBinary, "needs .build/debug/quire (swift build)"), .enabled(if: ExternalTool.isAvailable("python3")))
    func withoutCalibreTheErrorSaysWhatToInstall() throws {
        let directory = try TemporaryDirectory()
        let bin = directory.path("bin")
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let python = try #require(ExternalTool.run("python3", ["-c", "import sys; print(sys.executable)"]).output.split(separator: "\n").first)
        try FileManager.default.createSymbolicLink(atPath: bin + "/python3", withDestinationPath: String(python))
        let output = directory.path("episode.azw3")
        let result = try ExternalTool.run(
            path: "/usr/bin/env",
            ["-i", "PATH=\(bin)", "HOME=/nonexistent", CLIHarness.binary, "convert", Fixtures.url("Examples/episode.txt").path, "-o", output])
        #expect(result.status == 1)
        #expect(result.error.contains("calibre's ebook-convert was not found on PATH; install calibre (apt install calibre) or set QUIRE_EBOOK_CONVERT"))
        #expect(result.error.contains("[plugin.calibre-bridge.calibre-missing]"), "\(result.error)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test(.enabled(if: hasCalibre, "needs calibre's ebook-convert (apt install calibre)"))
    func pluginsCheckPasses() {
        let result = quire(["plugins", "check", Fixtures.url("Plugins/calibre-bridge").path])
        #expect(result.status == .success, "\(result.error)")
        #expect(result.output.hasPrefix("ok: calibre-bridge 1.0.0: epub → azw3 wrote "))
    }
}
