import PropertyBased
import QuireCore
import QuireTestSupport
import Testing

@Suite struct SummaryPropertyTests {
    /// The episode form carries every model whose text a reader could have produced (trimmed lines,
    /// paragraphs split by one blank line, no control characters) exactly, whatever the text holds.
    @Test func episodeFormRoundTrips() async {
        await propertyCheck(count: 150, input: Gen.int(in: 0...Int.max)) { seed in
            var generator = ModelGenerator(seed: UInt64(seed))
            let model = generator.collection()
            do {
                let text = try writeSummary(model)
                let (back, diagnostics) = try readSummary(text, name: "generated.txt")
                #expect(back == summaryCarried(model), "seed \(seed)")
                // Only an empty collection may warn: there is then nothing to read.
                let warnings = diagnostics.warnings.filter { !model.episodes.isEmpty || !["summary.empty", "summary.no-episodes"].contains($0.id.rawValue) }
                #expect(warnings.isEmpty && !diagnostics.hasErrors, "seed \(seed): \(diagnostics.all.prefix(3))")
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }
}
