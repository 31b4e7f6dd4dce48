import QuireCommonMark
import QuireCore

/// Reads Markdown with cmark-gfm's syntax tree. Episode files (see `EpisodeShape`) map back to the model
/// exactly; any other Markdown reads as one episode of untimed chapters, with a warning, nothing dropped.
public struct MarkdownReader: FormatReader {
    public init() {}

    public func read(_ input: InputFile, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> EpisodeCollection {
        switch VaultReading.prepare(input, diagnostics: &diagnostics) {
        case .skip?: return EpisodeCollection()
        case .document(let note)?: return try readDocument(note, diagnostics: &diagnostics)
        case nil: return try readDocument(input, diagnostics: &diagnostics)
        }
    }

    private func readDocument(_ input: InputFile, diagnostics: inout Diagnostics) throws -> EpisodeCollection {
        let source = try MarkdownSource(input)
        // Text comes from the source lines, never from cmark's inline parse.
        let document = CommonMarkDocument(utf8: source.markdownBytes, includingHeadingText: false)
        let headings = document.blocks.compactMap { block -> EpisodeShape.Heading? in
            guard case .heading(let level) = block.kind else { return nil }
            return EpisodeShape.Heading(level: level, rawText: HeadingText.raw(of: block, in: source))
        }
        var firstBlockIsTitle = false
        if let first = document.blocks.first, case .heading(1) = first.kind { firstBlockIsTitle = true }
        let shape = EpisodeShape(
            hasFrontMatter: source.frontMatter != nil, firstBlockIsTitle: firstBlockIsTitle, headings: headings,
            isEmpty: document.blocks.isEmpty)
        var problems: [FrontMatterYAML.Problem] = []
        let frontMatter = FrontMatterYAML.entries(source.frontMatter ?? [], problems: &problems)
        for problem in problems {
            diagnostics.report(.warning("markdown.front-matter.syntax", problem.message, at: source.location(line: problem.line)))
        }
        var applier = EpisodeFrontMatter.Applier(source: source)
        let episodeEntries = applier.applyCollectionEntries(frontMatter)
        if shape.isEpisodeShaped {
            var mapper = EpisodeDocumentMapper(source: source, applier: applier)
            mapper.map(document.blocks, firstEpisodeEntries: episodeEntries)
            diagnostics.report(contentsOf: mapper.applier.diagnostics)
            diagnostics.report(contentsOf: mapper.diagnostics)
            return mapper.applier.collection
        }
        diagnostics.report(
            .warning(
                "markdown.not-episode",
                "this Markdown is not an episode file (\(NotesDocumentMapper.reason(for: shape))); read as one episode whose sections are untimed chapters",
                at: source.location(line: max(source.frontMatterEndLine + 1, document.blocks.first?.startLine ?? 1))))
        var mapper = NotesDocumentMapper(source: source, applier: applier)
        mapper.map(document.blocks, frontMatterEntries: episodeEntries)
        diagnostics.report(contentsOf: mapper.applier.diagnostics)
        return mapper.applier.collection
    }
}

/// A heading's text as written in the source.
enum HeadingText {
    static func raw(of block: CommonMarkBlock, in source: MarkdownSource) -> Substring {
        if block.startLine == block.endLine, let (_, text) = EpisodeShape.atxText(source.line(block.startLine)) { return text }
        // A setext heading: its lines above the underline.
        let lines = (block.startLine..<max(block.endLine, block.startLine + 1)).map { source.line($0).trimmingLeadingBlanks.trimmingTrailingBlanks }
        return Substring(lines.joined(separator: "\n"))
    }
}
