import QuireCore

/// Podcasting 2.0 transcript JSON: `{"version": "1.0.0", "segments": [{"speaker", "startTime", "endTime", "body"}]}`,
/// times in seconds. Each segment is one model segment, verbatim (consecutive segments of one speaker stay
/// separate); `speaker` and `endTime` may be missing.
enum TranscriptJSON {
    static let version = "1.0.0"
    /// Seconds beyond this (about three years) are refused rather than overflow milliseconds.
    static let maximumSeconds = 100_000_000.0

    static func parse(_ bytes: [UInt8], reporter: inout Reporter) throws(ConversionFailure) -> TimedText.Document {
        if String(validating: bytes, as: UTF8.self) == nil {
            let position = UTF8Position.firstInvalidByte(in: bytes[...])
            throw reporter.failure("encoding", "transcript JSON must be UTF-8; this byte is not", line: position.line, column: position.column)
        }
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw reporter.failure("syntax", "not JSON: \(error.message)", line: error.line, column: error.column)
        }
        guard case .object(let members) = root.value else {
            throw reporter.failure(
                "root", "transcript JSON is an object with 'segments'; this is \(root.typeName)", line: root.line, column: root.column(in: bytes))
        }
        guard let segmentsNode = members.first(where: { $0.key == "segments" })?.node else {
            let isQuireJSON = members.contains { $0.key == "schemaVersion" || $0.key == "episodes" }
            throw reporter.failure(
                "segments.missing", "not a transcript: the object has no 'segments' array", line: root.line, column: root.column(in: bytes),
                notes: isQuireJSON ? [Diagnostic.Note("it looks like Quire JSON; read it as json (--from json)")] : [])
        }
        guard case .array(let elements) = segmentsNode.value else {
            throw reporter.failure(
                "segments.type", "'segments' must be an array, not \(segmentsNode.typeName)", line: segmentsNode.line,
                column: segmentsNode.column(in: bytes))
        }
        if let versionNode = members.first(where: { $0.key == "version" })?.node {
            if case .string(let version) = versionNode.value, version.hasPrefix("1.") || version == "1" {
                // Known.
            } else {
                reporter.warning(
                    "version", "transcript JSON version 1.x is what Quire knows; read this one as if it were", line: versionNode.line,
                    column: versionNode.column(in: bytes))
            }
        }
        var unknownKeys: [String] = []
        var unknownKeysLine = 0
        var transcript = Transcript()
        for element in elements {
            guard case .object(let fields) = element.value else {
                reporter.warning(
                    "segment.type", "skipped a segment that is \(element.typeName), not an object", line: element.line, column: element.column(in: bytes))
                continue
            }
            var start: Int?, end: Int?, speaker: String?, body: String?
            var problem: (String, JSONNode)?
            for (key, node) in fields {
                switch (key, node.value) {
                case ("startTime", .number(let text)):
                    guard let value = milliseconds(text) else { problem = ("'startTime' must be seconds from 0, not \(text)", node); continue }
                    start = value
                case ("endTime", .number(let text)):
                    guard let value = milliseconds(text) else { problem = ("'endTime' must be seconds from 0, not \(text)", node); continue }
                    end = value
                case ("endTime", .null), ("speaker", .null): continue
                case ("speaker", .string(let text)): speaker = text
                case ("body", .string(let text)): body = text
                case ("startTime", _), ("endTime", _), ("speaker", _), ("body", _):
                    problem = ("'\(key)' must be \(key == "speaker" || key == "body" ? "a string" : "a number of seconds"), not \(node.typeName)", node)
                default:
                    if unknownKeys.isEmpty { unknownKeysLine = node.line }
                    if !unknownKeys.contains(key) { unknownKeys.append(key) }
                }
            }
            if let (message, node) = problem {
                reporter.warning("segment.invalid", "skipped a segment: \(message)", line: node.line, column: node.column(in: bytes))
                continue
            }
            guard let start else {
                reporter.warning("segment.start", "skipped a segment without 'startTime'", line: element.line, column: element.column(in: bytes))
                continue
            }
            guard let body else {
                reporter.warning("segment.body", "skipped a segment without 'body'", line: element.line, column: element.column(in: bytes))
                continue
            }
            if let end, end < start {
                reporter.warning(
                    "timing.order", "the segment ends (\(CueTime.webVTT(end))) before it starts (\(CueTime.webVTT(start))); kept it without an end",
                    line: element.line, column: element.column(in: bytes))
                transcript.segments.append(TranscriptSegment(start: start, end: nil, speaker: speaker, text: body))
                continue
            }
            transcript.segments.append(TranscriptSegment(start: start, end: end, speaker: speaker, text: body))
        }
        if !unknownKeys.isEmpty {
            reporter.note(
                "fields.unknown",
                "segment fields a transcript has no place for were not kept: " + unknownKeys.prefix(10).map { "'\($0)'" }.joined(separator: ", "),
                line: unknownKeysLine)
        }
        return TimedText.Document(transcript: transcript)
    }

    /// Seconds as JSON writes them (`12`, `4.5`, `1e2`) to whole milliseconds, or `nil` when negative or absurd.
    static func milliseconds(_ text: String) -> Int? {
        guard let seconds = Double(text), seconds.isFinite, seconds >= 0, seconds < maximumSeconds else { return nil }
        return Int((seconds * 1000).rounded())
    }

    static func write(_ transcript: Transcript) -> String {
        var output = "{\n  \"version\": \"\(version)\",\n  \"segments\": ["
        for (index, segment) in transcript.segments.enumerated() {
            output += index == 0 ? "\n" : ",\n"
            output += "    {"
            if let speaker = segment.speaker { output += "\"speaker\": " + JSONText.quoted(speaker) + ", " }
            output += "\"startTime\": " + seconds(segment.start)
            if let end = segment.end { output += ", \"endTime\": " + seconds(end) }
            output += ", \"body\": " + JSONText.quoted(segment.text) + "}"
        }
        output += transcript.segments.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return output
    }

    /// Milliseconds as the shortest decimal seconds (`4500` → `4.5`, `12000` → `12`).
    static func seconds(_ milliseconds: Int) -> String {
        let sign = milliseconds < 0 ? "-" : ""
        let value = milliseconds.magnitude
        var text = sign + String(value / 1000)
        var fraction = String(value % 1000)
        guard fraction != "0" else { return text }
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        text += "." + fraction
        return text
    }
}
