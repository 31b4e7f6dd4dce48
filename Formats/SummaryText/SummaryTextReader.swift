import QuireCore

/// Reads summary text in either form (docs/summary-text-format.md): the multi-line episode form, or a
/// scraped page whose episodes each sit on one line. The form is detected, never configured.
public struct SummaryTextReader: FormatReader {
    /// Bytes a streamed read takes at a time (rounded out to whole lines).
    let pieceSize: Int

    public init() { pieceSize = 4 << 20 }

    /// A reader that streams in pieces of `pieceSize` bytes: small pieces let tests cross many piece
    /// boundaries with a small input.
    public init(pieceSize: Int) { self.pieceSize = max(pieceSize, 1) }

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
            var reader = PageFormReader(input: input)
            reader.language = options.value(CommonSettings.language)
            reader.splitHints = try SplitHints.load(options)
            collection = reader.read(source)
            diagnostics.report(contentsOf: reader.diagnostics)
        case .episode:
            var reader = EpisodeFormReader(input: input, source: source)
            collection = reader.read()
            undetermined = reader.undeterminedLanguages
            diagnostics.report(contentsOf: reader.diagnostics)
        }
        // Front matter names a language; otherwise --language, otherwise the text itself.
        for index in collection.episodes.indices where collection.episodes[index].language == nil && !undetermined.contains(index) {
            collection.episodes[index].language = options.value(CommonSettings.language) ?? LanguageDetector.detect(collection.episodes[index])
        }
        if collection.episodes.isEmpty {
            diagnostics.report(.warning("summary.no-episodes", "found no episode in the input; its lines are kept as the preamble", at: input.location()))
        }
        return collection
    }

    enum Form { case episode, page }

    static func form(of source: SourceText) -> Form {
        var detector = FormDetector()
        detector.scan(source.lines)
        return detector.form
    }

    /// XML or HTML saved under a summary name would read as one odd episode; say what it is instead.
    private func rejectMarkup(_ source: SourceText, input: InputFile) throws {
        guard let first = source.lines.first(where: { !$0.isBlank }) else { return }
        try Self.rejectMarkup(firstLine: first, input: input)
    }

    static func rejectMarkup(firstLine first: SourceText.Line, input: InputFile) throws {
        let start = first.text.trimmingLeadingWhitespace().prefix(15).lowercased()
        if start.hasPrefix("<?xml") || start.hasPrefix("<!doctype") || start.hasPrefix("<html") || start.hasPrefix("<opml")
            || start.hasPrefix("<rss") || start.hasPrefix("<package")
        {
            throw ConversionFailure(
                .error(
                    "summary.not-summary-text", "this is markup (XML or HTML), not summary text; give its real format (\(SettingMention.render("from")))",
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
