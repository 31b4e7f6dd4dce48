import Foundation
import QuireCore
import QuireEPUB
import QuireSummaryText
import QuireTestSupport
import QuireZip
import Testing

/// Writing and reading books in tests, and the real inputs they are made from.
enum Book {
    static let fixedDate = ["date": "1700000000"]

    static func write(_ collection: EpisodeCollection, options: [String: String] = fixedDate) throws -> ([UInt8], Diagnostics) {
        var diagnostics = Diagnostics()
        let bytes = try EPUBWriter().write(collection, options: ConversionOptions(options), diagnostics: &diagnostics)
        return (bytes, diagnostics)
    }

    static func read(_ bytes: [UInt8], name: String = "book.epub", options: [String: String] = [:]) throws -> (EpisodeCollection, Diagnostics) {
        var diagnostics = Diagnostics()
        let collection = try EPUBReader().read(InputFile(name: name, bytes: bytes), options: ConversionOptions(options), diagnostics: &diagnostics)
        return (collection, diagnostics)
    }

    /// The diagnostics of a read that must fail.
    static func failure(_ bytes: [UInt8], name: String = "hostile.epub", options: [String: String] = [:]) -> [Diagnostic] {
        do {
            _ = try read(bytes, name: name, options: options)
            Issue.record("expected the read to fail")
        } catch let failure as ConversionFailure {
            return failure.diagnostics
        } catch {
            Issue.record("unexpected \(error)")
        }
        return []
    }

    static func summaryText(_ input: InputFile) throws -> EpisodeCollection {
        var diagnostics = Diagnostics()
        return try SummaryTextReader().read(input, options: ConversionOptions(), diagnostics: &diagnostics)
    }

    /// `Examples/sample-page.txt` and, when this clone has it, the shared corpus page, merged.
    static func samplePage() throws -> EpisodeCollection {
        var collection = try summaryText(try Fixtures.input("Examples/sample-page.txt"))
        if let url = Fixtures.sharedCorpus("sample-channel-page.txt") {
            collection.merge(try summaryText(try Fixtures.input(at: url, name: "sample-channel-page.txt")))
        }
        return collection
    }

    /// Entries of a written book, by path.
    static func entries(_ bytes: [UInt8]) throws -> [String: String] {
        let archive = try ZipReader.read(InputFile(name: "book.epub", bytes: bytes), prefix: "test")
        var result: [String: String] = [:]
        for entry in archive.entries { result[entry.path] = String(decoding: entry.bytes, as: UTF8.self) }
        return result
    }

    static func save(_ bytes: [UInt8], in directory: TemporaryDirectory, as name: String) throws -> String {
        let path = directory.path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}

/// Where two values first differ (`episodes[1].chapters[0].body: "a" vs "b"`), so a failing round
/// trip of a large model says what broke.
func firstDifference(_ left: Any, _ right: Any, path: String = "") -> String? {
    let leftMirror = Mirror(reflecting: left), rightMirror = Mirror(reflecting: right)
    if leftMirror.children.isEmpty || rightMirror.children.isEmpty || leftMirror.displayStyle == .enum {
        let leftText = String(reflecting: left), rightText = String(reflecting: right)
        return leftText == rightText ? nil : "\(path): \(leftText) vs \(rightText)"
    }
    let leftChildren = Array(leftMirror.children), rightChildren = Array(rightMirror.children)
    if leftChildren.count != rightChildren.count { return "\(path): \(leftChildren.count) vs \(rightChildren.count) children" }
    for (index, (leftChild, rightChild)) in zip(leftChildren, rightChildren).enumerated() {
        let name = leftChild.label.map { "\(path).\($0)" } ?? "\(path)[\(index)]"
        if let difference = firstDifference(leftChild.value, rightChild.value, path: name) { return difference }
    }
    return nil
}
