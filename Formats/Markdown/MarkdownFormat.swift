import QuireCore

/// GitHub-flavoured Markdown: episodes as notes people keep (Obsidian, GitHub) (docs/markdown-format.md).
public struct MarkdownFormat: FormatPlugin {
    public static let id: FormatID = "markdown"

    public init() {}
    public var name: String { "built-in" }

    public func register(in registry: inout FormatRegistry) throws {
        try registry.add(
            FormatDescriptor(
                id: Self.id, displayName: "Markdown (GFM)", aliases: ["md", "gfm", "commonmark"],
                fileExtensions: ["md", "markdown"], mediaTypes: ["text/markdown"], settings: MarkdownSettings.all,
                sniffer: Self.sniff))
        try registry.addReader(MarkdownReader(), for: Self.id)
        try registry.addWriter(MarkdownWriter(), for: Self.id)
    }

    /// A `# ` title first (after any front matter) is Markdown: summary text escapes such a line. Only
    /// `## [` chapter lines, which summary text has too, are a weaker sign than summary text's own.
    @Sendable static func sniff(_ sample: ContentSample) -> SniffMatch? {
        guard let text = sample.text else { return nil }
        var lines = text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })[...]
        if let first = lines.first, first.trimmingTrailingBlanks == "---",
            let close = lines.dropFirst().firstIndex(where: { $0.trimmingTrailingBlanks == "---" })
        {
            lines = lines[(close + 1)...]
        }
        let start = lines.first.map { $0.drop { $0 == " " || $0 == "\u{FEFF}" } } ?? ""
        if start.hasPrefix("# ") || start == "#" { return .likely }
        let markdownLines = lines.contains { line in
            line.hasPrefix("## ") || line.hasPrefix("### ") || line.hasPrefix("```") || line.hasPrefix("- [") || line.hasPrefix("| ")
        }
        return markdownLines ? .possible : nil
    }
}
