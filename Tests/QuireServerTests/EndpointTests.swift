import Foundation
import QuireCore
import QuireTestSupport
import QuireZip
import Testing

@testable import QuireServer

@Suite(.serialized) struct EndpointTests {
    @Test func formatsListTheRegistry() async throws {
        try await TestServer.with { server in
            let response = try await server.send("GET", "/v1/formats")
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "application/json")
            let formats = response.json["formats"] as? [[String: Any]] ?? []
            #expect(formats.map { $0["name"] as? String } == TestServer.registry.formats.map(\.id.rawValue))
            let epub = try #require(formats.first { $0["name"] as? String == "epub" })
            #expect(epub["mediaType"] as? String == "application/epub+zip")
            #expect(epub["extensions"] as? [String] == ["epub"])
            #expect(epub["writes"] as? Bool == true)
            let cover = (epub["settings"] as? [[String: Any]] ?? []).first { $0["key"] as? String == "cover" }
            #expect(cover?["kind"] as? String == "path")
            let opml = try #require(formats.first { $0["name"] as? String == "opml" })
            let choice = (opml["settings"] as? [[String: Any]] ?? []).first { $0["key"] as? String == "opml" }
            #expect(choice?["kind"] as? String == "choice")
            #expect((choice?["choices"] as? [String])?.contains("outline") == true)
            #expect(response.json["filters"] as? [Any] != nil)
        }
    }

    @Test func routeGivesStepsAndTheText() async throws {
        try await TestServer.with { server in
            let response = try await server.send("GET", "/v1/route?from=summary&to=json")
            #expect(response.status == 200)
            #expect(response.json["from"] as? String == "summary")
            #expect(response.json["to"] as? String == "json")
            let steps = response.json["steps"] as? [[String: Any]] ?? []
            #expect(steps.map { $0["action"] as? String } == ["reader", "writer"])
            #expect(steps.first?["to"] as? String == "model")
            #expect((response.json["text"] as? String)?.hasPrefix("route summary → json: 2 steps") == true)

            let unknown = try await server.send("GET", "/v1/route?from=summary&to=docx")
            #expect(unknown.status == 400)
            let noRoute = try await server.send("GET", "/v1/route?from=csv&to=json")
            #expect(noRoute.status == 422)
            #expect(noRoute.problemSlug == "no-route")
        }
    }

    @Test func batchZipsEachOutputWithAReport() async throws {
        let body = MultipartBody(parts: [
            ("file", "episode.txt", Samples.episode), ("file", "bad.json", Array("{\"episodes\": 3".utf8)), ("file", "episode.txt", Samples.episode),
        ])
        try await TestServer.with { server in
            let response = try await server.send("POST", "/v1/batch?to=json", body: body.bytes, headers: [MultipartBody.contentType])
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "application/zip")
            let archive = try ZipReader.read(InputFile(name: "batch.zip", bytes: response.body), prefix: "test")
            #expect(archive.entries.map(\.path).sorted() == ["episode-2.json", "episode.json", "quire-report.json"])
            #expect(archive.entry("episode.json")?.bytes == (try Samples.converted(Samples.episode, name: "episode.txt", to: "json")))
            let report = try JSONSerialization.jsonObject(with: Data(try #require(archive.entry("quire-report.json")).bytes)) as? [String: Any]
            let files = report?["files"] as? [[String: Any]] ?? []
            #expect(files.map { $0["status"] as? String } == ["converted", "failed", "converted"])
            #expect(files[1]["output"] is NSNull)
            #expect(!(files[1]["diagnostics"] as? [Any] ?? []).isEmpty)
        }
    }

    @Test func pageIsServedWithItsPolicy() async throws {
        try await TestServer.with { server in
            let response = try await server.send("GET", "/")
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "text/html; charset=utf-8")
            #expect(response.body == PackageResources.index_html)
            #expect(response.header("Content-Security-Policy")?.hasPrefix("default-src 'self'") == true)
            #expect(response.header("Referrer-Policy") == "no-referrer")
            let css = try await server.send("GET", "/app.css")
            #expect(css.header("Content-Type") == "text/css; charset=utf-8")
            #expect(css.body == PackageResources.app_css)
            let script = try await server.send("GET", "/app.js")
            #expect(script.header("Content-Type") == "text/javascript; charset=utf-8")
            #expect(script.body == PackageResources.app_js)
        }
    }

    @Test func metricsCountRequests() async throws {
        try await TestServer.with { server in
            _ = try await server.send("GET", "/healthz")
            _ = try await server.send("POST", "/v1/convert?to=docx", body: Samples.episode)
            let response = try await server.send("GET", "/metrics")
            #expect(response.status == 200)
            #expect(response.text.contains("quire_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"} 1"))
            #expect(response.text.contains("quire_http_requests_total{route=\"/v1/convert\",method=\"POST\",status=\"400\"} 1"))
            #expect(response.text.contains("quire_http_request_duration_seconds_bucket{"))
            #expect(response.text.contains("quire_conversions_in_flight 0"))
            #expect(response.text.contains("quire_conversion_queue_length 0"))
            for reason in ["busy", "conversion-timeout", "body-too-large", "request-timeout", "shutting-down"] {
                #expect(response.text.contains("quire_rejected_requests_total{reason=\"\(reason)\"} 0"))
            }
        }
    }

    @Test func diagnosticsHeaderIsASCIIJSON() {
        let diagnostic = Diagnostic.warning("summary.test", "시간 \"quoted\"", at: SourceLocation(file: "é.txt", line: 3, column: 1))
        let header = DiagnosticsHeader.value([diagnostic, .note("summary.note", "not shown")])
        #expect(
            header
                == #"[{"identifier":"summary.test","severity":"warning","message":"\uc2dc\uac04 \"quoted\"","file":"\u00e9.txt","line":3,"column":1,"notes":[]}]"#
        )
        #expect(DiagnosticsHeader.value([.note("summary.note", "only notes")]) == nil)
        // Beyond the BMP a character is its UTF-16 surrogate pair, as JSON escapes it.
        let emoji = DiagnosticsHeader.value([.warning("summary.test", "🎙 mic")])
        #expect(emoji?.contains(#""message":"\ud83c\udf99 mic""#) == true)
        let decoded = try? JSONSerialization.jsonObject(with: Data((emoji ?? "").utf8)) as? [[String: Any]]
        #expect(decoded?.first?["message"] as? String == "🎙 mic")
    }

    @Test func aDownloadIsNeverAHiddenFile() throws {
        let json = try #require(TestServer.registry.format(named: "json"))
        #expect(ConversionEndpoint.outputName(for: ".txt", target: json, writesFolder: false) == "txt.json")
        #expect(ConversionEndpoint.outputName(for: "..", target: json, writesFolder: false) == "input.json")
        #expect(ConversionEndpoint.outputName(for: "dir/.hidden.summary.txt", target: json, writesFolder: false) == "hidden.summary.json")
        #expect(ConversionEndpoint.outputName(for: "page.txt", target: json, writesFolder: true) == "page.zip")
    }

    @Test func contentDispositionKeepsNamesSafe() {
        #expect(ContentDisposition.attachment("a.json") == "attachment; filename=\"a.json\"")
        #expect(ContentDisposition.attachment("시간.json") == "attachment; filename=\"__.json\"; filename*=UTF-8''%EC%8B%9C%EA%B0%84.json")
        #expect(ConversionParameters.baseName("../../etc/passwd") == "passwd")
        #expect(ConversionParameters.baseName("..") == "input")
        #expect(ConversionParameters.baseName("a\u{0}b/c\u{1}.txt") == "c.txt")
        #expect(ConversionParameters.baseName(String(repeating: "x", count: 300) + ".txt").count == 200)
    }
}

