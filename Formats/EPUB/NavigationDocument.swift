import QuireXHTML

/// The EPUB 3 navigation document: the table of contents and the landmarks reading systems jump to.
enum NavigationDocument {
    static func write(
        _ contents: TableOfContents, to document: GeneratedDocument, title: String, language: String, labels: BookLabels, hasCover: Bool, hasIndex: Bool
    ) throws {
        func text(_ label: String) -> String { MarkupEscaping.text(label) }
        try document.append(XHTMLPage.head(title: title, language: language, bodyClass: "navigation", stylesheets: labels.stylesheets))
        try document.append("<nav epub:type=\"toc\" id=\"toc\">\n<h1>\(text(labels.contents))</h1>\n<ol>\n")
        try contents.walk(
            enter: { entry, hasChildren in
                try document.append("<li><a href=\"\(MarkupEscaping.attribute(entry.href))\">\(text(entry.label))</a>")
                if hasChildren { try document.append("\n<ol>\n") }
            },
            leave: { hadChildren in try document.append(hadChildren ? "</ol>\n</li>\n" : "</li>\n") })
        try document.append("</ol>\n")
        var landmarks = "</nav>\n<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n<h2>\(text(labels.landmarks))</h2>\n<ol>\n"
        if hasCover { landmarks += "<li><a epub:type=\"cover\" href=\"\(PackageLayout.coverPage.href)\">\(text(labels.cover))</a></li>\n" }
        landmarks += "<li><a epub:type=\"titlepage\" href=\"\(PackageLayout.titlePage.href)\">\(text(labels.titlePage))</a></li>\n"
        // The contents list the first episode whenever there is one.
        if contents.outline.count > 0 {
            landmarks += "<li><a epub:type=\"bodymatter\" href=\"\(PackageLayout.episode(0).href)\">\(text(labels.startOfContent))</a></li>\n"
        }
        if hasIndex { landmarks += "<li><a epub:type=\"index\" href=\"\(PackageLayout.entityIndex.href)\">\(text(labels.index))</a></li>\n" }
        landmarks += "</ol>\n</nav>"
        try document.append(landmarks)
        try document.append(XHTMLPage.tail)
    }
}

/// The EPUB 2 NCX, for reading systems that predate the navigation document.
enum NCXDocument {
    static func write(_ contents: TableOfContents, to document: GeneratedDocument, identifier: String, title: String, language: String) throws {
        try document.append(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="\(MarkupEscaping.attribute(language))">
            <head>
            <meta name="dtb:uid" content="\(MarkupEscaping.attribute(identifier))"/>
            <meta name="dtb:depth" content="\(max(contents.depth, 1))"/>
            <meta name="dtb:totalPageCount" content="0"/>
            <meta name="dtb:maxPageNumber" content="0"/>
            </head>
            <docTitle><text>\(MarkupEscaping.text(title))</text></docTitle>
            <navMap>

            """)
        // Points to the same target share a play order. Every entry has its own target but a channel
        // heading, which shares its first episode's, the entry right after it.
        var previousTarget = ""
        var playOrder = 0
        var pointCount = 0
        try contents.walk(
            enter: { entry, _ in
                pointCount += 1
                if entry.href != previousTarget { playOrder += 1 }
                previousTarget = entry.href
                try document.append(
                    "<navPoint id=\"nav-\(pointCount)\" playOrder=\"\(playOrder)\"><navLabel><text>\(MarkupEscaping.text(entry.label))</text></navLabel>"
                        + "<content src=\"\(MarkupEscaping.attribute(entry.href))\"/>\n")
            },
            leave: { _ in try document.append("</navPoint>\n") })
        try document.append("</navMap>\n</ncx>\n")
    }
}
