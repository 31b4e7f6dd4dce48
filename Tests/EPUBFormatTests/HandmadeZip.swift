/// Zip archives assembled byte by byte, for hostile inputs no well-behaved zip library would write:
/// duplicate names, backslashes, encryption flags, sizes that lie.
struct HandmadeZip {
    struct Entry {
        var name: String
        var data: [UInt8]
        /// 0 stored, 8 deflated (the data must then already be deflated).
        var method: UInt16 = 0
        /// General-purpose flags; bit 0 marks the entry encrypted.
        var flags: UInt16 = 0x0800
        /// The uncompressed size to declare; the data's own size when `nil`.
        var declaredSize: UInt32?
    }

    var entries: [Entry] = []

    mutating func add(_ name: String, _ text: String) { entries.append(Entry(name: name, data: Array(text.utf8))) }

    var bytes: [UInt8] {
        var output: [UInt8] = [], central: [UInt8] = []
        func le16(_ value: UInt16, into array: inout [UInt8]) { array += [UInt8(value & 0xFF), UInt8(value >> 8)] }
        func le32(_ value: UInt32, into array: inout [UInt8]) { for shift in [0, 8, 16, 24] { array.append(UInt8((value >> UInt32(shift)) & 0xFF)) } }
        for entry in entries {
            let name = Array(entry.name.utf8)
            let crc = Self.crc32(entry.data)
            let offset = UInt32(output.count)
            let size = entry.declaredSize ?? UInt32(entry.data.count)
            // Local file header.
            le32(0x0403_4B50, into: &output)
            le16(20, into: &output); le16(entry.flags, into: &output); le16(entry.method, into: &output)
            le16(0, into: &output); le16(0x0021, into: &output)
            le32(crc, into: &output); le32(UInt32(entry.data.count), into: &output); le32(size, into: &output)
            le16(UInt16(name.count), into: &output); le16(0, into: &output)
            output += name + entry.data
            // Central directory header.
            le32(0x0201_4B50, into: &central)
            le16(0x031E, into: &central); le16(20, into: &central); le16(entry.flags, into: &central); le16(entry.method, into: &central)
            le16(0, into: &central); le16(0x0021, into: &central)
            le32(crc, into: &central); le32(UInt32(entry.data.count), into: &central); le32(size, into: &central)
            le16(UInt16(name.count), into: &central); le16(0, into: &central); le16(0, into: &central)
            le16(0, into: &central); le16(0, into: &central); le32(0, into: &central); le32(offset, into: &central)
            central += name
        }
        let centralOffset = UInt32(output.count)
        output += central
        le32(0x0605_4B50, into: &output)
        le16(0, into: &output); le16(0, into: &output)
        le16(UInt16(truncatingIfNeeded: entries.count), into: &output); le16(UInt16(truncatingIfNeeded: entries.count), into: &output)
        le32(UInt32(central.count), into: &output); le32(centralOffset, into: &output); le16(0, into: &output)
        return output
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
        }
        return ~crc
    }

    /// A minimal valid EPUB skeleton whose container or package document can be replaced.
    static func epub(container: String = minimalContainer, package: String = minimalPackage, extra: [Entry] = []) -> HandmadeZip {
        var zip = HandmadeZip()
        zip.add("mimetype", "application/epub+zip")
        zip.add("META-INF/container.xml", container)
        zip.add("OEBPS/content.opf", package)
        zip.add("OEBPS/chapter.xhtml", minimalChapter)
        zip.entries += extra
        return zip
    }

    static let minimalContainer = """
        <?xml version="1.0"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
        <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
        </container>
        """

    static let minimalPackage = """
        <?xml version="1.0"?>
        <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
        <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">x</dc:identifier><dc:title>Small</dc:title><dc:language>en</dc:language></metadata>
        <manifest><item id="c" href="chapter.xhtml" media-type="application/xhtml+xml"/></manifest>
        <spine><itemref idref="c"/></spine>
        </package>
        """

    static let minimalChapter = """
        <?xml version="1.0"?>
        <html xmlns="http://www.w3.org/1999/xhtml"><head><title>One</title></head>
        <body><h1>Chapter One</h1><p>It was a dark night.</p><h2>Morning</h2><p>Then it was light.</p></body></html>
        """
}
