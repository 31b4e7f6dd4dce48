import QuireCore
import QuireXHTML
import QuireXML

/// Reads Quire's own pages (one page, the `--split` index, an episode page) back into the model they
/// came from, and any other HTML as one episode with chapters from its headings, with a warning.
/// libxml2's HTML parser reads it with the network off and no entities but HTML's own.
public struct HTMLReader: FormatReader {
    public init() {}

    public func read(_ input: InputFile, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> EpisodeCollection {
        let parsed: SafeHTMLParser.Parsed
        do {
            parsed = try SafeHTMLParser.parse(input, prefix: "html")
        } catch {
            throw ConversionFailure(error.diagnostics)
        }
        for warning in parsed.warnings { diagnostics.report(warning) }
        let root = parsed.root
        var collection = EpisodeCollection()
        if let heading = root.firstDescendant(where: { $0.hasClass("collection-title") }), heading.attribute("data-untitled") != "true" {
            collection.title = heading.allText
        }
        var lines: [XMLElement] = []
        collect(in: root, into: &lines) { $0.hasClass("preamble-line") }
        collection.preamble = lines.map(\.allText)
        var channels: [XMLElement] = []
        collect(in: root, into: &channels) { $0.hasClass("channel") }
        collection.channels = channels.map(channel)
        collection.episodes =
            EpisodeArticle.isWrittenByQuire(root)
            ? EpisodeArticle.readArticles(from: root, input: input, diagnostics: &diagnostics)
            : EpisodeArticle.read(from: root, input: input, diagnostics: &diagnostics)
        return collection
    }

    private func channel(from element: XMLElement) -> Channel {
        var categories: [XMLElement] = []
        collect(in: element, into: &categories) { $0.hasClass("channel-category") }
        return Channel(
            title: element.firstDescendant { $0.hasClass("channel-title") }?.allText ?? "",
            feedURL: element.firstDescendant { $0.hasClass("channel-feed") }?.allText,
            siteURL: element.firstDescendant { $0.hasClass("channel-site") }?.allText,
            description: element.firstDescendant { $0.hasClass("channel-description") }?.allText,
            image: element.firstDescendant { $0.hasClass("channel-image") }?.allText,
            author: element.firstDescendant { $0.hasClass("channel-author") }?.allText,
            categories: categories.map(\.allText))
    }

    /// Matching elements in document order, not looking inside a match.
    private func collect(in element: XMLElement, into result: inout [XMLElement], where predicate: (XMLElement) -> Bool) {
        for child in element.children {
            if predicate(child) { result.append(child) } else { collect(in: child, into: &result, where: predicate) }
        }
    }
}
