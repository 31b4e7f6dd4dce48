import QuireCore
import QuireXHTML

/// The index at the back of the book: every person, organization and product mentioned across the
/// collection, each linking to the episodes that mention it.
struct EntityIndex {
    struct Item {
        var name: String
        var description: String
        /// Reading positions of the episodes that mention it, in reading order, without repeats.
        var positions: [Int]

        mutating func record(description: String, position: Int) {
            if self.description.isEmpty { self.description = description }
            if positions.last != position { positions.append(position) }
        }
    }

    static let kinds: [EntityKind] = [.person, .organization, .product]

    /// Items by kind and name, gathered in reading order; sorted into sections when written.
    private var byKind: [EntityKind: [String: Item]] = [:]

    var isEmpty: Bool { byKind.isEmpty }

    /// An index to which episodes are added in reading order (the stream writer's, which sees each
    /// episode once).
    init() {}

    init(collection: EpisodeCollection, readingOrder: [Int]) {
        for (position, index) in readingOrder.enumerated() { add(collection.episodes[index], at: position) }
    }

    /// Entities are merged by name within a kind; the first non-empty description is shown.
    mutating func add(_ episode: Episode, at position: Int) {
        for entity in episode.entities {
            guard let kind = entity.kind, Self.kinds.contains(kind) else { continue }
            let name = TableOfContents.label(entity.name, fallback: "")
            guard !name.isEmpty else { continue }
            // Mutated in place: a copy of a name's positions per mention would be quadratic in the book.
            byKind[kind, default: [:]][name, default: Item(name: name, description: "", positions: [])]
                .record(description: entity.description, position: position)
        }
    }

    private var sections: [(kind: EntityKind, items: [Item])] {
        Self.kinds.compactMap { kind in
            guard let items = byKind[kind], !items.isEmpty else { return nil }
            // Case-insensitive by code point, then exactly, so the order never depends on the locale.
            let sorted = items.values.sorted { ($0.name.lowercased(), $0.name) < ($1.name.lowercased(), $1.name) }
            return (kind, sorted)
        }
    }

    func write(to document: GeneratedDocument, episodeTitle: (Int) -> String, language: String, labels: BookLabels) throws {
        try document.append(XHTMLPage.head(title: labels.index, language: language, bodyClass: "index", stylesheets: labels.stylesheets))
        try document.append("<section epub:type=\"index\" class=\"entity-index\">\n<h1>\(MarkupEscaping.text(labels.index))</h1>\n")
        for section in sections {
            let heading =
                switch section.kind {
                case .person: labels.people
                case .organization: labels.organizations
                default: labels.products
                }
            try document.append(
                "<section class=\"index-group index-\(section.kind.rawValue)\">\n<h2>\(MarkupEscaping.text(heading))</h2>\n<ul class=\"index-entries\">\n")
            for item in section.items {
                var entry = "<li class=\"index-entry\"><span class=\"index-name\">\(MarkupEscaping.text(item.name))</span>"
                if !item.description.isEmpty {
                    entry += " <span class=\"index-description\">\(MarkupEscaping.text(plain(item.description)))</span>"
                }
                entry += "<ul class=\"index-locators\">"
                for position in item.positions {
                    let title = TableOfContents.label(episodeTitle(position), fallback: labels.episode(position + 1))
                    entry += "<li><a href=\"\(PackageLayout.episode(position).href)\">\(MarkupEscaping.text(title))</a></li>"
                }
                entry += "</ul></li>\n"
                try document.append(entry)
            }
            try document.append("</ul>\n</section>\n")
        }
        try document.append("</section>")
        try document.append(XHTMLPage.tail)
    }

    /// Descriptions are inline Markdown; the index shows them as plain text on one line.
    private func plain(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
