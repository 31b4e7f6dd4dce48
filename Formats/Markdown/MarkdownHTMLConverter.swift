import QuireCommonMark
import QuireCore

/// Markdown → HTML straight through cmark-gfm, for documents that are not episode files (a README,
/// notes): a standalone HTML5 page of the document as GitHub would show it. Raw HTML is left out
/// unless option `unsafe-html`. Episode files go through the model instead (`accepts`).
public struct MarkdownHTMLConverter: DirectConverter {
    /// Registers the converter as the edge `markdown → html`; both formats must be registered first
    /// (the list of built-in formats puts it after them).
    public struct Edge: FormatPlugin {
        public init() {}
        public var name: String { "built-in" }

        public func register(in registry: inout FormatRegistry) throws {
            try registry.addConverter(
                MarkdownHTMLConverter(), from: MarkdownFormat.id, to: "html", cost: 1,
                reason: "Markdown that is not an episode file (a README, notes) renders straight through cmark-gfm")
        }
    }

    public init() {}

    /// True only for documents that are not episode-shaped; looks at the headings, without parsing.
    public func accepts(_ input: InputFile) -> Bool {
        !HeadingScan.shape(of: input.bytes).isEpisodeShaped
    }

    /// Markdown written from the model is episode-shaped: never a step in the middle of a route.
    public var isSelective: Bool { true }

    public func convert(_ input: InputFile, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> [UInt8] {
        // The same check the reader makes, so that both routes fail alike on text that is not UTF-8.
        if String(validating: input.bytes, as: UTF8.self) == nil { _ = try MarkdownSource(input) }
        // cmark skips a byte order mark itself.
        let rendered = CommonMarkRenderer.render(utf8: input.bytes, validUTF8: true, unsafe: options.flag(MarkupSettings.unsafeHTML)) { heading in
            // The page title: the first heading's text as a browser shows it, else the file name.
            let text = heading.map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ") }
            let title = text.flatMap { $0.isEmpty ? nil : $0 } ?? MarkdownSource.fileStem(of: input.name)
            return StandaloneHTMLPage.enclosing(title: title, language: options.value(CommonSettings.language))
        }
        return rendered.html
    }

}

/// The page around rendered Markdown: doctype, charset, viewport, title and a little CSS for reading.
enum StandaloneHTMLPage {
    /// The bytes before and after the rendered body.
    static func enclosing(title: String, language: String?) -> (before: [UInt8], after: [UInt8]) {
        var head = "<!DOCTYPE html>\n<html"
        if let language, !language.isEmpty { head += " lang=\"" + escape(language) + "\"" }
        head += ">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        head += "<title>" + escape(title) + "</title>\n<style>\n" + style + "</style>\n</head>\n<body>\n<main>\n"
        return (Array(head.utf8), Array("</main>\n</body>\n</html>\n".utf8))
    }

    private static let style = """
        body { margin: 0; font: 16px/1.6 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; background: #fff; }
        main { max-width: 46rem; margin: 0 auto; padding: 2rem 1rem; }
        h1, h2, h3 { line-height: 1.25; }
        pre, code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.9em; background: #f6f8fa; }
        pre { padding: 1rem; overflow: auto; }
        blockquote { margin: 0; padding: 0 1rem; border-left: 0.25rem solid #d0d7de; color: #59636e; }
        table { border-collapse: collapse; }
        th, td { border: 1px solid #d0d7de; padding: 0.25rem 0.75rem; }
        img { max-width: 100%; }
        @media (prefers-color-scheme: dark) {
          body { color: #e6edf3; background: #0d1117; }
          pre, code { background: #161b22; }
        }

        """

    private static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
