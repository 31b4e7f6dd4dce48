import ArgumentParser

/// Settings particular formats read, passed through by name as `ConversionOptions`. The flags are
/// conveniences for the built-in formats' settings; `--option KEY=VALUE` reaches any format, plugins too.
/// Which format reads which key is documented with the format (docs/*-format.md); the command library
/// checks only the shape, the format checks the value.
struct FormatOptions: ParsableArguments {
    @Option(name: .long, help: "OPML output: 'channels' (a subscription list for podcast apps, the default) or 'outline' (the whole summary, for outliners).")
    var opml: String?

    @Flag(name: .customLong("front-matter"), help: "Markdown: YAML front matter with each episode's metadata.")
    var frontMatter = false

    @Option(name: .long, help: "Markdown: entities as a 'list' (default) or a 'table'.")
    var entities: String?

    @Flag(name: .long, help: "HTML: a small site (index page and a page per episode) in the output folder.")
    var split = false

    @Option(name: .long, help: "HTML: a folder of Mustache templates replacing the shipped ones by name.")
    var template: String?

    @Flag(name: .customLong("unsafe-html"), help: "HTML, EPUB: let raw HTML in the input through (dropped by default).")
    var unsafeHTML = false

    @Flag(name: .customLong("no-timeline"), help: "HTML, EPUB: leave out each episode's timeline and the collection overview.")
    var noTimeline = false

    @Option(name: .long, help: "EPUB: the book's author (dc:creator).")
    var author: String?

    @Option(name: .long, help: "EPUB: cover image (JPEG, PNG, GIF or SVG); a cover is generated when none is given.")
    var cover: String?

    @Option(name: .long, help: "EPUB: episode order, 'input' (default), 'published' or 'channel'.")
    var order: String?

    @Option(name: .customLong("group-by"), help: "EPUB: 'channel' makes channels the top level of the table of contents.")
    var groupBy: String?

    @Option(name: .customLong("split-hints"), help: ArgumentHelp("Summary text (page form): a file of corrected heading splits (docs/heading-guideline.md).", valueName: "file"))
    var splitHints: String?

    @Option(name: .customLong("option"), help: ArgumentHelp("A setting for a format, as KEY=VALUE (repeatable).", valueName: "key=value"))
    var rawOptions: [String] = []

    func validate() throws {
        for option in rawOptions where !option.contains("=") || option.hasPrefix("=") {
            throw ValidationError("--option takes KEY=VALUE, got '\(option)'")
        }
        if let opml, !["channels", "outline"].contains(opml) {
            throw ValidationError("--opml takes 'channels' or 'outline', not '\(opml)'")
        }
    }

    /// Every setting given, by the key formats read. Flags win over the same key given with `--option`.
    var values: [String: String] {
        var values: [String: String] = [:]
        for option in rawOptions {
            let parts = option.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            values[String(parts[0])] = String(parts[1])
        }
        let named: [(String, String?)] = [
            ("opml", opml), ("entities", entities), ("template", template), ("author", author), ("cover", cover),
            ("order", order), ("group-by", groupBy), ("split-hints", splitHints),
            ("front-matter", frontMatter ? "true" : nil), ("split", split ? "true" : nil), ("unsafe-html", unsafeHTML ? "true" : nil),
            ("no-timeline", noTimeline ? "true" : nil),
        ]
        for case (let key, let value?) in named { values[key] = value }
        return values
    }

    /// A folder output is a site (not a batch) when the format is asked for one.
    var writesFolder: Bool { values["split"].map { $0 == "true" || $0 == "1" || $0 == "yes" } ?? false }
}
