import QuireCore
import QuireXML

/// The `kindle` profile: what Send to Kindle needs of an EPUB beyond the general checks.
///
/// Sources, cited in docs/e-readers.md:
/// - Amazon, "Using Your Send to Kindle Email Address" (https://www.amazon.co.uk/gp/help/customer/display.html?nodeId=201974220):
///   documents sent by e-mail total 50 MB or less.
/// - Send to Kindle's web and app uploaders take files up to 200 MB (amazon.com/sendtokindle, as quoted in
///   https://leafbind.io/guides/send-to-kindle-error-e999).
/// - KDP's eBook cover: JPEG or TIFF, ideally 1,600 × 2,560 pixels (a 1:1.6 ratio); the raster cover is what
///   the library grid shows. Quire accepts PNG too, which Send to Kindle converts.
/// - Kindle Publishing Guidelines, "HTML tags supported in Kindle Format 8" and the fixed-layout sections:
///   no scripting, no forms; fixed-layout books declare `<meta name="fixed-layout" content="true"/>`.
enum KindleChecks {
    static let emailLimit = 50 * 1_000_000
    static let uploadLimit = 200 * 1_000_000
    static let recommendedCover = ImageSize(width: 1600, height: 2560)

    static func run(_ book: CheckedBook, diagnostics: inout Diagnostics) {
        checkCover(book, diagnostics: &diagnostics)
        checkLanguages(book, diagnostics: &diagnostics)
        checkContent(book, diagnostics: &diagnostics)
        checkSize(book, diagnostics: &diagnostics)
    }

    static func checkCover(_ book: CheckedBook, diagnostics: inout Diagnostics) {
        guard let cover = book.coverItem else {
            diagnostics.report(
                .error(
                    "kindle.cover.missing", "Send to Kindle needs a JPEG or PNG cover image (properties=\"cover-image\"); the book has none",
                    at: book.packageLocation(line: book.package.child(named: "manifest")?.line)))
            return
        }
        let location = book.packageLocation(line: cover.line)
        guard ["image/jpeg", "image/png"].contains(cover.mediaType) else {
            diagnostics.report(
                .error(
                    "kindle.cover.raster", "the cover image is \(cover.mediaType); Kindle shows only a JPEG or PNG cover in the library, give one with --cover",
                    at: location))
            return
        }
        guard let path = cover.path, let entry = book.entries[path] else { return }  // reported as epub.check.manifest.missing
        guard let size = ImageSize(of: entry.bytes) else {
            diagnostics.report(
                .error("kindle.cover.unreadable", "the cover image is not a readable \(cover.mediaType) file", at: book.location(entry: path)))
            return
        }
        if size.width < recommendedCover.width || size.height < recommendedCover.height {
            diagnostics.report(
                .warning(
                    "kindle.cover.size",
                    "the cover is \(size.width) × \(size.height) pixels; Kindle recommends \(recommendedCover.width) × \(recommendedCover.height), smaller covers look blurred",
                    at: book.location(entry: path)))
        }
    }

    static func checkLanguages(_ book: CheckedBook, diagnostics: inout Diagnostics) {
        for language in book.dublinCore("language") {
            let tag = language.text.trimmingWhitespace()
            guard LanguageTag.isWellFormed(tag), !KindleLanguages.isSupported(tag) else { continue }
            diagnostics.report(
                .warning(
                    "kindle.language", "Send to Kindle does not list '\(tag)' as a supported language; the book may be rejected",
                    at: book.packageLocation(line: language.line)))
        }
    }

    /// Scripts and forms, which Kindle does not support, and fixed layout without Kindle's own marker.
    static func checkContent(_ book: CheckedBook, diagnostics: inout Diagnostics) {
        for item in book.manifest where item.mediaType == "application/xhtml+xml" {
            guard let path = item.path, let entry = book.entries[path],
                let root = try? SafeXMLParser.parse(InputFile(name: book.input.name, bytes: entry.bytes), entry: path, prefix: "epub", keepingWhitespace: true)
            else { continue }
            for (name, what) in [("script", "scripts"), ("form", "forms")] {
                if let element = first(named: name, in: root) {
                    diagnostics.report(
                        .warning(
                            DiagnosticID(rawValue: "kindle.\(name)"), "Kindle does not support \(what); this <\(name)> will not work",
                            at: book.location(entry: path, line: element.line)))
                }
            }
        }
        let layout = book.metaProperties("rendition:layout").first
        if let layout, layout.text.trimmingWhitespace() == "pre-paginated", book.metaContent(named: "fixed-layout") != "true" {
            diagnostics.report(
                .warning(
                    "kindle.fixed-layout", "the book is fixed-layout but lacks Kindle's <meta name=\"fixed-layout\" content=\"true\"/>; Kindle reflows it",
                    at: book.packageLocation(line: layout.line)))
        }
    }

    static func checkSize(_ book: CheckedBook, diagnostics: inout Diagnostics) {
        let size = book.input.bytes.count
        let megabytes = String(Double(size / 100_000) / 10)
        if size > uploadLimit {
            diagnostics.report(
                .error(
                    "kindle.size", "the book is \(megabytes) MB; Send to Kindle takes at most 200 MB (50 MB by e-mail)", at: book.location()))
        } else if size > emailLimit {
            diagnostics.report(
                .warning(
                    "kindle.size.email", "the book is \(megabytes) MB; Send to Kindle by e-mail takes at most 50 MB (the app and web page take 200 MB)",
                    at: book.location()))
        }
    }

    private static func first(named name: String, in element: XMLElement) -> XMLElement? {
        if element.name.lowercased() == name { return element }
        for child in element.children {
            if let found = first(named: name, in: child) { return found }
        }
        return nil
    }
}

extension KindleChecks {
    /// After writing with `profile=kindle`: the book is checked as `quire check --profile kindle`
    /// would, and what fails comes back as warnings, so the two never disagree and the book is
    /// still written (a user can add `--cover` and convert again).
    static func review(_ bytes: [UInt8], options: ConversionOptions, diagnostics: inout Diagnostics) {
        var found = Diagnostics()
        EPUBChecker().check(InputFile(name: "<written book>", bytes: bytes), profile: EPUBChecker.kindle.name, options: options, diagnostics: &found)
        for finding in found where finding.severity != .note {
            let place = finding.location?.entry.map { " (in \($0))" } ?? ""
            diagnostics.report(.warning(finding.id, "kindle profile: \(finding.message)\(place)", notes: finding.notes))
        }
    }
}
