import Foundation
import QuireCore
import QuireTestSupport
import Testing

/// The page for the sample model, byte for byte.
@Suite struct HTMLGoldenTests {
    @Test func everyFieldPageMatchesGolden() throws {
        let (html, diagnostics) = try writeHTML(ModelSamples.everyField)
        #expect(diagnostics.isEmpty)
        try Golden.expect(html, matches: "Tests/HTMLFormatTests/Fixtures/every-field.golden.html")
    }

    @Test func pageHasTheSemanticStructure() throws {
        let (html, _) = try writeHTML(ModelSamples.everyField)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"und\">"))
        #expect(html.contains(#"<article class="episode" id="e2-episode" lang="zh">"#))
        #expect(html.contains(#"<section class="chapter" id="e1-chapter-2">"#))
        #expect(html.contains(#"<time class="chapter-start" datetime="PT1M36S">01:36</time>"#))
        #expect(html.contains(#"<time class="chapter-start" datetime="PT1H5M26S">1:05:26</time>"#))
        #expect(html.contains(##"<a href="#e1-chapter-2"><time datetime="PT1M36S">01:36</time> Steam – the hidden lever</a>"##))
        #expect(html.contains(#"<blockquote class="quote">"#))
        #expect(html.contains(#"<dl class="entity-list">"#))
        #expect(html.contains("@media (prefers-color-scheme: dark)"))
        #expect(html.contains("@media print"))
    }

    @Test func onlyRealDatesBecomeMachineReadable() throws {
        let dates = ["2026-05-21", "2024-02-29", "2026-02-29", "2026-13-01", "May 2026"]
        let (html, _) = try writeHTML(EpisodeCollection(episodes: dates.map { Episode(title: $0, metadata: EpisodeMetadata(published: $0)) }))
        #expect(html.contains(#"<time datetime="2026-05-21">2026-05-21</time>"#))
        #expect(html.contains(#"<time datetime="2024-02-29">2024-02-29</time>"#))
        #expect(html.contains(#"<dd class="episode-published">2026-02-29</dd>"#))
        #expect(html.contains(#"<dd class="episode-published">2026-13-01</dd>"#))
        #expect(html.contains(#"<dd class="episode-published">May 2026</dd>"#))
    }

    @Test func rightToLeftEpisodesSayTheirDirection() throws {
        let (html, _) = try writeHTML(EpisodeCollection(episodes: [Episode(title: "שלום", language: "he"), Episode(title: "مرحبا", language: "ar-EG")]))
        #expect(html.contains(#"lang="he" dir="rtl""#))
        #expect(html.contains(#"lang="ar-EG" dir="rtl""#))
    }
}
