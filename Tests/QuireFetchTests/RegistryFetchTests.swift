import Foundation
import QuireBuiltinFormats
import QuireCore
import QuireFetch
import QuireTestSupport
import Testing

/// Downloads checked by the registry's feed reader: a feed is kept only when it reads, hostile XML is
/// refused with the reader's diagnostic, and the links the model holds are the files fetched.
@Suite(.enabled(if: FetchCLI.canReadFeeds, "the registry has no 'rss' reader yet"))
struct RegistryFetchTests {
    let server: FeedServer
    let folder: TemporaryDirectory
    let inspector: RegistryFeedInspector

    init() throws {
        server = try FeedServer()
        folder = try TemporaryDirectory()
        inspector = RegistryFeedInspector(registry: try BuiltinFormats.registry())
    }

    func fetch(_ paths: [String]) async -> FetchReport {
        await FeedFetcher(folder: folder.url.path, options: .testing(), inspector: inspector).run(paths.map(server.url))
    }

    @Test func aFeedIsNamedAfterItsChannelAndTheFilesItsModelLinksAreStored() async throws {
        // The fixture's links point at example.org; served here from the same paths (tests reach no other host).
        let feed = String(decoding: try FetchFixtures.bytes("kitchen-physics.rss"), as: UTF8.self)
            .replacingOccurrences(of: "https://example.org/kp/", with: server.url("/kp/"))
        server.route("/kp/feed.xml", .file(Array(feed.utf8), contentType: "application/rss+xml"))
        server.route("/kp/chapters/0042.json", .file(try FetchFixtures.bytes("chapters-0042.json"), contentType: "application/json"))
        server.route("/kp/0042.vtt", .status(404))
        let report = await fetch(["/kp/feed.xml"])
        let result = try #require(report.results.first)
        #expect(result.outcome == .fetched)
        #expect(result.file == "kitchen-physics.rss")
        #expect(result.linkedFetched == 1)
        #expect(result.linkedFailures.map(\.url) == [server.url("/kp/0042.vtt")])
        #expect(!report.succeeded)
        let chapters = FeedFolder.attachmentPath(
            forFeedAt: folder.path("kitchen-physics.rss"), url: server.url("/kp/chapters/0042.json"), mediaType: "application/json+chapters")
        #expect(FileManager.default.fileExists(atPath: chapters))
        #expect(server.requests(to: "/kp/0042.vtt").count == 1)
    }

    @Test func invalidXMLIsRefusedWithTheReadersLocatedDiagnostic() async throws {
        server.route("/invalid.xml", .file(try FetchFixtures.bytes("invalid.rss"), contentType: "application/rss+xml"))
        let report = await fetch(["/invalid.xml"])
        let failure = try #require(report.results[0].failure)
        #expect(failure.kind == .invalidFeed)
        let diagnostic = try #require(failure.diagnostics.first)
        #expect(diagnostic.hasPrefix(server.url("/invalid.xml") + ":"))
        #expect(diagnostic.contains("error:"))
        #expect(filesBelow(folder.url.path).isEmpty)
    }

    @Test func aBillionLaughsFeedIsRefusedAtOnce() async throws {
        server.route("/laughs.xml", .file(try FetchFixtures.bytes("billion-laughs.rss"), contentType: "application/rss+xml"))
        let clock = ContinuousClock()
        let start = clock.now
        let report = await fetch(["/laughs.xml"])
        #expect(report.results[0].failure?.kind == .invalidFeed)
        #expect(clock.now - start < .seconds(5))
        #expect(filesBelow(folder.url.path).isEmpty)
    }
}
