import CLibZip

/// A read-only libzip source over `length` bytes of an open file from `offset`, for
/// `ZipWriter.add(_:region:compression:)`: an entry written ahead into a scratch file is compressed
/// from there as the archive is written, never whole in memory.
///
/// It reports what a buffer source reports (size, stored, not encrypted, no file attributes), so
/// libzip writes the same entry bytes as for the same data in memory. The descriptor stays the
/// `ZipWriter`'s.
final class DescriptorRegionSource: DescriptorSource {
    /// A source reading the region, or `nil` with `error` set.
    static func source(reading descriptor: Int32, offset: Int64, length: Int64, error: inout zip_error_t) -> OpaquePointer? {
        makeSource(DescriptorRegionSource(descriptor: descriptor, base: offset, length: length), error: &error)
    }

    private static let supported = bitmap(readCommands)

    override func handle(_ command: zip_source_cmd_t, data: UnsafeMutableRawPointer?, length count: zip_uint64_t) -> Int64 {
        switch command {
        case ZIP_SOURCE_SUPPORTS:
            return Self.supported
        case ZIP_SOURCE_STAT:
            return stat(into: data, count: count) { stat in
                stat.pointee.comp_size = stat.pointee.size
                stat.pointee.comp_method = zip_uint16_t(ZIP_CM_STORE)
                stat.pointee.encryption_method = zip_uint16_t(ZIP_EM_NONE)
                stat.pointee.valid |= zip_uint64_t(ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_ENCRYPTION_METHOD)
            }
        default:
            return super.handle(command, data: data, length: count)
        }
    }
}
