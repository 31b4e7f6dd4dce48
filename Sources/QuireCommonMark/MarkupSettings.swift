import QuireCore

/// Settings of the CommonMark rendering that Markdown, HTML and EPUB share; each format lists them.
public enum MarkupSettings {
    /// Raw HTML written in the input goes through; by default cmark leaves it out and `javascript:`
    /// links are dropped.
    public static let unsafeHTML = FormatSetting("unsafe-html", .flag, help: "Let raw HTML in the input through (dropped by default).")
}
