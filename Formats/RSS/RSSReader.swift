import QuireCore
import QuireXHTML
import QuireXML

/// Reads podcast feeds: RSS 2.0 with the iTunes, `content:encoded`, Podlove Simple Chapters and
/// Podcasting 2.0 tags, RSS 1.0, and Atom. One feed is one channel; its items are episodes.
/// docs/rss-format.md says what each element becomes and what happens with messy feeds.
public struct RSSReader: FormatReader {
    /// Parses a transcript file found next to the feed (WebVTT, SRT, `podcast:transcript` JSON). The
    /// transcript formats live in their own target; whoever registers the RSS format passes their parser
    /// here. Returning `nil` means "not a type this parser reads".
    public typealias TranscriptFileParser = @Sendable (_ file: InputFile, _ link: MediaLink, _ diagnostics: inout Diagnostics) throws -> Transcript?

    let transcriptFileParser: TranscriptFileParser?

    public init(transcriptFileParser: TranscriptFileParser? = nil) {
        self.transcriptFileParser = transcriptFileParser
    }

    public func read(_ input: InputFile, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> EpisodeCollection {
        let root: XMLElement
        do {
            root = try SafeXMLParser.parse(input, prefix: "rss")
        } catch {
            throw ConversionFailure(error.diagnostics)
        }
        var reader = FeedReader(input: input, transcriptFileParser: transcriptFileParser)
        try reader.read(root)
        diagnostics.report(contentsOf: reader.diagnostics)
        return reader.collection
    }
}

extension XMLElement {
    /// Whether the element is `name` in `namespace` (`nil`: no namespace, as RSS 2.0's own elements).
    func `is`(_ name: String, in namespace: String?) -> Bool {
        self.name == name && self.namespace == namespace
    }

    /// In the Podcasting 2.0 namespace, under either of its URIs.
    var isPodcastNamespace: Bool { namespace == FeedNamespace.podcast || namespace == FeedNamespace.podcastLegacy }

    /// `itunes:duration`, with the usual prefix for the namespace whatever the feed chose.
    var qualifiedName: String {
        guard let namespace else { return name }
        if let prefix = FeedNamespace.preferredPrefixes[namespace] ?? namespacePrefix { return prefix + ":" + name }
        return name
    }

    var trimmedText: String { text.trimmingWhitespace() }
}

/// What an item (or Atom entry) says, gathered before it becomes an episode.
private struct ItemFields {
    var element: XMLElement
    var title: String?
    var itunesTitle: String?
    var link: String?
    var description: String?
    var content: String?
    var itunesSummary: String?
    var guid: String?
    var guidIsPermaLink = true
    /// `pubDate`, `dc:date`, Atom's `published` or `updated`.
    var date: XMLElement?
    var enclosure: Enclosure?
    var duration: XMLElement?
    var image: String?
    var season: XMLElement?
    var number: XMLElement?
    var podcastSeason: XMLElement?
    var podcastNumber: XMLElement?
    var explicit: XMLElement?
    var chaptersLink: (link: MediaLink, written: String)?
    var transcriptLinks: [(link: MediaLink, written: String)] = []
    var people: [Entity] = []
    var podloveChapters: XMLElement?
    var source: (title: String, url: String?)?
    var extra: [MetadataField] = []
    var base: String?
}

private let articleMarker = Array("<article class=\"episode\"".utf8)

extension String.UTF8View {
    /// Whether the bytes hold `needle`, without Foundation's string search.
    fileprivate func contains(_ needle: [UInt8]) -> Bool {
        let bytes = Array(self)
        guard needle.count <= bytes.count else { return false }
        var index = 0
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0] && bytes[index..<index + needle.count].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}

private struct FeedReader {
    let input: InputFile
    let transcriptFileParser: RSSReader.TranscriptFileParser?
    var collection = EpisodeCollection()
    var diagnostics = Diagnostics()
    private var channel = Channel(title: "")
    private var channelLanguage: String?
    private var channelPeople: [Entity] = []
    /// Element names already reported as not read, so each is said once.
    private var reportedElements: Set<String> = []
    private var seenGUIDs: [String: Int] = [:]
    private var undatedItems = 0
    private var htmlTitles = 0
    private var relativeLinksWithoutBase = 0

