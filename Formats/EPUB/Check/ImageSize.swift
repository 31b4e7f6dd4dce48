/// The pixel size a PNG or JPEG declares in its header, without decoding the image.
struct ImageSize: Equatable {
    var width: Int
    var height: Int

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// PNG: the IHDR chunk that must come first. JPEG: the first start-of-frame segment. `nil` for
    /// anything else or a header cut short.
    init?(of bytes: [UInt8]) {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            guard bytes.count >= 24, Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
            self.init(width: Self.bigEndian(bytes, at: 16, count: 4), height: Self.bigEndian(bytes, at: 20, count: 4))
            return
        }
        guard bytes.starts(with: [0xFF, 0xD8]) else { return nil }
        var index = 2
        while index + 4 <= bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            let marker = bytes[index + 1]
            if marker == 0xFF {  // fill byte
                index += 1
                continue
            }
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) {
                index += 2
                continue
            }
            let length = Self.bigEndian(bytes, at: index + 2, count: 2)
            // SOF0–SOF15 but for DHT (C4), JPG (C8) and DAC (CC) carry the frame's size.
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard index + 9 <= bytes.count else { return nil }
                self.init(width: Self.bigEndian(bytes, at: index + 7, count: 2), height: Self.bigEndian(bytes, at: index + 5, count: 2))
                return
            }
            guard length >= 2 else { return nil }
            index += 2 + length
        }
        return nil
    }

    private static func bigEndian(_ bytes: [UInt8], at offset: Int, count: Int) -> Int {
        bytes[offset..<offset + count].reduce(0) { $0 << 8 | Int($1) }
    }
}
