import Foundation
import QuireCore

/// What happened to one feed of a run.
public struct FeedResult: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// A new or changed copy was stored.
        case fetched
        /// The server said the stored copy is current (304), or `--offline` used it.
        case unchanged
        case failed(FetchFailure)
    }

    /// A linked file that could not be stored; the feed itself was.
    public struct LinkedFailure: Sendable, Equatable {
        public var url: String
        public var failure: FetchFailure
    }

    /// As given.
    public var url: String
    public var outcome: Outcome
    /// The feed's file name in the folder, once it has one.
    public var file: String?
    /// Bytes downloaded for the feed (0 when unchanged).
    public var bytes = 0
    public var linkedFetched = 0
    public var linkedUnchanged = 0
    public var linkedFailures: [LinkedFailure] = []
    /// The reader's warnings about a feed that was kept.
    public var warnings: [String] = []

    public var failure: FetchFailure? {
        if case .failed(let failure) = outcome { return failure }
        return nil
    }
}

/// The whole run: each feed in the order given, and the counts the summary prints.
public struct FetchReport: Sendable {
    public var results: [FeedResult]
    /// Problems with the folder itself (a damaged state file, a state file that could not be saved).
    public var problems: [String]
    /// Whether `problems` include one that makes the run fail (the state could not be saved).
    public var folderFailed: Bool

    public var fetched: Int { results.filter { $0.outcome == .fetched }.count }
    public var unchanged: Int { results.filter { $0.outcome == .unchanged }.count }
    public var failed: Int { results.filter { $0.failure != nil }.count }
    public var linkedFailed: Int { results.reduce(0) { $0 + $1.linkedFailures.count } }

    /// Exit status 0 only when every feed and every linked file was stored or current.
    public var succeeded: Bool { failed == 0 && linkedFailed == 0 && !folderFailed }

    /// `fetched 3, unchanged 1, failed 1` (and linked files that failed, when any did).
    public var summary: String {
        var text = "fetched \(fetched), unchanged \(unchanged), failed \(failed)"
        if linkedFailed > 0 { text += "; \(linkedFailed) linked file\(linkedFailed == 1 ? "" : "s") failed" }
        return text
    }
}

/// Downloads feeds into a folder, one file per feed, and the chapters and transcripts they link
/// beside them (`FeedFolder`). A download is kept only when it is complete, within the limits, and
/// reads as a feed; files are replaced atomically, so a failure leaves the previous copy as it was.
public final class FeedFetcher: Sendable {
    public let folder: String
    public let options: FetchOptions
    private let inspector: any FeedInspector

    public init(folder: String, options: FetchOptions, inspector: any FeedInspector) {
        self.folder = folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        self.options = options
        self.inspector = inspector
    }

    /// Fetches `urls` (duplicates once), at most `options.jobs` at a time; `finished` hears each feed
    /// as it ends (for a progress bar).
    public func run(_ urls: [String], finished: @escaping @Sendable (FeedResult) -> Void = { _ in }) async -> FetchReport {
        var unique: [String] = []
        var seen: Set<String> = []
        for url in urls where seen.insert(url).inserted { unique.append(url) }

        var problems: [String] = []
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            let failure = FetchFailure(.file, "cannot create the folder \(folder): \(error.localizedDescription)")
            let results = unique.map { FeedResult(url: $0, outcome: .failed(failure)) }
            results.forEach(finished)
            return FetchReport(results: results, problems: [], folderFailed: true)
        }
        let loaded = FetchState.load(from: folder)
        if let problem = loaded.problem { problems.append(problem) }
        let names = FileNames(state: loaded.state, folder: folder)
        let downloader = options.offline ? nil : HTTPDownloader(options: options)

        var results = [FeedResult?](repeating: nil, count: unique.count)
        var entries = [FetchState.Feed?](repeating: nil, count: unique.count)
        await withTaskGroup(of: (Int, FeedResult, FetchState.Feed?).self) { group in
            var next = 0
            func startNext() {
                guard next < unique.count else { return }
                let index = next, url = unique[index]
                next += 1
                let previous = loaded.state.feeds[url]
                group.addTask {
                    let (result, entry) = await self.fetchFeed(url, previous: previous, names: names, downloader: downloader)
                    return (index, result, entry)
                }
            }
            for _ in 0..<max(1, options.jobs) { startNext() }
            while let (index, result, entry) = await group.next() {
                results[index] = result
                entries[index] = entry
                finished(result)
                startNext()
            }
        }
        await downloader?.shutdown()

