import QuireCore
import QuireXML

/// Reads an `<article class="episode">` that Quire wrote back into exactly the episode it came from,
/// guided by the class names of the default templates.
struct ArticleReader {
    let input: InputFile
    var diagnostics: Diagnostics

    mutating func episode(from article: XMLElement) -> Episode {
        var episode = Episode(title: "")
        episode.language = article.attribute("lang")
        visit(article, into: &episode)
        return episode
    }

    /// Dispatches on class names; containers Quire did not write (a template's own wrappers) are
    /// looked into.
    private mutating func visit(_ element: XMLElement, into episode: inout Episode) {
        for child in element.children {
            if child.hasClass("episode-title") {
                episode.title = child.allText
            } else if child.hasClass("episode-metadata") {
                readMetadata(child, into: &episode)
            } else if child.hasClass("summary") {
                episode.summary = paragraphs(of: child)
            } else if child.hasClass("chapter") {
                episode.chapters.append(chapter(from: child))
            } else if child.hasClass("transcript") {
                episode.transcript = transcript(from: child)
            } else if child.hasClass("entity") {
                episode.entities.append(entity(from: child))
            } else if child.hasClass("episode") {
                // A nested article is another episode, read by the caller.
                continue
            } else if child.hasClass("timeline") {
                // Drawn from the chapters and quotes; it holds nothing they do not.
                continue
            } else {
                visit(child, into: &episode)
            }
        }
    }

    private mutating func readMetadata(_ list: XMLElement, into episode: inout Episode) {
        var pendingKey: String?
        for item in list.children {
            switch item.name.lowercased() {
            case "div":
                readMetadata(item, into: &episode)
            case "dt" where item.hasClass("extra-key"):
                pendingKey = item.allText
            case "dd" where item.hasClass("extra-value"):
                episode.metadata.extra.append(MetadataField(key: pendingKey ?? "", value: item.allText))
                pendingKey = nil
            case "dd" where item.hasClass("episode-channel"):
                episode.channel = item.allText
            case "dd" where item.hasClass("episode-published"):
                episode.metadata.published = item.allText
            case "dd" where item.hasClass("episode-url"):
                episode.metadata.url = item.allText
            case "dd" where item.hasClass("episode-numbering"):
                if let season = item.firstDescendant(where: { $0.hasClass("episode-season") }) {
                    episode.metadata.season = number(season.attribute("data-season"), of: "season", at: season)
                }
                if let number = item.firstDescendant(where: { $0.hasClass("episode-number") }) {
                    episode.metadata.number = self.number(number.attribute("data-number"), of: "episode number", at: number)
                }
            case "dd" where item.hasClass("episode-explicit"):
                switch item.attribute("data-explicit") {
                case "true": episode.metadata.explicit = true
                case "false": episode.metadata.explicit = false
                default:
                    diagnostics.report(
                        .warning(
                            "html.explicit", "data-explicit is neither 'true' nor 'false'; whether the episode is explicit is left open",
                            at: input.location(line: item.line)))
                }
            case "dd" where item.hasClass("episode-enclosure"):
                episode.metadata.enclosure = Enclosure(
                    url: item.attribute("data-url") ?? item.allText, mediaType: item.attribute("data-type"),
                    length: item.attribute("data-length").flatMap { number($0, of: "audio file size", at: item) })
            case "dd" where item.hasClass("episode-image"):
                episode.metadata.image = item.allText
            case "dd" where item.hasClass("episode-chapters-link"):
                episode.metadata.chaptersLink = mediaLink(from: item)
            case "dd" where item.hasClass("episode-transcript-link"):
                episode.metadata.transcriptLinks.append(mediaLink(from: item))
            case "dd" where item.hasClass("episode-guid"):
                episode.metadata.guid = item.allText
            case "dd" where item.hasClass("episode-duration"):
                let time = item.firstDescendant { $0.name.lowercased() == "time" }
                episode.metadata.duration = seconds(time?.attribute("datetime") ?? item.allText, at: item)
            default:
                continue
            }
        }
    }

