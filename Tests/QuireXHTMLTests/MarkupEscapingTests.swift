import QuireCore
import QuireTestSupport
import QuireXHTML
import QuireXML
import Testing

/// Text that goes into XHTML and HTML5 alike: escaped so both parsers read it back, and never able to
/// start markup or a script.
@Suite struct MarkupEscapingTests {
    @Test func textAndAttributesAreEscaped() {
        #expect(MarkupEscaping.text("a < b & \"c\" > d\r\ne\tf") == "a &lt; b &amp; &quot;c&quot; &gt; d&#13;\ne\tf")
        #expect(MarkupEscaping.attribute("a < b & \"c\" > d\r\ne\tf") == "a &lt; b &amp; &quot;c&quot; &gt; d&#13;&#10;e&#9;f")
        #expect(MarkupEscaping.text("plain words, 世界") == "plain words, 世界")
    }

    @Test func charactersNoParserCanHoldAreLeftOut() {
        let text = "a\u{0}b\u{1}c\u{7F}d\u{FFFE}e\u{FFFF}f\u{8}g"
        #expect(MarkupEscaping.text(text) == "abcdefg")
        #expect(MarkupEscaping.attribute(text) == "abcdefg")
        #expect(MarkupEscaping.containsUnwritable(text))
        #expect(!MarkupEscaping.containsUnwritable("tab\tline\nreturn\r fine"))
    }

    /// Only web and mail addresses become links; anything else is shown as text.
    @Test func onlySafeAddressesBecomeLinks() {
        for address in ["https://example.org/a?b=1&c=2", "HTTP://EXAMPLE.ORG", "mailto:host@example.org"] {
            #expect(EpisodeView.isSafeLink(address), "\(address)")
        }
        for address in [
            "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>x</script>", "file:///etc/passwd", "//example.org",
            "https://example.org/a b", "https://example.org/\"onmouseover=\"x", "https://e.org/<x>", "vbscript:msgbox",
        ] {
            #expect(!EpisodeView.isSafeLink(address), "\(address)")
        }
    }

    /// Every attack in every field of an episode: the article holds no element or attribute the
    /// attack tried to add, whatever the XML parser reads.
    @Test(arguments: ScriptInjection.attacks)
    func attacksInEveryFieldStayText(attack: String) throws {
        let collection = ScriptInjection.poisoned(attack, language: "en", entityType: "person")
        let episode = try #require(collection.episodes.first)
        let article = try EpisodeArticle.render(episode, channel: collection.channels.first, idPrefix: "e1-", options: ArticleOptions(timeline: true))
        let root = try SafeXMLParser.parse(InputFile(name: "article.xhtml", bytes: Array(article.utf8)), prefix: "test", keepingWhitespace: true)
        var names: Set<String> = []
        var attributes: [(String, String)] = []
        func walk(_ element: XMLElement) {
            names.insert(element.name.lowercased())
            attributes += element.attributes.map { ($0.name.lowercased(), $0.value) }
            element.children.forEach(walk)
        }
        walk(root)
        #expect(names.isDisjoint(with: ["script", "img", "iframe"]), "\(names)")
        #expect(!attributes.contains { $0.0.hasPrefix("on") }, "\(attributes.map(\.0))")
        #expect(!attributes.contains { ($0.0 == "href" || $0.0 == "xlink:href" || $0.0 == "src") && $0.1.lowercased().hasPrefix("javascript:") })
    }
}

/// Model text fields (inline CommonMark) as article paragraphs that read back to the same text.
@Suite struct InlineMarkupWriterTests {
    @Test func paragraphsAreSplitOnBlankLines() {
        #expect(InlineMarkupWriter.paragraphs("", unsafeHTML: false).isEmpty)
        let paragraphs = InlineMarkupWriter.paragraphs("one\n\ntwo *em*\n\nthree", unsafeHTML: false)
        #expect(paragraphs.map(\.html) == ["one", "two <em>em</em>", "three"])
        #expect(paragraphs.map(\.markdownAttribute) == ["", "", ""])
    }

    @Test func plainTextIsOnlyEscaped() {
        let paragraph = InlineMarkupWriter.paragraph("Fish > chips", unsafeHTML: false)
        #expect(paragraph.html == "Fish &gt; chips")
        #expect(paragraph.markdownAttribute == "")
    }

    /// Raw HTML is left out unless asked for; the paragraph as written is kept beside it, so nothing is lost.
    @Test func rawHTMLIsLeftOutButKeptAsWritten() {
        let safe = InlineMarkupWriter.paragraph("say <b>hi</b>", unsafeHTML: false)
        #expect(!safe.html.contains("<b>"))
        #expect(safe.markdownAttribute == #" data-md="say &lt;b&gt;hi&lt;/b&gt;""#)
        let unsafe = InlineMarkupWriter.paragraph("say <b>hi</b>", unsafeHTML: true)
        #expect(unsafe.html == "say <b>hi</b>")
    }
}

/// The few words an article shows besides the episode's own text, in its language.
@Suite struct ArticleLabelsTests {
    @Test func labelsFollowTheLanguageAndFallBackToEnglish() {
        #expect(ArticleLabels.labels(for: "ko-KR")["chapters"] == "챕터")
        #expect(ArticleLabels.labels(for: "ZH")["chapters"] == "章节")
        #expect(ArticleLabels.labels(for: "ja")["timeline"] == "タイムライン")
        #expect(ArticleLabels.labels(for: "fr")["chapters"] == "Chapters")
        #expect(ArticleLabels.labels(for: nil) == ArticleLabels.labels(for: "en"))
        // Every language has every label English has.
        for language in ["zh", "ja", "ko"] {
            #expect(Set(ArticleLabels.labels(for: language).keys) == Set(ArticleLabels.labels(for: "en").keys), "\(language)")
        }
    }
}

/// Replacement templates (`--template DIR`): errors name the file and the place.
@Suite struct EpisodeTemplatesTests {
    @Test func aSyntaxErrorNamesTheFileLineAndColumn() {
        do {
            _ = try EpisodeTemplates.defaults.adding(["chapter": "<section>\n  {{#title}}\n</section>\n"], fileNames: ["chapter": "my/chapter.mustache"])
            Issue.record("expected a template error")
        } catch let error as TemplateError {
            #expect(error.template == "chapter")
            #expect(error.file == "my/chapter.mustache")
            #expect(error.line != nil)
            #expect(error.description.hasPrefix("my/chapter.mustache:\(error.line ?? 0):"), "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func anUnknownTemplateIsNamed() {
        do {
            _ = try EpisodeTemplates.defaults.render("sidebar", [:])
            Issue.record("expected a template error")
        } catch let error as TemplateError {
            #expect(error.description == "sidebar.mustache: there is no template named 'sidebar'")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func replacingATemplateLeavesTheOthersShipped() throws {
        let templates = try EpisodeTemplates.defaults.adding(["chapter": "<section>{{{title}}}</section>"])
        #expect(templates.contains("episode") && templates.contains("chapter") && templates.contains("timeline"))
        #expect(templates.sources["episode"] == EpisodeTemplates.defaults.sources["episode"])
        #expect(!templates.hasShippedArticleTemplates)
        let episode = Episode(title: "T", chapters: [Chapter(start: 0, title: "A & B")])
        let article = try EpisodeArticle.render(episode, channel: nil, idPrefix: "", options: ArticleOptions(templates: templates))
        #expect(article.contains("<section>A &amp; B</section>"))
    }
}
