// A Quire plugin, written only against docs/plugin-protocol.md: reads Quire JSON on standard input
// and writes Podcasting 2.0 JSON chapters (https://github.com/Podcastindex-org/podcast-namespace,
// chapters.md) on standard output. Diagnostics go to standard error as JSON lines.
import Foundation

func report(_ severity: String, _ message: String) {
    let line = try! JSONSerialization.data(withJSONObject: ["severity": severity, "message": message, "id": "chapters"])
    FileHandle.standardError.write(line + Data("\n".utf8))
}

let input = FileHandle.standardInput.readDataToEndOfFile()
guard let model = try? JSONSerialization.jsonObject(with: input) as? [String: Any],
    let episodes = model["episodes"] as? [[String: Any]]
else {
    report("error", "standard input is not Quire JSON")
    exit(1)
}
guard let episode = episodes.first else {
    report("error", "the collection has no episode to write chapters for")
    exit(1)
}
if episodes.count > 1 { report("warning", "a chapters file holds one episode; wrote the first of \(episodes.count)") }

var chapters: [[String: Any]] = []
for chapter in episode["chapters"] as? [[String: Any]] ?? [] {
    guard let start = chapter["start"] as? Int else {
        report("warning", "chapter '\(chapter["title"] as? String ?? "")' has no start time; left out")
        continue
    }
    chapters.append(["startTime": start, "title": chapter["title"] as? String ?? ""])
}
var document: [String: Any] = ["version": "1.2.0", "chapters": chapters]
if let title = episode["title"] as? String { document["title"] = title }
if let channel = episode["channel"] as? String { document["podcastName"] = channel }
let output = try! JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
FileHandle.standardOutput.write(output + Data("\n".utf8))
