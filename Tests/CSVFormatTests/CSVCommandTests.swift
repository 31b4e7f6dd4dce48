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
    static let binary = Fixtures.url(".build/debug/quire").path

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

    /// The built binary says it streamed, and the streamed file is the whole conversion's, defaults applied.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary), "needs a built .build/debug/quire"))
    func theBinaryStreamsCSVAnEpisodeAtATime() throws {
        let directory = try TemporaryDirectory()
        let page = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.page)))
        let input = directory.path("page.txt")
        try Data(page + Array("\n".utf8) + page).write(to: URL(fileURLWithPath: input))
        let common = ["--channel", "Kitchen, \"Physics\"", "--csv", "episodes", "--quiet"]
        let whole = try ExternalTool.run(path: Self.binary, ["convert", input, "-o", directory.path("whole.csv"), "--streaming", "never"] + common)
        let streamed = try ExternalTool.run(
            path: Self.binary, ["convert", input, "-o", directory.path("streamed.csv"), "--streaming", "always", "--explain"] + common)
        #expect(whole.status == 0 && streamed.status == 0, "\(whole.error)\n\(streamed.error)")
        #expect(streamed.error.contains("streamed: read and written a piece at a time"), "\(streamed.error)")
        let wholeBytes = try Data(contentsOf: URL(fileURLWithPath: directory.path("whole.csv")))
        #expect(try Data(contentsOf: URL(fileURLWithPath: directory.path("streamed.csv"))) == wholeBytes)
        #expect(String(decoding: wholeBytes, as: UTF8.self).split(separator: "\r\n").dropFirst().allSatisfy { $0.hasPrefix("\"Kitchen, \"\"Physics\"\"\",") })
    }

    @Test func aTableThatDoesNotExistIsAUsageErrorAndWritesNothing() throws {
        let directory = try TemporaryDirectory()
        let output = directory.path("bad.csv")
        #expect(QuireCLI.run(["convert", Self.page, "-o", output, "--csv", "quotes", "--quiet"], environment: Self.environment) == .usage)
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
