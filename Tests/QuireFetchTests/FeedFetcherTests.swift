import Foundation
import QuireCore
import QuireFetch
import QuireTestSupport
import Testing

/// The fetching engine against a local server: what is stored, what is refused and why, and what a
/// second run asks the server.
@Suite struct FeedFetcherTests {
    let server: FeedServer
    let folder: TemporaryDirectory
    let feed: [UInt8]

    init() throws {
        server = try FeedServer()
        folder = try TemporaryDirectory()
        feed = try FetchFixtures.bytes("kitchen-physics.rss")
    }

    func fetch(_ paths: [String], options: FetchOptions = .testing(), inspector: any FeedInspector = TransportInspector()) async -> FetchReport {
        await FeedFetcher(folder: folder.url.path, options: options, inspector: inspector).run(paths.map(server.url))
    }

    func stored(_ name: String) -> [UInt8]? { (try? Data(contentsOf: folder.url.appendingPathComponent(name))).map(Array.init) }

    @Test func aGoodFeedIsStoredAsServedAndNamedAfterItsURLWithoutATitle() async throws {
        server.route("/kp/feed.xml", .file(feed, contentType: "application/rss+xml; charset=utf-8", etag: "\"v1\""))
        let report = await fetch(["/kp/feed.xml"])
        #expect(report.summary == "fetched 1, unchanged 0, failed 0")
        #expect(report.succeeded)
        let result = try #require(report.results.first)
        #expect(result.file == "127-0-0-1-kp.rss")
        #expect(result.bytes == feed.count)
        #expect(stored("127-0-0-1-kp.rss") == feed)
        #expect(filesBelow(folder.url.path) == [".quire-fetch.json", "127-0-0-1-kp.rss"])
        let request = try #require(server.requests(to: "/kp/feed.xml").first)
        #expect(request.headers.first(name: "User-Agent") == "Quire/9.9.9-test (+\(FetchOptions.projectURL))")
        #expect(request.headers.first(name: "If-None-Match") == nil)
    }

    @Test func theFileIsNamedAfterTheTitleAndAnotherFeedWithTheSameTitleGetsItsURLHash() async throws {
        server.route("/a.xml", .file(feed, contentType: "application/rss+xml"))
        server.route("/b.xml", .file(feed, contentType: "application/rss+xml"))
        let inspector = TransportInspector(title: "Kitchen Physics: Café Edition!")
        let first = await fetch(["/a.xml"], inspector: inspector)
        #expect(first.results.map(\.file) == ["kitchen-physics-cafe-edition.rss"])
        let second = await fetch(["/b.xml", "/a.xml"], inspector: inspector)
        let hashed = try #require(second.results[0].file)
        #expect(hashed.hasPrefix("kitchen-physics-cafe-edition-") && hashed.hasSuffix(".rss") && hashed.count == "kitchen-physics-cafe-edition-".count + 12)
        // The first feed keeps its name on every later run.
        #expect(second.results[1].file == "kitchen-physics-cafe-edition.rss")
    }

