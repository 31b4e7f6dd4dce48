import Foundation
import QuireCSV
import QuireCommands
import QuireCore
import QuireSummaryText
import QuireTestSupport
import Testing

/// `quire convert … -o x.csv`: the generated `--csv` flag, `--option csv=…` and a streamed conversion
/// all write what the library writer writes.
@Suite struct CSVCommandTests {
    static let page = Fixtures.url("Examples/sample-page.txt").path
    static let environment = ["HOME": "/nonexistent"]

    private func libraryBytes(_ table: CSVTable) throws -> [UInt8] {
        var diagnostics = Diagnostics()
        let model = try SummaryTextReader().read(try Fixtures.input("Examples/sample-page.txt"), options: ConversionOptions(), diagnostics: &diagnostics)
        return try writeCSV(model, ["csv": table.rawValue]).bytes
    }

    @Test(arguments: CSVTable.allCases)
    func theFlagTheOptionAndStreamingWriteTheSameTable(_ table: CSVTable) throws {
        let directory = try TemporaryDirectory()
        let runs: [(String, [String])] = [
            ("flag", ["--csv", table.rawValue]), ("option", ["--option", "csv=\(table.rawValue)"]),
            ("streamed", ["--csv=\(table.rawValue)", "--streaming", "always"]),
        ]
        let expected = try libraryBytes(table)
        for (label, arguments) in runs {
            let output = directory.path("\(label).csv")
            let status = QuireCLI.run(["convert", Self.page, "-o", output, "--quiet"] + arguments, environment: Self.environment)
            #expect(status == .success, "\(label)")
            #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: output))) == expected, "\(table): \(label)")
        }
    }

    @Test func aTableThatDoesNotExistIsAUsageErrorAndWritesNothing() throws {
        let directory = try TemporaryDirectory()
        let output = directory.path("bad.csv")
        #expect(QuireCLI.run(["convert", Self.page, "-o", output, "--csv", "quotes", "--quiet"], environment: Self.environment) == .usage)
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
