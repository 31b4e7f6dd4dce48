/// Checks an input against its format's rules, and optionally a profile's (a reading device's or a
/// store's): `quire check BOOK.epub --profile kindle`. Reports what it finds; it never throws, an
/// input it cannot open at all is an error diagnostic.
public protocol FormatChecker: Sendable {
    /// `profile` is one of the names the format registered the checker with, or `nil` for the general checks only.
    func check(_ input: InputFile, profile: String?, options: ConversionOptions, diagnostics: inout Diagnostics)
}

/// A named set of extra checks a format offers (`kindle`: what Send to Kindle accepts).
public struct CheckProfile: Sendable, Hashable {
    public var name: String
    /// One line for `quire formats FORMAT` and usage errors.
    public var summary: String

    public init(_ name: String, summary: String) {
        self.name = name
        self.summary = summary
    }
}

/// A checker as the registry holds it, with the provider that registered it.
public struct RegisteredChecker: Sendable {
    public var format: FormatID
    public var checker: any FormatChecker
    public var profiles: [CheckProfile]
    public var provider: String
}
