import PropertyBased
import QuireCore
import QuireJSON
import QuireTestSupport
import Testing

@Suite struct JSONPropertyTests {
    /// JSON carries every model exactly, control characters, odd white space and all.
    @Test func everyModelRoundTrips() async {
        await propertyCheck(count: 150, input: Gen.int(in: 0...Int.max)) { seed in
            var generator = ModelGenerator(seed: UInt64(seed), options: .init(controlCharacters: true, untrimmedText: true))
            let model = generator.collection()
            var diagnostics = Diagnostics()
            do {
                let bytes = try JSONModelWriter().write(model, options: ConversionOptions(), diagnostics: &diagnostics)
                let back = try JSONModelReader().read(InputFile(name: "p.json", bytes: bytes), options: ConversionOptions(), diagnostics: &diagnostics)
                #expect(back == model)
                #expect(diagnostics.isEmpty)
            } catch {
                Issue.record("round trip failed: \(error)")
            }
        }
    }
}
