import QuireCore
import QuireXHTML
import QuireZip

/// Writes a reading collection as EPUB 3.3 (with an EPUB 2 NCX): one XHTML document per episode,
/// a title page, a nested table of contents and an index of people, organizations and products.
///
/// Options: `title`, `author`, `cover`, `order` (`input`|`published`|`channel`), `group-by`
/// (`channel`), `date` (seconds since 1970, for `dcterms:modified`), `language`, `unsafe-html`.
/// The same model and options always give the same bytes.
public struct EPUBWriter: FormatWriter {
    /// Each episode has its own document, so its ids need no prefix to be unique.
    static let idPrefix = ""

    public init() {}

    public func write(_ collection: EpisodeCollection, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> [UInt8] {
        let settings = try EPUBSettings(options)
        let cover = settings.coverPath.flatMap { CoverImage.load($0, diagnostics: &diagnostics) }
        let readingOrder = ReadingOrder.indices(for: collection, settings: settings)
        let articleOptions = ArticleOptions(unsafeHTML: settings.unsafeHTML, timeline: settings.timeline, collapsibleTranscript: false)
        let book = try Self.assemble(
            collection, readingOrder: readingOrder, settings: settings, cover: cover, diagnostics: &diagnostics
        ) { book, language, labels in
            // A batch at a time, so only a batch of documents is held as strings.
            var hasUnwritableText = false
            for batchStart in stride(from: 0, to: readingOrder.count, by: EpisodeDocuments.batchSize) {
                let batch = (batchStart..<min(batchStart + EpisodeDocuments.batchSize, readingOrder.count)).map { position in
                    EpisodeDocuments.Placed(position: position, episode: collection.episodes[readingOrder[position]])
                }
                let documents = try EpisodeDocuments.render(
                    batch, channels: collection.channels, language: language, labels: labels, options: articleOptions)
                for (placed, document) in zip(batch, documents) {
                    hasUnwritableText = hasUnwritableText || document.hasUnwritableText
                    try book.addEpisode(at: placed.position, document: document)
                }
            }
            return hasUnwritableText
        }
        let bytes = try book.archive.finish()
        if settings.profile == .kindle { KindleChecks.review(bytes, options: options, diagnostics: &diagnostics) }
        return bytes
    }

    /// The whole book but for writing its archive: the front matter, the episode documents (added in
    /// reading order by `addEpisodes`, given the book's language and labels; it returns whether any
    /// had characters XHTML cannot hold), the index and the navigation. Shared by `write` and the
    /// stream writer, so both make the same bytes.
    ///
    /// `collection` need only hold what the parts other than the episode documents, the overview and
    /// the contents read: the stream writer passes an outline of its episodes
    /// (`EPUBStreamWriter.outline(of:position:)`), the entity `index`, the `contents` outline and the
    /// `overview` (written into the document it is given; `false` when there is none) it gathered as
    /// they went by, and `spoolOutput` to write the generated documents to scratch files, not memory.
    static func assemble(
        _ collection: EpisodeCollection, readingOrder: [Int], settings: EPUBSettings, cover loadedCover: CoverImage?, index prebuiltIndex: EntityIndex? = nil,
        contents prebuiltContents: ContentsOutline? = nil, spoolingTo spoolOutput: StreamOutput? = nil,
        overview writeOverview: ((GeneratedDocument, _ language: String, _ labels: BookLabels) throws -> Bool)? = nil,
        diagnostics: inout Diagnostics, addEpisodes: (PackageAssembly, _ language: String, _ labels: BookLabels) throws -> Bool
    ) throws -> PackageAssembly {
        let language = LanguageTag.book(for: collection, option: settings.language)
        let labels = BookLabels(language: language, stylesheets: settings.metadata.stylesheetHrefs)
        let title = Self.displayTitle(collection, settings: settings, labels: labels)
        let creators = settings.author.map { [$0] } ?? settings.metadata.authors.nonEmpty ?? collection.channels.map(\.title).filter { !$0.isEmpty }
        let book = try PackageAssembly(spoolingTo: spoolOutput)
        try book.add(PackageLayout.stylesheet, text: Stylesheet.css)
        try BookStyles.add(settings.metadata, to: book, diagnostics: &diagnostics)

        // Cover and title page.
        let cover = CoverImage.forBook(
            loadedCover, title: title, episodeCount: collection.episodes.count, language: language, labels: labels, diagnostics: &diagnostics)
        let coverItem = PackageLayout.coverImage(mediaType: cover.mediaType, fileExtension: cover.fileExtension)
        try book.add(coverItem, bytes: cover.bytes)
        let coverPage = XHTMLPage.document(
            title: title, language: language, bodyClass: "cover", stylesheets: labels.stylesheets,
            body:
                "<section epub:type=\"cover\" class=\"cover\"><img class=\"cover-image\" src=\"\(coverItem.href)\" alt=\"\(MarkupEscaping.attribute(title))\"/></section>"
        )
        try book.add(PackageLayout.coverPage, text: coverPage, inSpine: true)
        let isReordered = readingOrder != Array(collection.episodes.indices)
        try book.add(
            PackageLayout.titlePage,
            text: TitlePage.document(
                TitlePage.Content(
                    collection: collection, displayTitle: title, author: Self.authorLine(settings: settings, creators: creators, title: title),
                    language: language, labels: labels, inputOrder: isReordered ? readingOrder : nil)), inSpine: true)

        // Episodes.
        let hasOverview =
            try settings.timeline
            && book.addGenerated(PackageLayout.overview, inSpine: true) { document in
                if let writeOverview { return try writeOverview(document, language, labels) }
                return try TimelineOverview.write(collection: collection, readingOrder: readingOrder, to: document, language: language, labels: labels)
            }
        let hasUnwritableText = UnwritableText.found(inCollectionFieldsOf: collection)
        if try addEpisodes(book, language, labels) || hasUnwritableText {
            diagnostics.report(
                .warning(
                    "epub.control-characters", "control characters cannot be written in XHTML and were left out; the book will not read back exactly"))
        }

        // Index and navigation.
        let index = prebuiltIndex ?? EntityIndex(collection: collection, readingOrder: readingOrder)
        if !index.isEmpty {
            try book.addGenerated(PackageLayout.entityIndex, inSpine: true) { document in
                try index.write(to: document, episodeTitle: { collection.episodes[readingOrder[$0]].title }, language: language, labels: labels)
                return true
            }
        }
        let contents = TableOfContents(
            outline: prebuiltContents ?? ContentsOutline(collection: collection, readingOrder: readingOrder),
            groupByChannel: settings.groupByChannel, hasIndex: !index.isEmpty, hasOverview: hasOverview, labels: labels)
        try book.addGenerated(PackageLayout.navigation, inSpine: false) { document in
            try NavigationDocument.write(contents, to: document, title: title, language: language, labels: labels, hasCover: true, hasIndex: !index.isEmpty)
            return true
        }

        // The parts that carry the identifier, computed from everything above.
        let identifier = book.identity.urn
        try book.addGenerated(PackageLayout.ncx.path, hashed: false) { document in
            try NCXDocument.write(contents, to: document, identifier: identifier, title: title, language: language)
            return true
        }
        book.list(PackageLayout.ncx, inSpine: false)
        var languages = [language]
        for episode in collection.episodes {
            if let other = episode.language, LanguageTag.isWellFormed(other), !languages.contains(other) { languages.append(other) }
        }
        let channelsUsed = Set(collection.episodes.map(\.channel))
        var package = PackageDocument(
            identifier: identifier, title: title, languages: languages, creators: creators,
            modified: ModificationDate.string(for: collection, option: settings.date),
            series: channelsUsed.count == 1 ? channelsUsed.first! : nil,
            items: book.manifest, spine: book.spine, coverImageID: coverItem.id)
        package.describe(settings.metadata)
        try book.addGenerated(PackageLayout.packagePath, hashed: false) { document in
            try package.write(to: document)
            return true
        }
        return book
    }

    /// The title page's byline: `--author`, else the channels, unless that only repeats the title
    /// (a book named after its one channel).
    static func authorLine(settings: EPUBSettings, creators: [String], title: String) -> String? {
        if let author = settings.author { return author }
        let channels = creators.joined(separator: ", ")
        return channels.isEmpty || channels == title ? nil : channels
    }

    static func displayTitle(_ collection: EpisodeCollection, settings: EPUBSettings, labels: BookLabels) -> String {
        let candidates = [
            settings.metadata.title, collection.title, collection.channels.count == 1 ? collection.channels[0].title : nil,
            collection.episodes.count == 1 ? collection.episodes[0].title : nil,
            // The site's brand a scraped page begins with ("EarmarkListen once…" → "Earmark").
            PageChrome.siteName(preamble: collection.preamble),
        ]
        for candidate in candidates {
            if let candidate, !TableOfContents.label(candidate, fallback: "").isEmpty { return TableOfContents.label(candidate, fallback: "") }
        }
        return labels.untitledBook
    }
}
