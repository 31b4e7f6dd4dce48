import QuireCore

/// A font the user embeds (`--embed-font`), recognized by its signature, with the family, weight
/// and style its `@font-face` rule declares.
///
/// Quire writes the `@font-face` rules itself (in `fonts.css`, linked before the user's stylesheet)
/// because it knows the file's place in the book and, for TrueType and OpenType, the family and
/// style from the font's own tables: the user's CSS then only names the family
/// (`body { font-family: "DejaVu Serif" }`), and a bold file joins its family as weight 700 instead
/// of shadowing the regular one. WOFF and WOFF2 tables are compressed, so their family is the file
/// name's stem.
struct EmbeddedFont: Sendable, Hashable {
    var bytes: [UInt8]
    /// An EPUB 3.3 core media type: `font/ttf`, `font/otf`, `font/woff` or `font/woff2`.
    var mediaType: String
    /// The entry's file name under `fonts/`.
    var fileName: String
    var family: String
    /// CSS `font-weight`, 100–900.
    var weight: Int
    var isItalic: Bool

    /// A font file is a few megabytes at most; a CJK font can be 20.
    static let maximumBytes = 64 << 20

    /// Reads the fonts at `paths`, giving each a distinct file name in the book.
    static func load(_ paths: [String]) throws(ConversionFailure) -> [EmbeddedFont] {
        var fonts: [EmbeddedFont] = []
        var used: Set<String> = []
        for path in paths {
            var font = try load(path)
            let (stem, fileExtension) = splitExtension(font.fileName)
            var number = 1
            while used.contains(font.fileName.lowercased()) {
                number += 1
                font.fileName = "\(stem)-\(number).\(fileExtension)"
            }
            used.insert(font.fileName.lowercased())
            fonts.append(font)
        }
        return fonts
    }

    static func load(_ path: String) throws(ConversionFailure) -> EmbeddedFont {
        let location = SourceLocation(file: path)
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(path)
        } catch {
            throw ConversionFailure(.error("epub.font.unreadable", "cannot read the font: \(error.reason)", at: location))
        }
        guard bytes.count <= maximumBytes else {
            throw ConversionFailure(.error("epub.font.size", "the font is larger than \(maximumBytes >> 20) MiB", at: location))
        }
        let signature = Array(bytes.prefix(4))
        let kind: (mediaType: String, fileExtension: String, isSFNT: Bool)
        switch signature {
        case [0x00, 0x01, 0x00, 0x00], Array("true".utf8): kind = ("font/ttf", "ttf", true)
        case Array("OTTO".utf8): kind = ("font/otf", "otf", true)
        case Array("wOFF".utf8): kind = ("font/woff", "woff", false)
        case Array("wOF2".utf8): kind = ("font/woff2", "woff2", false)
        case Array("ttcf".utf8):
            throw ConversionFailure(
                .error("epub.font.format", "the font is a TrueType collection, which EPUB cannot embed; extract one font from it", at: location))
        default:
            throw ConversionFailure(.error("epub.font.format", "the file is not a TrueType, OpenType, WOFF or WOFF2 font", at: location))
        }
        let baseName = path.split(separator: "/").last.map(String.init) ?? path
        let (stem, _) = splitExtension(baseName)
        let safeStem = String(stem.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" })
        let tables = kind.isSFNT ? SFNTTables(bytes) : nil
        return EmbeddedFont(
            bytes: bytes, mediaType: kind.mediaType, fileName: (safeStem.isEmpty ? "font" : safeStem) + "." + kind.fileExtension,
            family: tables?.family ?? stem, weight: tables?.weight ?? 400, isItalic: tables?.isItalic ?? false)
    }

