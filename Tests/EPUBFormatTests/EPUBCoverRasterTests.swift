import Foundation
import QuireCore
import QuireRaster
import QuireTestSupport
import QuireZip
import Testing

@testable import QuireEPUB

/// The raster cover: the drawn SVG design rendered to a PNG by librsvg, marked as the book's cover.
@Suite struct EPUBCoverRasterTests {
    /// The drawn cover's background, #1f3a4d.
    static let background = RasterImage.Pixel(red: 0x1F, green: 0x3A, blue: 0x4D)

    static func book(title: String?, language: String, options: [String: String] = Book.fixedDate) throws -> ([UInt8], Diagnostics) {
        let collection = EpisodeCollection(
            title: title,
            episodes: [
                Episode(title: "First", language: language, summary: "A summary."), Episode(title: "Second", language: language, summary: "Another."),
            ])
        return try Book.write(collection, options: options)
    }

    /// An entry's bytes, which `Book.entries` would decode as text.
    static func entry(_ path: String, of book: [UInt8]) throws -> [UInt8]? {
        try ZipReader.read(InputFile(name: "book.epub", bytes: book), prefix: "test").entries.first { $0.path == path }?.bytes
    }

    /// The rows the title occupies in the design (one to three lines around y = 384 of 960, glyphs
    /// reaching 48 units above their baseline), inside the frame, scaled to `image`.
    static func titleBand(_ image: RasterImage) -> [RasterImage.Pixel] {
        let rows = (image.height * 250 / 960)..<(image.height * 460 / 960), columns = (image.width / 10)..<(image.width * 9 / 10)
        return rows.flatMap { y in columns.map { x in image[x, y] } }
    }

    /// Light pixels: the title's cream (#f6f1e7) and its anti-aliased edges, far from the dark background.
    static func ink(_ pixels: [RasterImage.Pixel]) -> Int { pixels.count { $0.luminance > 160 } }

    static func differsFromBackground(_ pixel: RasterImage.Pixel) -> Bool {
        abs(Int(pixel.red) - Int(background.red)) + abs(Int(pixel.green) - Int(background.green)) + abs(Int(pixel.blue) - Int(background.blue)) > 24
    }

    @Test(arguments: [("Podcast episode summaries", "en"), ("팟캐스트 에피소드 요약 모음", "ko")])
    func theCoverIsALargePNGThatIsNotBlank(title: String, language: String) throws {
        let (book, diagnostics) = try Self.book(title: title, language: language)
        #expect(diagnostics.isEmpty)
        let png = try #require(try Self.entry("EPUB/images/cover.png", of: book))
        #expect(try Self.entry("EPUB/images/cover.svg", of: book) == nil)
        let image = try RasterImage(png: png)
        #expect(image.width >= 1600 && image.height >= 2560)
        #expect(image.width * 8 == image.height * 5, "the design's 5:8, not stretched")
        #expect(image[2, 2] == Self.background && image[image.width / 2, image.height - 3] == Self.background)
        // Frame, title, rule and count: a few percent of the picture; a blank or a flooded one is far outside.
        let share = Double(image.pixels.count(where: Self.differsFromBackground)) / Double(image.pixels.count)
        #expect(share > 0.01 && share < 0.2, "\(share)")
        let band = Self.titleBand(image)
        let inkShare = Double(Self.ink(band)) / Double(band.count)
        #expect(inkShare > 0.03 && inkShare < 0.4, "title ink \(inkShare)")
    }

    /// Compared with the same design whose title is empty: the title band must hold the glyphs' ink.
    @Test(arguments: [("팟캐스트 요약", "ko"), ("世界模型的下一步", "zh"), ("ポッドキャスト", "ja"), ("Summaries", "en")])
    func theTitleDrawsGlyphs(title: String, language: String) throws {
        func titleBand(_ title: String) throws -> [RasterImage.Pixel] {
            let svg = CoverImage.drawn(title: title, episodeCount: 2, language: language, labels: BookLabels(language: language)).bytes
            let size = CoverImage.rasterSize
            return Self.titleBand(try RasterImage(png: try SVGRasterizer.png(fromSVG: svg, width: size.width, height: size.height)))
        }
        let empty = try titleBand(""), drawn = try titleBand(title)
        #expect(Self.ink(empty) == 0)
        // Seven kana, the shortest title here, ink 1.5 % of the band and change 1.8 %.
        #expect(Self.ink(drawn) > drawn.count / 200, "\(Self.ink(drawn)) of \(drawn.count)")
        #expect(zip(empty, drawn).count { $0 != $1 } > drawn.count / 100)
    }