/// What a request may not ask for, whatever the command line allows: raised zip limits, long routes.
@Suite(.serialized) struct RequestBoundTests {
    @Test func aZipInputUnpacksToNoMoreThanTheServerAllows() async throws {
        let book = try Samples.converted(Samples.samplePage, name: "page.txt", to: "epub")
        let unpacked = try ZipReader.read(InputFile(name: "page.epub", bytes: book), prefix: "test").entries.map(\.bytes.count).reduce(0, +)
        try await TestServer.with(ServerConfiguration(maximumUnpackedSize: unpacked / 2)) { server in
            let refused = try await server.send("POST", "/v1/convert?to=json&filename=page.epub", body: book)
            #expect(refused.status == 422)
            #expect(refused.text.contains("epub.zip."))
            // Asking for more than the server allows does not lift its cap.
            let asked = try await server.send("POST", "/v1/convert?to=json&filename=page.epub&zip-max-total-size=\(unpacked * 4)", body: book)
            #expect(asked.status == 422)
        }
        try await TestServer.with(ServerConfiguration(maximumUnpackedSize: unpacked * 2)) { server in
            let converted = try await server.send("POST", "/v1/convert?to=json&filename=page.epub", body: book)
            #expect(converted.status == 200)
        }
    }

    @Test func aRequestMayLowerASafetyLimitButNotRaiseIt() async throws {
        let book = try Samples.converted(Samples.episode, name: "episode.txt", to: "epub")
        try await TestServer.with { server in
            let raised = try await server.send("POST", "/v1/convert?to=json&filename=e.epub&zip-max-ratio=100000", body: book)
            #expect(raised.status == 400)
            #expect(raised.json["detail"] as? String == "setting 'zip-max-ratio' may be lowered on this server, not raised above 200")
            let lowered = try await server.send("POST", "/v1/convert?to=json&filename=e.epub&zip-max-entries=2", body: book)
            #expect(lowered.status == 422)
            #expect(lowered.text.contains("epub.zip.too-many-entries"))
        }
    }

