import CRsvg

/// Renders SVG to PNG with librsvg and cairo. Every C handle lives and dies inside one call; what
/// comes out is bytes.
///
/// The SVG is loaded from memory with no base file, so librsvg resolves no reference to another
/// file or URL (`<image href>`, `xi:include`, external CSS): only `data:` URLs and the document's own
/// elements are drawn. Fonts come from fontconfig; an SVG cannot load font files (librsvg has no
/// `@font-face`). The XML parser keeps libxml2's size limits (no `RSVG_HANDLE_FLAG_UNLIMITED`).
public enum SVGRasterizer {
    /// The largest width or height rendered or decoded: a 8192 × 8192 ARGB surface is 256 MiB.
    public static let maximumSide = 8192

    /// How a document whose shape is not the image's fits it.
    public enum Fit: Sendable {
        /// All of it shows (its `preserveAspectRatio`); what it does not cover stays transparent.
        case contain
        /// It covers the whole image, centred, a sliver of its edges cut off: for a size rounded
        /// from the document's own shape, where `contain` would leave a transparent hairline.
        case cover
    }

    /// The PNG of `svg` drawn into `width` × `height` pixels, keeping its aspect ratio. The same SVG,
    /// size and fonts give the same bytes.
    public static func png(fromSVG svg: [UInt8], width: Int, height: Int, fit: Fit = .contain) throws(RasterError) -> [UInt8] {
        guard (1...maximumSide).contains(width), (1...maximumSide).contains(height) else {
            throw RasterError("cannot rasterize at \(width) × \(height) pixels: each side must be 1 to \(maximumSide)")
        }
        return try withHandle(svg) { handle throws(RasterError) in
            let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))
            defer { cairo_surface_destroy(surface) }
            try check(cairo_surface_status(surface), "cannot make a \(width) × \(height) image")
            let context = cairo_create(surface)
            defer { cairo_destroy(context) }
            var viewport = RsvgRectangle(x: 0, y: 0, width: Double(width), height: Double(height))
            if fit == .cover, let (ownWidth, ownHeight) = intrinsicSize(of: handle) {
                let scale = max(Double(width) / ownWidth, Double(height) / ownHeight)
                viewport = RsvgRectangle(
                    x: (Double(width) - ownWidth * scale) / 2, y: (Double(height) - ownHeight * scale) / 2, width: ownWidth * scale,
                    height: ownHeight * scale)
            }
            var error: UnsafeMutablePointer<GError>?
            guard rsvg_handle_render_document(handle, context, &viewport, &error) != 0 else {
                throw RasterError("cannot render the SVG: \(consume(error))")
            }
            cairo_surface_flush(surface)
            return try encodePNG(surface, width: width, height: height)
        }
    }

    /// The size the SVG gives itself in pixels (its `width` and `height`, or its `viewBox`), `nil`
    /// when it gives none. Used to rasterize a user's SVG at its own aspect ratio.
    public static func intrinsicSize(ofSVG svg: [UInt8]) throws(RasterError) -> (width: Double, height: Double)? {
        try withHandle(svg) { handle in intrinsicSize(of: handle) }
    }

    private static func intrinsicSize(of handle: UnsafeMutablePointer<RsvgHandle>) -> (width: Double, height: Double)? {
        var width = 0.0, height = 0.0
        if rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) != 0, width > 0, height > 0 { return (width, height) }
        var hasWidth: gboolean = 0, hasHeight: gboolean = 0, hasViewBox: gboolean = 0
        var viewBox = RsvgRectangle()
        rsvg_handle_get_intrinsic_dimensions(handle, &hasWidth, nil, &hasHeight, nil, &hasViewBox, &viewBox)
        if hasViewBox != 0, viewBox.width > 0, viewBox.height > 0 { return (viewBox.width, viewBox.height) }
        return nil
    }

    /// Loads `svg` into a librsvg handle, runs `body` with it and frees it.
    private static func withHandle<Result>(
        _ svg: [UInt8], _ body: (UnsafeMutablePointer<RsvgHandle>) throws(RasterError) -> Result
    ) throws(RasterError) -> Result {
        guard !svg.isEmpty else { throw RasterError("cannot read the SVG: it is empty") }
        var error: UnsafeMutablePointer<GError>?
        // The stream borrows the bytes without copying: the handle has read them all when it returns.
        let handle = svg.withUnsafeBytes { buffer -> UnsafeMutablePointer<RsvgHandle>? in
            let stream = g_memory_input_stream_new_from_data(buffer.baseAddress, gssize(buffer.count), nil)
            defer { g_object_unref(stream) }
            // No base file: librsvg then refuses every reference to another file or URL.
            return rsvg_handle_new_from_stream_sync(stream, nil, RSVG_HANDLE_FLAGS_NONE, nil, &error)
        }
        guard let handle else { throw RasterError("cannot read the SVG: \(consume(error))") }
        defer { g_object_unref(handle) }
        return try body(handle)
    }

    /// The PNG of a flushed ARGB32 surface: the signature, the header, the image data the shim
    /// deflates (`quire_png_image_data`) and the end, each chunk with its CRC. No time or other
    /// chunk that could differ between runs.
    private static func encodePNG(_ surface: OpaquePointer?, width: Int, height: Int) throws(RasterError) -> [UInt8] {
        guard let pixels = cairo_image_surface_get_data(surface) else { throw RasterError("cannot write the PNG: the image has no pixels") }
        var hasAlpha: Int32 = 0, data: UnsafeMutablePointer<UInt8>?, length: UInt = 0
        guard quire_png_image_data(pixels, Int32(width), Int32(height), cairo_image_surface_get_stride(surface), &hasAlpha, &data, &length) == 0,
            let data
        else { throw RasterError("cannot write the PNG: out of memory") }
        defer { quire_png_free(data) }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        func bigEndian(_ value: Int) -> [UInt8] { [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
        func chunk(_ type: String, _ body: UnsafeBufferPointer<UInt8>) {
            png += bigEndian(body.count)
            let start = png.count
            png += Array(type.utf8)
            png.append(contentsOf: body)
            let crc = png[start...].withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
            png += bigEndian(Int(crc))
        }
        // 8 bits a sample, truecolour (2) or truecolour with alpha (6), deflate, adaptive filtering, no interlace.
        let header = bigEndian(width) + bigEndian(height) + [8, hasAlpha != 0 ? 6 : 2, 0, 0, 0]
        header.withUnsafeBufferPointer { chunk("IHDR", $0) }
        chunk("IDAT", UnsafeBufferPointer(start: data, count: Int(length)))
        chunk("IEND", UnsafeBufferPointer(start: nil, count: 0))
        return png
    }

    /// A GError's message, freeing it.
    static func consume(_ error: UnsafeMutablePointer<GError>?) -> String {
        guard let error else { return "unknown error" }
        defer { g_error_free(error) }
        return error.pointee.message.map { String(cString: $0) } ?? "unknown error"
    }

    static func check(_ status: cairo_status_t, _ what: String) throws(RasterError) {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw RasterError("\(what): \(cairo_status_to_string(status).map { String(cString: $0) } ?? "cairo error \(status.rawValue)")")
        }
    }
}
