import Foundation
import QuireCore

/// What earlier runs stored about each feed, kept in the folder as `.quire-fetch.json` (hidden, so
/// `quire convert feeds/` passes it by): the file a feed went to and the validators its server gave,
/// for conditional GETs and for `--offline`.
public struct FetchState: Sendable, Codable, Equatable {
    public struct Feed: Sendable, Codable, Equatable {
        /// The feed's file name in the folder (`kitchen-physics.rss`).
        public var file: String
        public var validators: Validators
        /// Linked files by absolute URL: their validators.
        public var linked: [String: Validators]

        /// Whether `file` is a plain name in the folder: a state file edited by hand (or by anyone) must
        /// not make fetch write outside it.
        public var hasSafeFileName: Bool {
            !file.isEmpty && !file.hasPrefix(".") && !file.contains("/") && !file.contains("\\") && !file.contains("\0")
        }

        public init(file: String, validators: Validators, linked: [String: Validators] = [:]) {
            self.file = file
            self.validators = validators
            self.linked = linked
        }
    }

    /// The layout of this file; a file with another version is set aside and fetched anew.
    public var version = 1
    /// By feed URL as given (before redirects).
    public var feeds: [String: Feed] = [:]

    public init() {}

    public static let fileName = ".quire-fetch.json"

    public static func path(in folder: String) -> String { folder.hasSuffix("/") ? folder + fileName : folder + "/" + fileName }

    /// The state in `folder`, empty when there is none; a damaged file is reported and ignored (the
    /// next run then downloads everything again, which is slower but right).
    public static func load(from folder: String) -> (state: FetchState, problem: String?) {
        let path = path(in: folder)
        guard FileManager.default.fileExists(atPath: path) else { return (FetchState(), nil) }
        do {
            let bytes = try FileIO.read(path)
            let state = try JSONDecoder().decode(FetchState.self, from: Data(bytes))
            guard state.version == 1 else { return (FetchState(), "\(path): unknown version \(state.version); downloading everything again") }
            let unsafe = state.feeds.filter { !$0.value.hasSafeFileName }
            guard unsafe.isEmpty else {
                return (FetchState(), "\(path): names a file outside the folder ('\(unsafe.first!.value.file)'); downloading everything again")
            }
            return (state, nil)
        } catch {
            return (FetchState(), "\(path): cannot be read (\(error)); downloading everything again")
        }
    }

    /// Written whole or not at all.
    public func save(to folder: String) throws(FileIO.Failure) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do {
            data = try encoder.encode(self)
        } catch {
            throw FileIO.Failure(path: Self.path(in: folder), reason: "cannot encode the fetch state: \(error)")
        }
        try FileIO.writeAtomically(Array(data) + [0x0A], to: Self.path(in: folder))
    }
}
