/// How an episode article is rendered.
public struct ArticleOptions: Sendable {
    /// Let raw HTML written in the inline markup through (`--unsafe-html`); otherwise cmark leaves it
    /// out and `javascript:` links are dropped.
    public var unsafeHTML: Bool
    /// Replacement templates by name (`episode`, `chapter`), as read from `--template DIR`; templates
    /// not named here are the defaults.
    public var templates: EpisodeTemplates
    /// Draw the episode's timeline at its top (the `timeline` partial); `--no-timeline` turns it off.
    public var timeline: Bool
    /// Write the transcript as a collapsible `<details>` (a web page); otherwise as a `<section>` with
    /// a heading (an e-book, whose readers may not open `<details>`).
    public var collapsibleTranscript: Bool

    public init(unsafeHTML: Bool = false, templates: EpisodeTemplates = .defaults, timeline: Bool = false, collapsibleTranscript: Bool = true) {
        self.unsafeHTML = unsafeHTML
        self.templates = templates
        self.timeline = timeline
        self.collapsibleTranscript = collapsibleTranscript
    }
}
