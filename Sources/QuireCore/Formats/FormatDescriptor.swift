/// The name of a format: a node in the conversion graph (`summary`, `json`, `podcast-chapters`).
public struct FormatID: RawRepresentable, Sendable, Hashable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: FormatID, rhs: FormatID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What Quire knows about a format: its names, file extensions, media types and how to recognize its content.
public struct FormatDescriptor: Sendable {
    public var id: FormatID
    /// A human name for listings (`Summary text`).
    public var displayName: String
    /// Other names accepted on the command line (`md` for `markdown`).
    public var aliases: [String]
    /// File extensions without the dot, most usual first.
    public var fileExtensions: [String]
    public var mediaTypes: [String]
    /// Recognizes the format from the first bytes of an input, for inputs whose extension says nothing.
    public var sniffer: (@Sendable (ContentSample) -> SniffMatch?)?
    /// What its reader and writer can be told (`opml`: `channels` or `outline`), common settings aside.
    public var settings: [FormatSetting]

    public init(
        id: FormatID, displayName: String, aliases: [String] = [], fileExtensions: [String] = [], mediaTypes: [String] = [],
        settings: [FormatSetting] = [], sniffer: (@Sendable (ContentSample) -> SniffMatch?)? = nil
    ) {
        self.id = id
        self.displayName = displayName
        self.aliases = aliases
        self.fileExtensions = fileExtensions
        self.mediaTypes = mediaTypes
        self.sniffer = sniffer
        self.settings = settings
    }
}

/// The start of an input, as a sniffer sees it.
public struct ContentSample: Sendable {
    /// At most `ContentSample.length` bytes from the start of the input.
    public var bytes: ArraySlice<UInt8>
    public static let length = 4096

    public init(_ bytes: some Collection<UInt8>) { self.bytes = ArraySlice(bytes.prefix(ContentSample.length)) }

    /// The sample without a UTF-8 byte order mark and leading whitespace.
    public var trimmedStart: ArraySlice<UInt8> {
        var slice = bytes
        if slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
        return slice.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    /// The sample as text, when it is valid UTF-8 (a multi-byte character cut at the end is forgiven).
    public var text: String? {
        var slice = bytes
        for _ in 0..<4 {
            if let text = String(validating: slice, as: UTF8.self) { return text }
            guard !slice.isEmpty else { break }
            slice = slice.dropLast()
        }
        return nil
    }
}

/// How sure a sniffer is that a sample is in its format. The highest wins; ties go to the earlier-registered format.
public enum SniffMatch: Int, Sendable, Comparable {
    /// Plausible, as any text is plausible summary text.
    case possible = 1
    /// Has the format's typical features.
    case likely = 2
    /// Carries the format's own signature (a magic number, a root element, a schema marker).
    case certain = 3

    public static func < (lhs: SniffMatch, rhs: SniffMatch) -> Bool { lhs.rawValue < rhs.rawValue }
}
