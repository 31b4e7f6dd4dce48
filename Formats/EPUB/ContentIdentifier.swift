/// The book's `dc:identifier`: a UUID computed from the book's content, so the same input always
/// gives the same identifier and different content a different one. Not a security hash: 128-bit
/// FNV-1a, which is fast enough to run over every byte of a 20 MB book.
struct ContentIdentifier {
    private var high: UInt64 = 0x6C62_272E_07BB_0142
    private var low: UInt64 = 0x62B8_2175_6295_C58D

    mutating func add(_ bytes: some Sequence<UInt8>) {
        if bytes.withContiguousStorageIfAvailable({ add(buffer: $0) }) == nil {
            let array = Array(bytes)
            array.withUnsafeBufferPointer { add(buffer: $0) }
        }
    }

    private mutating func add(buffer: UnsafeBufferPointer<UInt8>) {
        var high = self.high, low = self.low
        defer { self.high = high; self.low = low }
        for byte in buffer {
            low ^= UInt64(byte)
            // Multiply by the FNV-128 prime 2^88 + 0x13B, modulo 2^128.
            let (productHigh, productLow) = low.multipliedFullWidth(by: 0x13B)
            high = high &* 0x13B &+ productHigh &+ (low << 24)
            low = productLow
        }
    }

    mutating func add(_ text: String) { add(text.utf8) }

    /// The 16-byte digest, big-endian.
    var bytes: [UInt8] {
        var bytes: [UInt8] = []
        for word in [high, low] { for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) } }
        return bytes
    }

    /// `urn:uuid:…`, marked as an RFC 9562 version 8 (custom) UUID.
    var urn: String {
        var bytes = self.bytes
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { byte in String(byte >> 4, radix: 16) + String(byte & 0x0F, radix: 16) }
        return "urn:uuid:" + [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]].map { $0.joined() }.joined(separator: "-")
    }
}
