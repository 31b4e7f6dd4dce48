import QuireCore

/// Draws an `EpisodeTimeline` as inline SVG: no script, colours from `currentColor` so it follows the
/// page's light or dark text, and valid both in HTML5 and in EPUB's XHTML (SVG 1.1, `xlink:href`).
public enum TimelineSVG {
    /// The drawing's coordinate width; the page scales it to the column.
    public static let width = 600.0

    /// The full timeline at the top of an episode: a segment per timed chapter, each a link to its
    /// section with its start and short title beneath when they fit, a tick above for each timed quote,
    /// and `<title>`/`<desc>` for assistive technology.
    public static func episode(
        _ timeline: EpisodeTimeline, of episode: Episode, idPrefix: String, labels: [String: String] = [:], chapterID: (Int) -> String
    ) -> String {
        let bar = (top: 18.0, height: 16.0)
        let fontSize = 10.0
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" class="timeline-graphic" \
            viewBox="0 0 \(number(width)) 64" role="img" aria-labelledby="\(idPrefix)timeline-title \(idPrefix)timeline-desc">
            <title id="\(idPrefix)timeline-title">\(MarkupEscaping.text(title(timeline, labels: labels)))</title>
            <desc id="\(idPrefix)timeline-desc">\(MarkupEscaping.text(description(timeline, of: episode)))</desc>
            <rect class="timeline-track" x="0" y="\(number(bar.top))" width="\(number(width))" height="\(number(bar.height))" fill="currentColor" fill-opacity="0.1"/>

            """
        for (position, segment) in timeline.segments.enumerated() {
            let chapter = episode.chapters[segment.chapter]
            let x = timeline.position(of: segment.start, width: width)
            let segmentWidth = timeline.position(of: segment.end, width: width) - x
            let start = Timestamp.string(fromSeconds: segment.start)
            svg += "<a xlink:href=\"#\(MarkupEscaping.attribute(chapterID(segment.chapter)))\" class=\"timeline-segment\">"
            svg += "<title>\(MarkupEscaping.text("\(start)–\(Timestamp.string(fromSeconds: segment.end)) \(chapter.title)"))</title>"
            svg += "<rect x=\"\(number(x))\" y=\"\(number(bar.top))\" width=\"\(number(segmentWidth))\" height=\"\(number(bar.height))\" "
            svg += "fill=\"currentColor\" fill-opacity=\"\(position.isMultiple(of: 2) ? "0.55" : "0.3")\"/>"
            // Labels only where they fit; the legend list carries every title in full.
            let room = segmentWidth - 3
            if room >= textWidth(start, fontSize: fontSize) {
                svg +=
                    "<text class=\"timeline-label\" x=\"\(number(x + 1.5))\" y=\"\(number(bar.top + bar.height + 12))\" font-size=\"\(number(fontSize))\" fill=\"currentColor\">\(start)</text>"
                if let title = abbreviated(chapter.title, toFit: room, fontSize: fontSize) {
                    svg +=
                        "<text class=\"timeline-label\" x=\"\(number(x + 1.5))\" y=\"\(number(bar.top + bar.height + 25))\" font-size=\"\(number(fontSize))\" fill=\"currentColor\">\(MarkupEscaping.text(title))</text>"
                }
            }
            svg += "</a>\n"
        }
        for tick in timeline.ticks {
            let x = timeline.position(of: tick.time, width: width)
            let quote = episode.chapters[tick.chapter].quotes[tick.quote].text
            svg +=
                "<line class=\"timeline-tick\" x1=\"\(number(x))\" x2=\"\(number(x))\" y1=\"4\" y2=\"\(number(bar.top - 2))\" stroke=\"currentColor\" stroke-width=\"1.5\">"
            svg += "<title>\(MarkupEscaping.text(Timestamp.string(fromSeconds: tick.time) + " " + shortened(quote, to: 120)))</title></line>\n"
        }
        return svg + "</svg>"
    }

    /// A small timeline for an overview of many episodes: segments and ticks only.
    public static func compact(_ timeline: EpisodeTimeline, of episode: Episode, labels: [String: String] = [:]) -> String {
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="timeline-compact" viewBox="0 0 \(number(width)) 20" \
            role="img" aria-label="\(MarkupEscaping.attribute(episode.title + ": " + title(timeline, labels: labels)))">
            <rect x="0" y="6" width="\(number(width))" height="14" fill="currentColor" fill-opacity="0.1"/>
            """
        for (position, segment) in timeline.segments.enumerated() {
            let x = timeline.position(of: segment.start, width: width)
            let segmentWidth = timeline.position(of: segment.end, width: width) - x
            svg +=
                "<rect x=\"\(number(x))\" y=\"6\" width=\"\(number(segmentWidth))\" height=\"14\" fill=\"currentColor\" fill-opacity=\"\(position.isMultiple(of: 2) ? "0.55" : "0.3")\"/>"
        }
        for tick in timeline.ticks {
            let x = number(timeline.position(of: tick.time, width: width))
            svg += "<line x1=\"\(x)\" x2=\"\(x)\" y1=\"0\" y2=\"5\" stroke=\"currentColor\" stroke-width=\"1.5\"/>"
        }
        return svg + "</svg>"
    }

