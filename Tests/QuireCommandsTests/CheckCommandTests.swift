import Foundation
import QuireCommands
import QuireCore
import QuireTestSupport
import Testing

/// A small EPUB that passes every general and kindle check, built entry by entry so each test can
/// break exactly one thing: a package line, the chapter, the cover, the order of the entries.
private struct CheckBook {
    static let cover = (try? Data(contentsOf: Fixtures.url("Tests/EPUBFormatTests/Fixtures/kindle-cover-1600x2560.png"))).map { Array($0) } ?? []

    static let goodPackage = """
        <?xml version="1.0" encoding="UTF-8"?>
        <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
        <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
        <dc:identifier id="id">urn:uuid:0b7c36f4-5c2e-4d6a-9a55-3f1f0c0e2a11</dc:identifier>
        <dc:title>Checked</dc:title>
        <dc:language>en</dc:language>
        <meta property="dcterms:modified">2026-12-04T12:00:00Z</meta>
        </metadata>
        <manifest>
        <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
        <item id="chapter" href="chapter.xhtml" media-type="application/xhtml+xml"/>
        <item id="cover-image" href="cover.png" media-type="image/png" properties="cover-image"/>
        </manifest>
        <spine><itemref idref="chapter"/></spine>
        </package>
        """

    static let goodChapter = """
        <?xml version="1.0" encoding="UTF-8"?>
        <html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en"><head><title>One</title></head>
        <body><h1>Chapter one</h1>
        <p>It was a dark night.</p>
        </body></html>
        """

    static let navigation = """
        <?xml version="1.0" encoding="UTF-8"?>
        <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>Contents</title></head>
        <body><nav epub:type="toc"><ol><li><a href="chapter.xhtml">Chapter one</a></li></ol></nav></body></html>
        """

    var package = goodPackage
    var chapter = goodChapter
    var extraEntries: [(String, String)] = []
    var mimetypeFirst = true
    var coverEntry = (name: "OEBPS/cover.png", bytes: CheckBook.cover)

    /// The package document with `old` replaced by `new` (which must be there).
    func replacing(_ old: String, with new: String) -> CheckBook {
        precondition(package.contains(old), "the package has no '\(old)'")
        var copy = self
        copy.package = package.replacingOccurrences(of: old, with: new)
        return copy
    }

    /// The 1-based line of the package document holding `text`.
    func packageLine(of text: String) -> Int {
        (package.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) } ?? -1) + 1
    }

    var bytes: [UInt8] {
        var zip = HandmadeZip()
        if mimetypeFirst { zip.add("mimetype", "application/epub+zip") }
        zip.add(
            "META-INF/container.xml",
            """
            <?xml version="1.0"?>
            <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
            <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
            </container>
            """)
        if !mimetypeFirst { zip.add("mimetype", "application/epub+zip") }
        zip.add("OEBPS/content.opf", package)
        zip.add("OEBPS/nav.xhtml", Self.navigation)
        zip.add("OEBPS/chapter.xhtml", chapter)
        zip.entries.append(HandmadeZip.Entry(name: coverEntry.name, data: coverEntry.bytes))
        for (name, text) in extraEntries { zip.add(name, text) }
        return zip.bytes
    }

    func save(in directory: TemporaryDirectory, as name: String = "book.epub") throws -> String {
        let path = directory.path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}

@Suite struct CheckCommandTests {
    @Test func aSoundBookHasNoFindingsUnderEitherProfile() throws {
        #expect(!CheckBook.cover.isEmpty, "the cover fixture is missing")
        let directory = try TemporaryDirectory()
        let path = try CheckBook().save(in: directory)
        for profile in [[], ["--profile", "kindle"]] {
            let result = quire(["check", path] + profile)
            #expect(result.status == .success, "\(profile): \(result.error)")
            #expect(result.output == "\(path): 0 errors, 0 warnings\n")
            #expect(result.error.isEmpty)
        }
    }

