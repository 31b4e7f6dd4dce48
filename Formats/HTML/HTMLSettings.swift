import QuireCommonMark
import QuireCore
import QuireXHTML

/// What the HTML writer can be told.
public enum HTMLSettings {
    public static let split = FormatSetting(
        "split", .flag, help: "A small site (an index page and a page per episode) in the output folder.")
    public static let template = FormatSetting(
        "template", .path(valueName: "folder"), help: "A folder of Mustache templates replacing the shipped ones by name.")

    public static let all = [split, template, MarkupSettings.unsafeHTML, ArticleSettings.noTimeline]
}