    @Test func aConversionPassesThroughAtMostFourFormats() async throws {
        try await TestServer.with { server in
            let four = try await server.send("POST", "/v1/convert?to=json&filename=e.txt" + String(repeating: "&via=json", count: 4), body: Samples.episode)
            #expect(four.status == 200)
            let five = try await server.send("POST", "/v1/convert?to=json&filename=e.txt" + String(repeating: "&via=json", count: 5), body: Samples.episode)
            #expect(five.status == 400)
            #expect(five.json["detail"] as? String == "at most 4 via formats in one conversion")
        }
    }
}

/// A batch is a loop of conversions: past its deadline it stops at the next file, so a timed-out
/// batch does not keep its worker for the rest of its files.
@Suite struct BatchDeadlineTests {
    static func run(deadline: ContinuousClock.Instant) throws -> Result<[UInt8], Problem> {
        let registry = TestServer.registry
        let parameters = try ConversionParameters(query: "to=json", registry: registry, configuration: ServerConfiguration())
        let uploads = (1...3).map { ConversionEndpoint.Upload(name: "episode\($0).txt", body: .memory(Samples.episode)) }
        let target = try #require(registry.format(named: "json"))
        return ConversionEndpoint.runBatch(
            uploads, parameters: parameters, target: target, writesFolder: false, service: TestServer.service, deadline: deadline, timeout: 7)
    }

    @Test func aBatchPastItsDeadlineStopsBeforeTheNextFile() throws {
        guard case .failure(let problem) = try Self.run(deadline: .now - .seconds(1)) else {
            Issue.record("a batch past its deadline converted its files")
            return
        }
        #expect(problem.status.code == 503)
        #expect(problem.slug == "conversion-timeout")
        #expect(problem.detail == "the conversion did not finish within 7 seconds")
    }

    @Test func aBatchWithinItsDeadlineConvertsEveryFile() throws {
        let zip = try Self.run(deadline: .now + .seconds(600)).get()
        let archive = try ZipReader.read(InputFile(name: "batch.zip", bytes: zip), prefix: "test")
        #expect(archive.entries.map(\.path).sorted() == ["episode1.json", "episode2.json", "episode3.json", "quire-report.json"])
    }
}