    @Test(arguments: [
        ("ko", "CJK KR"), ("ko-KR", "CJK KR"), ("ja", "CJK JP"), ("zh", "CJK SC"), ("zh-Hans-CN", "CJK SC"), ("zh-TW", "CJK TC"), ("zh-Hant", "CJK TC"),
        ("en", "CJK SC"),
    ])
    func theFontsNameTheCJKFaceOfTheBooksLanguage(language: String, face: String) {
        let svg = String(
            decoding: CoverImage.drawn(title: "제목", episodeCount: 1, language: language, labels: BookLabels(language: language)).bytes, as: UTF8.self)
        #expect(svg.contains("'Noto Serif \(face)', 'Noto Sans \(face)', serif\""))
        #expect(svg.contains("'Noto Sans \(face)', sans-serif\""))
    }

    @Test func thePackageMarksThePNGAsTheOneCover() throws {
        let entries = try Book.entries(try Self.book(title: "Covers", language: "en").0)
        let opf = try #require(entries["EPUB/package.opf"])
        let coverItems = opf.split(separator: "\n").filter { $0.hasPrefix("<item ") && $0.contains("cover-image") }
        #expect(coverItems == ["<item id=\"cover-image\" href=\"images/cover.png\" media-type=\"image/png\" properties=\"cover-image\"/>"])
        #expect(opf.contains("<meta name=\"cover\" content=\"cover-image\"/>"))
        #expect(!opf.contains("image/svg+xml"))
        #expect(entries["EPUB/cover.xhtml"]!.contains("<img class=\"cover-image\" src=\"images/cover.png\" alt=\"Covers\"/>"))
    }

    @Test func theSameBookGivesTheSameCoverBytes() throws {
        let first = try #require(try Self.entry("EPUB/images/cover.png", of: try Self.book(title: "Again", language: "en").0))
        let second = try #require(try Self.entry("EPUB/images/cover.png", of: try Self.book(title: "Again", language: "en").0))
        #expect(first == second)
    }

    @Test func aGivenSVGIsRasterizedAtItsOwnShape() throws {
        let directory = try TemporaryDirectory()
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 600 900\"><rect width=\"600\" height=\"900\" fill=\"#804020\"/></svg>"
        let path = try Book.save(Array(svg.utf8), in: directory, as: "art.svg")
        let (book, diagnostics) = try Self.book(title: "Given", language: "en", options: ["cover": path])
        #expect(diagnostics.isEmpty)
        let image = try RasterImage(png: try #require(try Self.entry("EPUB/images/cover.png", of: book)))
        #expect((image.width, image.height) == (1707, 2560))
        #expect(Set(image.pixels) == [RasterImage.Pixel(red: 0x80, green: 0x40, blue: 0x20)])
    }

    @Test func aGivenPNGGoesInAsItIs() throws {
        let path = Fixtures.url("Tests/EPUBFormatTests/Fixtures/cover.png").path
        let (book, diagnostics) = try Self.book(title: "Given", language: "en", options: ["cover": path])
        #expect(diagnostics.isEmpty)
        #expect(try Self.entry("EPUB/images/cover.png", of: book) == Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    /// An `<svg>` root in another namespace passes the cover check but not librsvg: the book is still
    /// written, with the SVG and a warning.
    @Test func anSVGLibrsvgCannotReadStaysSVGWithAWarning() throws {
        let directory = try TemporaryDirectory()
        let svg = "<svg xmlns=\"http://example.com/not-svg\" viewBox=\"0 0 6 9\"><rect width=\"6\" height=\"9\"/></svg>"
        let path = try Book.save(Array(svg.utf8), in: directory, as: "foreign.svg")
        let (book, diagnostics) = try Self.book(title: "Fallback", language: "en", options: ["cover": path])
        #expect(diagnostics.all.map(\.id) == ["epub.cover.raster"])
        let warning = try #require(diagnostics.all.first)
        #expect(warning.severity == .warning)
        #expect(
            warning.description.hasPrefix("\(path): warning: cannot rasterize the cover (cannot read the SVG: XML does not have <svg> root"),
            "\(warning.description)")
        let entries = try Book.entries(book)
        #expect(entries["EPUB/images/cover.svg"] == svg)
        #expect(entries["EPUB/package.opf"]!.contains("href=\"images/cover.svg\" media-type=\"image/svg+xml\" properties=\"cover-image\""))
    }

    @Test(.needsSharedCorpus, .enabled(if: EPUBCheck.isAvailable, "epubcheck (apt package epubcheck) or java is not installed"))
    func theSamplePagesDefaultBookWithItsRasterCoverPassesEPUBCheck() throws {
        let url = try #require(Fixtures.sharedCorpus("sample-channel-page.txt"))
        let (book, _) = try Book.write(try Book.summaryText(try Fixtures.input(at: url, name: "sample-channel-page.txt")))
        #expect(try Self.entry("EPUB/images/cover.png", of: book) != nil)
        #expect(try EPUBCheck.problems(book) == [])
    }
}
