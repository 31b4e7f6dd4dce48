import Foundation
import QuireTestSupport
import Testing

/// The golden-file helper every format's tests use: a run that records can never pass.
@Suite struct GoldenTests {
    private static func isRecordedMessage(_ issue: Issue, name: String) -> Bool {
        issue.comments.map(\.rawValue) == ["recorded \(name); run again without QUIRE_RECORD_GOLDENS to check it"]
    }

    @Test func recordingWritesTheFileAndFailsTheTest() throws {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("nested/page.golden.txt")
        // The helper must record an issue; `withKnownIssue` fails this test if it does not.
        try withKnownIssue {
            try Golden.expect("new output\n", matchesFileAt: url, named: "nested/page.golden.txt", recording: true)
        } matching: { issue in
            Self.isRecordedMessage(issue, name: "nested/page.golden.txt")
        }
        #expect(try String(contentsOf: url, encoding: .utf8) == "new output\n")
    }

    @Test func recordingReplacesAnOutdatedFileAndStillFails() throws {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("old.golden.txt")
        try Data("old output\n".utf8).write(to: url)
        try withKnownIssue {
            try Golden.expect("new output\n", matchesFileAt: url, named: "old.golden.txt", recording: true)
        } matching: { issue in
            Self.isRecordedMessage(issue, name: "old.golden.txt")
        }
        #expect(try String(contentsOf: url, encoding: .utf8) == "new output\n")
    }

    @Test func theRecordingVariableIsNamedInTheMessages() {
        #expect(Golden.recordingVariable == "QUIRE_RECORD_GOLDENS")
        #expect(
            Golden.MissingGolden(path: "a/b.golden").description
                == "no golden file at a/b.golden; record it with QUIRE_RECORD_GOLDENS=1 swift test, then run again without it")
    }

    @Test func aMatchingFilePasses() throws {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("same.golden.txt")
        try Data("same\n".utf8).write(to: url)
        try Golden.expect("same\n", matchesFileAt: url, named: "same.golden.txt", recording: false)
    }

    @Test func aDifferentFileFailsAndIsLeftAlone() throws {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("other.golden.txt")
        try Data("expected\n".utf8).write(to: url)
        try withKnownIssue {
            try Golden.expect("actual\n", matchesFileAt: url, named: "other.golden.txt", recording: false)
        } matching: { issue in
            if case .expectationFailed = issue.kind { true } else { false }
        }
        #expect(try String(contentsOf: url, encoding: .utf8) == "expected\n")
    }

    @Test func aMissingFileIsAnErrorAndIsNotCreated() throws {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("missing.golden.txt")
        #expect(throws: Golden.MissingGolden.self) {
            try Golden.expect("anything", matchesFileAt: url, named: "missing.golden.txt", recording: false)
        }
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    /// Paths are from the package root, so recording writes beside the test that owns the golden file.
    @Test func relativePathsAreFromThePackageRoot() throws {
        try Golden.expect(
            try String(contentsOf: Fixtures.url("Tests/JSONFormatTests/Fixtures/every-field.json"), encoding: .utf8),
            matches: "Tests/JSONFormatTests/Fixtures/every-field.json", recording: false)
    }
}
