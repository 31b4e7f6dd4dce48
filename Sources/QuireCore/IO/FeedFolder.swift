/// Where a feed's linked files live on disk, so that `quire fetch` (which stores them) and the RSS
/// reader (which reads them back, without the network) agree on one layout:
///
///     feeds/kitchen-physics.rss                     the feed
///     feeds/kitchen-physics.files/<hash>.json       a file the feed links to (chapters, a transcript)
///
/// The name is a hash of the link's absolute URL, so it is stable across runs and never holds a
/// path the URL chose (`..`, `/`), and the extension comes from the URL or the media type.
public enum FeedFolder {
    /// The folder of a feed file's linked files: its path without the extension, plus `.files`.
    public static func attachmentsFolder(forFeedAt feedPath: String) -> String {
        let slash = feedPath.lastIndex(of: "/")
        let nameStart = slash.map { feedPath.index(after: $0) } ?? feedPath.startIndex
        let dot = feedPath[nameStart...].lastIndex(of: ".")
        let stem = dot.map { $0 > nameStart ? String(feedPath[..<$0]) : feedPath } ?? feedPath
        return stem + ".files"
    }

    /// The file name (no folder) under which a link's file is stored.
    public static func attachmentName(forURL url: String, mediaType: String?) -> String {
        let hash = String(FNV1a.of(url.utf8), radix: 16)
        let padded = String(repeating: "0", count: max(0, 16 - hash.count)) + hash
        return padded + "." + fileExtension(forURL: url, mediaType: mediaType)
    }

    /// The path of a link's file for a feed file: `attachmentsFolder/attachmentName`.
    public static func attachmentPath(forFeedAt feedPath: String, url: String, mediaType: String?) -> String {
        attachmentsFolder(forFeedAt: feedPath) + "/" + attachmentName(forURL: url, mediaType: mediaType)
    }

    /// `json`, `vtt`, `srt`, `html` or `txt` from the media type; else the URL path's own extension
    /// when it is short and alphanumeric; else `bin`.
    static func fileExtension(forURL url: String, mediaType: String?) -> String {
        let type = (mediaType ?? "").lowercased().split(separator: ";").first.map { $0.trimmingWhitespace() } ?? ""
        switch type {
        case "application/json", "application/json+chapters", "application/chapters+json": return "json"
        case "text/vtt": return "vtt"
        case "application/x-subrip", "application/srt", "text/srt": return "srt"
        case "text/html": return "html"
        case "text/plain": return "txt"
        default: break
        }
        let path = url.split(separator: "?", maxSplits: 1).first.map { $0.split(separator: "#", maxSplits: 1).first ?? $0 } ?? ""
        if let last = path.split(separator: "/").last, let dot = last.lastIndex(of: ".") {
            let ext = last[last.index(after: dot)...].lowercased()
            if (1...5).contains(ext.count), ext.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) { return ext }
        }
        return "bin"
    }
}
