/// The 64-bit FNV-1a hash, fed byte by byte: how words are known by a number where they stand in the
/// text, without making a `String` of each (language detection, the heading splitter's look-ups).
/// Inlinable, so that callers in other modules hash their own byte views without generic dispatch.
package enum FNV1a {
    @inlinable
    package static var seed: UInt64 { 0xCBF2_9CE4_8422_2325 }

    @inlinable
    package static func adding(_ byte: UInt8, to hash: UInt64) -> UInt64 { (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }

    @inlinable
    package static func of(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = seed
        for byte in bytes { hash = adding(byte, to: hash) }
        return hash
    }
}