    @Test func aSecondRunAsksConditionallyAndLeavesTheFileAlone() async throws {
        server.route("/etag.xml", .file(feed, contentType: "application/rss+xml", etag: "\"abc\""))
        server.route("/date.xml", .file(feed, contentType: "text/xml", lastModified: "Tue, 01 Dec 2026 06:00:00 GMT"))
        let first = await fetch(["/etag.xml", "/date.xml"], inspector: TransportInspector())
        #expect(first.summary == "fetched 2, unchanged 0, failed 0")
        let path = folder.path(try #require(first.results[0].file))
        let before = modificationDate(path)
        try await Task.sleep(nanoseconds: 20_000_000)

        let second = await fetch(["/etag.xml", "/date.xml"])
        #expect(second.summary == "fetched 0, unchanged 2, failed 0")
        #expect(second.results.map(\.file) == first.results.map(\.file))
        #expect(server.requests(to: "/etag.xml").last?.headers.first(name: "If-None-Match") == "\"abc\"")
        #expect(server.requests(to: "/date.xml").last?.headers.first(name: "If-Modified-Since") == "Tue, 01 Dec 2026 06:00:00 GMT")
        #expect(modificationDate(path) == before)
    }

    @Test func aChangedFeedReplacesTheStoredCopy() async throws {
        server.route("/feed.xml", .file(feed, contentType: "application/rss+xml", etag: "\"1\""))
        let first = await fetch(["/feed.xml"])
        let changed = Array(String(decoding: feed, as: UTF8.self).replacingOccurrences(of: "Why bread rises", with: "Why bread rises, again").utf8)
        server.route("/feed.xml", .file(changed, contentType: "application/rss+xml", etag: "\"2\""))
        let second = await fetch(["/feed.xml"])
        #expect(second.summary == "fetched 1, unchanged 0, failed 0")
        #expect(stored(try #require(first.results[0].file)) == changed)
    }

    @Test func aGzippedBodyIsStoredDecompressed() async throws {
        server.route("/gz.xml", .file(feed, contentType: "application/rss+xml", gzip: try FetchFixtures.gzip(feed)))
        let report = await fetch(["/gz.xml"])
        #expect(report.succeeded)
        #expect(server.requests(to: "/gz.xml").first?.headers.first(name: "Accept-Encoding")?.contains("gzip") == true)
        #expect(stored(try #require(report.results[0].file)) == feed)
    }

    @Test func aGzipBombStopsAtTheSizeLimit() async throws {
        let eightMegabytes = [UInt8](repeating: 0x20, count: 8 << 20)
        server.route("/bomb.xml", .file(Array("<rss/>".utf8), contentType: "application/rss+xml", gzip: try FetchFixtures.gzip(eightMegabytes)))
        let report = await fetch(["/bomb.xml"])
        #expect(report.results[0].failure?.kind == .tooLarge)
        #expect(filesBelow(folder.url.path).isEmpty)
    }

    @Test func aBodyOverTheSizeLimitIsRefused() async throws {
        server.route("/huge.xml", .file([UInt8](repeating: 0x20, count: 2 << 20), contentType: "application/rss+xml"))
        let report = await fetch(["/huge.xml"])
        let failure = try #require(report.results[0].failure)
        #expect(failure.kind == .tooLarge)
        #expect(failure.reason.contains("limit of 1048576"))
        #expect(filesBelow(folder.url.path).isEmpty)
    }

    @Test func anEndlessBodyStopsAtTheSizeLimitPromptly() async throws {
        server.route("/endless.xml", .endless)
        let clock = ContinuousClock()
        let start = clock.now
        let report = await fetch(["/endless.xml"])
        #expect(report.results[0].failure?.kind == .tooLarge)
        #expect(clock.now - start < .seconds(8))
        #expect(filesBelow(folder.url.path).isEmpty)
    }

    @Test func aSilentServerTimesOut() async throws {
        server.route("/slow.xml", .silent(seconds: 6))
        var options = FetchOptions.testing()
        options.readTimeout = 0.5
        let clock = ContinuousClock()
        let start = clock.now
        let report = await fetch(["/slow.xml"], options: options)
        let failure = try #require(report.results[0].failure)
        #expect(failure.kind == .timeout)
        #expect(failure.reason.contains("sent nothing for 0.5 s"))
        #expect(clock.now - start < .seconds(4))
    }

    @Test func aTricklingBodyEndsAtTheTotalTimeout() async throws {
        server.route("/trickle.xml", .trickle(interval: 0.1))
        var options = FetchOptions.testing()
        options.totalTimeout = 1
        let clock = ContinuousClock()
        let start = clock.now
        let report = await fetch(["/trickle.xml"], options: options)
        let failure = try #require(report.results[0].failure)
        #expect(failure.kind == .timeout)
        #expect(failure.reason == "took longer than 1 s in all")
        #expect(clock.now - start < .seconds(5))
    }

    @Test func redirectsAreFollowedWithinTheLimitAndLoopsFail() async throws {
        server.route("/old.xml", .redirect(to: server.url("/new.xml")))
        server.route("/new.xml", .file(feed, contentType: "application/rss+xml"))
        server.route("/loop-a", .redirect(to: server.url("/loop-b")))
        server.route("/loop-b", .redirect(to: server.url("/loop-a")))
        for step in 0..<5 { server.route("/hop\(step)", .redirect(to: server.url("/hop\(step + 1)"))) }
        server.route("/hop5", .file(feed, contentType: "application/rss+xml"))
        let report = await fetch(["/old.xml", "/loop-a", "/hop0"])
        #expect(report.results[0].outcome == .fetched)
        #expect(report.results[1].failure == FetchFailure(.redirects, "the redirects go round in a loop"))
        #expect(report.results[2].failure == FetchFailure(.redirects, "more than 3 redirects"))
        #expect(report.summary == "fetched 1, unchanged 0, failed 2")
    }

    @Test func errorStatusesFailWithTheStatus() async throws {
        server.route("/gone.xml", .status(404))
        server.route("/broken.xml", .status(500))
        let report = await fetch(["/gone.xml", "/broken.xml"])
        #expect(report.results.map(\.failure?.reason) == ["the server answered 404 Not Found", "the server answered 500 Internal Server Error"])
        #expect(!report.succeeded)
        #expect(filesBelow(folder.url.path).isEmpty)
    }

    @Test func aWebPageOrAnImageIsNoFeed() async throws {
        server.route("/login", .file(try FetchFixtures.bytes("login-page.html"), contentType: "text/html; charset=utf-8"))
        server.route("/cover.png", .file([0x89, 0x50, 0x4E, 0x47], contentType: "image/png"))
        server.route("/plain.txt", .file(feed, contentType: "text/plain"))
        server.route("/octets", .file(feed, contentType: "application/octet-stream"))
        let report = await fetch(["/login", "/cover.png", "/plain.txt", "/octets"])
        #expect(report.results[0].failure == FetchFailure(.contentType, "the server sent a web page (text/html), not a feed"))
        #expect(report.results[1].failure == FetchFailure(.contentType, "the server sent image/png, not a feed"))
        // Hosts that send feeds as plain text or octets are common; the reader decides.
        #expect(report.results[2].outcome == .fetched)
        #expect(report.results[3].outcome == .fetched)
    }

    @Test func aFailureKeepsThePreviousCopyAndLeavesNoTemporaryFiles() async throws {
        server.route("/feed.xml", .file(feed, contentType: "application/rss+xml"))
        let first = await fetch(["/feed.xml"])
        let name = try #require(first.results[0].file)
        server.route("/feed.xml", .endless)
        let second = await fetch(["/feed.xml"])
        #expect(second.results[0].failure?.kind == .tooLarge)
        #expect(stored(name) == feed)
        #expect(filesBelow(folder.url.path) == [".quire-fetch.json", name])
    }

    @Test func offlineUsesTheCacheAndTouchesNoNetwork() async throws {
        server.route("/feed.xml", .file(feed, contentType: "application/rss+xml", etag: "\"1\""))
        let first = await fetch(["/feed.xml"])
        let requestsBefore = server.requests.count
        var options = FetchOptions.testing()
        options.offline = true
        let offline = await fetch(["/feed.xml", "/never.xml"], options: options)
        #expect(server.requests.count == requestsBefore)
        #expect(offline.results[0].outcome == .unchanged)
        #expect(offline.results[0].file == first.results[0].file)
        #expect(offline.results[1].failure?.kind == .offline)
        #expect(offline.summary == "fetched 0, unchanged 1, failed 1")
    }

    @Test func noMoreThanJobsDownloadsRunAtOnce() async throws {
        let paths = (0..<12).map { "/show\($0).xml" }
        for path in paths { server.route(path, .file(feed, contentType: "application/rss+xml", delay: 0.2)) }
        let report = await fetch(paths, options: .testing(jobs: 3))
        #expect(report.summary == "fetched 12, unchanged 0, failed 0")
        #expect(server.maximumInFlight <= 3)
        #expect(server.maximumInFlight >= 2)
        // Twelve files with twelve names: the URL decides each.
        #expect(Set(report.results.compactMap(\.file)).count == 12)
    }

    @Test func linkedFilesAreStoredWhereTheFeedReaderLooksAndFetchedConditionally() async throws {
        let chapters = try FetchFixtures.bytes("chapters-0042.json"), transcript = try FetchFixtures.bytes("transcript-0042.vtt")
        server.route("/feed.xml", .file(feed, contentType: "application/rss+xml", etag: "\"f\""))
        server.route("/chapters/0042.json", .file(chapters, contentType: "application/json", etag: "\"c\""))
        server.route("/0042.vtt", .file(transcript, contentType: "text/vtt", etag: "\"t\""))
        server.route("/missing.srt", .status(404))
        let links = [
            LinkedFile(url: server.url("/chapters/0042.json"), mediaType: "application/json+chapters"),
            LinkedFile(url: server.url("/0042.vtt"), mediaType: "text/vtt"),
        ]
        let inspector = TransportInspector(title: "Kitchen Physics", links: links)
        let first = await fetch(["/feed.xml"], inspector: inspector)
        #expect(first.succeeded)
        #expect(first.results[0].linkedFetched == 2)
        let feedPath = folder.path("kitchen-physics.rss")
        let chaptersPath = FeedFolder.attachmentPath(forFeedAt: feedPath, url: links[0].url, mediaType: links[0].mediaType)
        let transcriptPath = FeedFolder.attachmentPath(forFeedAt: feedPath, url: links[1].url, mediaType: links[1].mediaType)
        #expect(chaptersPath.hasPrefix(folder.path("kitchen-physics.files/")) && chaptersPath.hasSuffix(".json"))
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: chaptersPath))) == chapters)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: transcriptPath))) == transcript)

        let second = await fetch(["/feed.xml"], inspector: inspector)
        #expect(second.results[0].outcome == .unchanged)
        #expect(second.results[0].linkedUnchanged == 2)
        #expect(server.requests(to: "/0042.vtt").last?.headers.first(name: "If-None-Match") == "\"t\"")

        let broken = TransportInspector(title: "Kitchen Physics", links: links + [LinkedFile(url: server.url("/missing.srt"), mediaType: "application/srt")])
        let third = await fetch(["/feed.xml"], inspector: broken)
        #expect(third.results[0].linkedFailures.map(\.failure.reason) == ["the server answered 404 Not Found"])
        #expect(!third.succeeded)
        #expect(third.summary == "fetched 0, unchanged 1, failed 0; 1 linked file failed")
    }

    @Test func aDamagedStateFileIsReportedAndEverythingIsFetchedAgain() async throws {
        server.route("/feed.xml", .file(feed, contentType: "application/rss+xml", etag: "\"1\""))
        try Data("{ not json".utf8).write(to: folder.url.appendingPathComponent(FetchState.fileName))
        let report = await fetch(["/feed.xml"])
        #expect(report.results[0].outcome == .fetched)
        #expect(report.problems.count == 1)
        #expect(report.problems[0].contains("cannot be read"))
        #expect(FetchState.load(from: folder.url.path).state.feeds[server.url("/feed.xml")]?.validators.etag == "\"1\"")
    }

    @Test func aStateFileNamingAPathOutsideTheFolderIsIgnored() async throws {
        server.route("/feed.xml", .file(feed, contentType: "application/rss+xml", etag: "\"1\""))
        var state = FetchState()
        state.feeds[server.url("/feed.xml")] = FetchState.Feed(file: "../escaped.rss", validators: Validators(etag: "\"0\""))
        try state.save(to: folder.url.path)
        let report = await fetch(["/feed.xml"])
        #expect(report.problems.count == 1 && report.problems[0].contains("outside the folder"))
        #expect(report.results[0].file == "127-0-0-1.rss")
        #expect(!FileManager.default.fileExists(atPath: folder.url.deletingLastPathComponent().appendingPathComponent("escaped.rss").path))
        #expect(server.requests(to: "/feed.xml").first?.headers.first(name: "If-None-Match") == nil)
    }
}
