import Foundation
import PropertyBased
import QuireBuiltinFormats
import QuireCore
import QuireSummaryText
import QuireTestSupport
import Testing

/// The contract every built-in reader and writer keeps, checked the same way for all of them:
/// a writer either round-trips the model exactly or says what it lost (a warning) on an edge the graph
/// declares lossy; a reader never crashes, and answers bad or mismatched input with a diagnostic that
/// names the file, never with a silent result.
@Suite struct FormatConformanceTests {
    static let registry = try! BuiltinFormats.registry()

    /// Formats with both a reader and a writer, and the options that make their writer keep everything.
    static let roundTripFormats: [(id: FormatID, options: ConversionOptions)] = registry.formats.compactMap { format in
        guard !registry.readers(of: format.id).isEmpty, !registry.writers(of: format.id).isEmpty else { return nil }
        // OPML's default is a channel list; its outline mode is the one that keeps episodes.
        return (format.id, ConversionOptions(format.id == "opml" ? ["opml": "outline", "date": "0"] : ["date": "0"]))
    }

    static let readableFormats: [FormatID] = registry.formats.map(\.id).filter { !registry.readers(of: $0).isEmpty }

    private func write(_ model: EpisodeCollection, as format: FormatID, options: ConversionOptions) throws -> (
        bytes: [UInt8], warnings: [Diagnostic], lossy: Bool
    ) {
        let edge = try #require(Self.registry.writers(of: format).first)
        guard case .write(let writer) = edge.action else { throw ConformanceFailure("\(format): not a writer") }
        var diagnostics = Diagnostics()
        let bytes = try writer.write(model, options: options, diagnostics: &diagnostics)
        return (bytes, diagnostics.warnings, edge.loss.isLossy)
    }

    private func read(_ bytes: [UInt8], as format: FormatID, name: String = "input") throws -> (model: EpisodeCollection, diagnostics: Diagnostics) {
        let edge = try #require(Self.registry.readers(of: format).first)
        guard case .read(let reader) = edge.action else { throw ConformanceFailure("\(format): not a reader") }
        var diagnostics = Diagnostics()
        let model = try reader.read(InputFile(name: name, bytes: bytes), options: ConversionOptions(), diagnostics: &diagnostics)
        return (model, diagnostics)
    }

