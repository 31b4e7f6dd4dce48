import CRsvg

/// A decoded PNG image (through cairo): its size and its pixels as straight (not premultiplied)
/// RGBA, for checking what a rasterized cover looks like.
public struct RasterImage: Sendable {
    public struct Pixel: Hashable, Sendable {
        public var red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8

        public init(red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8 = 255) {
            self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
        }

        /// Perceived lightness, 0 to 255 (Rec. 601 weights).
        public var luminance: Double { 0.299 * Double(red) + 0.587 * Double(green) + 0.114 * Double(blue) }
    }

    public let width: Int
    public let height: Int
    /// Row by row, left to right.
    public let pixels: [Pixel]

    /// Decodes `png`. Anything but a PNG of at most `SVGRasterizer.maximumSide` pixels a side is an error.
    public init(png: [UInt8]) throws(RasterError) {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard png.count >= 24, png.starts(with: signature), png[12..<16].elementsEqual("IHDR".utf8) else {
            throw RasterError("not a PNG image")
        }
        // The size from the header, checked before cairo allocates a surface for it.
        func bigEndian(_ offset: Int) -> Int { png[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        let declaredWidth = bigEndian(16), declaredHeight = bigEndian(20)
        guard (1...SVGRasterizer.maximumSide).contains(declaredWidth), (1...SVGRasterizer.maximumSide).contains(declaredHeight) else {
            throw RasterError("the PNG is \(declaredWidth) × \(declaredHeight) pixels; at most \(SVGRasterizer.maximumSide) a side is read")
        }
        var input = PNGInput(bytes: png)
        let surface = withUnsafeMutablePointer(to: &input) { input in
            cairo_image_surface_create_from_png_stream(
                { closure, data, length in
                    guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
                    let input = closure.assumingMemoryBound(to: PNGInput.self)
                    let count = Int(length)
                    guard input.pointee.bytes.count - input.pointee.offset >= count else { return CAIRO_STATUS_READ_ERROR }
                    input.pointee.bytes.withUnsafeBufferPointer { source in
                        data.update(from: source.baseAddress! + input.pointee.offset, count: count)
                    }
                    input.pointee.offset += count
                    return CAIRO_STATUS_SUCCESS
                }, input)
        }
        defer { cairo_surface_destroy(surface) }
        try SVGRasterizer.check(cairo_surface_status(surface), "cannot decode the PNG")
        cairo_surface_flush(surface)
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let format = cairo_image_surface_get_format(surface)
        guard let data = cairo_image_surface_get_data(surface) else { throw RasterError("cannot decode the PNG: no pixel data") }
        var pixels: [Pixel] = []
        pixels.reserveCapacity(width * height)
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride)
            for x in 0..<width {
                // cairo keeps each pixel as one native-endian 32-bit word, alpha in the high byte, premultiplied.
                let word = row.loadUnaligned(fromByteOffset: x * 4, as: UInt32.self)
                let alpha = format == CAIRO_FORMAT_RGB24 ? 255 : UInt8(word >> 24)
                func straight(_ shift: UInt32) -> UInt8 {
                    let value = UInt8((word >> shift) & 0xFF)
                    guard alpha != 0, alpha != 255 else { return alpha == 0 ? 0 : value }
                    return UInt8(min(255, (Int(value) * 255 + Int(alpha) / 2) / Int(alpha)))
                }
                pixels.append(Pixel(red: straight(16), green: straight(8), blue: straight(0), alpha: alpha))
            }
        }
        self.pixels = pixels
    }

    public subscript(x: Int, y: Int) -> Pixel { pixels[y * width + x] }
}

/// What cairo's PNG reader reads from.
private struct PNGInput {
    var bytes: [UInt8]
    var offset = 0
}
