import Foundation
import QuireCore
import QuireTestSupport
import QuireXML
import QuireZip
import Testing

@testable import QuireEPUB

/// The EPUB checker and the kindle profile below the command line: size limits that would take
/// 200 MB files to reach through it, image headers, and the kindle-profile writer under epubcheck.
@Suite struct EPUBCheckTests {
    static let cover = Fixtures.url("Tests/EPUBFormatTests/Fixtures/kindle-cover-1600x2560.png").path

    /// A book of `size` bytes as far as the size check is concerned; nothing else of it is read.
    private static func book(ofSize size: Int) -> CheckedBook {
        CheckedBook(
            input: InputFile(name: "big.epub", bytes: [UInt8](repeating: 0, count: size)), archive: ZipArchive(entries: []), entries: [:],
            packagePath: "EPUB/package.opf", package: XMLElement("package"), version: "3.0", manifest: [], spine: [])
    }

    @Test func sendToKindleSizeLimits() {
        func findings(_ size: Int) -> [Diagnostic] {
            var diagnostics = Diagnostics()
            KindleChecks.checkSize(Self.book(ofSize: size), diagnostics: &diagnostics)
            return diagnostics.all
        }
        #expect(findings(50_000_000).isEmpty)
        let email = findings(50_000_001)
        #expect(email.map(\.id) == ["kindle.size.email"])
        #expect(email.first?.severity == .warning)
        #expect(email.first?.location == SourceLocation(file: "big.epub"))
        #expect(email.first?.message.contains("at most 50 MB") == true)
        #expect(findings(200_000_000).map(\.id) == ["kindle.size.email"])
        let upload = findings(200_000_001)
        #expect(upload.map(\.id) == ["kindle.size"])
        #expect(upload.first?.severity == .error)
        #expect(upload.first?.message.hasPrefix("the book is 200.0 MB; Send to Kindle takes at most 200 MB") == true)
    }

    @Test func imageSizesFromTheirHeaders() throws {
        let png = Array(try Data(contentsOf: URL(fileURLWithPath: Self.cover)))
        #expect(ImageSize(of: png) == ImageSize(width: 1600, height: 2560))
        // A JPEG whose APP0 segment comes before the baseline frame (SOF0: height 900, width 600).
        let jpeg: [UInt8] =
            [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF\0".utf8) + [0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]
            + [0xFF, 0xC0, 0x00, 0x11, 0x08, 0x03, 0x84, 0x02, 0x58, 0x03]
        #expect(ImageSize(of: jpeg) == ImageSize(width: 600, height: 900))
        #expect(ImageSize(of: Array("<svg/>".utf8)) == nil)
        #expect(ImageSize(of: Array(png.prefix(20))) == nil)
    }

    @Test func kindleLanguagesByPrimarySubtag() {
        #expect(KindleLanguages.isSupported("en"))
        #expect(KindleLanguages.isSupported("pt-BR"))
        #expect(KindleLanguages.isSupported("JA"))
        #expect(!KindleLanguages.isSupported("ko"))
        #expect(!KindleLanguages.isSupported("und"))
    }

    /// The kindle profile's book of the sample page: epubcheck finds nothing, and neither do the
    /// general and kindle checks but for the languages Kindle does not list (the page has Chinese and
    /// Korean episodes), which are warnings the writer repeats.
    @Test(.enabled(if: EPUBCheck.isAvailable, "epubcheck (apt package epubcheck) or java is not installed"))
    func kindleProfileBookIsCleanUnderEpubcheck() throws {
        let (bytes, written) = try Book.write(try Book.samplePage(), options: Book.fixedDate.merging(["profile": "kindle", "cover": Self.cover]) { $1 })
        #expect(try EPUBCheck.problems(bytes) == [])
        var found = Diagnostics()
        EPUBChecker().check(InputFile(name: "kindle.epub", bytes: bytes), profile: "kindle", options: ConversionOptions(), diagnostics: &found)
        #expect(found.errors.isEmpty, "\(found.errors)")
        #expect(Set(found.warnings.map(\.id)).isSubset(of: ["kindle.language"]))
        #expect(written.warnings.map(\.id) == found.warnings.map(\.id))
        let entries = try Book.entries(bytes)
        #expect(entries["EPUB/package.opf"]?.contains("href=\"images/cover.png\" media-type=\"image/png\" properties=\"cover-image\"") == true)
    }

    /// The profile checks the finished bytes, which a stream writes straight out: it is not streamed.
    @Test func kindleProfileIsNotStreamed() throws {
        let directory = try TemporaryDirectory()
        let output = try StreamOutput(path: directory.path("book.epub"))
        #expect(try EPUBWriter().streamWriter(options: ConversionOptions(["profile": "kindle"]), output: output) == nil)
        #expect(try EPUBWriter().streamWriter(options: ConversionOptions(), output: output) != nil)
    }
}

extension EPUBCheckTests {
    /// A PNG signature and IHDR chunk declaring `width` × `height`: all the size check reads.
    private static func pngHeader(width: UInt32, height: UInt32) -> [UInt8] {
        func bigEndian(_ value: UInt32) -> [UInt8] { [24, 16, 8, 0].map { UInt8((value >> $0) & 0xFF) } }
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + bigEndian(width) + bigEndian(height)
            + [8, 2, 0, 0, 0, 0, 0, 0, 0]
    }

    private static func kindleFindings(cover: [UInt8], mediaType: String) -> [Diagnostic] {
        let package = HandmadeZip.minimalPackage.replacingOccurrences(
            of: "</manifest>", with: "<item id=\"cover\" href=\"cover.img\" media-type=\"\(mediaType)\" properties=\"cover-image\"/></manifest>")
        var zip = HandmadeZip.epub(package: package)
        zip.entries.append(HandmadeZip.Entry(name: "OEBPS/cover.img", data: cover))
        var found = Diagnostics()
        EPUBChecker().check(InputFile(name: "small.epub", bytes: zip.bytes), profile: "kindle", options: ConversionOptions(), diagnostics: &found)
        return found.all.filter { $0.id.rawValue.hasPrefix("kindle.cover") }
    }

    @Test func coverSizeAgainstKindlesRecommendation() {
        let small = Self.kindleFindings(cover: Self.pngHeader(width: 600, height: 900), mediaType: "image/png")
        #expect(small.map(\.id) == ["kindle.cover.size"])
        #expect(small.first?.severity == .warning)
        #expect(small.first?.location == SourceLocation(file: "small.epub", entry: "OEBPS/cover.img"))
        #expect(small.first?.message.hasPrefix("the cover is 600 × 900 pixels; Kindle recommends 1600 × 2560") == true)
        #expect(Self.kindleFindings(cover: Self.pngHeader(width: 1600, height: 2560), mediaType: "image/png").isEmpty)
        // A cover whose bytes are not the image its media type says is an error, not a guess.
        #expect(Self.kindleFindings(cover: Array("GIF89a".utf8), mediaType: "image/jpeg").map(\.id) == ["kindle.cover.unreadable"])
        #expect(Self.kindleFindings(cover: Array("GIF89a".utf8), mediaType: "image/gif").map(\.id) == ["kindle.cover.raster"])
    }
}
