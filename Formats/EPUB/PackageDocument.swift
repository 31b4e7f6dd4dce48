import QuireXHTML

/// The package document (`package.opf`): metadata, manifest and spine.
struct PackageDocument {
    var identifier: String
    var title: String
    /// The book's language first, then the other languages its episodes are written in.
    var languages: [String]
    var creators: [String]
    var modified: String
    /// The series the book belongs to: its one channel, or the one `series` names.
    var series: String?
    /// Written also as calibre's EPUB 2 series meta: only for a series the user named, so books
    /// whose series is their channel stay as they were.
    var seriesIsNamed = false
    var seriesIndex: String?
    var date: String?
    var subjects: [String] = []
    var description: String?
    var publisher: String?
    var rights: String?
    var items: [PackageLayout.Item]
    /// Manifest ids in reading order.
    var spine: [String]
    var coverImageID: String?

    /// Takes the series (over the channel's), subjects and the rest from `metadata`.
    mutating func describe(_ metadata: BookMetadata) {
        if let named = metadata.series {
            series = named
            seriesIsNamed = true
        }
        seriesIndex = series == nil ? nil : metadata.seriesIndex
        (date, subjects, description, publisher, rights) = (metadata.date, metadata.subjects, metadata.description, metadata.publisher, metadata.rights)
    }

    func write(to document: GeneratedDocument) throws {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="\(MarkupEscaping.attribute(languages[0]))">
            <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
            <dc:identifier id="book-id">\(identifier)</dc:identifier>
            <dc:title id="book-title">\(MarkupEscaping.text(title))</dc:title>

            """
        for language in languages { text += "<dc:language>\(MarkupEscaping.text(language))</dc:language>\n" }
        for (index, creator) in creators.enumerated() {
            text += "<dc:creator id=\"creator-\(index + 1)\">\(MarkupEscaping.text(creator))</dc:creator>\n"
        }
        if let date { text += "<dc:date>\(MarkupEscaping.text(date))</dc:date>\n" }
        if let publisher { text += "<dc:publisher>\(MarkupEscaping.text(publisher))</dc:publisher>\n" }
        if let rights { text += "<dc:rights>\(MarkupEscaping.text(rights))</dc:rights>\n" }
        if let description { text += "<dc:description>\(MarkupEscaping.text(description))</dc:description>\n" }
        for subject in subjects { text += "<dc:subject>\(MarkupEscaping.text(subject))</dc:subject>\n" }
        text += "<meta property=\"dcterms:modified\">\(modified)</meta>\n"
        if let series {
            text += "<meta property=\"belongs-to-collection\" id=\"series\">\(MarkupEscaping.text(series))</meta>\n"
            text += "<meta refines=\"#series\" property=\"collection-type\">series</meta>\n"
            if let seriesIndex { text += "<meta refines=\"#series\" property=\"group-position\">\(seriesIndex)</meta>\n" }
            // calibre (and the Kobo and Kindle drivers that read its metadata) look for these EPUB 2 metas.
            if seriesIsNamed {
                text += "<meta name=\"calibre:series\" content=\"\(MarkupEscaping.attribute(series))\"/>\n"
                if let seriesIndex { text += "<meta name=\"calibre:series_index\" content=\"\(seriesIndex)\"/>\n" }
            }
        }
        // EPUB 2 readers (older Kindles, Kobo firmware) find the cover through this.
        if let coverImageID { text += "<meta name=\"cover\" content=\"\(coverImageID)\"/>\n" }
        text += "</metadata>\n<manifest>\n"
        try document.append(text)
        for item in items {
            var line = "<item id=\"\(item.id)\" href=\"\(item.href)\" media-type=\"\(item.mediaType)\""
            if let properties = item.properties { line += " properties=\"\(properties)\"" }
            try document.append(line + "/>\n")
        }
        try document.append("</manifest>\n<spine toc=\"\(PackageLayout.ncx.id)\">\n")
        for id in spine { try document.append("<itemref idref=\"\(id)\"/>\n") }
        try document.append("</spine>\n</package>\n")
    }

    static let container = """
        <?xml version="1.0" encoding="UTF-8"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
        <rootfiles>
        <rootfile full-path="\(PackageLayout.packagePath)" media-type="application/oebps-package+xml"/>
        </rootfiles>
        </container>

        """
}