    init(input: InputFile, transcriptFileParser: RSSReader.TranscriptFileParser?) {
        self.input = input
        self.transcriptFileParser = transcriptFileParser
    }

    private func location(_ element: XMLElement) -> SourceLocation { input.location(line: element.line) }

    mutating func read(_ root: XMLElement) throws {
        var items: [ItemFields] = []
        var base = root.attribute("base")
        if root.is("rss", in: nil) {
            guard let channelElement = root.children.first(where: { $0.is("channel", in: nil) }) else {
                throw ConversionFailure(.error("rss.channel", "the feed has no <channel>", at: location(root)))
            }
            base = channelElement.attribute("base") ?? base
            items = readRSSChannel(channelElement, base: base)
        } else if root.is("RDF", in: FeedNamespace.rdf) {
            guard let channelElement = root.children.first(where: { $0.is("channel", in: FeedNamespace.rss10) }) else {
                throw ConversionFailure(.error("rss.channel", "the RSS 1.0 feed has no <channel>", at: location(root)))
            }
            items = readRSSChannel(channelElement, base: base, itemsFrom: root, core: FeedNamespace.rss10)
        } else if root.is("feed", in: FeedNamespace.atom) {
            items = readAtomFeed(root, base: base)
        } else {
            throw ConversionFailure(
                .error(
                    "rss.root", "the root element is <\(root.qualifiedName)>, not <rss> or an Atom <feed>; this is not a podcast feed",
                    at: input.location(line: root.line, column: 1)))
        }
        if channel.title.isEmpty {
            let fallback = channel.siteURL ?? channel.feedURL ?? fileStem()
            diagnostics.report(.warning("rss.channel.untitled", "the feed has no title; its channel is called '\(fallback)'", at: location(root)))
            channel.title = fallback
        }
        collection.channels = [channel]
        for item in items { collection.episodes.append(episode(from: item)) }
        for (title, url) in sourceChannels where !collection.channels.contains(where: { $0.title == title }) {
            collection.channels.append(Channel(title: title, feedURL: url))
        }
        if undatedItems > 0 {
            diagnostics.report(
                .note("rss.item.undated", "\(undatedItems) of \(items.count) items have no date; their episodes have none", at: location(root)))
        }
        if htmlTitles > 0 {
            diagnostics.report(.note("rss.title.html", "\(htmlTitles) titles held HTML; read as plain text", at: location(root)))
        }
        if relativeLinksWithoutBase > 0 {
            diagnostics.report(
                .warning(
                    "rss.link.relative",
                    "\(relativeLinksWithoutBase) relative links and no base (xml:base or the channel's link) to resolve them against; kept as written",
                    at: location(root)))
        }
    }

    private var sourceChannels: [(String, String?)] = []

    private func fileStem() -> String {
        let name = input.name.split(separator: "/").last.map(String.init) ?? input.name
        return name.split(separator: ".").first.map(String.init) ?? name
    }

    // MARK: RSS

