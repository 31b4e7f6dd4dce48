import QuireCommonMark
import QuireCore

/// What the Markdown writer and the Markdown → HTML converter can be told.
public enum MarkdownSettings {
    public enum EntityStyle: String, Sendable { case list, table }

    public static let frontMatter = FormatSetting("front-matter", .flag, help: "YAML front matter with each episode's metadata.")
    public static let entities = FormatSetting(
        "entities", .choice(["list", "table"]), default: EntityStyle.list.rawValue, help: "Entities as a 'list' or a 'table'.")

    public static let all = [frontMatter, entities, MarkupSettings.unsafeHTML]
}
