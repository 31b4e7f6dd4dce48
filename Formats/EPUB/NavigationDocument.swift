import QuireXHTML

/// The EPUB 3 navigation document: the table of contents and the landmarks reading systems jump to.
enum NavigationDocument {
    static func document(_ contents: TableOfContents, title: String, language: String, labels: BookLabels, hasCover: Bool, hasIndex: Bool) -> String {
        func text(_ label: String) -> String { MarkupEscaping.text(label) }
        var body = "<nav epub:type=\"toc\" id=\"toc\">\n<h1>\(text(labels.contents))</h1>\n"
        body += list(contents.entries)
        body += "</nav>\n<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n<h2>\(text(labels.landmarks))</h2>\n<ol>\n"
        if hasCover { body += "<li><a epub:type=\"cover\" href=\"\(PackageLayout.coverPage.href)\">\(text(labels.cover))</a></li>\n" }
        body += "<li><a epub:type=\"titlepage\" href=\"\(PackageLayout.titlePage.href)\">\(text(labels.titlePage))</a></li>\n"
        if contents.entries.count > 1, let first = firstEpisodeHref(contents) {
            body += "<li><a epub:type=\"bodymatter\" href=\"\(first)\">\(text(labels.startOfContent))</a></li>\n"
        }
        if hasIndex { body += "<li><a epub:type=\"index\" href=\"\(PackageLayout.entityIndex.href)\">\(text(labels.index))</a></li>\n" }
        body += "</ol>\n</nav>"
        return XHTMLPage.document(title: title, language: language, bodyClass: "navigation", body: body)
    }

    private static func firstEpisodeHref(_ contents: TableOfContents) -> String? {
        let first = PackageLayout.episode(0).href
        return contents.entries.contains { $0.href?.hasPrefix(first) == true || $0.children.contains { $0.href?.hasPrefix(first) == true } } ? first : nil
    }

    private static func list(_ entries: [TableOfContents.Entry]) -> String {
        var text = "<ol>\n"
        for entry in entries {
            let label = MarkupEscaping.text(entry.label)
            text += entry.href.map { "<li><a href=\"\(MarkupEscaping.attribute($0))\">\(label)</a>" } ?? "<li><span>\(label)</span>"
            if !entry.children.isEmpty { text += "\n" + list(entry.children) }
            text += "</li>\n"
        }
        return text + "</ol>\n"
    }
}

/// The EPUB 2 NCX, for reading systems that predate the navigation document.
enum NCXDocument {
    static func document(_ contents: TableOfContents, identifier: String, title: String, language: String) -> String {
        var text = """
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

            """
        // Points to the same target share a play order (a channel heading and its first episode).
        var playOrders: [String: Int] = [:]
        var pointCount = 0
        func points(_ entries: [TableOfContents.Entry]) {
            for entry in entries {
                pointCount += 1
                let target = entry.href ?? PackageLayout.titlePage.href
                let playOrder = playOrders[target] ?? playOrders.count + 1
                playOrders[target] = playOrder
                text += "<navPoint id=\"nav-\(pointCount)\" playOrder=\"\(playOrder)\"><navLabel><text>\(MarkupEscaping.text(entry.label))</text></navLabel>"
                text += "<content src=\"\(MarkupEscaping.attribute(target))\"/>\n"
                points(entry.children)
                text += "</navPoint>\n"
            }
        }
        points(contents.entries)
        return text + "</navMap>\n</ncx>\n"
    }
}
