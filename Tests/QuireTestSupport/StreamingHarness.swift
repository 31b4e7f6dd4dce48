import Foundation
import QuireCore

/// Runs a streaming writer the way a streamed conversion does, for comparing its bytes with the
/// whole-collection `write`.
public enum StreamingHarness {
    /// The bytes `writer` streams for `collection`, handed over `batchSize` episodes at a time; `nil`
    /// when the writer declines to stream these options.
    public static func streamedBytes(
        _ writer: any StreamingFormatWriter, collection: EpisodeCollection, options: ConversionOptions, batchSize: Int = 3
    ) throws -> (bytes: [UInt8], diagnostics: Diagnostics)? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("output").path
        let output = try StreamOutput(path: path)
        guard let stream = try writer.streamWriter(options: options, output: output) else { return nil }
        var diagnostics = Diagnostics()
        try stream.begin(CollectionHeader(title: collection.title, preamble: collection.preamble, channels: collection.channels), diagnostics: &diagnostics)
        for start in stride(from: 0, to: collection.episodes.count, by: batchSize) {
            try stream.write(Array(collection.episodes[start..<min(start + batchSize, collection.episodes.count)]), diagnostics: &diagnostics)
        }
        try stream.finish(diagnostics: &diagnostics)
        try output.commit()
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        // Scratch files have no names, or are removed with their owners: only the output is left.
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        guard left == ["output"] else { throw LeftoverFiles(names: left) }
        return (bytes, diagnostics)
    }
}

/// A streaming writer left scratch files beside its output.
public struct LeftoverFiles: Error, CustomStringConvertible {
    public var names: [String]
    public var description: String { "a streaming writer left files beside its output: \(names.sorted())" }
}

/// A stream writer that puts the collection back together, for comparing a streamed read with a
/// whole one; it also checks the calls come in the order the protocol promises.
public final class CollectingStreamWriter: EpisodeStreamWriter {
    public private(set) var collection: EpisodeCollection?
    public private(set) var batchSizes: [Int] = []
    public private(set) var isFinished = false

    public init() {}

    public func begin(_ header: CollectionHeader, diagnostics: inout Diagnostics) throws {
        precondition(collection == nil, "begin called twice")
        collection = header.collection()
    }

    public func write(_ episodes: [Episode], diagnostics: inout Diagnostics) throws {
        precondition(collection != nil && !isFinished, "write called outside begin…finish")
        batchSizes.append(episodes.count)
        collection!.episodes += episodes
    }

    public func finish(diagnostics: inout Diagnostics) throws {
        precondition(collection != nil && !isFinished, "finish called without begin, or twice")
        isFinished = true
    }
}
