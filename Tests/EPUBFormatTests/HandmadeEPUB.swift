import QuireTestSupport

/// The EPUB skeleton the hostile-archive tests change one part of.
extension HandmadeZip {
    /// A minimal valid EPUB skeleton whose container or package document can be replaced.
    static func epub(container: String = minimalContainer, package: String = minimalPackage, extra: [Entry] = []) -> HandmadeZip {
        var zip = HandmadeZip()
        zip.add("mimetype", "application/epub+zip")
        zip.add("META-INF/container.xml", container)
        zip.add("OEBPS/content.opf", package)
        zip.add("OEBPS/chapter.xhtml", minimalChapter)
        zip.entries += extra
        return zip
    }

    static let minimalContainer = """
        <?xml version="1.0"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
        <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
        </container>
        """

    static let minimalPackage = """
        <?xml version="1.0"?>
        <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
        <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">x</dc:identifier><dc:title>Small</dc:title><dc:language>en</dc:language></metadata>
        <manifest><item id="c" href="chapter.xhtml" media-type="application/xhtml+xml"/></manifest>
        <spine><itemref idref="c"/></spine>
        </package>
        """

    static let minimalChapter = """
        <?xml version="1.0"?>
        <html xmlns="http://www.w3.org/1999/xhtml"><head><title>One</title></head>
        <body><h1>Chapter One</h1><p>It was a dark night.</p><h2>Morning</h2><p>Then it was light.</p></body></html>
        """
}
