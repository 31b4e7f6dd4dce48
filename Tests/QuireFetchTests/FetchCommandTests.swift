import Foundation
import QuireBuiltinFormats
import QuireCore
import QuireFetch
import QuireTestSupport
import Testing

/// `quire fetch` as a shell runs it (the built binary): inputs, report, exit statuses.
@Suite(.enabled(if: FetchCLI.hasBinary, "build the binary first: swift build --build-tests"))
struct FetchCommandTests {
    let server: FeedServer
    let folder: TemporaryDirectory

    init() throws {
        server = try FeedServer()
        folder = try TemporaryDirectory()
    }

    /// An AntennaPod-style export naming feeds on the local server.
    func subscriptions(_ paths: [String]) throws -> String {
        let outlines = paths.enumerated().map { index, path in
            "    <outline text=\"Show \(index)\" title=\"Show \(index)\" type=\"rss\" xmlUrl=\"\(server.url(path))\" htmlUrl=\"https://example.org/\(index)\" />"
        }
        let opml = """
            <?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
            <opml version="2.0">
              <head>
                <title>AntennaPod Subscriptions</title>
                <dateCreated>26 Nov 26 20:10:03 +0000</dateCreated>
              </head>
              <body>
            \(outlines.joined(separator: "\n"))
              </body>
            </opml>

            """
        let path = folder.path("antennapod-feeds.opml")
        try Data(opml.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func everyFeedAnOPMLExportNamesIsAskedForAndFailuresGiveStatus1() throws {
        server.route("/one.xml", .status(404))
        server.route("/two.xml", .status(500))
        let run = try FetchCLI.run(["fetch", try subscriptions(["/one.xml", "/two.xml"]), "-o", folder.path("feeds")])
        #expect(run.status == 1)
        #expect(run.output.contains("failed     \(server.url("/one.xml")): the server answered 404 Not Found"))
        #expect(run.output.contains("failed     \(server.url("/two.xml")): the server answered 500 Internal Server Error"))
        #expect(run.error.contains("fetched 0, unchanged 0, failed 2"))
        #expect(server.requests.map(\.path).sorted() == ["/one.xml", "/two.xml"])
        #expect(server.requests.allSatisfy { $0.headers.first(name: "User-Agent")?.hasPrefix("Quire/") == true })
        #expect(filesBelow(folder.path("feeds")).isEmpty)
    }

    @Test func offlineWithNothingStoredFailsWithoutTheNetwork() throws {
        let run = try FetchCLI.run(["fetch", server.url("/feed.xml"), "-o", folder.path("feeds"), "--offline"])
        #expect(run.status == 1)
        #expect(run.output.contains("not fetched before"))
        #expect(server.requests.isEmpty)
    }

    @Test func wrongArgumentsAreUsageErrors() throws {
        #expect(try FetchCLI.run(["fetch", server.url("/feed.xml")]).status == 2)
        #expect(try FetchCLI.run(["fetch", server.url("/feed.xml"), "-o", folder.path("f"), "--jobs", "0"]).status == 2)
        #expect(try FetchCLI.run(["fetch", server.url("/feed.xml"), "-o", folder.path("f"), "--timeout", "-1"]).status == 2)
        let notAList = folder.path("notes.opml")
        try Data("<opml version=\"2.0\"><body></body></opml>".utf8).write(to: URL(fileURLWithPath: notAList))
        let empty = try FetchCLI.run(["fetch", notAList, "-o", folder.path("f")])
        #expect(empty.status == 1)
        #expect(empty.error.contains("names no feed URLs"))
    }
}

/// `quire convert FOLDER` over a fetched folder: a feed's linked files are not inputs of their own.
@Suite(.enabled(if: FetchCLI.hasBinary, "build the binary first: swift build --build-tests"))
struct FetchedFolderInputTests {
    @Test func aFeedsFilesFolderIsSkippedButAFolderWithoutItsFeedIsRead() throws {
        let folder = try TemporaryDirectory()
        let feeds = folder.path("feeds")
        try FileManager.default.createDirectory(atPath: feeds + "/show.files", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: feeds + "/notes.files", withIntermediateDirectories: true)
        let page = try Data(contentsOf: Fixtures.url("Examples/sample-page.txt"))
        try page.write(to: URL(fileURLWithPath: feeds + "/show.txt"))
        // A chapters file is not a Quire JSON collection: read as an input, it would be warned about (and merged).
        try FetchFixtures.bytes("chapters-0042.json").write(to: feeds + "/show.files/00000000000000aa.json")
        let skipped = try FetchCLI.run(["convert", feeds, "-o", folder.path("out.json")])
        #expect(skipped.status == 0, "\(skipped.error)")
        #expect(!skipped.error.contains(".json"), "\(skipped.error)")

        // A `.files` folder with no feed beside it is an ordinary folder, and its files are inputs.
        try FetchFixtures.bytes("chapters-0042.json").write(to: feeds + "/notes.files/chapters.json")
        let read = try FetchCLI.run(["convert", feeds, "-o", folder.path("out2.json")])
        #expect(read.status == 0)
        #expect(read.error.contains("notes.files/chapters.json:2:14: warning: unknown field 'version'"))
    }
}

extension [UInt8] {
    func write(to path: String) throws { try Data(self).write(to: URL(fileURLWithPath: path)) }
}

enum FetchCLI {
    static let binary = Fixtures.url(".build/debug/quire").path
    static var hasBinary: Bool { FileManager.default.isExecutableFile(atPath: binary) }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let result = try ExternalTool.run(path: binary, arguments)
        return (result.status, String(decoding: result.output, as: UTF8.self), result.error)
    }

    /// Whether the registry reads feeds (the `rss` format); the tests of reading feeds need it.
    static var canReadFeeds: Bool {
        guard let registry = try? BuiltinFormats.registry() else { return false }
        return RegistryFeedInspector(registry: registry).canReadFeeds
    }
}
