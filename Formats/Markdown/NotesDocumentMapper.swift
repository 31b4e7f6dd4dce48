import QuireCommonMark
import QuireCore

/// Reads Markdown that is not an episode file (notes, a README) as one episode: its title is a leading
/// `#` heading (else the front matter's `title`, else the file name), text before the first other
/// heading is the summary, and every other heading, of any level, starts an untimed chapter whose body
/// is the text up to the next heading, as written (lists, code, quotes and all).
struct NotesDocumentMapper {
    let source: MarkdownSource
    var applier: EpisodeFrontMatter.Applier

    static func reason(for shape: EpisodeShape) -> String {
        if !shape.firstBlockIsTitle { return "it does not start with a '#' title" }
        if shape.headings.contains(where: { $0.level > 2 }) { return "it has headings below level 2" }
        return "it has no front matter, '## [MM:SS]' chapters or '## Entities' section"
    }

    mutating func map(_ blocks: [CommonMarkBlock], frontMatterEntries: [FrontMatterYAML.Entry]) {
        var headings = blocks.filter { if case .heading = $0.kind { true } else { false } }
        var episode = Episode(title: "")
        var firstLine = source.frontMatterEndLine + 1
        if let first = blocks.first, case .heading(1) = first.kind {
            episode.title = PlainTextEscaping.unescape(HeadingText.raw(of: first, in: source))
            firstLine = first.endLine + 1
            headings.removeFirst()
        } else if let entry = frontMatterEntries.first(where: { $0.key == "title" }) {
            episode.title = FrontMatterYAML.scalar(entry.inline) ?? FrontMatterYAML.rawText(of: entry)
        } else {
            episode.title = MarkdownSource.fileStem(of: source.input.name)
        }
        episode.summary = text(from: firstLine, through: (headings.first?.startLine ?? source.lines.count + 1) - 1)
        for (number, heading) in headings.enumerated() {
            let last = number + 1 < headings.count ? headings[number + 1].startLine - 1 : source.lines.count
            episode.chapters.append(
                Chapter(
                    start: nil, title: PlainTextEscaping.unescape(HeadingText.raw(of: heading, in: source)),
                    body: text(from: heading.endLine + 1, through: last)))
        }
        applier.apply(frontMatterEntries, to: &episode)
        applier.collection.episodes.append(episode)
    }

    private func text(from first: Int, through last: Int) -> String {
        guard first <= last else { return "" }
        return BlockEscaping.unescapeLines(source.trimmedLines(first...last).map(\.text))
    }
}
