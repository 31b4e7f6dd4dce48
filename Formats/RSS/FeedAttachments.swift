import QuireCore

/// Files a feed links to (a `podcast:chapters` JSON file, a `podcast:transcript`) found on disk next to
/// it, where `quire fetch` stores them (`FeedFolder`) or where a relative link points inside the
/// feed's own folder. Never the network, never outside the feed's folder, never an unbounded read.
enum FeedAttachments {
    /// Chapters and transcripts are small; anything larger is not one.
    static let maximumSize = 8 << 20
    /// The name of a feed that is not a file (the writer's own check reads its output back under it).
    static let inMemoryName = "<written feed>"

    /// Why a chapters file was not read, said where in it.
    struct Problem: Error {
        var diagnostic: Diagnostic
    }

    enum Lookup {
        case found(InputFile)
        case missing
        case refused(String)
    }

    /// The local file for a link as the feed wrote it (`written`) and as resolved (`absolute`), for the feed at `feedPath`.
    static func find(written: String, absolute: String?, mediaType: String?, feedPath: String) -> Lookup {
        // Standard input and in-memory feeds have no folder.
        guard !feedPath.hasPrefix("<"), feedPath != "-", !feedPath.isEmpty else { return .missing }
        var candidates: [String] = []
        if !FeedLinks.isAbsolute(written) && !written.hasPrefix("//") {
            let path = written.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
            let segments = path.split(separator: "/", omittingEmptySubsequences: false)
            // A relative link stays in the feed's folder: no absolute paths, no `..`.
            if path.hasPrefix("/") || segments.contains("..") || path.isEmpty {
                return .refused("'\(written)' points outside the feed's folder")
            }
            let folder = feedPath.lastIndex(of: "/").map { String(feedPath[...$0]) } ?? ""
            candidates.append(folder + path)
        }
        if let absolute, FeedLinks.isAbsolute(absolute) {
            candidates.append(FeedFolder.attachmentPath(forFeedAt: feedPath, url: absolute, mediaType: mediaType))
        }
        for path in candidates {
            guard let status = System.status(ofPath: path), status.kind == .regular else { continue }
            if status.size > maximumSize { return .refused("\(path) is larger than \(maximumSize >> 20) MB") }
            guard let bytes = try? FileIO.read(path) else { return .refused("\(path) cannot be read") }
            return .found(InputFile(name: path, bytes: bytes))
        }
        return .missing
    }

    /// Podcasting 2.0 JSON chapters (`{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "…"}]}`):
    /// start times in seconds (fractions dropped); a chapter without a title keeps an empty one.
    static func jsonChapters(_ file: InputFile) -> Result<[Chapter], Problem> {
        let root: JSONNode
        do {
            root = try JSONParser.parse(file.bytes)
        } catch {
            return .failure(
                Problem(
                    diagnostic: .warning(
                        "rss.chapters.json", "chapters file is not JSON: \(error.message)", at: file.location(line: error.line, column: error.column))))
        }
        func fail(_ node: JSONNode, _ message: String) -> Result<[Chapter], Problem> {
            .failure(Problem(diagnostic: .warning("rss.chapters.json", message, at: file.location(line: node.line, column: node.column(in: file.bytes)))))
        }
        guard case .object(let fields) = root.value, let list = fields.first(where: { $0.key == "chapters" })?.node else {
            return fail(root, "chapters file has no \"chapters\" list")
        }
        guard case .array(let items) = list.value else { return fail(list, "\"chapters\" is \(list.typeName), not a list") }
        var chapters: [Chapter] = []
        for item in items {
            guard case .object(let fields) = item.value else { return fail(item, "a chapter is \(item.typeName), not an object") }
            guard let startNode = fields.first(where: { $0.key == "startTime" })?.node, case .number(let number) = startNode.value,
                let start = Double(number), start >= 0, start < 1e9
            else { return fail(item, "a chapter has no \"startTime\" in seconds") }
            var title = ""
            if let titleNode = fields.first(where: { $0.key == "title" })?.node {
                guard case .string(let text) = titleNode.value else { return fail(titleNode, "\"title\" is \(titleNode.typeName), not a string") }
                title = text.trimmingWhitespace()
            }
            chapters.append(Chapter(start: Int(start), title: title))
        }
        return .success(chapters)
    }
}
