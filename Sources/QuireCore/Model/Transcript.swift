/// What is said in an episode, segment by segment (a cue of WebVTT or SRT, a segment of
/// `podcast:transcript` JSON).
public struct Transcript: Sendable, Hashable {
    public var segments: [TranscriptSegment]

    public init(segments: [TranscriptSegment] = []) {
        self.segments = segments
    }
}

/// One stretch of speech. Times are milliseconds from the start of the episode, the precision
/// WebVTT and SRT write.
public struct TranscriptSegment: Sendable, Hashable {
    public var start: Int
    /// `nil` when the source gives only a start (the segment runs until the next one).
    public var end: Int?
    /// Who speaks (WebVTT's `<v Name>`, the JSON's `speaker`), when the source says.
    public var speaker: String?
    /// Plain text; lines within a cue are joined by `\n`.
    public var text: String

    public init(start: Int, end: Int? = nil, speaker: String? = nil, text: String) {
        self.start = start
        self.end = end
        self.speaker = speaker
        self.text = text
    }
}