    private mutating func chapter(from section: XMLElement) -> Chapter {
        var chapter = Chapter(start: nil, title: "")
        chapter.isRecovered = section.attribute("data-recovered") == "true"
        if let start = section.firstDescendant(where: { $0.hasClass("chapter-start") }) {
            chapter.start = seconds(start.attribute("datetime") ?? "", at: start)
        }
        chapter.title = section.firstDescendant { $0.hasClass("chapter-title") }?.allText ?? ""
        if let body = section.firstDescendant(where: { $0.hasClass("chapter-body") }) {
            chapter.body = paragraphs(of: body)
        }
        var quotes: [XMLElement] = []
        collect(in: section, into: &quotes) { $0.hasClass("quote") }
        for element in quotes {
            var quote = Quote(text: paragraphs(of: element))
            if let time = element.firstDescendant(where: { $0.hasClass("quote-time") }) {
                quote.time = seconds(time.attribute("datetime") ?? "", at: time)
            }
            chapter.quotes.append(quote)
        }
        return chapter
    }

    private func entity(from group: XMLElement) -> Entity {
        Entity(
            name: group.firstDescendant { $0.hasClass("entity-name") }?.allText ?? "",
            type: group.firstDescendant { $0.hasClass("entity-type") }?.allText ?? "",
            description: group.firstDescendant { $0.hasClass("entity-description") }.map(paragraphs) ?? "",
            role: group.firstDescendant { $0.hasClass("entity-role") }?.allText,
            url: group.firstDescendant { $0.hasClass("entity-url") }?.allText)
    }

    /// A transcript or chapters link: its fields from the `data-*` attributes (the address shown as a
    /// fallback, for a template that leaves `data-url` out).
    private func mediaLink(from item: XMLElement) -> MediaLink {
        MediaLink(
            url: item.attribute("data-url") ?? item.allText, mediaType: item.attribute("data-type"), language: item.attribute("data-lang"),
            rel: item.attribute("data-rel"))
    }

    /// The segments of a transcript section, times from `data-start`/`data-end` in milliseconds. A
    /// segment whose start is not a number keeps its text, at 0, with a warning.
    private mutating func transcript(from section: XMLElement) -> Transcript {
        var items: [XMLElement] = []
        collect(in: section, into: &items) { $0.hasClass("transcript-segment") }
        return Transcript(
            segments: items.map { item in
                TranscriptSegment(
                    start: number(item.attribute("data-start"), of: "segment start", at: item) ?? 0,
                    end: item.attribute("data-end").flatMap { number($0, of: "segment end", at: item) },
                    speaker: item.firstDescendant { $0.hasClass("segment-speaker") }?.allText,
                    text: item.firstDescendant { $0.hasClass("segment-text") }?.allText ?? "")
            })
    }

    /// A whole number from an attribute Quire wrote; anything else is reported and left out.
    private mutating func number(_ text: String?, of field: String, at element: XMLElement) -> Int? {
        if let text, let value = Int(text) { return value }
        diagnostics.report(
            .warning("html.number", "'\(text ?? "")' is not a whole number; the \(field) is left out", at: input.location(line: element.line)))
        return nil
    }

    /// A text field from the `<p>` children of `container`: each paragraph's `data-md` when the writer
    /// kept one, its inline HTML as Markdown otherwise.
    private func paragraphs(of container: XMLElement) -> String {
        container.children.filter { $0.name.lowercased() == "p" }.map { paragraph in
            paragraph.attribute("data-md") ?? InlineMarkdownReader(mode: .quire).markdown(ofContentOf: paragraph)
        }.joined(separator: "\n\n")
    }

    private func collect(in element: XMLElement, into result: inout [XMLElement], where predicate: (XMLElement) -> Bool) {
        for child in element.children {
            if predicate(child) { result.append(child) } else { collect(in: child, into: &result, where: predicate) }
        }
    }

    /// Seconds from an ISO 8601 duration (`PT1H2M3S`), as Quire writes `<time datetime>`.
    private mutating func seconds(_ text: String, at element: XMLElement) -> Int? {
        if let value = ISODuration.seconds(text) { return value }
        diagnostics.report(
            .warning("html.time", "'\(text)' is not a duration such as PT1M36S; the time is left out", at: input.location(line: element.line)))
        return nil
    }
}

/// ISO 8601 durations of hours, minutes and seconds (`PT1H2M3S`), the form `<time datetime>` takes.
enum ISODuration {
    static func seconds(_ text: String) -> Int? {
        guard text.hasPrefix("PT"), text.count > 2 else { return nil }
        var total = 0, number = "", seenUnits: Set<Character> = []
        for character in text.dropFirst(2) {
            if character.isASCII, character.isNumber {
                number.append(character)
                guard number.count <= 9 else { return nil }
            } else if let multiplier = ["H": 3600, "M": 60, "S": 1][character], let value = Int(number), seenUnits.insert(character).inserted {
                total += value * multiplier
                number = ""
            } else {
                return nil
            }
        }
        return number.isEmpty ? total : nil
    }
}
