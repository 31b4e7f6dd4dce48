import Foundation
import QuireCore
import QuireTestSupport
import Testing

@testable import QuireServer

@Suite struct ServerConfigurationTests {
    @Test func listensOnLoopbackByDefault() {
        #expect(ServerConfiguration().host == "127.0.0.1")
        #expect(ServerConfiguration().port == 8080)
        #expect(ServerConfiguration().maximumBodySize == 67_108_864)
        #expect(ServerConfiguration().allowsPlugins == false)
    }

    @Test func refusesUnusableLimits() {
        #expect(ServerConfiguration(maximumConcurrentConversions: 0).problem == "--max-concurrent must be 1 or more")
        #expect(ServerConfiguration(logLevel: "loud").problem?.hasPrefix("--log-level takes") == true)
        #expect(ServerConfiguration().problem == nil)
    }
}

@Suite(.serialized) struct ConvertEndpointTests {
    @Test func healthz() async throws {
        try await TestServer.with { server in
            let response = try await server.send("GET", "/healthz")
            #expect(response.status == 200)
            #expect(response.text == "ok\n")
            #expect(response.header("Content-Type") == "text/plain; charset=utf-8")
            #expect(response.header("X-Content-Type-Options") == "nosniff")
            let head = try await server.send("HEAD", "/healthz")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.header("Content-Length") == "3")
        }
    }

    @Test func healthzIs503OnceDraining() async throws {
        try await TestServer.with { server in
            server.server.state.startDraining()
            let response = try await server.send("GET", "/healthz")
            #expect(response.status == 503)
            #expect(response.text == "shutting down\n")
            #expect(response.header("Retry-After") == "1")
        }
    }

    @Test func convertsAnEpisodeToTheSameJSONAsTheLibrary() async throws {
        try await TestServer.with { server in
            let response = try await server.send("POST", "/v1/convert?to=json&filename=episode.txt", body: Samples.episode)
            #expect(response.status == 200)
            #expect(response.body == (try Samples.converted(Samples.episode, name: "episode.txt", to: "json")))
            #expect(response.header("Content-Type") == "application/json")
            #expect(response.header("Content-Disposition") == "attachment; filename=\"episode.json\"")
        }
    }

    @Test(.needsSharedCorpus) func convertsTheSharedSamplePage() async throws {
        let page = Array(try Data(contentsOf: #require(Fixtures.sharedCorpus("sample-channel-page.txt"))))
        try await TestServer.with { server in
            let response = try await server.send("POST", "/v1/convert?to=json&filename=sample-channel-page.txt", body: page)
            #expect(response.status == 200)
            #expect(response.body == (try Samples.converted(page, name: "sample-channel-page.txt", to: "json")))
            let epub = try await server.send("POST", "/v1/convert?to=epub&filename=sample-channel-page.txt", body: page)
            #expect(epub.status == 200)
            #expect(epub.header("Content-Type") == "application/epub+zip")
            #expect(epub.header("Content-Disposition") == "attachment; filename=\"sample-channel-page.epub\"")
            #expect(epub.body.starts(with: Array("PK".utf8)))
        }
    }

    @Test func multipartPartsAreMergedLikeSeveralInputs() async throws {
        let body = MultipartBody(parts: [("file", "a/../episode.txt", Samples.episode), ("note", nil, Array("ignored".utf8))])
        try await TestServer.with { server in
            let response = try await server.send("POST", "/v1/convert?to=json", body: body.bytes, headers: [MultipartBody.contentType])
            #expect(response.status == 200)
            #expect(response.body == (try Samples.converted(Samples.episode, name: "episode.txt", to: "json")))
            #expect(response.header("Content-Disposition") == "attachment; filename=\"episode.json\"")
        }
    }

    @Test func settingsAreTakenFromTheQuery() async throws {
        try await TestServer.with { server in
            let response = try await server.send("POST", "/v1/convert?to=opml&opml=outline&filename=episode.txt", body: Samples.episode)
            #expect(response.status == 200)
            let expected = try Samples.converted(Samples.episode, name: "episode.txt", to: "opml", settings: ConversionOptions(["opml": "outline"]))
            #expect(response.body == expected)
            #expect(response.header("Content-Type") == "text/x-opml; charset=utf-8")
        }
    }

    @Test func badRequestsAreAnsweredWithProblems() async throws {
        try await TestServer.with { server in
            let unknownFormat = try await server.send("POST", "/v1/convert?to=docx", body: Samples.episode)
            #expect(unknownFormat.status == 400)
            #expect(unknownFormat.header("Content-Type") == "application/problem+json")
            #expect(unknownFormat.problemSlug == "bad-request")
            #expect((unknownFormat.json["detail"] as? String)?.hasPrefix("unknown format 'docx'") == true)
            #expect(unknownFormat.json["status"] as? Int == 400)

            let unknownSetting = try await server.send("POST", "/v1/convert?to=json&colour=red", body: Samples.episode)
            #expect(unknownSetting.status == 400)
            #expect((unknownSetting.json["detail"] as? String)?.hasPrefix("unknown setting 'colour'") == true)

            let pathSetting = try await server.send("POST", "/v1/convert?to=epub&cover=/etc/passwd", body: Samples.episode)
            #expect(pathSetting.status == 400)
            #expect((pathSetting.json["detail"] as? String) == "setting 'cover' names a file or folder on the server, which the API does not accept")

            let badValue = try await server.send("POST", "/v1/convert?to=opml&opml=sideways", body: Samples.episode)
            #expect(badValue.status == 400)
            #expect((badValue.json["detail"] as? String)?.contains("'sideways'") == true)

            // A value the writer refuses when it runs is the request's fault too.
            let writerValue = try await server.send("POST", "/v1/convert?to=epub&series-index=abc&filename=episode.txt", body: Samples.episode)
            #expect(writerValue.status == 400)
            #expect((writerValue.json["diagnostics"] as? [[String: Any]])?.first?["identifier"] as? String == "setting.value")

            let filter = try await server.send("POST", "/v1/convert?to=json&filter=select-episodes", body: Samples.episode)
            #expect(filter.status == 400)
            #expect((filter.json["detail"] as? String)?.contains("plugins are off") == true)

            let noTarget = try await server.send("POST", "/v1/convert", body: Samples.episode)
            #expect(noTarget.status == 400)
            // Refused before the body was read: the connection ends rather than reading it.
            #expect(noTarget.header("Connection") == "close")

            let malformed = try await server.send(
                "POST", "/v1/convert?to=json", body: Array("--quire-test-boundary-7MA4YWxk\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc".utf8),
                headers: [MultipartBody.contentType])
            #expect(malformed.status == 400)
            #expect((malformed.json["detail"] as? String)?.hasPrefix("malformed multipart body") == true)

            let garbage = try await server.send("POST", "/v1/convert?to=json&filename=blob.bin", body: [0x00, 0xFF, 0xFE, 0x01, 0x89, 0x50])
            #expect(garbage.status == 415)
            #expect(garbage.problemSlug == "unsupported-input")

            // Still serving.
            let after = try await server.send("POST", "/v1/convert?to=json&filename=episode.txt", body: Samples.episode)
            #expect(after.status == 200)
        }
    }

    @Test func unreadableInputIs422WithDiagnostics() async throws {
        try await TestServer.with { server in
            let response = try await server.send("POST", "/v1/convert?to=markdown&from=json&filename=bad.json", body: Array("{\"episodes\": 3".utf8))
            #expect(response.status == 422)
            #expect(response.problemSlug == "conversion-failed")
            let diagnostics = response.json["diagnostics"] as? [[String: Any]] ?? []
            #expect(!diagnostics.isEmpty)
            #expect(diagnostics.first?["severity"] as? String == "error")
            #expect(diagnostics.first?["file"] as? String == "bad.json")
        }
    }

    @Test func unknownPathsAre404Problems() async throws {
        try await TestServer.with { server in
            let response = try await server.send("GET", "/etc/passwd")
            #expect(response.status == 404)
            #expect(response.header("Content-Type") == "application/problem+json")
            let wrongMethod = try await server.send("GET", "/v1/convert")
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.header("Allow") == "POST")
            #expect(wrongMethod.problemSlug == "method-not-allowed")
        }
    }
}
