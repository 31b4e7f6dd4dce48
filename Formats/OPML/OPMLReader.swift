import QuireCore
import QuireXML

/// Reads OPML 1.0 and 2.0: podcast apps' subscription exports (flat, or wrapped in a "feeds"
/// outline; `type="rss"` or `"link"`; attribute names in any case) and Quire's own outlines.
public struct OPMLReader: FormatReader {
    public init() {}

    public func read(_ input: InputFile, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> EpisodeCollection {
        let root: XMLElement
        do {
            root = try SafeXMLParser.parse(input, prefix: "opml")
        } catch {
            throw ConversionFailure(error.diagnostics)
        }
        guard root.name.lowercased() == "opml" else {
            throw ConversionFailure(
                .error("opml.root", "the root element is <\(root.name)>, not <opml>", at: input.location(line: root.line, column: 1)))
        }
        var reader = OutlineReader(input: input)
        reader.collection.title = root.child(named: "head")?.child(named: "title")?.text
        guard let body = root.child(named: "body") else {
            throw ConversionFailure(.error("opml.body", "the document has no <body>", at: input.location(line: root.line, column: 1)))
        }
        for outline in body.children(named: "outline") { reader.readTopLevel(outline) }
        diagnostics.report(contentsOf: reader.diagnostics)
        return reader.collection
    }
}

private struct OutlineReader {
    let input: InputFile
    var collection = EpisodeCollection()
    var diagnostics = Diagnostics()
    /// Attribute names already reported as unknown, so each is said once.
    private var reportedAttributes: Set<String> = []

    init(input: InputFile) { self.input = input }

    private func location(_ element: XMLElement) -> SourceLocation { input.location(line: element.line) }

    mutating func readTopLevel(_ outline: XMLElement) {
        let type = outline.attribute("type")?.lowercased()
        switch type {
        case OutlineType.preamble:
            collection.preamble.append(outline.attribute("text") ?? "")
        case OutlineType.episode:
            collection.episodes.append(readEpisode(outline, channel: nil))
        case "podcast-playlist":
            // Overcast's playlists are app settings, not subscriptions or text.
            diagnostics.report(
                .note("opml.playlist.ignored", "playlist '\(outline.attribute("title") ?? "")' is an app setting; ignored", at: location(outline)))
        default:
            if outline.attribute("xmlUrl") != nil || type == OutlineType.feed || type == "link" && outline.attribute("url") != nil {
                readChannel(outline)
            } else if !outline.children.isEmpty {
                // A folder ("feeds", a category): what matters is inside; its own label and note are
                // kept in the preamble so no text is lost.
                let label = [outline.attribute("text") ?? outline.attribute("title"), outline.attribute("_note")].compactMap { $0 }.filter { !$0.isEmpty }
                if !label.isEmpty {
                    collection.preamble += label
                    diagnostics.report(.note("opml.folder", "folder '\(label[0])': its label is kept in the preamble", at: location(outline)))
                }
                for child in outline.children(named: "outline") { readTopLevel(child) }
            } else {
                let text = outline.attribute("text") ?? outline.attribute("title") ?? ""
                diagnostics.report(
                    .warning(
                        "opml.outline.unplaced", "outline '\(text)' is neither a feed nor an episode; its text is kept in the preamble",
                        at: location(outline)))
                if !text.isEmpty { collection.preamble.append(text) }
            }
        }
    }

    private mutating func readChannel(_ outline: XMLElement) {
        let title = outline.attribute("text") ?? outline.attribute("title") ?? outline.attribute("xmlUrl") ?? ""
        var channel = Channel(title: title)
        channel.feedURL = outline.attribute("xmlUrl")
        channel.siteURL = outline.attribute("htmlUrl") ?? (outline.attribute("type")?.lowercased() == "link" ? outline.attribute("url") : nil)
        channel.description = outline.attribute("description")
        channel.image = outline.attribute("imageUrl")
        channel.author = outline.attribute("author")
        channel.categories =
            outline.attribute("category").map { list in
                list.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            } ?? []
        reportUnknown(
            outline, known: ["type", "text", "title", "xmlurl", "htmlurl", "description", "url", "version", "language", "imageurl", "author", "category"])
        if title.isEmpty {
            diagnostics.report(.warning("opml.feed.untitled", "feed outline has no text, title or xmlUrl; read as an untitled channel", at: location(outline)))
        }
        collection.merge(EpisodeCollection(channels: [channel]))
        for child in outline.children(named: "outline") {
            switch child.attribute("type")?.lowercased() {
            case OutlineType.episode: collection.episodes.append(readEpisode(child, channel: title))
            case OutlineType.overcastEpisode: collection.episodes.append(readOvercastEpisode(child, channel: title))
            default: collection.preamble += keptParagraphs(of: [child], under: "feed '\(title)'", keptIn: "the preamble")
            }
        }
    }

