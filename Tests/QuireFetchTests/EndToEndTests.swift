import Foundation
import QuireCore
import QuireTestSupport
import Testing

/// The README's walk-through, against the local server: a podcast app's OPML export → `quire fetch`
/// → `quire convert feeds/ -o shows.epub` → epubcheck finds nothing.
@Suite(
    .enabled(if: FetchCLI.hasBinary, "build the binary first: swift build --build-tests"),
    .enabled(if: FetchCLI.canReadFeeds, "the registry has no 'rss' reader yet"),
    .enabled(if: EPUBCheck.isAvailable, "epubcheck (apt package epubcheck) or java is not installed"))
struct EndToEndTests {
    @Test func fromAnAntennaPodExportToAnEPUBThatPassesEpubcheck() throws {
        let server = try FeedServer()
        let folder = try TemporaryDirectory()
        let feed = try FetchFixtures.bytes("kitchen-physics.rss")
        // The fixture's links point at example.org; served here from the same paths (tests reach no other host).
        let local = String(decoding: feed, as: UTF8.self).replacingOccurrences(of: "https://example.org/kp/", with: server.url("/kp/"))
        server.route("/kp/feed.xml", .file(Array(local.utf8), contentType: "application/rss+xml", etag: "\"kp1\""))
        server.route("/kp/chapters/0042.json", .file(try FetchFixtures.bytes("chapters-0042.json"), contentType: "application/json"))
        server.route("/kp/0042.vtt", .file(try FetchFixtures.bytes("transcript-0042.vtt"), contentType: "text/vtt"))
        server.route("/gone/feed.xml", .status(410))
        let opml = """
            <?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
            <opml version="2.0">
              <head>
                <title>AntennaPod Subscriptions</title>
                <dateCreated>26 Nov 26 20:10:03 +0000</dateCreated>
              </head>
              <body>
                <outline text="Kitchen Physics" title="Kitchen Physics" type="rss" xmlUrl="\(server.url("/kp/feed.xml"))" htmlUrl="https://example.org/kitchen-physics" />
                <outline text="Gone Show" title="Gone Show" type="rss" xmlUrl="\(server.url("/gone/feed.xml"))" />
              </body>
            </opml>

            """
        let subscriptions = folder.path("antennapod-feeds.opml")
        try Data(opml.utf8).write(to: URL(fileURLWithPath: subscriptions))
        let feeds = folder.path("feeds")

        let fetch = try FetchCLI.run(["fetch", subscriptions, "-o", feeds])
        // One feed is gone: reported, status 1, and the other is stored all the same.
        #expect(fetch.status == 1)
        #expect(fetch.error.contains("fetched 1, unchanged 0, failed 1"), "\(fetch.error)")
        #expect(fetch.output.contains("failed     \(server.url("/gone/feed.xml")): the server answered 410 Gone"))
        #expect(filesBelow(feeds).filter { !$0.hasPrefix(".") }.count == 3, "\(filesBelow(feeds))")
        #expect(FileManager.default.fileExists(atPath: feeds + "/kitchen-physics.rss"))

        let book = folder.path("shows.epub")
        let convert = try FetchCLI.run(["convert", feeds, "-o", book])
        #expect(convert.status == 0, "\(convert.error)")
        #expect(try EPUBCheck.problems(atPath: book) == [])
        // The chapters file and the transcript were stored where the feed's reader looks for them.
        for (path, type) in [("/kp/chapters/0042.json", "application/json+chapters"), ("/kp/0042.vtt", "text/vtt")] {
            let stored = FeedFolder.attachmentPath(forFeedAt: feeds + "/kitchen-physics.rss", url: server.url(path), mediaType: type)
            #expect(FileManager.default.fileExists(atPath: stored), "\(path)")
        }
        let contents = try ExternalTool.run("unzip", ["-p", book])
        #expect(contents.output.contains("Oven spring"))
        // The stored transcript is read with the feed: the book shows what is said, with its speakers.
        #expect(contents.output.contains("Welcome to Kitchen Physics."))
        #expect(contents.output.contains("Ben Crust"))

        // A second run asks conditionally and stores nothing new.
        let again = try FetchCLI.run(["fetch", server.url("/kp/feed.xml"), "-o", feeds])
        #expect(again.status == 0)
        #expect(again.error.contains("fetched 0, unchanged 1, failed 0"))
    }
}
