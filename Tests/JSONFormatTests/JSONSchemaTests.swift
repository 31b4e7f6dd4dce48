import Foundation
import QuireCore
import QuireJSON
import QuireTestSupport
import Testing

/// What Quire writes validates against the JSON Schema it ships (checked by Python's jsonschema).
@Suite struct JSONSchemaTests {
    static let validator = """
        import json, sys
        import jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.load(sys.stdin)))
        for error in errors[:5]: print(list(error.absolute_path), error.message)
        sys.exit(1 if errors else 0)
        """

    static var hasValidator: Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import jsonschema"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    private func validate(_ bytes: [UInt8]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.validator, Fixtures.url("docs/quire.schema.json").path]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(bytes))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    @Test(.enabled(if: hasValidator, "needs python3 with jsonschema (pip install jsonschema)"))
    func writtenJSONMatchesTheSchema() throws {
        var diagnostics = Diagnostics()
        var models = [ModelSamples.everyField]
        for seed in 0..<20 as Range<UInt64> {
            var generator = ModelGenerator(seed: seed, options: .init(controlCharacters: true, untrimmedText: true, longFields: false))
            models.append(generator.collection())
        }
        for model in models {
            let result = try validate(try JSONModelWriter().write(model, options: ConversionOptions(), diagnostics: &diagnostics))
            #expect(result.status == 0, "\(result.output)")
        }
    }

    @Test(.enabled(if: hasValidator, "needs python3 with jsonschema (pip install jsonschema)"))
    func theSchemaRejectsWhatTheReaderRejects() throws {
        let missingTitle = Array(#"{"schemaVersion": 1, "episodes": [{"chapters": []}]}"#.utf8)
        #expect(try validate(missingTitle).status == 1)
        let fractionalStart = Array(#"{"schemaVersion": 1, "episodes": [{"title": "a", "chapters": [{"start": 1.5}]}]}"#.utf8)
        #expect(try validate(fractionalStart).status == 1)
        let fractionalMilliseconds = Array(#"{"episodes": [{"title": "a", "transcript": {"segments": [{"startMs": 1.5}]}}]}"#.utf8)
        #expect(try validate(fractionalMilliseconds).status == 1)
        let segmentWithoutStart = Array(#"{"episodes": [{"title": "a", "transcript": {"segments": [{"text": "x"}]}}]}"#.utf8)
        #expect(try validate(segmentWithoutStart).status == 1)
        let enclosureWithoutURL = Array(#"{"episodes": [{"title": "a", "enclosure": {"length": 5}}]}"#.utf8)
        #expect(try validate(enclosureWithoutURL).status == 1)
        let explicitAsText = Array(#"{"episodes": [{"title": "a", "explicit": "yes"}]}"#.utf8)
        #expect(try validate(explicitAsText).status == 1)
    }
}
