/// Where each part of the book lives in the container, and its manifest identity.
struct PackageLayout {
    struct Item: Hashable {
        /// The manifest `id`.
        var id: String
        /// Relative to the package document.
        var href: String
        var mediaType: String
        var properties: String?

        var path: String { PackageLayout.root + href }
    }

    /// The folder holding the package document and everything it lists.
    static let root = "EPUB/"
    static let packagePath = root + "package.opf"
    static let stylesheet = Item(id: "style", href: "style.css", mediaType: "text/css")
    static let navigation = Item(id: "nav", href: "nav.xhtml", mediaType: "application/xhtml+xml", properties: "nav")
    static let ncx = Item(id: "ncx", href: "toc.ncx", mediaType: "application/x-dtbncx+xml")
    static let coverPage = Item(id: "cover", href: "cover.xhtml", mediaType: "application/xhtml+xml")
    static let titlePage = Item(id: "title-page", href: "title.xhtml", mediaType: "application/xhtml+xml")
    static let entityIndex = Item(id: "entity-index", href: "index.xhtml", mediaType: "application/xhtml+xml")
    /// Every episode's timeline, small, on one page after the title page; its drawings are inline SVG.
    static let overview = Item(id: "overview", href: "overview.xhtml", mediaType: "application/xhtml+xml", properties: "svg")

    static func coverImage(mediaType: String, fileExtension: String) -> Item {
        Item(id: "cover-image", href: "images/cover.\(fileExtension)", mediaType: mediaType, properties: "cover-image")
    }

    /// Episode documents are numbered in reading order, zero-padded so file listings sort the same way.
    static func episode(_ position: Int) -> Item {
        let number = String(position + 1)
        let padded = String(repeating: "0", count: max(0, 4 - number.count)) + number
        return Item(id: "episode-\(padded)", href: "episode-\(padded).xhtml", mediaType: "application/xhtml+xml")
    }
}
