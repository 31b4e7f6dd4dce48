import QuireCSV
import QuireCore
import QuireEPUB
import QuireHTML
import QuireJSON
import QuireKEPUB
import QuireMarkdown
import QuireOPML
import QuireRSS
import QuireSummaryText
import QuireTranscripts

/// The formats that ship with Quire, registered through the same `FormatPlugin` interface that
/// third-party formats use. This list is the only place that names the built-in format types.
public enum BuiltinFormats {
    public static let plugins: [any FormatPlugin] = [
        SummaryTextFormat(),
        JSONFormat(),
        OPMLFormat(),
        HTMLFormat(),
        MarkdownFormat(),
        EPUBFormat(),
        WebVTTFormat(), SRTFormat(), PodcastTranscriptFormat(),
        RSSFormat(),
        CSVFormat(),
        // Edges between two formats, once both are registered.
        MarkdownHTMLConverter.Edge(),
        KEPUBFormat(),
    ]

    /// A registry holding every built-in format.
    public static func registry() throws -> FormatRegistry {
        try FormatRegistry(plugins: plugins)
    }
}
