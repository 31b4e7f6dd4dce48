import QuireXHTML

/// The package document (`package.opf`): metadata, manifest and spine.
struct PackageDocument {
    var identifier: String
    var title: String
    /// The book's language first, then the other languages its episodes are written in.
    var languages: [String]
    var creators: [String]
    var modified: String
    /// The series the book belongs to: its one channel.
    var series: String?
    var items: [PackageLayout.Item]
    /// Manifest ids in reading order.
    var spine: [String]
    var coverImageID: String?

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
        text += "<meta property=\"dcterms:modified\">\(modified)</meta>\n"
        if let series {
            text += "<meta property=\"belongs-to-collection\" id=\"series\">\(MarkupEscaping.text(series))</meta>\n"
            text += "<meta refines=\"#series\" property=\"collection-type\">series</meta>\n"
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
