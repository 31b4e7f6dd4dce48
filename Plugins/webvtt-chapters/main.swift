// A Quire plugin, written only against docs/plugin-protocol.md: reads Quire JSON on standard input
// and writes a WebVTT chapters track (https://www.w3.org/TR/webvtt1/) on standard output.
import Foundation

func report(_ severity: String, _ message: String) {
    let line = try! JSONSerialization.data(withJSONObject: ["severity": severity, "message": message, "id": "webvtt"])
    FileHandle.standardError.write(line + Data("\n".utf8))
}

func timestamp(_ seconds: Int) -> String {
    String(format: "%02d:%02d:%02d.000", seconds / 3600, seconds / 60 % 60, seconds % 60)
}

/// Cue text may not hold "-->" or a blank line; line breaks become spaces.
func cueText(_ title: String) -> String {
    title.replacingOccurrences(of: "-->", with: "→").split(whereSeparator: \.isNewline).joined(separator: " ")
}

/// The setting the manifest declares; Quire has checked it is a whole number before starting us.
let settings =
    ProcessInfo.processInfo.environment["QUIRE_OPTIONS"].flatMap {
        try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String]
    } ?? [:]
let lastChapterLength = settings["last-chapter-length"].flatMap { Int($0) } ?? 300

let input = FileHandle.standardInput.readDataToEndOfFile()
guard let model = try? JSONSerialization.jsonObject(with: input) as? [String: Any],
    let episode = (model["episodes"] as? [[String: Any]])?.first
else {
    report("error", "standard input is not Quire JSON with an episode")
    exit(1)
}
if let count = (model["episodes"] as? [Any])?.count, count > 1 { report("warning", "a chapters track belongs to one episode; wrote the first of \(count)") }
let chapters = (episode["chapters"] as? [[String: Any]] ?? []).compactMap { chapter -> (Int, String)? in
    guard let start = chapter["start"] as? Int else { return nil }
    return (start, chapter["title"] as? String ?? "")
}
var output = "WEBVTT\n"
for (index, chapter) in chapters.enumerated() {
    let end: Int
    if index + 1 < chapters.count {
        end = max(chapters[index + 1].0, chapter.0 + 1)
    } else if let duration = episode["duration"] as? Int, duration > chapter.0 {
        end = duration
    } else {
        end = chapter.0 + max(lastChapterLength, 1)
        report("note", "the episode has no duration; the last chapter ends \(max(lastChapterLength, 1)) seconds after it starts")
    }
    output += "\n\(index + 1)\n\(timestamp(chapter.0)) --> \(timestamp(end))\n\(cueText(chapter.1))\n"
}
FileHandle.standardOutput.write(Data(output.utf8))
