import Foundation
import PropertyBased
import QuireCore
import QuireTestSupport
import Testing

/// Model → HTML → model gives back exactly the model.
@Suite struct HTMLRoundTripTests {
    @Test func everyFieldSurvives() throws {
        let (html, writeDiagnostics) = try writeHTML(ModelSamples.everyField)
        #expect(writeDiagnostics.isEmpty)
        let (back, diagnostics) = try readHTML(html)
        #expect(back == ModelSamples.everyField, "\(firstDifference(back, ModelSamples.everyField))")
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
    }

    @Test(arguments: ["Examples/episode.txt", "Examples/sample-page.txt"])
    func realInputSurvives(path: String) throws {
        let model = try summaryModel(path)
        #expect(!model.episodes.isEmpty)
        let (html, _) = try writeHTML(model)
        let (back, diagnostics) = try readHTML(html)
        #expect(back == model, "\(firstDifference(back, model))")
        #expect(!diagnostics.hasErrors)
    }

    @Test(.needsSharedCorpus) func sharedCorpusPageSurvives() throws {
        let model = try sharedCorpusModel()
        let (html, _) = try writeHTML(model)
        let (back, _) = try readHTML(html)
        #expect(back == model, "\(firstDifference(back, model))")
    }

    @Test func generatedModelsSurvive() async {
        await propertyCheck(count: 150, input: Gen.int(in: 0...Int.max)) { seed in
            var generator = ModelGenerator(seed: UInt64(seed), options: .init(untrimmedText: true))
            let model = generator.collection()
            do {
                let (html, _) = try writeHTML(model)
                let (back, diagnostics) = try readHTML(html)
                #expect(back == model, "seed \(seed): \(firstDifference(back, model))")
                #expect(!diagnostics.hasErrors, "seed \(seed)")
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }

    @Test func emptyAndAbsentFieldsStayApart() throws {
        let model = EpisodeCollection(
            channels: [Channel(title: "Bare", description: "")],
            episodes: [
                Episode(
                    title: "", channel: "Bare", language: nil, summary: "\n\n",
                    chapters: [Chapter(start: nil, title: " ", body: "", quotes: [Quote(text: "", time: 0)], isRecovered: true)],
                    entities: [Entity(name: "N", type: "", description: "")],
                    metadata: EpisodeMetadata(published: "some day", duration: 0, extra: [MetadataField(key: "", value: "")]))
            ])
        let (html, _) = try writeHTML(model)
        let (back, _) = try readHTML(html)
        #expect(back == model, "\(firstDifference(back, model))")
    }

    @Test func inlineMarkupIsRenderedAsHTMLAndReadBackAsWritten() throws {
        let summary = "**bold**, *em*, `code`, ~~gone~~, [link](https://example.org/a?b=1&c=2) and a hard  \nbreak."
        let model = EpisodeCollection(episodes: [Episode(title: "T", summary: summary)])
        let (html, _) = try writeHTML(model)
        #expect(html.contains("<strong>bold</strong>"))
        #expect(html.contains("<em>em</em>"))
        #expect(html.contains("<code>code</code>"))
        #expect(html.contains("<del>gone</del>"))
        #expect(html.contains(#"<a href="https://example.org/a?b=1&amp;c=2">link</a>"#))
        #expect(try readHTML(html).0 == model)
    }
}
