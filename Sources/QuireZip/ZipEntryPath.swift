/// Entry names an archive may use: relative, `/`-separated, never climbing out of the folder it is
/// unpacked into (zip slip).
public enum ZipEntryPath {
    public enum Problem: Sendable, Equatable {
        case empty, absolute, backslash, parent, controlCharacter

        /// Diagnostic identifier suffix.
        public var id: String {
            switch self {
            case .empty: "empty"
            case .absolute: "absolute"
            case .backslash: "backslash"
            case .parent: "parent"
            case .controlCharacter: "control"
            }
        }

        public var explanation: String {
            switch self {
            case .empty: "has an empty name"
            case .absolute: "has an absolute path"
            case .backslash: "contains a backslash (a Windows path separator zip forbids)"
            case .parent: "climbs out of the archive with '..'"
            case .controlCharacter: "contains a control character"
            }
        }
    }

    /// The first problem with `path`, or `nil` when it is a safe relative path.
    public static func problem(_ path: String) -> Problem? {
        if path.isEmpty { return .empty }
        if path.contains("\\") { return .backslash }
        if path.hasPrefix("/") { return .absolute }
        // A drive letter (`C:`) is absolute on Windows.
        let scalars = Array(path.unicodeScalars.prefix(2))
        if scalars.count == 2, scalars[1] == ":", scalars[0].properties.isAlphabetic { return .absolute }
        if path.split(separator: "/", omittingEmptySubsequences: false).contains("..") { return .parent }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return .controlCharacter }
        return nil
    }

    /// The entry an href inside the archive names (an OCF package's manifest, an XHTML link): `href`
    /// without its fragment, percent-decoded, relative to the entry folder `folder`. `nil` when it
    /// leaves the archive, is not a local path (`https:`, `/abs`), or its escapes are not UTF-8.
    public static func resolve(_ href: String, against folder: String) -> String? {
        let path = String(href.prefix { $0 != "#" })
        guard !path.contains(":"), !path.hasPrefix("/"), let decoded = percentDecoded(path) else { return nil }
        var parts = folder.isEmpty ? [] : folder.split(separator: "/").map(String.init)
        for part in decoded.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case "", ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }

    /// `text` with `%XX` escapes decoded; `nil` when an escape is cut off or the result is not UTF-8.
    private static func percentDecoded(_ text: String) -> String? {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next(), let low = iterator.next(), let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            else { return nil }
            bytes.append(value)
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