    /// Each broken book names its finding's identifier and place (the zip entry, and the line in it)
    /// and gives the exit status a user's script can act on: errors fail, warnings do not.
    @Test func eachBrokenBookGivesItsDiagnostic() throws {
        let good = CheckBook()
        var malformed = good
        malformed.chapter = good.chapter.replacingOccurrences(of: "<p>It was a dark night.</p>", with: "<p>It was a dark night.")
        var unlisted = good
        unlisted.extraEntries = [("OEBPS/notes.xhtml", CheckBook.goodChapter)]
        var mimetypeSecond = good
        mimetypeSecond.mimetypeFirst = false
        let missing = good.replacing(
            "</manifest>", with: "<item id=\"extra\" href=\"extra.xhtml\" media-type=\"application/xhtml+xml\"/>\n</manifest>")
        let badSpine = good.replacing("<itemref idref=\"chapter\"/>", with: "<itemref idref=\"chapter\"/><itemref idref=\"nowhere\"/>")
        var svgCover = good.replacing("href=\"cover.png\" media-type=\"image/png\"", with: "href=\"cover.svg\" media-type=\"image/svg+xml\"")
        svgCover.coverEntry = ("OEBPS/cover.svg", Array("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 600 900\"/>".utf8))
        let korean = good.replacing("<dc:language>en</dc:language>", with: "<dc:language>ko</dc:language>")
        let noModified = good.replacing("<meta property=\"dcterms:modified\">2026-12-04T12:00:00Z</meta>", with: "")
        let noNavigation = good.replacing(" properties=\"nav\"", with: "")

        struct Case {
            var name: String
            var book: CheckBook
            var profile: [String] = []
            var id: String
            var severity = "error"
            /// Where the finding is, as printed after the file name.
            var place: String
        }
        let cases = [
            Case(
                name: "missing manifest file", book: missing, id: "epub.check.manifest.missing",
                place: "(OEBPS/content.opf):\(missing.packageLine(of: "id=\"extra\""))"),
            Case(name: "unlisted file", book: unlisted, id: "epub.check.manifest.unlisted", severity: "warning", place: "(OEBPS/notes.xhtml)"),
            Case(name: "bad spine idref", book: badSpine, id: "epub.check.spine.idref", place: "(OEBPS/content.opf):\(badSpine.packageLine(of: "nowhere"))"),
            Case(name: "malformed XHTML", book: malformed, id: "epub.check.xhtml.malformed", place: "(OEBPS/chapter.xhtml):5:"),
            Case(name: "mimetype not first", book: mimetypeSecond, id: "epub.check.mimetype", place: "(META-INF/container.xml)"),
            Case(name: "no dcterms:modified", book: noModified, id: "epub.check.modified", place: "(OEBPS/content.opf):3"),
            Case(name: "no navigation document", book: noNavigation, id: "epub.check.nav.missing", place: "(OEBPS/content.opf):9"),
            Case(
                name: "SVG-only cover", book: svgCover, profile: ["--profile", "kindle"], id: "kindle.cover.raster",
                place: "(OEBPS/content.opf):\(svgCover.packageLine(of: "cover.svg"))"),
            Case(
                name: "unsupported language", book: korean, profile: ["--profile", "kindle"], id: "kindle.language", severity: "warning",
                place: "(OEBPS/content.opf):\(korean.packageLine(of: "dc:language"))"),
        ]
        let directory = try TemporaryDirectory()
        for (index, test) in cases.enumerated() {
            let path = try test.book.save(in: directory, as: "book-\(index).epub")
            let result = quire(["check", path] + test.profile)
            let line = result.error.split(separator: "\n").first { $0.hasSuffix("[\(test.id)]") }.map(String.init)
            #expect(line?.hasPrefix("\(path)\(test.place)") == true, "\(test.name): \(result.error)")
            #expect(line?.contains(": \(test.severity): ") == true, "\(test.name): \(result.error)")
            #expect(result.status == (test.severity == "error" ? .failure : .success), "\(test.name)")
            let errors = test.severity == "error" ? 1 : 0
            #expect(result.output.hasPrefix("\(path): \(errors) \(errors == 1 ? "error" : "errors"),"), "\(test.name): \(result.output)")
        }
        // The kindle findings are the profile's: without it the same books are clean of errors.
        for book in [svgCover, korean] {
            let path = try book.save(in: directory, as: "plain.epub")
            let result = quire(["check", path])
            #expect(result.status == .success)
            #expect(result.output == "\(path): 0 errors, 0 warnings\n")
        }
        let koreanResult = quire(["check", try korean.save(in: directory, as: "korean.epub"), "--profile", "kindle"])
        #expect(koreanResult.error.contains("warning: Send to Kindle does not list 'ko' as a supported language; the book may be rejected [kindle.language]"))
    }

    @Test func jsonDiagnosticsCarryTheEntry() throws {
        let directory = try TemporaryDirectory()
        let path = try CheckBook().replacing("<itemref idref=\"chapter\"/>", with: "<itemref idref=\"gone\"/>").save(in: directory)
        let result = quire(["check", path, "--diagnostics", "json"])
        #expect(result.status == .failure)
        let lines = result.error.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("\"entry\":\"OEBPS/content.opf\"") && $0.contains("\"id\":\"epub.check.spine.idref\"") })
        #expect(lines.last?.contains("\"id\":\"check.summary\"") == true)
        #expect(result.output.isEmpty)
    }

    /// A format without a checker is read with its reader, whose diagnostics are the findings.
    @Test func aFormatWithoutACheckerReportsItsReader() throws {
        let directory = try TemporaryDirectory()
        let bad = directory.path("bad.json"), good = directory.path("good.json")
        try Data("{\"episodes\": [\n".utf8).write(to: URL(fileURLWithPath: bad))
        #expect(quire(["convert", Fixtures.url("Examples/sample-page.txt").path, "-o", good]).status == .success)
        let broken = quire(["check", bad])
        #expect(broken.status == .failure)
        #expect(broken.error.contains("\(bad):2:1: error: ") && broken.error.contains("[json.syntax]"), "\(broken.error)")
        #expect(broken.output == "\(bad): 1 error, 0 warnings\n")
        let sound = quire(["check", good])
        #expect(sound.status == .success)
        #expect(sound.output == "\(good): 0 errors, 0 warnings\n")
        let profiled = quire(["check", good, "--profile", "kindle"])
        #expect(profiled.status == .usage)
        #expect(profiled.error.contains("format 'json' has no check profiles"))
    }

    @Test func anUnknownProfileListsTheFormatsProfiles() throws {
        let directory = try TemporaryDirectory()
        let result = quire(["check", try CheckBook().save(in: directory), "--profile", "kobo"])
        #expect(result.status == .usage)
        #expect(result.error.contains("unknown profile 'kobo' for format 'epub'; its profiles: 'kindle' ("), "\(result.error)")
        #expect(quire(["formats", "epub"]).output.contains("check profile: kindle: "))
    }

    /// `convert --profile kindle` checks the book it wrote and warns about what `check --profile kindle`
    /// reports, so the two agree; the book is still written.
    @Test(.needsSharedCorpus) func theKindleProfileWriterAgreesWithTheCheck() throws {
        let directory = try TemporaryDirectory()
        let page = Fixtures.sharedCorpus("sample-channel-page.txt")!.path
        let drawnCover = directory.path("drawn.epub")
        let written = quire(["convert", page, "--profile", "kindle", "-o", drawnCover])
        #expect(written.status == .success)
        let warned = Set(written.error.split(separator: "\n").filter { $0.contains("warning: kindle profile: ") }.compactMap(Self.identifier))
        let checked = quire(["check", drawnCover, "--profile", "kindle"])
        let found = Set(checked.error.split(separator: "\n").compactMap(Self.identifier))
        #expect(warned == found)
        // The drawn cover is a 1600 × 2560 PNG; what is left is the page's first language, Chinese.
        #expect(found == ["kindle.language"], "\(checked.error)")

        let withCover = directory.path("kindle.epub")
        let clean = quire(["convert", page, "--profile", "kindle", "--language", "en", "-o", withCover])
        #expect(clean.status == .success)
        #expect(!clean.error.contains("kindle profile"), "\(clean.error)")
        let result = quire(["check", withCover, "--profile", "kindle"])
        #expect(result.status == .success)
        #expect(result.output == "\(withCover): 0 errors, 0 warnings\n", "\(result.error)")
    }

    @Test(.needsSharedCorpus) func theSamplePageBookIsClean() throws {
        let directory = try TemporaryDirectory()
        let book = directory.path("sample.epub")
        #expect(quire(["convert", Fixtures.sharedCorpus("sample-channel-page.txt")!.path, "-o", book]).status == .success)
        let result = quire(["check", book])
        #expect(result.status == .success)
        #expect(result.output == "\(book): 0 errors, 0 warnings\n", "\(result.error)")
    }

    private static func identifier(_ line: Substring) -> String? {
        guard line.hasSuffix("]"), let open = line.lastIndex(of: "[") else { return nil }
        return String(line[line.index(after: open)..<line.index(before: line.endIndex)])
    }
}

extension CheckCommandTests {
    @Test func anUnreadableFileFailsButTheOthersAreChecked() throws {
        let directory = try TemporaryDirectory()
        let book = try CheckBook().save(in: directory)
        let result = quire(["check", directory.path("absent.epub"), book])
        #expect(result.status == .failure)
        #expect(result.error.contains("quire: error: cannot read"))
        #expect(result.output == "\(book): 0 errors, 0 warnings\n")
    }
}
