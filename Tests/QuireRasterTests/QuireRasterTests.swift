import Foundation
import QuireRaster
import QuireTestSupport
import Testing

@Suite struct SVGRasterizerTests {
    static let red = RasterImage.Pixel(red: 255, green: 0, blue: 0)
    static func square(_ fill: String, viewBox: String = "0 0 10 10") -> [UInt8] {
        Array("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"\(viewBox)\"><rect width=\"10\" height=\"10\" fill=\"\(fill)\"/></svg>".utf8)
    }

    @Test func rendersAtTheAskedSizeAndTheSameBytesEachTime() throws {
        let png = try SVGRasterizer.png(fromSVG: Self.square("#ff0000"), width: 40, height: 60)
        #expect(try SVGRasterizer.png(fromSVG: Self.square("#ff0000"), width: 40, height: 60) == png)
        let image = try RasterImage(png: png)
        #expect((image.width, image.height) == (40, 60))
        // A square in a 40 × 60 frame: centred, the bands above and below it left transparent.
        #expect(image[20, 30] == Self.red)
        #expect(image[20, 5].alpha == 0 && image[20, 55].alpha == 0)
        #expect(Set(image.pixels.filter { $0.alpha == 255 }) == [Self.red])
        #expect(image.pixels.filter { $0.alpha == 255 }.count == 40 * 40)
    }

    @Test func decodesStraightColoursFromPremultipliedPixels() throws {
        let svg = Array(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 4\"><rect width=\"4\" height=\"4\" fill=\"#3366cc\" fill-opacity=\"0.5\"/></svg>".utf8)
        let pixel = try RasterImage(png: try SVGRasterizer.png(fromSVG: svg, width: 4, height: 4))[1, 1]
        #expect((127...128).contains(pixel.alpha))
        #expect(abs(Int(pixel.red) - 0x33) <= 2 && abs(Int(pixel.green) - 0x66) <= 2 && abs(Int(pixel.blue) - 0xCC) <= 2, "\(pixel)")
    }

    @Test(arguments: [
        ("", "empty"), ("not svg at all", "cannot read the SVG"), ("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect", "cannot read the SVG"),
        ("<html xmlns=\"http://www.w3.org/1999/xhtml\"/>", "cannot read the SVG"),
    ])
    func badSVGIsAnErrorNotACrash(svg: String, message: String) {
        #expect {
            _ = try SVGRasterizer.png(fromSVG: Array(svg.utf8), width: 10, height: 10)
        } throws: { error in
            (error as? RasterError)?.message.contains(message) == true
        }
    }

    @Test func sizesOutsideTheLimitsAreErrors() {
        for (width, height) in [(0, 10), (10, -1), (SVGRasterizer.maximumSide + 1, 10)] {
            #expect(throws: RasterError.self) { _ = try SVGRasterizer.png(fromSVG: Self.square("red"), width: width, height: height) }
        }
    }

    /// The same picture as a `data:` URL is drawn, so the test sees the difference loading makes.
    @Test func referencesToOtherFilesAndURLsAreNotLoaded() throws {
        let directory = try TemporaryDirectory()
        let redPNG = try SVGRasterizer.png(fromSVG: Self.square("#ff0000"), width: 10, height: 10)
        try Data(redPNG).write(to: URL(fileURLWithPath: directory.path("red.png")))
        try Data(Self.square("#ff0000")).write(to: URL(fileURLWithPath: directory.path("red.svg")))
        func drawn(_ href: String) throws -> RasterImage {
            let svg = """
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">\
                <image x="0" y="0" width="10" height="10" xlink:href="\(href)"/></svg>
                """
            return try RasterImage(png: try SVGRasterizer.png(fromSVG: Array(svg.utf8), width: 10, height: 10))
        }
        #expect(try drawn("data:image/png;base64,\(Data(redPNG).base64EncodedString())")[5, 5] == Self.red)
        for href in [
            "file://\(directory.path("red.png"))", directory.path("red.png"), "red.png", "file://\(directory.path("red.svg"))",
            "http://127.0.0.1:9/red.png", "https://example.com/red.png",
        ] {
            let image = try drawn(href)
            #expect(image.pixels.allSatisfy { $0.alpha == 0 }, "\(href) was loaded")
        }
    }

    /// Neither XInclude nor external entities pull in another file's text; the same text inline draws.
    @Test func includedAndEntityTextIsNotLoaded() throws {
        let directory = try TemporaryDirectory()
        try Data("WWWW".utf8).write(to: URL(fileURLWithPath: directory.path("word.txt")))
        func ink(_ content: String, doctype: String = "") throws -> Int {
            let svg = """
                \(doctype)<svg xmlns="http://www.w3.org/2000/svg" xmlns:xi="http://www.w3.org/2001/XInclude" viewBox="0 0 40 10">\
                <text x="0" y="9" font-size="10" fill="#ff0000">\(content)</text></svg>
                """
            return try RasterImage(png: try SVGRasterizer.png(fromSVG: Array(svg.utf8), width: 40, height: 10)).pixels.count { $0.alpha > 0 }
        }
        #expect(try ink("WWWW") > 20)
        #expect(try ink("<xi:include href=\"file://\(directory.path("word.txt"))\" parse=\"text\"/>") == 0)
        #expect(throws: RasterError.self) {
            try ink("&word;", doctype: "<!DOCTYPE svg [<!ENTITY word SYSTEM \"file://\(directory.path("word.txt"))\">]>")
        }
    }

    @Test func intrinsicSizeComesFromTheSizeOrTheViewBox() throws {
        #expect(try SVGRasterizer.intrinsicSize(ofSVG: Self.square("red", viewBox: "0 0 600 900")).map { [$0.width, $0.height] } == [600, 900])
        let sized = Array("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"80\"/>".utf8)
        #expect(try SVGRasterizer.intrinsicSize(ofSVG: sized).map { [$0.width, $0.height] } == [120, 80])
        #expect(try SVGRasterizer.intrinsicSize(ofSVG: Array("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8)) == nil)
    }
}

@Suite struct RasterImageTests {
    @Test func anythingButAPNGIsAnError() throws {
        let png = try SVGRasterizer.png(fromSVG: SVGRasterizerTests.square("red"), width: 8, height: 8)
        var huge = png
        huge.replaceSubrange(16..<20, with: [0, 1, 0, 0])  // declares 65,536 pixels wide
        for (bytes, message) in [
            (Array("GIF89a".utf8), "not a PNG"), (Array(png.prefix(40)), "cannot decode the PNG"), (huge, "65536 × 8 pixels"),
        ] {
            #expect {
                _ = try RasterImage(png: bytes)
            } throws: { error in
                (error as? RasterError)?.message.contains(message) == true
            }
        }
    }
}
