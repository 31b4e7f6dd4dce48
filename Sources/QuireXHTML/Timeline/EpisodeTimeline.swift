import QuireCore

/// The shape of an episode in time: its timed chapters as segments in proportion to their length,
/// and its timed quotes as ticks. Pure geometry, shared by every rendering of a timeline.
public struct EpisodeTimeline: Sendable, Equatable {
    /// A timed chapter, from its start to the next timed chapter's start (or the end of the episode).
    public struct Segment: Sendable, Equatable {
        /// Index into `Episode.chapters`.
        public var chapter: Int
        public var start: Int
        public var end: Int
        public var length: Int { end - start }
    }

    /// A quote said at a known time.
    public struct Tick: Sendable, Equatable {
        public var chapter: Int
        public var quote: Int
        public var time: Int
    }

    /// Seconds the bar spans: `duration` from the episode's metadata, else the last chapter's start plus
    /// a typical chapter's length; never less than the latest time in the episode.
    public var duration: Int
    /// The duration is Quire's estimate rather than the episode's own.
    public var isDurationEstimated: Bool
    /// In time order (chapters whose starts go backwards are placed by their start).
    public var segments: [Segment]
    public var ticks: [Tick]
    /// Every quote of the episode's chapters, timed or not: captions say how many of them `ticks` shows.
    public var quoteCount: Int

    /// Longest and shortest tail an estimate adds after the last chapter's start.
    static let tailRange = 60...600

    /// `nil` when no chapter has a start: there is no shape to draw.
    public init?(_ episode: Episode) {
        let timed = episode.chapters.enumerated()
            .compactMap { index, chapter in chapter.start.map { (index: index, start: max(0, $0)) } }
            .sorted { ($0.start, $0.index) < ($1.start, $1.index) }
        guard let last = timed.last else { return nil }
        var ticks: [Tick] = []
        for (chapterIndex, chapter) in episode.chapters.enumerated() {
            for (quoteIndex, quote) in chapter.quotes.enumerated() {
                if let time = quote.time { ticks.append(Tick(chapter: chapterIndex, quote: quoteIndex, time: max(0, time))) }
            }
        }
        let lengths = zip(timed, timed.dropFirst()).map { $1.start - $0.start }.filter { $0 > 0 }.sorted()
        let typical = lengths.isEmpty ? Self.tailRange.lowerBound : lengths[lengths.count / 2]
        let estimate = last.start + min(max(typical, Self.tailRange.lowerBound), Self.tailRange.upperBound)
        let stated = episode.metadata.duration.flatMap { $0 > last.start ? $0 : nil }
        let latestTick = ticks.map(\.time).max() ?? 0
        let duration = max(stated ?? estimate, latestTick, 1)
        self.duration = duration
        isDurationEstimated = stated == nil
        segments = timed.enumerated().map { position, chapter in
            let end = position + 1 < timed.count ? timed[position + 1].start : duration
            return Segment(chapter: chapter.index, start: chapter.start, end: end)
        }
        self.ticks = ticks
        quoteCount = episode.chapters.reduce(0) { $0 + $1.quotes.count }
    }

    /// Where `time` falls on a bar `width` units wide.
    public func position(of time: Int, width: Double) -> Double {
        Double(min(max(time, 0), duration)) / Double(duration) * width
    }
}
