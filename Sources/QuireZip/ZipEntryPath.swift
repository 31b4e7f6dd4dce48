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
}