    /// Exact, or a loss the writer announced on an edge the graph calls lossy. A writer on a lossy edge
    /// may instead refuse, with an error, a model that lacks all it writes (a transcript writer given no
    /// transcript); `everyField` has something for every format, so no writer may refuse it.
    private func checkRoundTrip(_ model: EpisodeCollection, through format: FormatID, options: ConversionOptions, label: String) throws {
        let mayRefuse = try #require(Self.registry.writers(of: format).first).loss.isLossy && label != "everyField"
        let written: (bytes: [UInt8], warnings: [Diagnostic], lossy: Bool)
        do {
            written = try write(model, as: format, options: options)
        } catch let failure as ConversionFailure where mayRefuse {
            #expect(failure.diagnostics.contains { $0.severity == .error }, "\(format) refused \(label) without an error")
            return
        }
        let back = try read(written.bytes, as: format).model
        if back != model {
            #expect(!written.warnings.isEmpty, "\(format) lost part of \(label) without a warning")
            #expect(
                written.lossy,
                "\(format) lost part of \(label) (\(Set(written.warnings.map { "\($0.id)" }).sorted())) but the graph declares the writer lossless")
        }
    }

    static let examples: [(String, EpisodeCollection)] = {
        var result = [("everyField", ModelSamples.everyField)]
        for path in ["Examples/episode.txt", "Examples/sample-page.txt"] {
            var diagnostics = Diagnostics()
            if let input = try? Fixtures.input(path), let model = try? SummaryTextReader().read(input, options: ConversionOptions(), diagnostics: &diagnostics)
            {
                result.append((path, model))
            }
        }
        return result
    }()

    /// Formats whose writer can also stream.
    static let streamingFormats: [FormatID] = registry.formats.map(\.id).filter { format in
        registry.writers(of: format).contains { edge in
            if case .write(let writer) = edge.action { writer is any StreamingFormatWriter } else { false }
        }
    }

    /// A streaming writer's output is the whole writer's, byte for byte, however the episodes are
    /// batched, with the same warnings.
    @Test(arguments: streamingFormats)
    func streamingWritersWriteWhatTheWholeWriterWrites(_ format: FormatID) throws {
        try expectStreamedAsWhole(format, models: Self.examples + [("empty", EpisodeCollection())])
    }

    /// The same on the real page of the shared corpus.
    @Test(.needsSharedCorpus, arguments: streamingFormats)
    func streamingWritersWriteTheCorpusPageAsTheWholeWriterDoes(_ format: FormatID) throws {
        let url = try #require(Fixtures.sharedCorpus("sample-channel-page.txt"))
        var diagnostics = Diagnostics()
        let page = try SummaryTextReader().read(try Fixtures.input(at: url, name: "page.txt"), options: ConversionOptions(), diagnostics: &diagnostics)
        try expectStreamedAsWhole(format, models: [("corpus page", page)])
    }

    private func expectStreamedAsWhole(_ format: FormatID, models: [(String, EpisodeCollection)]) throws {
        let edge = try #require(Self.registry.writers(of: format).first)
        guard case .write(let writer as any StreamingFormatWriter) = edge.action else { throw ConformanceFailure("\(format): not a streaming writer") }
        let options = ConversionOptions(["date": "0"])
        for (label, model) in models {
            var diagnostics = Diagnostics()
            let whole = try writer.write(model, options: options, diagnostics: &diagnostics)
            for batchSize in [1, 7, 1000] {
                let streamed = try #require(try StreamingHarness.streamedBytes(writer, collection: model, options: options, batchSize: batchSize))
                #expect(streamed.bytes == whole, "\(format): \(label), batches of \(batchSize)")
                #expect(streamed.diagnostics.all.map(\.description) == diagnostics.all.map(\.description), "\(format): \(label)")
            }
        }
    }

    @Test(arguments: roundTripFormats.map(\.id))
    func examplesRoundTripOrTheLossIsDeclared(_ format: FormatID) throws {
        let options = Self.roundTripFormats.first { $0.id == format }!.options
        for (label, model) in Self.examples {
            try checkRoundTrip(model, through: format, options: options, label: label)
            // The examples themselves hold nothing any lossless writer may drop.
            if !(try #require(Self.registry.writers(of: format).first)).loss.isLossy {
                #expect(try read(write(model, as: format, options: options).bytes, as: format).model == model, "\(format): \(label)")
            }
        }
    }

    @Test(arguments: roundTripFormats.map(\.id))
    func generatedModelsRoundTripOrTheLossIsDeclared(_ format: FormatID) async throws {
        let options = Self.roundTripFormats.first { $0.id == format }!.options
        await propertyCheck(count: 60, input: Gen.int(in: 0...Int.max)) { seed in
            // Everything the generator can make: CJK, right-to-left, emoji, control characters, long,
            // empty and untrimmed fields.
            var generator = ModelGenerator(seed: UInt64(seed), options: .init(controlCharacters: true, untrimmedText: true, longFields: true))
            let model = generator.collection()
            do {
                try checkRoundTrip(model, through: format, options: options, label: "generated model \(seed)")
            } catch {
                Issue.record("\(format), seed \(seed): \(error)")
            }
        }
    }

    /// Inputs no reader should take quietly: nothing, broken UTF-8, a truncated file of its own format.
    @Test(arguments: readableFormats)
    func badInputGetsADiagnosticNamingTheFile(_ format: FormatID) throws {
        let own =
            try Self.roundTripFormats.contains { $0.id == format }
            ? write(ModelSamples.everyField, as: format, options: Self.roundTripFormats.first { $0.id == format }!.options).bytes
            : Array("x".utf8)
        var invalidUTF8 = own
        invalidUTF8.insert(contentsOf: [0xFF, 0xC3, 0x28], at: min(40, invalidUTF8.count))
        let cases: [(String, [UInt8])] = [
            ("empty", []), ("invalid UTF-8", invalidUTF8), ("truncated", Array(own.prefix(own.count / 2))),
            ("binary", (0..<512).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }),
        ]
        for (label, bytes) in cases {
            do {
                let result = try read(bytes, as: format, name: "bad.\(format)")
                if label != "empty" && label != "truncated" {
                    #expect(!result.diagnostics.isEmpty, "\(format) read \(label) input without a word")
                }
                for diagnostic in result.diagnostics {
                    #expect(diagnostic.location?.file == "bad.\(format)", "\(format), \(label): \(diagnostic)")
                }
            } catch let failure as ConversionFailure {
                #expect(!failure.diagnostics.isEmpty)
                for diagnostic in failure.diagnostics {
                    #expect(diagnostic.location?.file == "bad.\(format)", "\(format), \(label): \(diagnostic)")
                }
            }
        }
    }

    /// A file that claims one format and holds another: a strict reader refuses it with an error at the
    /// file; a lenient one (any text is summary text, Markdown notes or an HTML page) says what it did.
    @Test(arguments: readableFormats)
    func anotherFormatsContentIsNeverTakenSilently(_ claimed: FormatID) throws {
        for (actual, options) in Self.roundTripFormats where actual != claimed {
            let bytes = try write(ModelSamples.everyField, as: actual, options: options).bytes
            do {
                let result = try read(bytes, as: claimed, name: "mislabelled")
                #expect(!result.diagnostics.isEmpty, "\(claimed) read \(actual) content without a word")
            } catch let failure as ConversionFailure {
                #expect(failure.diagnostics.contains { $0.severity == .error && $0.location?.file == "mislabelled" }, "\(claimed) ← \(actual)")
            }
        }
    }
}

