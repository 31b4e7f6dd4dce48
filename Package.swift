// swift-tools-version:6.0
// Quire: converts podcast-episode summaries between formats.
//
// The tree shows the architecture (README.md, "How it is built"):
//   Sources/QuireCore            model, diagnostics, format registry, conversion graph
//   Sources/QuireBuiltinFormats  the list of built-in formats, registered like plugins
//   Sources/QuireScoring         ground truth and scorecard for `quire score`
//   Sources/QuireCommands        the command library (arguments -> job -> route -> run)
//   Sources/QuireServer          `quire serve`: the conversion API over HTTP and the web page
//   Sources/quire                the thin executable
//   Sources/QuireXML, QuireCommonMark, QuireXHTML, QuireZip, QuireRaster
//                                safe wrappers and markup shared by several formats
//   Sources/CSystem/C*           system-library targets for libxml2, libzip, cmark-gfm, librsvg
//   Formats/<Name>               one target per built-in format
//   Plugins/                     out-of-process format plugins (not SwiftPM package plugins)
import PackageDescription

let package = Package(
    name: "Quire",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "quire", targets: ["quire"]),
        // The in-process API: register formats, build the graph, run conversions.
        .library(name: "Quire", targets: ["Quire"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Round-trip properties over generated models (tests only).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        // HTML page templates users can replace (--template DIR).
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        // `quire fetch`: conditional GET, gzip, timeouts and limits over SwiftNIO.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // Comes with AsyncHTTPClient; named for the local HTTP server `quire fetch`'s tests start.
        .package(url: "https://github.com/apple/swift-nio", from: "2.100.0"),
        // YAML metadata files (`--metadata book.yaml`), through QuireYAML.
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // `quire serve`: the HTTP server, its metrics, its logs, and shutdown on SIGTERM.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // `quire serve`: multipart/form-data uploads (several files in one request).
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.0"),
    ],
    targets: [
        // C at the edge: one tiny module per library, nothing else in them.
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CSystem/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(
            name: "CLibZip", path: "Sources/CSystem/CLibZip", pkgConfig: "libzip",
            providers: [.apt(["libzip-dev"])]),
        .systemLibrary(
            name: "CCmarkGFM", path: "Sources/CSystem/CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        // librsvg's .pc brings cairo, GLib and GIO with it.
        .systemLibrary(
            name: "CRsvg", path: "Sources/CSystem/CRsvg", pkgConfig: "librsvg-2.0",
            providers: [.apt(["librsvg2-dev"])]),

        // The core knows no format, no C library and no CLI.
        .target(name: "QuireCore", path: "Sources/QuireCore"),
        // Safe XML parsing and writing over libxml2, shared by the XML-based formats.
        .target(name: "QuireXML", dependencies: ["QuireCore", "CLibXML2"], path: "Sources/QuireXML"),

        // Inline Markdown and CommonMark documents over cmark-gfm, shared by Markdown, HTML and EPUB.
        .target(name: "QuireCommonMark", dependencies: ["QuireCore", "CCmarkGFM"], path: "Sources/QuireCommonMark"),
        // Episode markup shared by HTML and EPUB: templates, the view they render, and reading it back.
        .target(
            name: "QuireXHTML",
            dependencies: ["QuireCore", "QuireXML", "QuireCommonMark", .product(name: "Mustache", package: "swift-mustache")],
            path: "Sources/QuireXHTML",
            // The shipped templates are real .mustache files, compiled into the binary (no resource bundle to lose).
            resources: [.embedInCode("Templates")]),
        // SVG to PNG over librsvg and cairo (raster EPUB covers), and PNG decoding for checking them.
        .target(name: "QuireRaster", dependencies: ["CRsvg"], path: "Sources/QuireRaster"),
        // Zip archives over libzip with limits for untrusted input (EPUB containers).
        .target(name: "QuireZip", dependencies: ["QuireCore", "CLibZip"], path: "Sources/QuireZip"),

        // Timed text (WebVTT, SRT, transcript JSON) to and from the model's Transcript: the transcript formats and the RSS reader share it.
        .target(name: "QuireTimedText", dependencies: ["QuireCore"], path: "Sources/QuireTimedText"),

        // YAML read into plain values with line and column (EPUB's --metadata; defaults files later).
        .target(name: "QuireYAML", dependencies: ["QuireCore", .product(name: "Yams", package: "Yams")], path: "Sources/QuireYAML"),

        // Built-in formats: each imports the core (and the C libraries it needs), never another format.
        .target(name: "QuireSummaryText", dependencies: ["QuireCore"], path: "Formats/SummaryText"),
        .target(name: "QuireJSON", dependencies: ["QuireCore"], path: "Formats/JSON"),
        .target(name: "QuireOPML", dependencies: ["QuireCore", "QuireXML"], path: "Formats/OPML"),
        .target(name: "QuireMarkdown", dependencies: ["QuireCore", "QuireCommonMark"], path: "Formats/Markdown"),
        .target(
            name: "QuireHTML", dependencies: ["QuireCore", "QuireXML", "QuireCommonMark", "QuireXHTML"], path: "Formats/HTML",
            resources: [.embedInCode("Templates")]),
        .target(name: "QuireRSS", dependencies: ["QuireCore", "QuireXML", "QuireXHTML", "QuireTimedText"], path: "Formats/RSS"),
        .target(
            name: "QuireEPUB", dependencies: ["QuireCore", "QuireXML", "QuireCommonMark", "QuireXHTML", "QuireZip", "QuireYAML", "QuireRaster"],
            path: "Formats/EPUB"),
        .target(name: "QuireTranscripts", dependencies: ["QuireCore", "QuireTimedText"], path: "Formats/Transcripts"),
        // Kobo EPUB: converter edges to and from EPUB's bytes, never EPUB's code.
        .target(name: "QuireKEPUB", dependencies: ["QuireCore", "QuireXML", "QuireZip"], path: "Formats/KEPUB"),
        // CSV tables (chapters, entities, episodes) for spreadsheets, Notion and Airtable; write only.
        .target(name: "QuireCSV", dependencies: ["QuireCore"], path: "Formats/CSV"),

        .target(
            name: "QuireBuiltinFormats",
            dependencies: [
                "QuireCore", "QuireSummaryText", "QuireJSON", "QuireOPML", "QuireMarkdown", "QuireHTML", "QuireEPUB", "QuireTranscripts", "QuireRSS",
                "QuireKEPUB",
                "QuireCSV",
            ],
            path: "Sources/QuireBuiltinFormats"),
        // Reading accuracy: a hand-checked ground truth and the scorecard `quire score` prints.
        .target(name: "QuireScoring", dependencies: ["QuireCore"], path: "Sources/QuireScoring"),
        // The conversion API: a request in, a route run, outputs written, diagnostics to a consumer.
        .target(name: "QuireConversion", dependencies: ["QuireCore"], path: "Sources/QuireConversion"),
        // The library's front door: `import Quire` brings the core, the built-in formats and the conversion API.
        .target(name: "Quire", dependencies: ["QuireCore", "QuireBuiltinFormats", "QuireConversion"], path: "Sources/Quire"),
        // Out-of-process plugins: discovery, the protocol, isolation; the graph sees them as FormatPlugins.
        .target(name: "QuirePluginHost", dependencies: ["QuireCore", "QuireJSON"], path: "Sources/QuirePluginHost"),
        // Downloads feeds and the files they link into a folder (`quire fetch`); formats come from the registry.
        .target(
            name: "QuireFetch",
            dependencies: ["QuireCore", .product(name: "AsyncHTTPClient", package: "async-http-client")],
            path: "Sources/QuireFetch"),
        // `quire serve`: the conversion API over HTTP, its limits, metrics and the web page at `/`.
        .target(
            name: "QuireServer",
            dependencies: [
                "QuireCore", "QuireConversion", "QuireZip",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            path: "Sources/QuireServer",
            // The web page is plain files compiled into the binary: nothing to deploy beside it.
            resources: [.embedInCode("Web")]),
        .target(
            name: "QuireCommands",
            dependencies: [
                "QuireCore", "QuireBuiltinFormats", "QuireConversion", "QuirePluginHost", "QuireScoring", "QuireFetch", "QuireYAML",
                "QuireServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/QuireCommands"),
        .executableTarget(name: "quire", dependencies: ["QuireCommands"], path: "Sources/quire"),
        // Example out-of-process plugins (Plugins/README.md); they speak the protocol, not Swift APIs.
        .executableTarget(
            name: "quire-podcast-chapters", path: "Plugins/podcast-chapters", exclude: ["quire-plugin.json"]),
        .executableTarget(
            name: "quire-webvtt-chapters", path: "Plugins/webvtt-chapters", exclude: ["quire-plugin.json"]),
        // Fuzzing: a libFuzzer target per reader when built by scripts/fuzz; a crash replayer otherwise.
        .executableTarget(
            name: "quire-fuzz",
            dependencies: ["QuireCore", "QuireBuiltinFormats"],
            path: "Fuzzing/QuireFuzz"),
        // The README's `import Quire` example, built with everything else (a test keeps the two the same).
        .executableTarget(name: "quire-embedding-example", dependencies: ["Quire"], path: "Examples/Embedding"),
        // Times each conversion step in process (scripts/bench times whole commands).
        .executableTarget(
            name: "quire-bench", dependencies: ["QuireCore", "QuireSummaryText", "QuireJSON"], path: "Benchmarks/QuireBench"),
        // Writes the heading splitter's candidates and features for training (scripts/train-heading-splitter).
        .executableTarget(
            name: "quire-heading-features", dependencies: ["QuireCore", "QuireSummaryText"], path: "Training/HeadingSplitter/FeatureDump"),

        .target(name: "QuireTestSupport", dependencies: ["QuireCore"], path: "Tests/QuireTestSupport"),
        .testTarget(name: "QuireCoreTests", dependencies: ["QuireCore", "QuireTestSupport"]),
        .testTarget(
            name: "SummaryTextTests",
            dependencies: [
                "QuireSummaryText", "QuireJSON", "QuireScoring", "QuireTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "JSONFormatTests",
            dependencies: ["QuireJSON", "QuireTestSupport", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "OPMLFormatTests",
            dependencies: ["QuireOPML", "QuireTestSupport", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "QuireCommandsTests", dependencies: ["QuireCommands", "QuireConversion", "QuireBuiltinFormats", "QuireTestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "MarkdownFormatTests",
            dependencies: [
                "QuireMarkdown", "QuireCommonMark", "QuireSummaryText", "QuireTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "HTMLFormatTests",
            dependencies: [
                "QuireHTML", "QuireXHTML", "QuireSummaryText", "QuireTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "EPUBFormatTests",
            dependencies: [
                "QuireEPUB", "QuireZip", "QuireRaster", "QuireSummaryText", "QuireTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "RSSFormatTests",
            dependencies: ["QuireRSS", "QuireXML", "QuireTimedText", "QuireTestSupport", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Fixtures"]),
        // The contract every built-in reader and writer keeps, checked the same way for all of them.
        .testTarget(
            name: "ConformanceTests",
            dependencies: [
                "QuireBuiltinFormats", "QuireSummaryText", "QuireTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(name: "CLibrariesTests", dependencies: ["CLibXML2", "CLibZip", "CCmarkGFM"]),
        // The test helpers themselves: a golden file being recorded fails its test.
        .testTarget(name: "QuireTestSupportTests", dependencies: ["QuireTestSupport"]),
        // One test target per support module, checking it as the formats that use it see it.
        .testTarget(name: "QuireZipTests", dependencies: ["QuireZip", "QuireCore", "QuireTestSupport"]),
        .testTarget(name: "QuireXMLTests", dependencies: ["QuireXML", "QuireCore"]),
        .testTarget(name: "QuireYAMLTests", dependencies: ["QuireYAML"]),
        .testTarget(name: "QuireRasterTests", dependencies: ["QuireRaster", "QuireTestSupport"]),
        .testTarget(name: "QuireCommonMarkTests", dependencies: ["QuireCommonMark"]),
        .testTarget(
            name: "QuireXHTMLTests",
            dependencies: [
                "QuireXHTML", "QuireXML", "QuireCore", "QuireSummaryText", "QuireTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        // `quire fetch` against a local HTTP server the tests start on 127.0.0.1.
        .testTarget(
            name: "QuireFetchTests",
            dependencies: [
                "QuireFetch", "QuireCommands", "QuireBuiltinFormats", "QuireTestSupport",
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "TranscriptFormatTests",
            dependencies: [
                "QuireTranscripts", "QuireTimedText", "QuireJSON", "QuireTestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "KEPUBFormatTests",
            dependencies: [
                "QuireKEPUB", "QuireEPUB", "QuireZip", "QuireXML", "QuireSummaryText", "QuireBuiltinFormats", "QuireConversion", "QuireTestSupport",
            ],
            exclude: ["Fixtures"]),
        .testTarget(name: "CSVFormatTests", dependencies: ["QuireCSV", "QuireSummaryText", "QuireCommands", "QuireTestSupport"], exclude: ["Fixtures"]),
        // `quire serve` started on 127.0.0.1 and driven over HTTP.
        .testTarget(
            name: "QuireServerTests",
            dependencies: [
                "QuireServer", "QuireCommands", "QuireBuiltinFormats", "QuireZip", "QuireTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            exclude: ["Fixtures"]),
        .testTarget(name: "QuirePluginHostTests", dependencies: ["QuirePluginHost", "QuireCore", "QuireTestSupport"], exclude: ["Fixtures"]),
    ]
)