    private mutating func readEpisode(_ outline: XMLElement, channel: String?) -> Episode {
        var episode = Episode(title: outline.attribute("text") ?? "")
        episode.channel = outline.attribute("channel") ?? channel
        episode.language = outline.attribute("language")
        episode.summary = outline.attribute("_note") ?? ""
        episode.metadata.url = outline.attribute("url")
        episode.metadata.published = outline.attribute("published")
        episode.metadata.duration = outline.attribute("duration").flatMap { seconds($0, in: outline, name: "duration") }
        episode.metadata.guid = outline.attribute("guid")
        if let url = outline.attribute("enclosure") {
            episode.metadata.enclosure = Enclosure(
                url: url, mediaType: outline.attribute("enclosureType"),
                length: outline.attribute("enclosureLength").flatMap { count($0, in: outline, name: "enclosureLength") })
        }
        episode.metadata.image = outline.attribute("image")
        episode.metadata.season = outline.attribute("season").flatMap { count($0, in: outline, name: "season") }
        episode.metadata.number = outline.attribute("episode").flatMap { count($0, in: outline, name: "episode") }
        episode.metadata.explicit = outline.attribute("explicit").flatMap { flag($0, in: outline, name: "explicit") }
        reportUnknown(
            outline,
            known: [
                "type", "text", "channel", "language", "_note", "url", "published", "duration", "guid", "enclosure", "enclosuretype", "enclosurelength",
                "image", "season", "episode", "explicit",
            ])
        for child in outline.children(named: "outline") {
            switch child.attribute("type")?.lowercased() {
            case OutlineType.chapter: episode.chapters.append(readChapter(child))
            case OutlineType.entities:
                for item in child.children(named: "outline") {
                    var entity = Entity(
                        name: item.attribute("text") ?? "", type: item.attribute("entityType") ?? "", description: item.attribute("_note") ?? "",
                        role: item.attribute("role"), url: item.attribute("url"))
                    entity.description = joined(entity.description, keptText(of: item.children(named: "outline"), under: "entity '\(entity.name)'"))
                    episode.entities.append(entity)
                }
            case OutlineType.metadata:
                episode.metadata.extra.append(MetadataField(key: child.attribute("text") ?? "", value: child.attribute("value") ?? ""))
            case OutlineType.chaptersFile: episode.metadata.chaptersLink = link(child)
            case OutlineType.transcriptFile: episode.metadata.transcriptLinks.append(link(child))
            case OutlineType.transcript:
                var transcript = Transcript()
                for item in child.children(named: "outline") {
                    guard let start = item.attribute("startMs").flatMap({ count($0, in: item, name: "startMs") }) else {
                        if item.attribute("startMs") == nil {
                            diagnostics.report(
                                .warning("opml.segment.start", "transcript segment has no startMs; its text is kept in the summary", at: location(item)))
                        }
                        episode.summary = joined(episode.summary, item.attribute("text") ?? "")
                        continue
                    }
                    transcript.segments.append(
                        TranscriptSegment(
                            start: start, end: item.attribute("endMs").flatMap { count($0, in: item, name: "endMs") }, speaker: item.attribute("speaker"),
                            text: item.attribute("text") ?? ""))
                }
                episode.transcript = transcript
            default:
                // An outliner's child without a type: a section of the episode.
                episode.chapters.append(readChapter(child))
            }
        }
        return episode
    }

