import QuireXHTML

/// A content document of the book: XHTML5 in the EPUB namespace, with the shared stylesheet.
enum XHTMLPage {
    static func document(title: String, language: String, bodyClass: String, stylesheets: [String], body: String) -> String {
        head(title: title, language: language, bodyClass: bodyClass, stylesheets: stylesheets) + body + tail
    }

    /// Everything before the body's content, for documents written a piece at a time. `stylesheets`
    /// are linked in order (`BookLabels.stylesheets`: Quire's first, so the user's win).
    static func head(title: String, language: String, bodyClass: String, stylesheets: [String]) -> String {
        let language = MarkupEscaping.attribute(language)
        let links = stylesheets.map { "<link rel=\"stylesheet\" type=\"text/css\" href=\"\(MarkupEscaping.attribute($0))\"/>\n" }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="\(language)" xml:lang="\(language)">
            <head>
            <meta charset="UTF-8"/>
            <title>\(MarkupEscaping.text(title))</title>
            \(links)</head>
            <body class="\(bodyClass)">

            """
    }

    /// Everything after the body's content.
    static let tail = "\n</body>\n</html>\n"
}
