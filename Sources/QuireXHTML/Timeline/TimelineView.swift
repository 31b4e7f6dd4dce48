import QuireCore

/// An episode's timeline as the `timeline` template renders it: the drawing, ready to insert, and the
/// same information as data for the list (or for a template's own drawing).
public struct TimelineView: Sendable {
    public struct Segment: Sendable {
        /// `#chapter-id`, escaped for an attribute.
        public var href: String
        public var title: String
        public var start: Int
        public var end: Int
        public var length: String
        public var percent: String
        public var timedQuotes: Int
    }

    public var id: String
    public var svg: String
    /// One line: chapters, duration, timed quotes, in the episode's language.
    public var label: String
    public var duration: Int
    public var isDurationEstimated: Bool
    public var segments: [Segment]
    public var ticks: [(time: Int, percent: String)]
    /// A small drawing without labels, as overviews use; drawn when asked for.
    public var compact: String { TimelineSVG.compact(timeline, of: episode, labels: labels) }
    private let timeline: EpisodeTimeline
    private let episode: Episode
    private let labels: [String: String]

    /// `nil` when the episode has no timed chapter. Every string is escaped HTML.
    public init?(_ episode: Episode, idPrefix: String, labels: [String: String]) {
        guard let timeline = EpisodeTimeline(episode) else { return nil }
        let prefix = EpisodeView.safeIDPrefix(idPrefix)
        let chapterID = { EpisodeArticle.chapterID(idPrefix: idPrefix, index: $0) }
        segments = timeline.segments.map { segment in
            let chapter = episode.chapters[segment.chapter]
            return Segment(
                href: "#" + MarkupEscaping.attribute(chapterID(segment.chapter)), title: MarkupEscaping.text(chapter.title),
                start: segment.start, end: segment.end, length: TimelineSVG.lengthText(segment.length),
                percent: TimelineSVG.number(Double(segment.length) / Double(timeline.duration) * 100),
                timedQuotes: chapter.quotes.filter { $0.time != nil }.count)
        }
        ticks = timeline.ticks.map { ($0.time, TimelineSVG.number(Double($0.time) / Double(timeline.duration) * 100)) }
        id = prefix + "timeline"
        svg = TimelineSVG.episode(timeline, of: episode, idPrefix: prefix, labels: labels, chapterID: chapterID)
        self.timeline = timeline
        self.episode = episode
        self.labels = labels
        label = MarkupEscaping.text(TimelineSVG.title(timeline, labels: labels))
        duration = timeline.duration
        isDurationEstimated = timeline.isDurationEstimated
    }

    /// The template context (`timeline` in the episode context); docs/html-format.md lists it.
    public var context: [String: Any] {
        [
            "id": id, "svg": svg, "compact": compact, "label": label,
            "duration": EpisodeView.timeContext(duration), "estimated": isDurationEstimated,
            "segments": segments.map { segment -> [String: Any] in
                [
                    "href": segment.href, "title": segment.title, "start": EpisodeView.timeContext(segment.start),
                    "end": EpisodeView.timeContext(segment.end), "length": segment.length, "percent": segment.percent,
                    "quotes": segment.timedQuotes > 0 ? String(segment.timedQuotes) : false,
                ]
            },
            "ticks": ticks.map { ["time": EpisodeView.timeContext($0.time), "percent": $0.percent] as [String: Any] },
        ]
    }
}
