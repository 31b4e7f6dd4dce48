import QuireCore

/// Attempts to run script in a reader's browser or e-reader, through any text field Quire writes into
/// HTML or XHTML: the HTML and EPUB escaping tests put each one in every field.
public enum ScriptInjection {
    public static let attacks = [
        "<script>alert(1)</script>", "\" onload=\"alert(1)", "' onmouseover='alert(1)", "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))", "<a href=\"javascript:alert(1)\">x</a>", "javascript:alert(1)", "</p></article><script>x()</script>",
        "**bold <script>alert(1)</script>**", "&lt;script&gt;", "]]><!--", "<svg onload=alert(1)>",
    ]

    /// A collection with `attack` in every field: collection, channel, episode, metadata, chapter,
    /// quote and entity. `language` and `entityType` stay valid where a format needs them to be.
    public static func poisoned(_ attack: String, language: String? = nil, entityType: String? = nil) -> EpisodeCollection {
        EpisodeCollection(
            title: attack, preamble: [attack],
            channels: [Channel(title: attack, feedURL: attack, siteURL: attack, description: attack)],
            episodes: [
                Episode(
                    title: attack, channel: attack, language: language ?? attack, summary: attack + "\n\n" + attack,
                    chapters: [Chapter(start: 1, title: attack, body: attack, quotes: [Quote(text: attack, time: 2)])],
                    entities: [Entity(name: attack, type: entityType ?? attack, description: attack)],
                    metadata: EpisodeMetadata(url: attack, published: attack, extra: [MetadataField(key: attack, value: attack)]))
            ])
    }
}
