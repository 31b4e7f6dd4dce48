import QuireCore
import QuireXHTML
import QuireXML

/// The title page: the book's title, author, episode count, channels and the lines that preceded the
/// episodes in the source (the preamble).
///
/// It is also where the collection-level model lives exactly, in `data-quire-*` attributes (see
/// docs/epub-format.md): the visible text is for people, the attributes for reading the book back.
/// Attribute values keep every character, line breaks included, and tell an empty field from a
/// missing one.
enum TitlePage {
    static let collectionClass = "quire-collection"

    struct Content {
        var collection: EpisodeCollection
        var displayTitle: String
        var author: String?
        var language: String
        var labels: BookLabels
        /// For each reading position, the episode's index in the input, when the two differ.
        var inputOrder: [Int]?
    }

    static func document(_ content: Content) -> String {
        let collection = content.collection
        var attributes = ""
        if let title = collection.title { attributes += " data-quire-title=\"\(MarkupEscaping.attribute(title))\"" }
        if let order = content.inputOrder { attributes += " data-quire-input-order=\"\(order.map(String.init).joined(separator: " "))\"" }
        var body = "<section epub:type=\"titlepage\" class=\"titlepage \(collectionClass)\"\(attributes)>\n"
        body += "<h1 class=\"book-title\">\(MarkupEscaping.text(content.displayTitle))</h1>\n"
        if let author = content.author { body += "<p class=\"author\">\(MarkupEscaping.text(author))</p>\n" }
        let count = collection.episodes.count
        body += "<p class=\"episode-count\">\(MarkupEscaping.text(content.labels.episodeCount(count)))</p>\n"
        if !collection.channels.isEmpty {
            body += "<ul class=\"channels\">\n"
            for channel in collection.channels { body += channelItem(channel, labels: content.labels) }
            body += "</ul>\n"
        }
        if !collection.preamble.isEmpty {
            body += "<aside class=\"preamble\">\n<p class=\"preamble-heading\">\(MarkupEscaping.text(content.labels.fromTheSource))</p>\n<ul>\n"
            for line in collection.preamble {
                body += "<li data-quire-line=\"\(MarkupEscaping.attribute(line))\">\(MarkupEscaping.text(line))</li>\n"
            }
            body += "</ul>\n</aside>\n"
        }
        body += "</section>"
        return XHTMLPage.document(
            title: content.displayTitle, language: content.language, bodyClass: "title-page", stylesheets: content.labels.stylesheets, body: body)
    }

    private static func channelItem(_ channel: Channel, labels: BookLabels) -> String {
        var attributes = " data-quire-channel=\"\(MarkupEscaping.attribute(channel.title))\""
        if let feed = channel.feedURL { attributes += " data-quire-feed=\"\(MarkupEscaping.attribute(feed))\"" }
        if let site = channel.siteURL { attributes += " data-quire-site=\"\(MarkupEscaping.attribute(site))\"" }
        if let description = channel.description { attributes += " data-quire-description=\"\(MarkupEscaping.attribute(description))\"" }
        if let image = channel.image { attributes += " data-quire-image=\"\(MarkupEscaping.attribute(image))\"" }
        if let author = channel.author { attributes += " data-quire-author=\"\(MarkupEscaping.attribute(author))\"" }
        var item = "<li class=\"channel\"\(attributes)><span class=\"channel-title\">\(MarkupEscaping.text(channel.title))</span>"
        if let author = channel.author, !author.isEmpty { item += " <span class=\"channel-author\">(\(MarkupEscaping.text(author)))</span>" }
        // Links only for web addresses: anything else in a href could be a `javascript:` URL.
        if let site = channel.siteURL, isWebAddress(site) {
            item += " <a class=\"channel-site\" href=\"\(MarkupEscaping.attribute(site))\">\(MarkupEscaping.text(labels.website))</a>"
        }
        if let feed = channel.feedURL, isWebAddress(feed) {
            item += " <a class=\"channel-feed\" href=\"\(MarkupEscaping.attribute(feed))\">\(MarkupEscaping.text(labels.feed))</a>"
        }
        if let image = channel.image, isWebAddress(image) {
            item += " <a class=\"channel-image\" href=\"\(MarkupEscaping.attribute(image))\">\(MarkupEscaping.text(labels.artwork))</a>"
        }
        if let description = channel.description, !description.isEmpty {
            item += "<br/><span class=\"channel-description\">\(MarkupEscaping.text(description))</span>"
        }
        if !channel.categories.isEmpty {
            // One element per category, each carrying it exactly: a category may hold any character.
            let categories = channel.categories.map {
                "<span class=\"channel-category\" data-quire-category=\"\(MarkupEscaping.attribute($0))\">\(MarkupEscaping.text($0))</span>"
            }
            item += "<br/><span class=\"channel-categories\">\(categories.joined(separator: ", "))</span>"
        }
        return item + "</li>\n"
    }

    static func isWebAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && !text.contains(where: { $0 == " " || $0 == "\n" || $0 == "\t" })
    }

    // MARK: Reading back

    /// What the title page of a Quire book records: the collection without its episodes, and the
    /// input order when the book was reordered.
    struct Record {
        var collection: EpisodeCollection
        var inputOrder: [Int]?
    }

    /// The record in a parsed title page, or `nil` when the page is not one Quire wrote.
    static func record(in root: XMLElement) -> Record? {
        guard let section = find(root, where: { ($0.attribute("class") ?? "").split(separator: " ").contains(Substring(collectionClass)) }) else {
            return nil
        }
        var collection = EpisodeCollection(title: section.attribute("data-quire-title"))
        visit(section) { element in
            if let title = element.attribute("data-quire-channel") {
                collection.channels.append(
                    Channel(
                        title: title, feedURL: element.attribute("data-quire-feed"), siteURL: element.attribute("data-quire-site"),
                        description: element.attribute("data-quire-description"), image: element.attribute("data-quire-image"),
                        author: element.attribute("data-quire-author")))
            }
            // Categories are elements inside their channel's item, visited after it.
            if let category = element.attribute("data-quire-category"), !collection.channels.isEmpty {
                collection.channels[collection.channels.count - 1].categories.append(category)
            }
            if let line = element.attribute("data-quire-line") { collection.preamble.append(line) }
        }
        let order = section.attribute("data-quire-input-order").map { $0.split(separator: " ").compactMap { Int($0) } }
        return Record(collection: collection, inputOrder: order)
    }

    private static func find(_ element: XMLElement, where matches: (XMLElement) -> Bool) -> XMLElement? {
        if matches(element) { return element }
        for child in element.children { if let found = find(child, where: matches) { return found } }
        return nil
    }

    private static func visit(_ element: XMLElement, _ body: (XMLElement) -> Void) {
        body(element)
        for child in element.children { visit(child, body) }
    }
}