    private mutating func readRSSChannel(_ element: XMLElement, base: String?, itemsFrom itemParent: XMLElement? = nil, core: String? = nil) -> [ItemFields] {
        var rssImage: String?
        var plainCategories: [String] = []
        var itemElements: [XMLElement] = []
        for child in element.children {
            if child.namespace == core {
                switch child.name {
                case "title": channel.title = singleLineTitle(child.text)
                case "link": channel.siteURL = nonEmpty(child.trimmedText)
                case "description": channel.description = channel.description ?? nonEmpty(ShowNotes.cleanText(child.text))
                case "language": channelLanguage = nonEmpty(child.trimmedText)
                case "image": rssImage = child.children.first(where: { $0.is("url", in: core) }).flatMap { nonEmpty($0.trimmedText) }
                case "category": if let text = nonEmpty(child.trimmedText) { plainCategories.append(text) }
                case "item": itemElements.append(child)
                case "items":
                    // RSS 1.0's table of contents repeats the items' addresses.
                    continue
                default: reportNotRead(child, in: "the channel")
                }
                continue
            }
            switch (child.namespace, child.name) {
            case (FeedNamespace.itunes, "image"): channel.image = nonEmpty(child.attribute("href")?.trimmingWhitespace() ?? "") ?? channel.image
            case (FeedNamespace.itunes, "author"): channel.author = nonEmpty(child.trimmedText)
            case (FeedNamespace.itunes, "summary"):
                if channel.description == nil { channel.description = nonEmpty(ShowNotes.cleanText(child.text)) }
            case (FeedNamespace.itunes, "category"): channel.categories += itunesCategories(child, parent: nil)
            case (FeedNamespace.atom, "link"):
                if child.attribute("rel") == "self", let href = nonEmpty(child.attribute("href")?.trimmingWhitespace() ?? "") { channel.feedURL = href }
            case (FeedNamespace.dublinCore, "creator") where channel.author == nil: channel.author = nonEmpty(child.trimmedText)
            case (FeedNamespace.dublinCore, "language") where channelLanguage == nil: channelLanguage = nonEmpty(child.trimmedText)
            default:
                if child.isPodcastNamespace && child.name == "person", let person = person(from: child, base: base ?? channel.siteURL) {
                    channelPeople.append(person)
                } else {
                    reportNotRead(child, in: "the channel")
                }
            }
        }
        if channel.image == nil { channel.image = rssImage }
        for category in plainCategories where !channel.categories.contains(category) { channel.categories.append(category) }
        if let feedURL = channel.feedURL { channel.feedURL = absolute(feedURL, base: base ?? channel.siteURL) }
        if let image = channel.image { channel.image = absolute(image, base: base ?? channel.siteURL) }
        if let site = channel.siteURL, let base, let resolved = FeedLinks.resolve(site, against: base) { channel.siteURL = resolved }
        let channelBase = base ?? channel.siteURL
        if let itemParent { itemElements = itemParent.children.filter { $0.is("item", in: core) } }
        return itemElements.map { readRSSItem($0, base: $0.attribute("base") ?? channelBase, core: core) }
    }

    private mutating func itunesCategories(_ element: XMLElement, parent: String?) -> [String] {
        guard let text = nonEmpty(element.attribute("text")?.trimmingWhitespace() ?? "") else { return [] }
        let path = parent.map { $0 + "/" + text } ?? text
        let children = element.children.filter { $0.is("category", in: FeedNamespace.itunes) }
        if children.isEmpty { return [path] }
        return children.flatMap { itunesCategories($0, parent: path) }
    }

    private mutating func readRSSItem(_ element: XMLElement, base: String?, core: String?) -> ItemFields {
        var item = ItemFields(element: element, base: base)
        var enclosures = 0
        for child in element.children {
            if child.namespace == core {
                switch child.name {
                case "title": item.title = child.text
                case "link": item.link = nonEmpty(child.trimmedText)
                case "description": item.description = child.text
                case "guid":
                    item.guid = nonEmpty(child.trimmedText)
                    item.guidIsPermaLink = child.attribute("isPermaLink")?.lowercased() != "false"
                case "pubDate": item.date = child
                case "enclosure":
                    enclosures += 1
                    if enclosures == 1 {
                        item.enclosure = enclosure(url: child.attribute("url"), type: child.attribute("type"), length: child.attribute("length"), child, base)
                    } else if let url = child.attribute("url") {
                        item.extra.append(MetadataField(key: "enclosure", value: url))
                        diagnostics.report(
                            .warning(
                                "rss.enclosure.extra", "item has more than one enclosure; the first is the episode's, this one is kept in its metadata",
                                at: location(child)))
                    }
                case "source": item.source = (singleLineTitle(child.text), child.attribute("url").flatMap(nonEmpty))
                default: keepUnknown(child, in: &item)
                }
                continue
            }
            readExtension(child, into: &item)
        }
        return item
    }

    // MARK: Atom

