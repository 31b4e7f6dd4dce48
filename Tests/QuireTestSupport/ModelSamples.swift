import QuireCore

/// Hand-built models that exercise every field, for round trips and goldens.
public enum ModelSamples {
    /// Two channels, three episodes in three languages, every metadata field, untimed chapter, quotes
    /// with and without times, multi-paragraph text and characters that need escaping.
    public static let everyField = EpisodeCollection(
        title: "Quire sample collection",
        preamble: ["Podcast site — Hear the voice.", "Browse channels"],
        channels: [
            Channel(
                title: "Kitchen Physics", feedURL: "https://example.org/kitchen.xml", siteURL: "https://example.org/kitchen",
                description: "Food, \"heat\" and time.\nWeekly.", image: "https://example.org/kitchen/cover.jpg", author: "Maya Ortiz & Co",
                categories: ["Science", "Arts/Food"]),
            Channel(title: "역사 산책"),
        ],
        episodes: [
            Episode(
                title: "Why Bread Rises: Yeast & Steam", channel: "Kitchen Physics", language: "en",
                summary: "A look at **fermentation** and `oven spring`.\n\nSecond paragraph with a [link](https://example.org/a?b=1&c=2).",
                chapters: [
                    Chapter(start: 0, title: "Intro", body: "Maya opens with a question.", quotes: [Quote(text: "Bread is a *slow* explosion.", time: 12)]),
                    Chapter(
                        start: 96, title: "Steam – the hidden lever", body: "Steam keeps the crust soft.\nLine two of the paragraph.",
                        quotes: [Quote(text: "Open the oven and you lose it.", time: nil), Quote(text: "Say \"when\".", time: 3700)]),
                    Chapter(start: 3926, title: "After an hour", body: ""),
                ],
                entities: [
                    Entity(
                        name: "Maya Ortiz", type: "Person", description: "Host; bakes at 5 a.m.", role: "host",
                        url: "https://example.org/people/maya"),
                    Entity(name: "Saccharomyces", type: "organism", description: "The yeast.\nAlso used for beer."),
                ],
                metadata: EpisodeMetadata(
                    url: "https://example.org/kitchen/42", published: "2026-05-21", duration: 4100, guid: "kitchen-physics-42",
                    enclosure: Enclosure(url: "https://cdn.example.org/kitchen/42.mp3", mediaType: "audio/mpeg", length: 49_201_152),
                    image: "https://example.org/kitchen/42.jpg", season: 2, number: 42, explicit: false,
                    chaptersLink: MediaLink(url: "https://example.org/kitchen/42/chapters.json", mediaType: "application/json+chapters"),
                    transcriptLinks: [
                        MediaLink(url: "https://example.org/kitchen/42.vtt", mediaType: "text/vtt", language: "en", rel: "captions"),
                        MediaLink(url: "https://example.org/kitchen/42.html", mediaType: "text/html"),
                    ],
                    extra: [MetadataField(key: "guest", value: "Maya Ortiz")]),
                transcript: Transcript(segments: [
                    TranscriptSegment(start: 0, end: 4_500, speaker: "Maya Ortiz", text: "Welcome to Kitchen Physics."),
                    TranscriptSegment(start: 4_500, end: 9_250, speaker: "Guest", text: "Thanks, Maya. Bread is a <slow> explosion.\nReally."),
                    TranscriptSegment(start: 12_000, end: nil, speaker: nil, text: "[laughter]"),
                ])),
            Episode(
                title: "面包为什么会膨胀", channel: "Kitchen Physics", language: "zh",
                summary: "酵母产生二氧化碳。",
                chapters: [Chapter(start: 5, title: "开场", body: "主持人介绍嘉宾。", quotes: [Quote(text: "面包是慢速的爆炸。", time: 65)])],
                entities: [Entity(name: "酵母", type: "概念", description: "一种真菌")],
                metadata: EpisodeMetadata(guid: "urn:uuid:5b1f0c1e-7a0e-4a57-9f0a-3c1d2e4f5a6b", explicit: true),
                transcript: Transcript(segments: [TranscriptSegment(start: 5_000, end: 7_125, speaker: "主持人", text: "欢迎收听。")])),
            Episode(
                title: "조선의 시간", channel: "역사 산책", language: "ko", summary: "",
                chapters: [Chapter(start: nil, title: "머리말", body: "시간을 재는 방법.")]),
        ])
}
