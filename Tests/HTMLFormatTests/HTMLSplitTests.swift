import Foundation
import QuireCore
import QuireHTML
import QuireTestSupport
import QuireXML
import Testing

/// `--split`: an index, a page per episode and a shared stylesheet, linked with relative links.
@Suite struct HTMLSplitTests {
    @Test func writesIndexPagesAndStylesheet() throws {
        let (files, diagnostics) = try writeSite(ModelSamples.everyField)
        #expect(diagnostics.isEmpty)
        #expect(
            files.map(\.path) == [
                "index.html", "episodes/001-why-bread-rises-yeast-steam.html", "episodes/002.html", "episodes/003.html", "style.css",
            ])
        let css = String(decoding: try #require(files.last).bytes, as: UTF8.self)
        #expect(css.contains("prefers-color-scheme: dark"))
        #expect(!String(decoding: files[0].bytes, as: UTF8.self).contains("<style>"))
    }

    @Test func withoutTheSplitOptionThereIsNoFolder() throws {
        var diagnostics = Diagnostics()
        #expect(try HTMLWriter().writeFolder(ModelSamples.everyField, options: ConversionOptions(), diagnostics: &diagnostics) == nil)
    }

    @Test func everyRelativeLinkResolves() throws {
        let (files, _) = try writeSite(ModelSamples.everyField)
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0) })
        var checked = 0
        for file in files where file.path.hasSuffix(".html") {
            let parsed = try SafeHTMLParser.parse(InputFile(name: file.path, bytes: file.bytes), prefix: "html")
            for link in references(in: parsed.root) where !link.hasPrefix("http") && !link.hasPrefix("mailto:") {
                let (target, fragment) = resolve(link, from: file.path)
                let targetFile = try #require(byPath[target], "\(file.path) links to \(link), which is not written")
                if let fragment {
                    #expect(String(decoding: targetFile.bytes, as: UTF8.self).contains("id=\"\(fragment)\""), "\(file.path): \(link)")
                }
                checked += 1
            }
        }
        // Index → 3 pages; each page → index, stylesheet, its chapters; neighbours.
        #expect(checked >= 15)
    }

    @Test func eachPageReadsBackAndTogetherTheyAreTheCollection() throws {
        let model = ModelSamples.everyField
        let (files, _) = try writeSite(model)
        var whole = try readHTML(String(decoding: files[0].bytes, as: UTF8.self), name: "index.html").0
        #expect(whole.episodes.isEmpty)
        #expect(whole.channels == model.channels)
        for (index, file) in files.enumerated() where file.path.hasPrefix("episodes/") {
            let (page, diagnostics) = try readHTML(String(decoding: file.bytes, as: UTF8.self), name: file.path)
            #expect(page.episodes == [model.episodes[index - 1]])
            #expect(page.title == model.title)
            #expect(page.channels == model.episodes[index - 1].channel.flatMap { model.channel(named: $0) }.map { [$0] } ?? [])
            #expect(diagnostics.isEmpty, "\(diagnostics.all)")
            whole.merge(EpisodeCollection(channels: page.channels, episodes: page.episodes))
        }
        #expect(whole == model, "\(firstDifference(whole, model))")
    }

    @Test func fileNamesAreSafeAndStable() throws {
        let titles = ["../../etc/passwd", "CON", "a/b\\c", "Ünïcödé Tïtle", "", String(repeating: "long ", count: 40)]
        let (files, _) = try writeSite(EpisodeCollection(episodes: titles.map { Episode(title: $0) }))
        let pages = files.map(\.path).filter { $0.hasPrefix("episodes/") }
        #expect(
            pages == [
                "episodes/001-etc-passwd.html", "episodes/002-con.html", "episodes/003-a-b-c.html", "episodes/004-unicode-title.html",
                "episodes/005.html", "episodes/006-long-long-long-long-long-long-long-long-long.html",
            ])
        #expect(try writeSite(EpisodeCollection(episodes: titles.map { Episode(title: $0) })).0 == files)
    }

    private func references(in element: XMLElement) -> [String] {
        var result: [String] = []
        for child in element.children {
            if let href = child.attribute("href") { result.append(href) }
            if let src = child.attribute("src") { result.append(src) }
            result += references(in: child)
        }
        return result
    }

    /// `link` relative to the folder of `page`, and its fragment.
    private func resolve(_ link: String, from page: String) -> (String, String?) {
        let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let fragment = parts.count > 1 ? parts[1] : nil
        if parts[0].isEmpty { return (page, fragment) }
        var components = page.split(separator: "/").dropLast().map(String.init)
        for component in parts[0].split(separator: "/") {
            if component == ".." { components.removeLast() } else if component != "." { components.append(String(component)) }
        }
        return (components.joined(separator: "/"), fragment)
    }
}