    private mutating func readAtomFeed(_ feed: XMLElement, base: String?) -> [ItemFields] {
        var entries: [XMLElement] = []
        for child in feed.children {
            guard child.namespace == FeedNamespace.atom else {
                switch (child.namespace, child.name) {
                case (FeedNamespace.itunes, "image"): channel.image = nonEmpty(child.attribute("href")?.trimmingWhitespace() ?? "") ?? channel.image
                case (FeedNamespace.itunes, "author"): channel.author = nonEmpty(child.trimmedText)
                case (FeedNamespace.itunes, "category"): channel.categories += itunesCategories(child, parent: nil)
                default: reportNotRead(child, in: "the feed")
                }
                continue
            }
            switch child.name {
            case "title": channel.title = atomText(child, title: true)
            case "subtitle": channel.description = nonEmpty(atomText(child, title: false))
            case "link":
                let href = nonEmpty(child.attribute("href")?.trimmingWhitespace() ?? "")
                switch child.attribute("rel") ?? "alternate" {
                case "self": channel.feedURL = href
                case "alternate": channel.siteURL = channel.siteURL ?? href
                default: reportNotRead(child, in: "the feed")
                }
            case "author":
                if channel.author == nil {
                    channel.author = child.children.first { $0.is("name", in: FeedNamespace.atom) }.flatMap { nonEmpty($0.trimmedText) }
                }
            case "logo", "icon": if channel.image == nil || child.name == "logo" { channel.image = nonEmpty(child.trimmedText) }
            case "category":
                if let term = nonEmpty(child.attribute("label") ?? child.attribute("term") ?? ""), !channel.categories.contains(term) {
                    channel.categories.append(term)
                }
            case "entry": entries.append(child)
            case "id", "updated", "generator", "rights": continue
            default: reportNotRead(child, in: "the feed")
            }
        }
        // Atom's relative links are relative to xml:base, else to the feed's own address.
        if let feedURL = channel.feedURL, let base { channel.feedURL = absolute(feedURL, base: base) }
        let feedBase = base ?? channel.feedURL ?? channel.siteURL
        if let site = channel.siteURL { channel.siteURL = absolute(site, base: feedBase) }
        if let image = channel.image { channel.image = absolute(image, base: feedBase) }
        return entries.map { readAtomEntry($0, base: $0.attribute("base") ?? feedBase) }
    }

    private mutating func readAtomEntry(_ entry: XMLElement, base: String?) -> ItemFields {
        var item = ItemFields(element: entry, base: base)
        item.guidIsPermaLink = false
        var published: XMLElement?
        var updated: XMLElement?
        for child in entry.children {
            guard child.namespace == FeedNamespace.atom else {
                readExtension(child, into: &item)
                continue
            }
            switch child.name {
            case "title": item.title = atomText(child, title: true)
            case "id": item.guid = nonEmpty(child.trimmedText)
            case "summary": item.description = atomText(child, title: false)
            case "content": item.content = child.attribute("type") == "xhtml" ? markup(of: child) : child.text
            case "published": published = child
            case "updated": updated = child
            case "link":
                let href = child.attribute("href")?.trimmingWhitespace() ?? ""
                switch child.attribute("rel") ?? "alternate" {
                case "alternate": if item.link == nil { item.link = nonEmpty(href) }
                case "enclosure":
                    if item.enclosure == nil {
                        item.enclosure = enclosure(url: href, type: child.attribute("type"), length: child.attribute("length"), child, base)
                    } else {
                        item.extra.append(MetadataField(key: "enclosure", value: href))
                    }
                default: keepUnknown(child, in: &item)
                }
            default: keepUnknown(child, in: &item)
            }
        }
        item.date = published ?? updated
        return item
    }

    /// An Atom text construct as plain text: `html` is unescaped markup, `xhtml` is elements.
    private mutating func atomText(_ element: XMLElement, title: Bool) -> String {
        let markupText = element.attribute("type") == "xhtml" ? markup(of: element) : element.text
        return title ? singleLineTitle(markupText) : ShowNotes.cleanText(markupText)
    }

    /// Inline XHTML content back as markup text, for the show-notes cleaner.
    private func markup(of element: XMLElement) -> String {
        var result = ""
        for index in 0...element.children.count {
            result += MarkupEscaping.text(element.textRun(before: index))
            if index < element.children.count {
                let child = element.children[index]
                result += "<\(child.name)>" + markup(of: child) + "</\(child.name)>"
            }
        }
        return result
    }

    // MARK: Extensions shared by RSS and Atom

