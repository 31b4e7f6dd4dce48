import QuireCore

/// Settings of the episode article that HTML and EPUB share; each format lists them.
public enum ArticleSettings {
    public static let noTimeline = FormatSetting(
        "no-timeline", .flag, help: "Leave out each episode's timeline and the collection overview.")
}