    private mutating func readChapter(_ outline: XMLElement) -> Chapter {
        let text = outline.attribute("text") ?? ""
        var chapter = Chapter(start: nil, title: text, body: outline.attribute("_note") ?? "")
        if let start = outline.attribute("start") {
            chapter.start = seconds(start, in: outline, name: "start")
            // The label repeats the start for people; the title is what follows it.
            if let seconds = chapter.start {
                let prefix = "[\(Timestamp.string(fromSeconds: seconds))] "
                if text.hasPrefix(prefix) { chapter.title = String(text.dropFirst(prefix.count)) }
            }
        }
        chapter.isRecovered = outline.attribute("recovered") == "true"
        for quote in outline.children(named: "outline") {
            chapter.quotes.append(Quote(text: quote.attribute("text") ?? "", time: quote.attribute("time").flatMap { seconds($0, in: quote, name: "time") }))
            chapter.body = joined(chapter.body, keptText(of: quote.children(named: "outline"), under: "quote '\(quote.attribute("text") ?? "")'"))
        }
        return chapter
    }

    /// Outlines nested where Quire's outline has none: their text joins the nearest text field as
    /// paragraphs, with a warning, so nothing is dropped.
    private mutating func keptText(of outlines: [XMLElement], under parent: String) -> String {
        keptParagraphs(of: outlines, under: parent, keptIn: "a paragraph").joined(separator: "\n\n")
    }

    /// The text and notes of `outlines` and everything under them, one warning per outline.
    private mutating func keptParagraphs(of outlines: [XMLElement], under parent: String, keptIn place: String) -> [String] {
        var paragraphs: [String] = []
        for outline in outlines {
            diagnostics.report(
                .warning(
                    "opml.outline.unplaced", "outline nested in \(parent) has no place in the model; its text is kept in \(place)",
                    at: location(outline)))
            paragraphs += [outline.attribute("text"), outline.attribute("_note")].compactMap { $0 }.filter { !$0.isEmpty }
            paragraphs += keptParagraphs(of: outline.children(named: "outline"), under: parent, keptIn: place)
        }
        return paragraphs
    }

    /// Two texts as paragraphs of one.
    private func joined(_ text: String, _ more: String) -> String {
        text.isEmpty || more.isEmpty ? text + more : text + "\n\n" + more
    }

    /// Overcast's export lists a feed's episodes with their page and publication date.
    private mutating func readOvercastEpisode(_ outline: XMLElement, channel: String) -> Episode {
        var episode = Episode(title: outline.attribute("title") ?? outline.attribute("text") ?? "", channel: channel)
        episode.metadata.url = outline.attribute("url")
        episode.metadata.published = outline.attribute("pubDate")
        return episode
    }

    private func link(_ outline: XMLElement) -> MediaLink {
        MediaLink(
            url: outline.attribute("text") ?? "", mediaType: outline.attribute("mediaType"), language: outline.attribute("language"),
            rel: outline.attribute("rel"))
    }

    /// A whole, non-negative number (a season, bytes, milliseconds); anything else is left out with a warning.
    private mutating func count(_ text: String, in outline: XMLElement, name: String) -> Int? {
        if let value = Int(text), value >= 0 { return value }
        diagnostics.report(.warning("opml.number", "\(name)='\(text)' is not a whole, non-negative number; left out", at: location(outline)))
        return nil
    }

    private mutating func flag(_ text: String, in outline: XMLElement, name: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no", "clean": return false
        default:
            diagnostics.report(.warning("opml.flag", "\(name)='\(text)' is neither true nor false; left out", at: location(outline)))
            return nil
        }
    }

    private mutating func seconds(_ text: String, in outline: XMLElement, name: String) -> Int? {
        if let value = Int(text), value >= 0 { return value }
        diagnostics.report(.warning("opml.seconds", "\(name)='\(text)' is not a whole number of seconds; left out", at: location(outline)))
        return nil
    }

    /// Apps add their own attributes (`overcastId`, `subscribed`); they are noted once each and skipped.
    private mutating func reportUnknown(_ outline: XMLElement, known: Set<String>) {
        for (name, _) in outline.attributes where !known.contains(name.lowercased()) && reportedAttributes.insert(name.lowercased()).inserted {
            diagnostics.report(.note("opml.attribute.ignored", "attribute '\(name)' is not used by Quire; ignored", at: location(outline)))
        }
    }
}