    private mutating func readExtension(_ child: XMLElement, into item: inout ItemFields) {
        switch (child.namespace, child.name) {
        case (FeedNamespace.content, "encoded"): item.content = child.text
        case (FeedNamespace.itunes, "title"): item.itunesTitle = child.text
        case (FeedNamespace.itunes, "summary"): item.itunesSummary = child.text
        case (FeedNamespace.itunes, "duration"): item.duration = child
        case (FeedNamespace.itunes, "image"): item.image = nonEmpty(child.attribute("href")?.trimmingWhitespace() ?? "")
        case (FeedNamespace.itunes, "season"): item.season = child
        case (FeedNamespace.itunes, "episode"): item.number = child
        case (FeedNamespace.itunes, "explicit"): item.explicit = child
        case (FeedNamespace.podlove, "chapters"): item.podloveChapters = child
        case (FeedNamespace.dublinCore, "date") where item.date == nil: item.date = child
        default:
            guard child.isPodcastNamespace else { return keepUnknown(child, in: &item) }
            switch child.name {
            case "season": item.podcastSeason = child
            case "episode": item.podcastNumber = child
            case "chapters":
                guard let written = nonEmpty(child.attribute("url")?.trimmingWhitespace() ?? "") else { return missingURL(child) }
                item.chaptersLink = (MediaLink(url: absolute(written, base: item.base), mediaType: child.attribute("type").flatMap(nonEmpty)), written)
            case "transcript":
                guard let written = nonEmpty(child.attribute("url")?.trimmingWhitespace() ?? "") else { return missingURL(child) }
                let link = MediaLink(
                    url: absolute(written, base: item.base), mediaType: child.attribute("type").flatMap(nonEmpty),
                    language: child.attribute("language").flatMap(nonEmpty), rel: child.attribute("rel").flatMap(nonEmpty))
                item.transcriptLinks.append((link, written))
            case "person": if let person = person(from: child, base: item.base) { item.people.append(person) }
            default: keepUnknown(child, in: &item)
            }
        }
    }

    private mutating func missingURL(_ element: XMLElement) {
        diagnostics.report(.warning("rss.link.missing", "<\(element.qualifiedName)> has no url; left out", at: location(element)))
    }

    /// `podcast:person`: a person of type `Person`, with the role and page the feed gives (no role: `nil`;
    /// the namespace's default is `host`).
    private mutating func person(from element: XMLElement, base: String?) -> Entity? {
        // Plain text (a name may hold `<`), spaces collapsed.
        let name = ShowNotes.collapsingSpaces(element.text)
        guard !name.isEmpty else {
            diagnostics.report(.warning("rss.person.unnamed", "<\(element.qualifiedName)> has no name; left out", at: location(element)))
            return nil
        }
        return Entity(
            name: name, type: "Person", description: "", role: element.attribute("role").flatMap { nonEmpty($0.trimmingWhitespace()) },
            url: element.attribute("href").flatMap { nonEmpty($0.trimmingWhitespace()) }.map { absolute($0, base: base) })
    }

    /// An element Quire has no field for: text-only elements are kept in the episode's metadata (under
    /// their prefixed name), others are reported once per name.
    private mutating func keepUnknown(_ element: XMLElement, in item: inout ItemFields) {
        let text = element.trimmedText
        if element.children.isEmpty && !text.isEmpty {
            item.extra.append(MetadataField(key: element.qualifiedName, value: text))
            if reportedElements.insert("kept " + element.qualifiedName).inserted {
                diagnostics.report(
                    .note("rss.element.kept", "<\(element.qualifiedName)> has no field in Quire's model; kept in the episode's metadata", at: location(element))
                )
            }
        } else {
            reportNotRead(element, in: "an item")
        }
    }

    private mutating func reportNotRead(_ element: XMLElement, in place: String) {
        if reportedElements.insert(element.qualifiedName).inserted {
            diagnostics.report(.note("rss.element.ignored", "<\(element.qualifiedName)> in \(place) is not read by Quire; ignored", at: location(element)))
        }
    }

