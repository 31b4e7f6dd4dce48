import QuireCommonMark
import QuireCore

/// What the Markdown writer and the Markdown → HTML converter can be told.
public enum MarkdownSettings {
    public enum EntityStyle: String, Sendable { case list, table }

    public static let frontMatter = FormatSetting("front-matter", .flag, help: "YAML front matter with each episode's metadata.")
    public static let entities = FormatSetting(
        "entities", .choice(["list", "table"]), default: EntityStyle.list.rawValue, help: "Entities as a 'list' or a 'table'.")

    // A notes vault (docs/notes-vault.md). HTML declares `split` too, with the same kind.
    public static let split = FormatSetting(
        "split", .flag, help: "A notes vault in the output folder: a note per episode, per entity and per channel; re-running updates it.")
    public static let defaultNoteName = "{channel}/{published} {title}.md"
    public static let noteName = FormatSetting(
        "note-name", .text(valueName: "template"), default: defaultNoteName,
        help: "With split: each episode note's path; {channel} {title} {published} {year} {month} {day} {number} {season} {language} {guid}.")
    public static let links = FormatSetting(
        "links", .choice(["wikilinks", "markdown"]), default: "wikilinks", help: "With split: links as [[wikilinks]] or Markdown links.")
    public static let prune = FormatSetting(
        "prune", .flag, help: "With split: remove Quire's notes whose episode or entity is gone (never one holding your own text).")

    public static let all = [frontMatter, entities, MarkupSettings.unsafeHTML, split, noteName, links, prune]
}