        var state = loaded.state
        for (url, entry) in zip(unique, entries) { if let entry { state.feeds[url] = entry } }
        var folderFailed = false
        if state != loaded.state {
            do {
                try state.save(to: folder)
            } catch {
                problems.append("cannot save the fetch state: \(error)")
                folderFailed = true
            }
        }
        return FetchReport(results: results.compactMap { $0 }, problems: problems, folderFailed: folderFailed)
    }

    /// One feed: download (or reuse), check, store, then its linked files. Returns the state entry to keep.
    private func fetchFeed(
        _ url: String, previous: FetchState.Feed?, names: FileNames, downloader: HTTPDownloader?
    ) async -> (FeedResult, FetchState.Feed?) {
        var result = FeedResult(url: url, outcome: .unchanged)
        let stored = previous.flatMap { FileManager.default.fileExists(atPath: path(of: $0.file)) ? $0 : nil }
        guard let downloader else {
            guard let stored else {
                result.outcome = .failed(FetchFailure(.offline, "not fetched before, so there is no copy to use offline"))
                return (result, previous)
            }
            result.file = stored.file
            return (result, stored)
        }
        guard URLText.isWebURL(url) else {
            result.outcome = .failed(FetchFailure(.invalidURL, "only http and https URLs are fetched"))
            return (result, previous)
        }

        let download: Download
        do {
            download = try await downloader.get(url, validators: stored?.validators ?? Validators())
        } catch {
            result.outcome = .failed(error)
            return (result, previous)
        }

        var entry: FetchState.Feed
        let inspection: FeedInspection
        switch download {
        case .notModified:
            guard let stored else {
                // A 304 to a request without validators: nothing to keep.
                result.outcome = .failed(FetchFailure(.httpStatus, "the server answered 304 Not Modified to a plain GET"))
                return (result, previous)
            }
            entry = stored
            result.file = stored.file
            let bytes = (try? FileIO.read(path(of: stored.file))) ?? []
            inspection = inspector.inspect(bytes, name: url)
        case .body(let bytes, let contentType, let validators):
            if let refusal = Self.refusal(ofFeedType: contentType) {
                result.outcome = .failed(refusal)
                return (result, previous)
            }
            inspection = inspector.inspect(bytes, name: url)
            if inspection.diagnostics.hasErrors {
                let errors = inspection.diagnostics.errors
                result.outcome = .failed(FetchFailure(.invalidFeed, "not a feed Quire can read: \(errors[0].message)", diagnostics: errors.map(\.description)))
                return (result, previous)
            }
            let file = await names.name(for: url, title: inspection.title, previous: previous?.file)
            do {
                let target = path(of: file)
                // An identical copy is left alone (its modification time too).
                if (try? FileIO.read(target)) != bytes { try FileIO.writeAtomically(bytes, to: target) }
            } catch {
                result.outcome = .failed(FetchFailure(.file, "cannot write \(error)"))
                return (result, previous)
            }
            result.outcome = .fetched
            result.file = file
            result.bytes = bytes.count
            entry = FetchState.Feed(file: file, validators: validators, linked: previous?.linked ?? [:])
        }
        result.warnings = inspection.diagnostics.warnings.map(\.description)
        if options.linkedFiles, let file = result.file {
            entry.linked = await fetchLinked(inspection.linkedFiles, feedFile: file, known: entry.linked, downloader: downloader, into: &result)
        }
        return (result, entry)
    }

    /// Stores each linked file at `FeedFolder.attachmentPath`; returns the validators to keep.
    private func fetchLinked(
        _ links: [LinkedFile], feedFile: String, known: [String: Validators], downloader: HTTPDownloader, into result: inout FeedResult
    ) async -> [String: Validators] {
        var kept: [String: Validators] = [:]
        for link in links {
            let target = FeedFolder.attachmentPath(forFeedAt: path(of: feedFile), url: link.url, mediaType: link.mediaType)
            let exists = FileManager.default.fileExists(atPath: target)
            do {
                let download = try await downloader.get(link.url, validators: exists ? known[link.url] ?? Validators() : Validators())
                switch download {
                case .notModified:
                    guard exists else { throw FetchFailure(.httpStatus, "the server answered 304 Not Modified to a plain GET") }
                    result.linkedUnchanged += 1
                    kept[link.url] = known[link.url]
                case .body(let bytes, _, let validators):
                    do {
                        try FileManager.default.createDirectory(
                            atPath: FeedFolder.attachmentsFolder(forFeedAt: path(of: feedFile)), withIntermediateDirectories: true)
                        if (try? FileIO.read(target)) != bytes { try FileIO.writeAtomically(bytes, to: target) }
                    } catch {
                        throw FetchFailure(.file, "cannot write \(error)")
                    }
                    result.linkedFetched += 1
                    kept[link.url] = validators
                }
            } catch let failure as FetchFailure {
                result.linkedFailures.append(FeedResult.LinkedFailure(url: link.url, failure: failure))
                if let previous = known[link.url] { kept[link.url] = previous }
            } catch {
                result.linkedFailures.append(FeedResult.LinkedFailure(url: link.url, failure: FetchFailure(.network, "\(error)")))
            }
        }
        return kept
    }

    private func path(of file: String) -> String { folder + "/" + file }

    /// Why a body of this content type is no feed: a web page (a login or error page served with 200)
    /// or a type no feed host sends. XML of any kind, plain text and octet streams go on to the reader.
    static func refusal(ofFeedType contentType: String?) -> FetchFailure? {
        let type = (contentType ?? "").split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        if type.isEmpty || type.hasSuffix("/xml") || type.hasSuffix("+xml") && type != "application/xhtml+xml" { return nil }
        if ["text/plain", "application/octet-stream", "binary/octet-stream", "application/x-rss+xml"].contains(type) { return nil }
        if type == "text/html" || type == "application/xhtml+xml" {
            return FetchFailure(.contentType, "the server sent a web page (\(type)), not a feed")
        }
        return FetchFailure(.contentType, "the server sent \(type), not a feed")
    }
}

/// Feed file names: a feed keeps the name it was first stored under; a new one is named after its
/// title (else its URL), and a name another feed has gets the URL's short hash appended.
actor FileNames {
    private var taken: [String: String]

    init(state: FetchState, folder: String) {
        var taken: [String: String] = [:]
        for (url, feed) in state.feeds { taken[feed.file] = url }
        self.taken = taken
    }

    func name(for url: String, title: String?, previous: String?) -> String {
        if let previous, taken[previous] == url { return previous }
        let stem = title.flatMap(URLText.slug) ?? URLText.slug(forURL: url)
        var name = stem + ".rss"
        if let owner = taken[name], owner != url { name = stem + "-" + URLText.shortHash(url) + ".rss" }
        taken[name] = url
        return name
    }
}