    private mutating func enclosure(url: String?, type: String?, length: String?, _ element: XMLElement, _ base: String?) -> Enclosure? {
        guard let url = url.map({ $0.trimmingWhitespace() }).flatMap(nonEmpty) else {
            diagnostics.report(.warning("rss.enclosure.url", "enclosure has no url; the episode has no audio file", at: location(element)))
            return nil
        }
        var enclosure = Enclosure(url: absolute(url, base: base), mediaType: type.map { $0.trimmingWhitespace() }.flatMap(nonEmpty))
        if let length = length?.trimmingWhitespace(), !length.isEmpty {
            if let bytes = Int(length), bytes >= 0 {
                enclosure.length = bytes == 0 ? nil : bytes
            } else {
                diagnostics.report(
                    .warning("rss.enclosure.length", "enclosure length '\(length)' is not a number of bytes; the size is left out", at: location(element)))
            }
        }
        return enclosure
    }

    // MARK: Episodes

    private mutating func episode(from item: ItemFields) -> Episode {
        let element = item.element
        var episode = quireArticle(in: item) ?? plainEpisode(from: item)
        if let guid = item.guid {
            episode.metadata.guid = guid
            if let first = seenGUIDs[guid] {
                diagnostics.report(
                    .warning(
                        "rss.guid.duplicate", "guid '\(guid)' was already used by the item on line \(first); both items are kept as episodes",
                        at: location(element)))
            } else {
                seenGUIDs[guid] = element.line ?? 0
            }
        }
        episode.channel = episode.channel ?? item.source?.title ?? channel.title
        if let source = item.source, source.title != channel.title, !sourceChannels.contains(where: { $0.0 == source.title }) {
            sourceChannels.append((source.title, source.url))
        }
        episode.metadata.enclosure = item.enclosure
        episode.metadata.image = item.image.map { absolute($0, base: item.base) }
        episode.metadata.season = number(item.season ?? item.podcastSeason, into: &episode)
        episode.metadata.number = number(item.number ?? item.podcastNumber, into: &episode)
        if let explicit = item.explicit {
            switch explicit.trimmedText.lowercased() {
            case "yes", "true", "explicit": episode.metadata.explicit = true
            case "no", "false", "clean": episode.metadata.explicit = false
            default:
                episode.metadata.extra.append(MetadataField(key: explicit.qualifiedName, value: explicit.trimmedText))
                diagnostics.report(
                    .warning(
                        "rss.explicit", "itunes:explicit '\(explicit.trimmedText)' is none of yes, no, true, false, clean; kept in the metadata",
                        at: location(explicit)))
            }
        }
        episode.metadata.chaptersLink = item.chaptersLink?.link
        episode.metadata.transcriptLinks = item.transcriptLinks.map(\.link)
        // People: the item's own, else the channel's (its regular hosts); Quire's article already
        // holds the entities, which the feed's `podcast:person` tags give a role and page.
        // The k-th tag naming someone goes to the k-th entity of that name (the writer tags every
        // entity sharing a name with one it tags, so duplicate names stay apart).
        var matched: Set<Int> = []
        for person in item.people.isEmpty && episode.entities.isEmpty ? channelPeople : item.people {
            if let index = episode.entities.indices.first(where: {
                !matched.contains($0) && ShowNotes.collapsingSpaces(episode.entities[$0].name) == person.name
            }) {
                matched.insert(index)
                episode.entities[index].role = person.role
                episode.entities[index].url = person.url
            } else {
                episode.entities.append(person)
                matched.insert(episode.entities.count - 1)
            }
        }
        readLocalTranscript(item, into: &episode)
        return episode
    }

    /// The episode as Quire writes it into `content:encoded` (an `<article class="episode">`), read back
    /// exactly; `nil` for other show notes.
    private mutating func quireArticle(in item: ItemFields) -> Episode? {
        guard let content = item.content, content.utf8.contains(articleMarker) else { return nil }
        let fragment = InputFile(name: input.name, bytes: Array(("<div>" + content + "</div>").utf8))
        guard let root = try? SafeXMLParser.parse(fragment, prefix: "rss.content", keepingWhitespace: true) else { return nil }
        var articleDiagnostics = Diagnostics()
        let episodes = EpisodeArticle.readArticles(from: root, input: fragment, diagnostics: &articleDiagnostics)
        guard episodes.count == 1 else { return nil }
        // The article's lines count from its own start; point at the item instead.
        for diagnostic in articleDiagnostics {
            var moved = diagnostic
            moved.range = SourceRange(location(item.element))
            diagnostics.report(moved)
        }
        return episodes[0]
    }

