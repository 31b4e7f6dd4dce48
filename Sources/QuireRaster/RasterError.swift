/// Why an SVG could not be rasterized or a PNG decoded, in words a user can act on.
public struct RasterError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
