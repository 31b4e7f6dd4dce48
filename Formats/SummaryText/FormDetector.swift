/// Tells the two forms of summary text apart, a piece of the input at a time.
///
/// The page form collapses each episode onto one line, so chapter markers or an entities list
/// appear in the middle of a line; the episode form puts each at the start of its own line.
struct FormDetector {
    /// The first non-blank line and the line after it.
    private var opening: [SourceText.Line] = []
    private var hasChapterLine = false, hasOtherStructure = false, hasRunInMarkers = false

    /// Whether any line seen so far holds text.
    var hasText: Bool { !opening.isEmpty }
    var firstTextLine: SourceText.Line? { opening.first }

    /// The next lines of the input, in order.
    mutating func scan(_ lines: some Collection<SourceText.Line>) {
        for line in lines {
            if opening.count == 1 || opening.isEmpty && !line.isBlank {
                // A copy: a slice would keep the whole piece of input it came from alive.
                opening.append(SourceText.Line(number: line.number, text: Substring(String(line.text))))
            }
            let startsHeading = line.text.utf8.starts(with: "## ".utf8)
            // Once one run-in line is seen, only the cheap tests are left to do.
            guard !hasRunInMarkers || startsHeading else { continue }
            let runIn = SummarySyntax.hasRunInMarker(line.text) || !startsHeading && SummarySyntax.entitiesHeader(in: line.text) != nil
            if runIn { hasRunInMarkers = true }
            if startsHeading && !runIn && SummarySyntax.chapterMarker(at: line.text.startIndex, in: line.text) != nil { hasChapterLine = true }
            if startsHeading && !runIn || EpisodeFormReader.isSeparator(line.text) { hasOtherStructure = true }
        }
    }

    /// The form of everything scanned.
    var form: SummaryTextReader.Form {
        // Scraped pages start with chrome, so front matter at the start means the episode form; so
        // does a timed heading on a line of its own. A page's own chrome may hold a `## Latest`
        // heading or a `---` divider: those count only when nothing is run in.
        if let first = opening.first, EpisodeFormReader.isSeparator(first.text) { return .episode }
        if hasChapterLine { return .episode }
        if hasRunInMarkers { return .page }
        if hasOtherStructure { return .episode }
        // An episode's title stands alone, followed by a blank line; lines running on without any
        // heading or separator are a page (of chrome only, or of long prose summaries).
        if opening.count >= 2, !opening[1].isBlank { return .page }
        return .episode
    }
}
