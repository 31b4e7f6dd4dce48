import QuireCore

/// How the feed fields of an episode are shown (the audio file, transcripts and their links): the
/// small formatting both `EpisodeView` (for templates) and `DefaultArticleWriter` use, so the two
/// write the same bytes.
enum FeedMarkup {
    /// `46.9 MB`, `812 kB`, `120 B`: decimal units, as podcast apps show file sizes.
    static func byteCount(_ bytes: Int) -> String {
        func oneDecimal(_ value: Int, _ unit: Int) -> String {
            let tenths = (value * 10 + unit / 2) / unit
            return "\(tenths / 10).\(tenths % 10)"
        }
        if bytes >= 1_000_000_000 { return oneDecimal(bytes, 1_000_000_000) + " GB" }
        if bytes >= 1_000_000 { return oneDecimal(bytes, 1_000_000) + " MB" }
        if bytes >= 1_000 { return oneDecimal(bytes, 1_000) + " kB" }
        return "\(bytes) B"
    }

    /// A video file is watched, anything else listened to: the enclosure link's words.
    static func isVideo(_ enclosure: Enclosure) -> Bool {
        enclosure.mediaType?.lowercased().hasPrefix("video/") ?? false
    }

    /// What a reader sees beside the "Listen" link: the media type and size (`audio/mpeg, 49.2 MB`),
    /// escaped; `nil` when the feed gave neither.
    static func enclosureDetails(_ enclosure: Enclosure) -> String? {
        let parts = [enclosure.mediaType.map(MarkupEscaping.text), enclosure.length.map(byteCount)].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// A transcript or chapters link's type, language and `rel` (`text/vtt · en · captions`), escaped.
    static func linkDetails(_ link: MediaLink) -> String? {
        let parts = [link.mediaType, link.language, link.rel].compactMap { $0 }.filter { !$0.isEmpty }.map(MarkupEscaping.text)
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// `00:04` for 4,500 ms: the clock a reader sees (whole seconds, as chapter times).
    static func clock(milliseconds: Int) -> String {
        milliseconds < 0 ? "-" + Timestamp.string(fromSeconds: -milliseconds / 1000) : Timestamp.string(fromSeconds: milliseconds / 1000)
    }

    /// `4.5` for 4,500 ms: seconds with the fraction only when there is one.
    static func seconds(milliseconds: Int) -> String {
        let fraction = milliseconds % 1000
        guard fraction != 0 else { return String(milliseconds / 1000) }
        var digits = String(fraction + 1000).dropFirst()
        while digits.hasSuffix("0") { digits = digits.dropLast() }
        return "\(milliseconds / 1000).\(digits)"
    }

    /// An ISO 8601 duration with milliseconds (`PT1M4.5S`) for `<time datetime>`; `nil` for a negative
    /// time, which no duration spells.
    static func isoDuration(milliseconds: Int) -> String? {
        guard milliseconds >= 0 else { return nil }
        let whole = milliseconds / 1000, fraction = milliseconds % 1000
        guard fraction != 0 else { return Timestamp.isoDuration(fromSeconds: whole) }
        let hours = whole / 3600, minutes = (whole % 3600) / 60
        var result = "PT"
        if hours > 0 { result += "\(hours)H" }
        if minutes > 0 { result += "\(minutes)M" }
        return result + seconds(milliseconds: milliseconds % 60_000) + "S"
    }

    /// A link into the audio at `milliseconds` with a media fragment (`…/42.mp3#t=4.5`), escaped for an
    /// attribute; `nil` when the address is not one a browser may follow or the time is negative.
    static func audioLink(_ enclosure: Enclosure?, milliseconds: Int) -> String? {
        guard let url = enclosure?.url, EpisodeView.isSafeLink(url), milliseconds >= 0 else { return nil }
        let base = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? url
        return MarkupEscaping.attribute(base + "#t=" + seconds(milliseconds: milliseconds))
    }
}
