import Foundation
import QuireCore
import QuireFetch
import QuireTestSupport

/// Transport tests' inspector: keeps every body as it came and names the files a test chooses, so
/// the tests of HTTP behaviour do not depend on any format. (The registry's reader is tested in
/// `RegistryFetchTests`.)
struct TransportInspector: FeedInspector {
    var title: String?
    var links: [LinkedFile] = []

    func inspect(_ bytes: [UInt8], name: String) -> FeedInspection {
        FeedInspection(diagnostics: Diagnostics(), title: title, linkedFiles: links)
    }
}

enum FetchFixtures {
    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Fixtures.url("Tests/QuireFetchTests/Fixtures/\(name)")))
    }

    /// gzip's own output, so the client's decompression is checked against the real tool.
    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let result = try ExternalTool.run(path: "/usr/bin/env", ["gzip", "-c", "-n"], input: Data(bytes))
        precondition(result.status == 0, "gzip failed: \(result.error)")
        return Array(result.output)
    }
}

extension FetchOptions {
    /// Short limits, so a failing case fails in a second rather than minutes.
    static func testing(jobs: Int = 4) -> FetchOptions {
        var options = FetchOptions(userAgent: FetchOptions.userAgent(version: "9.9.9-test"))
        options.connectTimeout = 2
        options.readTimeout = 2
        options.totalTimeout = 10
        options.maximumBytes = 1 << 20
        options.maximumRedirects = 3
        options.jobs = jobs
        return options
    }
}

/// Every file under `folder`, hidden ones included, relative and sorted.
func filesBelow(_ folder: String) -> [String] {
    var found: [String] = []
    if let enumerator = FileManager.default.enumerator(atPath: folder) {
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                found.append(relative)
            }
        }
    }
    return found.sorted()
}

func modificationDate(_ path: String) -> Date? {
    (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
}
