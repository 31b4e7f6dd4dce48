/// The book's one stylesheet. Plain CSS 2.1 plus `line-break` and `word-break` for CJK text:
/// what Kobo, Kindle (KF8), Apple Books and calibre all honour, no web fonts, no positioning,
/// relative units so readers' font-size settings work.
enum Stylesheet {
    static let css = """
        @charset "UTF-8";
        /* Quire reading collection */
        html, body { margin: 0; padding: 0; }
        body { font-family: Georgia, "Times New Roman", serif; line-height: 1.5; text-align: left; orphans: 2; widows: 2; }
        p { margin: 0 0 0.8em 0; }
        h1, h2, h3 { font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; line-height: 1.25; page-break-after: avoid; break-after: avoid; }
        h1 { font-size: 1.6em; margin: 1.2em 0 0.6em 0; }
        h2 { font-size: 1.35em; margin: 1em 0 0.5em 0; }
        h3 { font-size: 1.1em; margin: 1.2em 0 0.4em 0; }
        a { color: #1d4f91; text-decoration: none; }
        [hidden] { display: none; }

        /* Chinese and Japanese break between characters but never before closing punctuation;
           Korean, written with spaces, breaks between words. */
        :lang(zh), :lang(ja) { line-break: strict; word-break: normal; }
        :lang(ko) { word-break: keep-all; line-break: strict; }
        /* CJK fonts have no italics; a slanted fake is harder to read. */
        :lang(zh) blockquote.quote, :lang(ja) blockquote.quote, :lang(ko) blockquote.quote, :lang(zh) .author, :lang(ja) .author, :lang(ko) .author { font-style: normal; }
        :lang(zh) h1, :lang(zh) h2, :lang(zh) h3, :lang(ja) h1, :lang(ja) h2, :lang(ja) h3, :lang(ko) h1, :lang(ko) h2, :lang(ko) h3 { font-family: sans-serif; }

        /* Cover and title page */
        /* The cover fits the page whatever its shape: the page is the box, the image keeps its ratio. */
        html, body.cover { height: 100%; }
        body.cover { text-align: center; }
        section.cover { height: 100%; }
        .cover-image { max-width: 100%; max-height: 100%; }
        .titlepage { text-align: center; margin-top: 20%; }
        .book-title { font-size: 2em; }
        .author { font-style: italic; }
        .episode-count { color: #555555; }
        .channels { list-style: none; padding: 0; margin: 2em 0; }
        .channel { margin: 0.5em 0; }
        .channel-title { font-weight: bold; }
        .channel-description { color: #555555; font-size: 0.9em; }
        .preamble { margin-top: 3em; font-size: 0.8em; color: #666666; }
        .preamble ul { list-style: none; padding: 0; }

        /* Episodes */
        article.episode { margin: 0; }
        .episode-title { font-size: 1.5em; margin-top: 0; }
        .episode-metadata { font-size: 0.85em; color: #444444; margin: 0 0 1.2em 0; }
        .episode-metadata dt { float: left; clear: left; font-weight: bold; margin-right: 0.5em; }
        .episode-metadata dd { margin: 0 0 0.2em 0; }
        .summary { font-style: normal; margin-bottom: 1.5em; }
        .chapter { margin-top: 1.5em; }
        .chapter-start { font-family: "Courier New", monospace; font-size: 0.85em; color: #555555; }
        .recovered-note { font-size: 0.85em; color: #8a5a00; }
        blockquote.quote { margin: 1em 1.5em; padding-left: 0.8em; border-left: 0.2em solid #cccccc; font-style: italic; }
        blockquote.quote footer { font-style: normal; font-size: 0.85em; color: #555555; }
        .entities { margin-top: 2em; font-size: 0.95em; }
        .entity-list dt { font-weight: bold; margin-top: 0.5em; }
        .entity-list dd { margin: 0 0 0 1.5em; }
        .entity-type { font-size: 0.85em; color: #555555; }
        .entity-role { font-size: 0.85em; font-style: italic; }
        .enclosure-details, .media-details { color: #666666; }

        /* Transcripts: one paragraph-like item per segment, its time and speaker first. */
        .transcript { margin-top: 2em; }
        ol.transcript-segments { list-style: none; padding-left: 0; }
        .transcript-segment { margin: 0 0 0.6em 0; }
        .segment-time { font-family: "Courier New", monospace; font-size: 0.85em; color: #555555; }
        .segment-speaker { font-weight: bold; }
        .segment-text { white-space: pre-line; }

        /* Timelines: drawn in the text colour; the legend says in words what the drawing shows. */
        .timeline { margin: 0.5em 0 1.5em 0; }
        .timeline-graphic { width: 100%; height: auto; }
        .timeline-caption { font-size: 0.75em; color: #555555; }
        .timeline-legend { font-size: 0.85em; list-style: none; padding-left: 0; margin: 0.3em 0; }
        .timeline-length { color: #666666; font-size: 0.9em; }
        .overview-list { list-style: none; padding-left: 0; }
        .overview-list li { margin: 0 0 0.9em 0; }
        .overview-timeline svg { width: 100%; height: auto; margin-top: 0.2em; }

        /* Navigation and index */
        nav ol { list-style: none; padding-left: 1.2em; }
        nav > ol { padding-left: 0; }
        .entity-index ul { list-style: none; padding-left: 0; }
        .index-entry { margin: 0.4em 0; }
        .index-name { font-weight: bold; }
        .index-description { color: #555555; font-size: 0.9em; }
        ul.index-locators { padding-left: 1.5em; font-size: 0.9em; }

        """
}