/// One line of ten megabytes, the shape of a scraped page that lost its line breaks: every text reader
/// takes it in one linear pass and keeps every word (100 MB lines are measured in release builds, see
/// docs/security.md); the strict ones refuse it at its first byte.
@Suite struct LongLineTests {
    static let words = 2_000_000
    static let line: [UInt8] = Array(("# Title " + String(repeating: "word ", count: words) + "\n").utf8)

    private func read(_ format: FormatID) throws -> Result<EpisodeCollection, ConversionFailure> {
        let registry = FormatConformanceTests.registry
        guard case .read(let reader) = registry.readers(of: format)[0].action else { throw ConformanceFailure("no reader") }
        var diagnostics = Diagnostics()
        do {
            return .success(try reader.read(InputFile(name: "line", bytes: Self.line), options: ConversionOptions(), diagnostics: &diagnostics))
        } catch let failure as ConversionFailure {
            return .failure(failure)
        }
    }

    /// Every word of the line, wherever the reader put it.
    private func wordCount(_ collection: EpisodeCollection) -> Int {
        var text = collection.preamble.joined(separator: " ")
        for episode in collection.episodes {
            text += " " + episode.title + " " + episode.summary
            for chapter in episode.chapters { text += " " + chapter.title + " " + chapter.body }
        }
        return text.split(separator: " ").filter { $0 == "word" }.count
    }

    @Test(arguments: ["summary", "markdown", "html"] as [FormatID])
    func lenientReadersKeepTheWholeLine(_ format: FormatID) throws {
        switch try read(format) {
        case .success(let collection):
            #expect(wordCount(collection) == Self.words, "\(format)")
        case .failure(let failure):
            // libxml2 cuts text runs at 10,000,000 bytes: HTML refuses them rather than lose the rest.
            #expect(format == "html" && failure.diagnostics.map(\.id) == ["html.limit"], "\(format): \(failure.diagnostics)")
        }
    }

    @Test(arguments: ["json", "opml"] as [FormatID])
    func strictReadersRefuseItAtTheStart(_ format: FormatID) throws {
        guard case .failure(let failure) = try read(format) else {
            Issue.record("\(format) took a line of words")
            return
        }
        #expect(failure.diagnostics.first?.location?.line == 1, "\(format)")
    }
}

struct ConformanceFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
