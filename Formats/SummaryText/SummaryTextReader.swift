import QuireCore

/// Reads summary text in either form (docs/summary-text-format.md): the multi-line episode form, or a
/// scraped page whose episodes each sit on one line. The form is detected, never configured.
public struct SummaryTextReader: FormatReader {
    public init() {}

    public func read(_ input: InputFile, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> EpisodeCollection {
        let source = try SourceText(input)
        try rejectMarkup(source, input: input)
        guard source.lines.contains(where: { !$0.isBlank }) else {
            diagnostics.report(.warning("summary.empty", "the input holds no text", at: input.location()))
            return EpisodeCollection()
        }
        var collection: EpisodeCollection
        var undetermined: Set<Int> = []
        switch Self.form(of: source) {
        case .page:
            var reader = PageFormReader(input: input, source: source)
            reader.language = options["language"]
            collection = reader.read()
            diagnostics.report(contentsOf: reader.diagnostics)
        case .episode:
            var reader = EpisodeFormReader(input: input, source: source)
            collection = reader.read()
            undetermined = reader.undeterminedLanguages
            diagnostics.report(contentsOf: reader.diagnostics)
        }
        // Front matter names a language; otherwise --language, otherwise the text itself.
        for index in collection.episodes.indices where collection.episodes[index].language == nil && !undetermined.contains(index) {
            collection.episodes[index].language = options["language"] ?? LanguageDetector.detect(collection.episodes[index])
        }
        if collection.episodes.isEmpty {
            diagnostics.report(.warning("summary.no-episodes", "found no episode in the input; its lines are kept as the preamble", at: input.location()))
        }
        return collection
    }

    enum Form { case episode, page }

    /// The page form collapses each episode onto one line, so chapter markers or an entities list
    /// appear in the middle of a line; the episode form puts each at the start of its own line.
    static func form(of source: SourceText) -> Form {
        // Scraped pages start with chrome, so front matter at the start means the episode form; so
        // does a timed heading on a line of its own. A page's own chrome may hold a `## Latest`
        // heading or a `---` divider: those count only when nothing is run in.
        let nonBlank = source.lines.drop { $0.isBlank }
        if let first = nonBlank.first, EpisodeFormReader.isSeparator(first.text) { return .episode }
        var hasChapterLine = false, hasOtherStructure = false, hasRunInMarkers = false
        for line in source.lines {
            let startsHeading = line.text.utf8.starts(with: "## ".utf8)
            // Once one run-in line is seen, only the cheap tests are left to do.
            guard !hasRunInMarkers || startsHeading else { continue }
            let runIn = SummarySyntax.hasRunInMarker(line.text) || !startsHeading && SummarySyntax.entitiesHeader(in: line.text) != nil
            if runIn { hasRunInMarkers = true }
            if startsHeading && !runIn && SummarySyntax.chapterMarker(at: line.text.startIndex, in: line.text) != nil { hasChapterLine = true }
            if startsHeading && !runIn || EpisodeFormReader.isSeparator(line.text) { hasOtherStructure = true }
        }
        if hasChapterLine { return .episode }
        if hasRunInMarkers { return .page }
        if hasOtherStructure { return .episode }
        // An episode's title stands alone, followed by a blank line; lines running on without any
        // heading or separator are a page (of chrome only, or of long prose summaries).
        if nonBlank.count >= 2, !nonBlank[nonBlank.startIndex + 1].isBlank { return .page }
        return .episode
    }


    /// XML or HTML saved under a summary name would read as one odd episode; say what it is instead.
    private func rejectMarkup(_ source: SourceText, input: InputFile) throws {
        guard let first = source.lines.first(where: { !$0.isBlank }) else { return }
        let start = first.text.trimmingLeadingWhitespace().prefix(15).lowercased()
        if start.hasPrefix("<?xml") || start.hasPrefix("<!doctype") || start.hasPrefix("<html") || start.hasPrefix("<opml")
            || start.hasPrefix("<rss") || start.hasPrefix("<package") {
            throw ConversionFailure(
                .error(
                    "summary.not-summary-text", "this is markup (XML or HTML), not summary text; give its real format with --from",
                    at: input.location(line: first.number, column: 1)))
        }
    }
}

/// Turns chapter text into body and quotes, reporting what it had to guess.
struct ChapterTextParser {
    let input: InputFile
    var diagnostics = Diagnostics()

    /// Parses `text`, part of `line`, appending its quotes to `quotes`. A time block attaches to the
    /// quote just before it, even on the previous line.
    mutating func parse(_ text: Substring, line: SourceText.Line, quotes: inout [Quote]) -> [Substring] {
        var prose: [Substring] = []
        var lastWasQuote = !quotes.isEmpty
        for piece in SummarySyntax.pieces(of: text) {
            defer {
                if case .quote = piece { lastWasQuote = true } else { lastWasQuote = false }
            }
            switch piece {
            case .prose(let text):
                prose.append(text)
            case .quote(let quote, let index, let unterminated):
                if unterminated {
                    diagnostics.report(
                        .warning(
                            "summary.quote.unterminated", "quote has no closing '*'; it runs to the next quote or the end of its chapter",
                            at: location(of: index, in: line)))
                }
                quotes.append(quote)
            case .time(let time, let text, let index):
                if lastWasQuote, quotes[quotes.count - 1].time == nil {
                    quotes[quotes.count - 1].time = time
                } else {
                    diagnostics.report(
                        .warning("summary.quote.stray-time", "quote time with no quote before it; kept as text", at: location(of: index, in: line)))
                    prose.append(text)
                }
            }
        }
        return prose
    }

    func location(of index: String.Index, in line: SourceText.Line) -> SourceLocation {
        input.location(line: line.number, column: line.text.distance(from: line.text.startIndex, to: index) + 1)
    }
}

/// Chapters run forward in time; a start equal to or before the previous one is reported, never changed.
enum ChapterOrder {
    /// `location` is asked only for the chapters reported, since finding a column costs a scan of the line.
    static func diagnostics(for starts: [Int?], location: (Int) -> SourceLocation) -> [Diagnostic] {
        var result: [Diagnostic] = []
        var previous: Int?
        for (index, start) in starts.enumerated() {
            guard let start else { continue }
            if let previous, start <= previous {
                let relation = start == previous ? "at the same time as" : "before"
                result.append(
                    .warning(
                        "summary.timestamp.order",
                        "chapter at [\(Timestamp.string(fromSeconds: start))] starts \(relation) the chapter before it ([\(Timestamp.string(fromSeconds: previous))]); kept as written",
                        at: location(index)))
            }
            previous = start
        }
        return result
    }
}
