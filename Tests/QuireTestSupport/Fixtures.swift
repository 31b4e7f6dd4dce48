import Foundation
import QuireCore

/// Files the tests read: the project's own fixtures and examples, and the shared corpus when present.
public enum Fixtures {
    /// The package root, found from this file's place in the tree.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func url(_ relativePath: String) -> URL {
        packageRoot.appendingPathComponent(relativePath)
    }

    /// A file under the package root as an input, named by its relative path as a user would name it.
    public static func input(_ relativePath: String) throws -> InputFile {
        InputFile(name: relativePath, bytes: Array(try Data(contentsOf: url(relativePath))))
    }

    public static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: url(relativePath), encoding: .utf8)
    }

    /// `../shared/corpus/NAME` beside the checkout, or `nil` when this clone has no shared folder.
    /// Tests that need it carry `.needsSharedCorpus`, so they are reported as skipped without it.
    public static func sharedCorpus(_ name: String) -> URL? {
        let url = sharedCorpusFolder.appendingPathComponent(name)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// `../shared/corpus` beside the checkout.
    public static let sharedCorpusFolder: URL = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    /// The files of the shared corpus the tests read.
    public static let sharedCorpusFiles = ["sample-channel-page.txt", "sample-channel-page.expected.json"]

    /// Whether this clone has the shared corpus beside it (`../shared/corpus`, with every file the tests read).
    public static var hasSharedCorpus: Bool { sharedCorpusFiles.allSatisfy { sharedCorpus($0) != nil } }

    public static func input(at url: URL, name: String) throws -> InputFile {
        InputFile(name: name, bytes: Array(try Data(contentsOf: url)))
    }
}

/// A scratch directory removed when the value is released.
public final class TemporaryDirectory {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("quire-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}