    private static func splitExtension(_ name: String) -> (stem: String, fileExtension: String) {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return (name, "") }
        return (String(name[..<dot]), String(name[name.index(after: dot)...]))
    }

    /// The `@font-face` rules for `fonts`, whose files live at `fonts/NAME` beside the stylesheet.
    static func stylesheet(_ fonts: [EmbeddedFont]) -> String {
        var css = "@charset \"UTF-8\";\n/* Fonts embedded with --embed-font; name their families in --css. */\n"
        for font in fonts {
            let family = font.family.map { $0 == "\\" || $0 == "\"" ? "\\\($0)" : String($0) }.joined()
            css += """
                @font-face { font-family: "\(family)"; font-weight: \(font.weight); font-style: \(font.isItalic ? "italic" : "normal"); \
                src: url("\(PackageLayout.fontFolder)\(font.fileName)"); }

                """
        }
        return css
    }
}

/// The family, weight and style of a TrueType or OpenType font, from its `name` and `OS/2` tables.
/// Every read is bounds-checked: a damaged table gives `nil` fields, never a crash.
struct SFNTTables {
    var family: String?
    var weight: Int?
    var isItalic: Bool?

    init(_ bytes: [UInt8]) {
        func u16(_ offset: Int) -> Int? { offset >= 0 && offset + 2 <= bytes.count ? Int(bytes[offset]) << 8 | Int(bytes[offset + 1]) : nil }
        func u32(_ offset: Int) -> Int? { (u16(offset)).flatMap { high in u16(offset + 2).map { high << 16 | $0 } } }
        var tables: [String: (offset: Int, length: Int)] = [:]
        let count = min(u16(4) ?? 0, 512)
        for index in 0..<count {
            let record = 12 + index * 16
            guard record + 16 <= bytes.count, let offset = u32(record + 8), let length = u32(record + 12) else { break }
            tables[String(decoding: bytes[record..<record + 4], as: UTF8.self)] = (offset, length)
        }
        if let os2 = tables["OS/2"], os2.length >= 64 {
            weight = u16(os2.offset + 4).map { min(900, max(100, ($0 + 50) / 100 * 100)) }
            isItalic = u16(os2.offset + 62).map { $0 & 1 != 0 }
        }
        guard let name = tables["name"], let recordCount = u16(name.offset + 2), let stringOffset = u16(name.offset + 4) else { return }
        // Typographic family (16) before the legacy family (1), which splits "Bold" into its own family;
        // Windows Unicode English first, then any Windows Unicode, then Macintosh Roman.
        var best: (rank: Int, text: String)?
        for index in 0..<min(recordCount, 4096) {
            let record = name.offset + 6 + index * 12
            guard let platform = u16(record), let encoding = u16(record + 2), let language = u16(record + 4), let nameID = u16(record + 6),
                let length = u16(record + 8), let offset = u16(record + 10), nameID == 1 || nameID == 16
            else { continue }
            let start = name.offset + stringOffset + offset
            guard start >= 0, start + length <= bytes.count else { continue }
            let raw = Array(bytes[start..<start + length])
            let text: String
            let rank: Int
            if platform == 3 && (encoding == 1 || encoding == 10) {
                let units = stride(from: 0, to: raw.count - 1, by: 2).map { UInt16(raw[$0]) << 8 | UInt16(raw[$0 + 1]) }
                text = String(decoding: units, as: UTF16.self)
                rank = language == 0x409 ? 0 : 1
            } else if platform == 1 && encoding == 0 {
                text = String(decoding: raw.map { $0 < 0x80 ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
                rank = 2
            } else {
                continue
            }
            let score = rank + (nameID == 16 ? 0 : 10)
            let trimmed = text.filter { $0.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F } }.trimmingWhitespace()
            if !trimmed.isEmpty, best.map({ score < $0.rank }) ?? true { best = (score, trimmed) }
        }
        family = best?.text
    }
}

extension PackageLayout {
    /// The `@font-face` rules of the embedded fonts, linked after Quire's stylesheet.
    static let fontStylesheet = Item(id: "fonts-style", href: "fonts.css", mediaType: "text/css")
    /// The user's stylesheet (`--css`), linked last so its rules win.
    static let userStylesheet = Item(id: "user-style", href: "user.css", mediaType: "text/css")
    static let fontFolder = "fonts/"

    static func font(_ number: Int, _ font: EmbeddedFont) -> Item {
        Item(id: "font-\(number)", href: fontFolder + font.fileName, mediaType: font.mediaType)
    }
}