    /// An episode from a feed Quire did not write: the feed's fields, chapters from Podlove, a chapters
    /// file next to the feed, or timestamp lines in the show notes.
    private mutating func plainEpisode(from item: ItemFields) -> Episode {
        let element = item.element
        var episode = Episode(title: "")
        episode.language = channelLanguage
        let summarySource = [item.description, item.itunesSummary, item.content].compactMap { $0 }.first { !$0.trimmingWhitespace().isEmpty }
        var summary = summarySource.map(ShowNotes.cleanText) ?? ""
        let title = item.title.map { singleLineTitle($0) }, itunesTitle = item.itunesTitle.map { ShowNotes.singleLine($0) }
        if let title = title.flatMap(nonEmpty) ?? itunesTitle.flatMap(nonEmpty) {
            episode.title = title
        } else {
            let firstLine = summary.split(separator: "\n").first.map { String($0.prefix(80)) } ?? ""
            episode.title = firstLine
            diagnostics.report(
                .warning(
                    "rss.item.untitled",
                    firstLine.isEmpty ? "item has no title and no text to name it by" : "item has no title; named after the start of its show notes",
                    at: location(element)))
        }
        if let itunesTitle, !itunesTitle.isEmpty, itunesTitle != episode.title {
            episode.metadata.extra.append(MetadataField(key: "itunes:title", value: itunesTitle))
        }
        // Chapters: Podlove's, else the chapters file, else the show notes' timestamp lines.
        if let podlove = item.podloveChapters {
            episode.chapters = podloveChapters(podlove)
        }
        if episode.chapters.isEmpty, let link = item.chaptersLink {
            episode.chapters = chaptersFile(link.link, written: link.written, item: element)
        }
        if episode.chapters.isEmpty {
            // The longest notes first; each cleaned only when reached, the overview's own not twice.
            for raw in [item.content, item.description, item.itunesSummary].compactMap({ $0 }) {
                let found = ShowNotes.timestampChapters(in: raw == summarySource ? summary : ShowNotes.cleanText(raw))
                if found.chapters.isEmpty { continue }
                episode.chapters = found.chapters
                // The lines became chapters; the overview keeps the rest.
                summary = ShowNotes.normalizeLines(
                    ShowNotes.lines(of: summary).filter { !found.lines.contains($0.trimmingWhitespace()) }.joined(separator: "\n"))
                break
            }
        }
        episode.summary = summary.replacingBlankLineRuns()
        if let link = item.link {
            episode.metadata.url = absolute(link, base: item.base)
        } else if item.guidIsPermaLink, let guid = item.guid, guid.hasPrefix("http://") || guid.hasPrefix("https://") {
            // RSS: a guid is the item's permanent address unless it says otherwise.
            episode.metadata.url = guid
        }
        if let dateElement = item.date {
            let text = dateElement.trimmedText
            if let iso = FeedDates.iso8601(from: text) {
                episode.metadata.published = iso
            } else {
                episode.metadata.extra.append(MetadataField(key: dateElement.qualifiedName, value: text))
                diagnostics.report(
                    .warning(
                        "rss.date", "date '\(text)' is neither an RFC 822 nor an ISO 8601 date; kept as written in the episode's metadata",
                        at: location(dateElement)))
            }
        } else {
            undatedItems += 1
        }
        if let duration = item.duration {
            if let seconds = FeedDurations.seconds(duration.trimmedText) {
                episode.metadata.duration = seconds
            } else if !duration.trimmedText.isEmpty {
                episode.metadata.extra.append(MetadataField(key: duration.qualifiedName, value: duration.trimmedText))
                diagnostics.report(
                    .warning("rss.duration", "duration '\(duration.trimmedText)' is not seconds or H:MM:SS; kept in the metadata", at: location(duration)))
            }
        }
        episode.metadata.extra += item.extra
        return episode
    }

