import QuireCore
import QuireXHTML
import QuireXML

/// The book's cover: an image the user gives (`--cover`), recognized by its content, or one drawn as
/// SVG from the title and the episode count.
struct CoverImage {
    var bytes: [UInt8]
    var mediaType: String
    var fileExtension: String

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
        return CoverImage(bytes: bytes, mediaType: mediaType, fileExtension: fileExtension)
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

    /// A 600 × 900 SVG with the title (wrapped, at most six lines) and the episode count.
    static func drawn(title: String, episodeCount: Int, language: String, labels: BookLabels) -> CoverImage {
        let lines = wrap(title, width: 18, maxLines: 6)
        let lineHeight = 64, top = 360 - (lines.count * lineHeight) / 2
        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 600 900" width="600" height="900" xml:lang="\(MarkupEscaping.attribute(language))">
            <title>\(MarkupEscaping.text(title))</title>
            <rect width="600" height="900" fill="#1f3a4d"/>
            <rect x="40" y="40" width="520" height="820" fill="none" stroke="#e8d9b5" stroke-width="3"/>
            <g fill="#f6f1e7" font-family="Georgia, 'Noto Serif', 'Noto Serif CJK SC', serif" font-size="48" text-anchor="middle">

            """
        for (index, line) in lines.enumerated() {
            svg += "<text x=\"300\" y=\"\(top + index * lineHeight)\">\(MarkupEscaping.text(line))</text>\n"
        }
        let count = MarkupEscaping.text(labels.episodeCount(episodeCount))
        svg += """
            </g>
            <line x1="200" y1="640" x2="400" y2="640" stroke="#e8d9b5" stroke-width="2"/>
            <text x="300" y="700" fill="#e8d9b5" font-family="Helvetica, Arial, sans-serif" font-size="30" text-anchor="middle">\(count)</text>
            </svg>

            """
        return CoverImage(bytes: Array(svg.utf8), mediaType: "image/svg+xml", fileExtension: "svg")
    }

    /// Breaks text into lines of about `width` columns, counting wide (CJK) characters as two and
    /// breaking between them where there are no spaces.
    static func wrap(_ text: String, width: Int, maxLines: Int) -> [String] {
        var lines: [String] = [], current = "", currentWidth = 0
        func columns(_ character: Character) -> Int { character.unicodeScalars.first.map { $0.value >= 0x1100 ? 2 : 1 } ?? 1 }
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
                // Wide characters may break anywhere; long Latin words break when they fill a line.
                if columns(character) == 2 || wordWidth >= width { flushWord() }
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
