import QuireCore

/// A user's corrections of heading splits (`--split-hints FILE`), so that a split fixed once stays
/// fixed on every later read of the page. The file is a title line per episode, then one line per
/// corrected chapter, `[timestamp] heading`; blank lines separate episodes, `#` starts a comment:
///
/// ```
/// # corrections for channel-page.txt
/// The Story Behind Cerebras’ $63 Billion IPO with Founder and CEO Andrew Feldman
/// [00:41] Andrew Feldman Introduction
///
/// AlphaGo를 처음부터 만들기 – Eric Jang
/// [31:53] 신경망의 역할
/// ```
///
/// A hint applies when its chapter's run-in text starts with the heading, followed by a space; a hint
/// that matches no chapter any more is reported with its own line, and the split is inferred.
struct SplitHints: Sendable {
    struct Hint: Sendable {
        var heading: String
        var location: SourceLocation
    }

    private(set) var hints: [String: [String: Hint]] = [:]
    let file: String

    /// Reads the file named by the `split-hints` setting, if any.
    static func load(_ options: ConversionOptions) throws -> SplitHints? {
        guard let path = options.value(SummaryTextSettings.splitHints) else { return nil }
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(path)
        } catch {
            throw ConversionFailure(.error("summary.hints.unreadable", "cannot read the split hints: \(error.reason)", at: SourceLocation(file: path)))
        }
        return try SplitHints(parsing: bytes, file: path)
    }

    init(parsing bytes: [UInt8], file: String) throws {
        self.file = file
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConversionFailure(.error("summary.hints.encoding", "split hints must be UTF-8 text", at: SourceLocation(file: file)))
        }
        var episode: String?
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let trimmed = line.trimmingWhitespace()
            let number = offset + 1
            if trimmed.isEmpty {
                episode = nil
                continue
            }
            if trimmed.hasPrefix("#") { continue }
            guard let title = episode else {
                episode = trimmed
                continue
            }
            guard trimmed.hasPrefix("["), let close = trimmed.firstIndex(of: "]") else {
                throw ConversionFailure(
                    .error(
                        "summary.hints.malformed", "expected '[timestamp] heading' under the episode title '\(title)'",
                        at: SourceLocation(file: file, line: number, column: 1)))
            }
            let timestamp = String(trimmed[trimmed.index(after: trimmed.startIndex)..<close])
            let heading = trimmed[trimmed.index(after: close)...].trimmingWhitespace()
            guard Timestamp.seconds(from: Substring(timestamp)) != nil, !heading.isEmpty else {
                throw ConversionFailure(
                    .error(
                        "summary.hints.malformed", "'[\(timestamp)]' needs a valid timestamp and a heading after it",
                        at: SourceLocation(file: file, line: number, column: 1)))
            }
            hints[title, default: [:]][timestamp] = Hint(heading: heading, location: SourceLocation(file: file, line: number, column: 1))
        }
    }

    static func key(episode: String, timestamp: some StringProtocol) -> String { episode + "\u{0}" + timestamp }

    /// What a hint made of one chapter.
    enum Outcome {
        /// The hint split the text.
        case applied(HeadingSplitter.Split)
        /// The chapter has a hint, but its text no longer starts with the hinted heading.
        case stale(Hint)
    }

    func apply(to text: Substring, episode: String, timestamp: Substring) -> Outcome? {
        guard let hint = hints[episode]?[String(timestamp)] else { return nil }
        let trimmed = text.drop(while: \.isWhitespace)
        guard trimmed.hasPrefix(hint.heading) else { return .stale(hint) }
        let rest = trimmed.dropFirst(hint.heading.count)
        guard rest.isEmpty || rest.first!.isWhitespace else { return .stale(hint) }
        return .applied(
            HeadingSplitter.Split(
                heading: trimmed.prefix(hint.heading.count), body: rest.drop(while: \.isWhitespace), probability: 1, runnerUp: nil,
                runnerUpProbability: 0))
    }
}