    /// One line, as a screen reader should say it: chapters, duration, quotes and how many of them are
    /// timed, with the words from the episode's `labels` (`ArticleLabels`; English without them).
    static func title(_ timeline: EpisodeTimeline, labels: [String: String]) -> String {
        let total = (timeline.isDurationEstimated ? "~" : "") + Timestamp.string(fromSeconds: timeline.duration)
        return "\(labels["timeline"] ?? "Timeline"): \(timeline.segments.count) \((labels["chapters"] ?? "chapters").lowercased()), "
            + "\(total), \(quoteCountText(quotes: timeline.quoteCount, timed: timeline.ticks.count, labels: labels))"
    }

    /// "9 quotes" when every quote is timed (or there are none), "9 quotes, 4 timed", "9 quotes, none
    /// timed": the ticks show only timed quotes, so the caption says how many that is of all of them.
    static func quoteCountText(quotes: Int, timed: Int, labels: [String: String]) -> String {
        let count = "\(quotes) \(labels["quotes"] ?? "quotes")"
        if timed == quotes { return count }
        if timed == 0 { return count + ", " + (labels["quotesNoneTimed"] ?? "none timed") }
        return count + ", " + (labels["quotesTimed"] ?? "{count} timed").replacingOccurrences(of: "{count}", with: String(timed))
    }

    /// A sentence per chapter: its start, title and length.
    static func description(_ timeline: EpisodeTimeline, of episode: Episode) -> String {
        timeline.segments.map { segment in
            "\(Timestamp.string(fromSeconds: segment.start)) \(episode.chapters[segment.chapter].title) (\(lengthText(segment.length)))"
        }.joined(separator: "; ")
    }

    /// `45 s`, `3 min`, `1 h 05 min`.
    public static func lengthText(_ seconds: Int) -> String {
        if seconds < 60 { return "\(seconds) s" }
        let minutes = (seconds + 30) / 60
        if minutes < 60 { return "\(minutes) min" }
        return "\(minutes / 60) h \(minutes % 60 < 10 ? "0" : "")\(minutes % 60) min"
    }

    /// The title cut with an ellipsis to fit `room` units, or nil when not even two characters fit.
    static func abbreviated(_ title: String, toFit room: Double, fontSize: Double) -> String? {
        if textWidth(title, fontSize: fontSize) <= room { return title }
        var result = ""
        var used = textWidth("…", fontSize: fontSize)
        for character in title {
            let next = textWidth(String(character), fontSize: fontSize)
            if used + next > room { break }
            result.append(character)
            used += next
        }
        let trimmed = result.trimmingWhitespace()
        return trimmed.count >= 2 ? trimmed + "…" : nil
    }

    /// An estimate of rendered width: wide (CJK, Hangul, full-width) characters take an em, others about half.
    static func textWidth(_ text: String, fontSize: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 1.0 : 0.58) } * fontSize
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x1F300...0x1FAFF, 0x20000...0x3FFFD:
            true
        default: false
        }
    }

    private static func shortened(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// Two decimals at most, no trailing zeros: small, stable output.
    static func number(_ value: Double) -> String {
        let hundredths = (value * 100).rounded()
        let whole = Int(hundredths) / 100, fraction = abs(Int(hundredths) % 100)
        if fraction == 0 { return String(whole) }
        let digits = fraction < 10 ? "0\(fraction)" : String(fraction)
        return "\(value < 0 && whole == 0 ? "-" : "")\(whole).\(digits.hasSuffix("0") ? String(digits.dropLast()) : digits)"
    }
}