    /// `psc:chapter start="00:01:36.500" title="…"`: Podlove's normal play time, fractions dropped.
    private mutating func podloveChapters(_ element: XMLElement) -> [Chapter] {
        var chapters: [Chapter] = []
        for chapter in element.children where chapter.is("chapter", in: FeedNamespace.podlove) {
            let start = chapter.attribute("start")?.trimmingWhitespace() ?? ""
            guard let seconds = FeedDurations.seconds(start) else {
                diagnostics.report(
                    .warning("rss.psc.start", "psc:chapter start '\(start)' is not a time; the chapter is left out", at: location(chapter)))
                continue
            }
            chapters.append(Chapter(start: seconds, title: ShowNotes.singleLine(chapter.attribute("title") ?? "")))
        }
        return chapters
    }

    private mutating func chaptersFile(_ link: MediaLink, written: String, item: XMLElement) -> [Chapter] {
        switch FeedAttachments.find(written: written, absolute: link.url, mediaType: link.mediaType, feedPath: input.name) {
        case .missing: return []
        case .refused(let reason):
            diagnostics.report(.warning("rss.chapters.file", "chapters file not read: \(reason)", at: location(item)))
            return []
        case .found(let file):
            switch FeedAttachments.jsonChapters(file) {
            case .success(let chapters): return chapters
            case .failure(let problem):
                diagnostics.report(problem.diagnostic)
                return []
            }
        }
    }

    /// Where a transcript file stored next to the feed becomes the episode's transcript: the first link
    /// whose file is on disk and that `transcriptFileParser` reads.
    private mutating func readLocalTranscript(_ item: ItemFields, into episode: inout Episode) {
        for (link, written) in item.transcriptLinks {
            guard case .found(let file) = FeedAttachments.find(written: written, absolute: link.url, mediaType: link.mediaType, feedPath: input.name) else {
                continue
            }
            guard let transcriptFileParser else {
                diagnostics.report(
                    .note(
                        "rss.transcript.unread", "transcript file \(file.name) is on disk but no transcript reader is registered; only its link is kept",
                        at: location(item.element)))
                return
            }
            do {
                if let transcript = try transcriptFileParser(file, link, &diagnostics) {
                    episode.transcript = transcript
                    return
                }
            } catch let failure as ConversionFailure {
                // A transcript that cannot be read costs the episode its transcript, not the feed its
                // episodes: the file's errors are told as warnings, and the link is kept.
                for var diagnostic in failure.diagnostics {
                    diagnostic.severity = min(diagnostic.severity, .warning)
                    diagnostics.report(diagnostic)
                }
            } catch {
                diagnostics.report(.warning("rss.transcript.file", "transcript file \(file.name) not read: \(error)", at: location(item.element)))
            }
        }
    }

    private mutating func number(_ element: XMLElement?, into episode: inout Episode) -> Int? {
        guard let element else { return nil }
        let text = element.trimmedText
        // podcast:episode may be a decimal (`315.5`); the model's numbers are whole.
        if let value = Int(text), value >= 0 { return value }
        episode.metadata.extra.append(MetadataField(key: element.qualifiedName, value: text))
        diagnostics.report(.warning("rss.number", "<\(element.qualifiedName)> '\(text)' is not a whole number; kept in the metadata", at: location(element)))
        return nil
    }

    private mutating func singleLineTitle(_ text: String) -> String {
        if ShowNotes.looksLikeHTML(text) { htmlTitles += 1 }
        return ShowNotes.singleLine(text)
    }

    /// A link made absolute against `base`; relative links without a base are counted and kept.
    private mutating func absolute(_ link: String, base: String?) -> String {
        if FeedLinks.isAbsolute(link) { return link }
        if let base, let resolved = FeedLinks.resolve(link, against: base) { return resolved }
        relativeLinksWithoutBase += 1
        return link
    }

    private func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
}

extension String {
    /// Paragraphs separated by exactly one blank line.
    fileprivate func replacingBlankLineRuns() -> String {
        var result = ""
        var blank = false
        for line in ShowNotes.lines(of: self) {
            if line.isEmpty {
                blank = true
                continue
            }
            if !result.isEmpty { result += blank ? "\n\n" : "\n" }
            result += line
            blank = false
        }
        return result
    }
}
