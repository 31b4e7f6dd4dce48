import Foundation
import Testing

/// Golden files: output compared byte for byte with a file in the tree.
///
/// With `QUIRE_RECORD_GOLDENS=1` every golden file a test reaches is written from the output, and the
/// test fails all the same, saying what it recorded (as swift-argument-parser's snapshot tests do): a
/// run that records can never pass, so a CI job with the variable set cannot go green on whatever the
/// code happens to write. Run again without the variable to check what was recorded.
public enum Golden {
    public static let recordingVariable = "QUIRE_RECORD_GOLDENS"

    public static var isRecording: Bool { ProcessInfo.processInfo.environment[recordingVariable] == "1" }

    /// Expects `actual` to be exactly the golden file at `relativePath` (from the package root), or
    /// records it there and fails when `recording`.
    public static func expect(
        _ actual: String, matches relativePath: String, recording: Bool = isRecording, _ comment: Comment? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        try expect(actual, matchesFileAt: Fixtures.url(relativePath), named: relativePath, recording: recording, comment, sourceLocation: sourceLocation)
    }

    /// The same for a golden file anywhere; `name` is how failures name it.
    public static func expect(
        _ actual: String, matchesFileAt url: URL, named name: String, recording: Bool = isRecording, _ comment: Comment? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        if recording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            Issue.record("recorded \(name); run again without \(recordingVariable) to check it", sourceLocation: sourceLocation)
            return
        }
        guard FileManager.default.fileExists(atPath: url.path) else { throw MissingGolden(path: name) }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, comment ?? "golden file \(name)", sourceLocation: sourceLocation)
    }

    public struct MissingGolden: Error, CustomStringConvertible {
        public var path: String
        public init(path: String) { self.path = path }
        public var description: String { "no golden file at \(path); record it with \(Golden.recordingVariable)=1 swift test, then run again without it" }
    }
}
