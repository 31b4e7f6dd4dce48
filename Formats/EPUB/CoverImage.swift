import QuireCore
import QuireRaster
import QuireXHTML
import QuireXML

/// The book's cover: an image the user gives (`--cover`), recognized by its content, or one drawn as
/// SVG from the title and the episode count; an SVG goes into the book rasterized (`forBook`).
struct CoverImage {
    var bytes: [UInt8]
    var mediaType: String
    var fileExtension: String
    /// The file it was read from, for diagnostics; `nil` for the drawn cover.
    var source: String? = nil

    /// Reads and recognizes the image at `path`. A missing, unreadable or unrecognized file is an
    /// error diagnostic, and the book gets the drawn cover instead.
    static func load(_ path: String, diagnostics: inout Diagnostics) -> CoverImage? {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(path)
        } catch {
            diagnostics.report(.error("epub.cover.unreadable", "cannot read the cover image: \(error.reason)", at: SourceLocation(file: path)))
            return nil
        }
        guard let (mediaType, fileExtension) = kind(of: bytes, name: path, diagnostics: &diagnostics) else { return nil }
        return CoverImage(bytes: bytes, mediaType: mediaType, fileExtension: fileExtension, source: path)
    }

    /// JPEG, PNG and GIF by their signatures; SVG by a well-formed `<svg>` root (parsed safely).
    private static func kind(of bytes: [UInt8], name: String, diagnostics: inout Diagnostics) -> (String, String)? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return ("image/png", "png") }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return ("image/jpeg", "jpg") }
        if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) { return ("image/gif", "gif") }
        let start = String(decoding: bytes.prefix(4096), as: UTF8.self)
        if start.contains("<svg") {
            do {
                let root = try SafeXMLParser.parse(InputFile(name: name, bytes: bytes), prefix: "epub.cover")
                if root.name == "svg" { return ("image/svg+xml", "svg") }
            } catch {
                for diagnostic in error.diagnostics { diagnostics.report(diagnostic) }
                return nil
            }
        }
        diagnostics.report(
            .error(
                "epub.cover.format", "the cover image is not a JPEG, PNG, GIF or SVG file; a cover is drawn instead", at: SourceLocation(file: name)))
        return nil
    }

    /// The drawn cover's design size: 5:8, the shape of the PNG it becomes (`rasterSize`) and close to
    /// e-reader screens, so the PNG is neither stretched nor letterboxed.
    static let designSize = (width: 600, height: 960)
    /// At least the 1600 × 2560 pixels Kindle and Kobo ask of a cover.
    static let rasterSize = (width: 1600, height: 2560)

    /// A 600 × 960 SVG with the title (wrapped, at most six lines) and the episode count, in a frame.
    /// Its fonts name the Noto CJK face for the book's language, which fontconfig falls back to for
    /// Chinese, Japanese and Korean titles.
    static func drawn(title: String, episodeCount: Int, language: String, labels: BookLabels) -> CoverImage {
        let (width, height) = designSize
        let lines = wrap(title, width: 18, maxLines: 6)
        let lineHeight = 64, top = 384 - (lines.count * lineHeight) / 2
        let cjk = cjkFaces(for: language)
        let serif = "Georgia, 'Noto Serif', 'DejaVu Serif', 'Noto Serif \(cjk)', 'Noto Sans \(cjk)', serif"
        let sans = "Helvetica, Arial, 'Noto Sans', 'DejaVu Sans', 'Noto Sans \(cjk)', sans-serif"
        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" xml:lang="\(MarkupEscaping.attribute(language))">
            <title>\(MarkupEscaping.text(title))</title>
            <rect width="\(width)" height="\(height)" fill="#1f3a4d"/>
            <rect x="40" y="40" width="\(width - 80)" height="\(height - 80)" fill="none" stroke="#e8d9b5" stroke-width="3"/>
            <g fill="#f6f1e7" font-family="\(serif)" font-size="48" text-anchor="middle">

            """
        for (index, line) in lines.enumerated() {
            svg += "<text x=\"300\" y=\"\(top + index * lineHeight)\">\(MarkupEscaping.text(line))</text>\n"
        }
        let count = MarkupEscaping.text(labels.episodeCount(episodeCount))
        svg += """
            </g>
            <line x1="200" y1="680" x2="400" y2="680" stroke="#e8d9b5" stroke-width="2"/>
            <text x="300" y="744" fill="#e8d9b5" font-family="\(sans)" font-size="30" text-anchor="middle">\(count)</text>
            </svg>

            """
        return CoverImage(bytes: Array(svg.utf8), mediaType: "image/svg+xml", fileExtension: "svg")
    }

    /// The Noto CJK region suffix for a language: its Han glyph shapes (and its Hangul or kana) are
    /// the ones readers of that language expect. Other languages take Simplified Chinese, whose
    /// font still holds every CJK script.
    static func cjkFaces(for language: String) -> String {
        let parts = language.lowercased().split(separator: "-")
        switch parts.first {
        case "ko": return "CJK KR"
        case "ja": return "CJK JP"
        case "zh" where parts.contains { ["hant", "tw", "hk", "mo"].contains($0) }: return "CJK TC"
        default: return "CJK SC"
        }
    }

    /// The cover the book gets. A JPEG, PNG or GIF the user gives goes in as it is; an SVG, the user's
    /// or the drawn one, is rasterized to PNG, because Kindle, Kobo and Apple Books show raster covers
    /// in their libraries and not SVG ones. The SVG is then left out: the PNG shows the same design,
    /// and a second cover picture would only be a duplicate some readers list. When rasterizing fails
    /// the book keeps the SVG, with a warning.
    static func forBook(
        _ given: CoverImage?, title: String, episodeCount: Int, language: String, labels: BookLabels, diagnostics: inout Diagnostics
    ) -> CoverImage {
        let svg = given ?? drawn(title: title, episodeCount: episodeCount, language: language, labels: labels)
        guard svg.mediaType == "image/svg+xml" else { return svg }
        do {
            let (width, height) = given == nil ? rasterSize : try rasterSize(ofGivenSVG: svg.bytes)
            return CoverImage(
                bytes: try SVGRasterizer.png(fromSVG: svg.bytes, width: width, height: height, fit: .cover), mediaType: "image/png", fileExtension: "png")
        } catch {
            diagnostics.report(
                .warning(
                    "epub.cover.raster", "cannot rasterize the cover (\(error.message)); the book has it as SVG, which some e-readers do not show",
                    at: svg.source.map { SourceLocation(file: $0) }))
            return svg
        }
    }

    /// A user's SVG at its own aspect ratio, covering at least `rasterSize` (a 2:3 design becomes
    /// 1707 × 2560), its longer side at most `SVGRasterizer.maximumSide`.
    static func rasterSize(ofGivenSVG bytes: [UInt8]) throws(RasterError) -> (Int, Int) {
        guard let (width, height) = try SVGRasterizer.intrinsicSize(ofSVG: bytes) else { return rasterSize }
        let cap = Double(SVGRasterizer.maximumSide) / max(width, height)
        let scale = min(max(Double(rasterSize.width) / width, Double(rasterSize.height) / height), cap)
        return (max(1, Int((width * scale).rounded())), max(1, Int((height * scale).rounded())))
    }

    /// Breaks text into lines of about `width` columns, counting wide (CJK) characters as two and
    /// breaking between Han and kana characters where there are no spaces.
    static func wrap(_ text: String, width: Int, maxLines: Int) -> [String] {
        var lines: [String] = [], current = "", currentWidth = 0
        func columns(_ character: Character) -> Int { character.unicodeScalars.first.map { $0.value >= 0x1100 ? 2 : 1 } ?? 1 }
        func isHangul(_ character: Character) -> Bool {
            guard let value = character.unicodeScalars.first?.value else { return false }
            return (0x1100...0x11FF).contains(value) || (0x3130...0x318F).contains(value) || (0xAC00...0xD7AF).contains(value)
        }
        var word = "", wordWidth = 0
        func flushWord() {
            if currentWidth > 0 && currentWidth + wordWidth > width {
                lines.append(current.trimmingWhitespace())
                current = ""; currentWidth = 0
            }
            current += word; currentWidth += wordWidth
            word = ""; wordWidth = 0
        }
        for character in text {
            if character.isWhitespace {
                flushWord()
                if currentWidth > 0 { current += " "; currentWidth += 1 }
            } else {
                word.append(character); wordWidth += columns(character)
                // Han and kana may break anywhere; Korean, like Latin, breaks between words, and a word
                // breaks only when it fills a line.
                if (columns(character) == 2 && !isHangul(character)) || wordWidth >= width { flushWord() }
            }
        }
        flushWord()
        if !current.trimmingWhitespace().isEmpty { lines.append(current.trimmingWhitespace()) }
        if lines.isEmpty { lines = [""] }
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            lines[maxLines - 1] += "…"
        }
        return lines
    }
}
