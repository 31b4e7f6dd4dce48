import QuireCore

/// The template context of an episode's timeline (`timeline` in the episode context, rendered by the
/// `timeline` partial): the drawing, ready to insert, and the same information as data for a list or
/// a template's own drawing.
public enum TimelineView {
    /// `nil` when the episode has no timed chapter.
    public static func context(_ episode: Episode, idPrefix: String, labels: [String: String]) -> [String: Any]? {
        guard let timeline = EpisodeTimeline(episode) else { return nil }
        let chapterID = { EpisodeArticle.chapterID(idPrefix: idPrefix, index: $0) }
        let segments = timeline.segments.map { segment -> [String: Any] in
            let chapter = episode.chapters[segment.chapter]
            let quotes = chapter.quotes.filter { $0.time != nil }.count
            return [
                "href": "#" + MarkupEscaping.attribute(chapterID(segment.chapter)), "title": MarkupEscaping.text(chapter.title),
                "start": EpisodeView.timeContext(segment.start), "end": EpisodeView.timeContext(segment.end),
                "length": TimelineSVG.lengthText(segment.length),
                "percent": TimelineSVG.number(Double(segment.length) / Double(timeline.duration) * 100),
                "quotes": quotes > 0 ? String(quotes) : false,
            ]
        }
        let ticks = timeline.ticks.map { tick -> [String: Any] in
            ["time": EpisodeView.timeContext(tick.time), "percent": TimelineSVG.number(Double(tick.time) / Double(timeline.duration) * 100)]
        }
        let summary = TimelineSVG.describe(timeline, of: episode, labels: labels)
        return [
            "id": EpisodeView.safeIDPrefix(idPrefix) + "timeline",
            "svg": TimelineSVG.episode(timeline, of: episode, idPrefix: EpisodeView.safeIDPrefix(idPrefix), labels: labels, chapterID: chapterID),
            "compact": TimelineSVG.compact(timeline, of: episode, labels: labels),
            "label": MarkupEscaping.text(summary.title),
            "duration": EpisodeView.timeContext(timeline.duration), "estimated": timeline.isDurationEstimated,
            "segments": segments, "ticks": ticks,
        ]
    }
}
