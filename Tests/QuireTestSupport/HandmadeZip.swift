/// Zip archives assembled byte by byte, for hostile inputs no well-behaved zip library would write:
/// duplicate names, backslashes, encryption flags, sizes that lie.
public struct HandmadeZip: Sendable {
    public struct Entry: Sendable {
        public var name: String
        public var data: [UInt8]
        /// 0 stored, 8 deflated (the data must then already be deflated).
        public var method: UInt16
        /// General-purpose flags; bit 0 marks the entry encrypted.
        public var flags: UInt16
        /// The uncompressed size to declare; the data's own size when `nil`.
        public var declaredSize: UInt32?

        public init(name: String, data: [UInt8], method: UInt16 = 0, flags: UInt16 = 0x0800, declaredSize: UInt32? = nil) {
            self.name = name
            self.data = data
            self.method = method
            self.flags = flags
            self.declaredSize = declaredSize
        }
    }

    public var entries: [Entry] = []

    public init() {}

    public mutating func add(_ name: String, _ text: String) { entries.append(Entry(name: name, data: Array(text.utf8))) }

    public var bytes: [UInt8] {
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

    public static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
        }
        return ~crc
    }
}
