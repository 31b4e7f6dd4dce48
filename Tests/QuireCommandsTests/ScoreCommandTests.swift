import QuireCommands
import QuireTestSupport
import Testing

@Suite struct ScoreCommandTests {
    @Test func scoresTheBundledExampleAgainstItsTruth() {
        let page = Fixtures.url("Examples/sample-page.txt").path, truth = Fixtures.url("Examples/sample-page.expected.json").path
        let result = quire(["score", page, "--truth", truth])
        #expect(result.status == .success)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.contains("preamble   exact"))
        #expect(lines.contains("chapters   33/33 (100.0%) found; starts 33/33 (100.0%) exact"))
        #expect(lines.contains("quotes     22/22 (100.0%) exact with their times"))
        #expect(lines.contains("entities   18/18 (100.0%) exact"))
        #expect(lines.contains { $0.hasPrefix("headings   3") })
    }

    @Test func thresholdFailsWithStatusOne() {
        let page = Fixtures.url("Examples/sample-page.txt").path, truth = Fixtures.url("Examples/sample-page.expected.json").path
        let result = quire(["score", page, "--truth", truth, "--min-headings", "100.1"])
        #expect(result.status == .failure)
        #expect(result.error.contains("below --min-headings 100.1"))
    }

    @Test func malformedTruthIsAnInputError() throws {
        let directory = try TemporaryDirectory()
        let truth = directory.path("truth.json")
        try "{\"episodes\": [{\"title\": \"no index\"}]}".write(toFile: truth, atomically: true, encoding: .utf8)
        let result = quire(["score", Fixtures.url("Examples/sample-page.txt").path, "--truth", truth])
        #expect(result.status == .failure)
        #expect(result.error.contains("not a ground-truth file: every episode needs an 'index' (1 or more) and a 'title'"))
    }

    @Test func chapterWithoutATitleIsMalformedTruth() throws {
        let directory = try TemporaryDirectory()
        let truth = directory.path("truth.json")
        try "{\"episodes\": [{\"index\": 1, \"title\": \"x\", \"chapters\": [{\"start\": 0}]}]}".write(toFile: truth, atomically: true, encoding: .utf8)
        let result = quire(["score", Fixtures.url("Examples/sample-page.txt").path, "--truth", truth])
        #expect(result.status == .failure)
        #expect(result.error.contains("episode 1: every chapter needs a 'title'"))
    }

    @Test func impossibleEpisodeIndexIsMalformedTruth() throws {
        let directory = try TemporaryDirectory()
        let truth = directory.path("truth.json")
        try "{\"episodes\": [{\"index\": -9223372036854775808, \"title\": \"x\"}]}".write(toFile: truth, atomically: true, encoding: .utf8)
        let result = quire(["score", Fixtures.url("Examples/sample-page.txt").path, "--truth", truth])
        #expect(result.status == .failure)
    }

    /// The reader on the real page, which the splitter never trained on: everything found exactly, and at
    /// least 88% of headings (docs/heading-splitter.md; issue 15's target of 97% is not met yet).
    @Test(.needsSharedCorpus) func sampleCorpusMeetsTheReadingTargets() throws {
        let page = try #require(Fixtures.sharedCorpus("sample-channel-page.txt"))
        let truth = try #require(Fixtures.sharedCorpus("sample-channel-page.expected.json"))
        let result = quire(["score", page.path, "--truth", truth.path, "--min-headings", "88"])
        #expect(result.status == .success, "\(result.output)\(result.error)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.contains("chapters   97/97 (100.0%) found; starts 97/97 (100.0%) exact"))
        #expect(lines.contains { $0.hasPrefix("quotes ") && $0.contains("(100.0%)") })
        #expect(lines.contains("entities   90/90 (100.0%) exact"))
    }

    /// The heading corpus's truth names each episode's language: the score is given per language too,
    /// and `--min-language-headings` fails the run when any language is below it.
    @Test func headingsAreScoredPerLanguage() {
        let page = Fixtures.url("Corpus/headings/pages/heldout.txt").path
        let truth = Fixtures.url("Corpus/headings/pages/heldout.expected.json").path
        let result = quire(["score", page, "--truth", truth])
        #expect(result.status == .success)
        let languages = result.output.split(separator: "\n").filter { $0.hasPrefix("  ") && $0.hasSuffix(" exact") }
        #expect(languages.map { $0.split(separator: " ")[0] } == ["de", "en", "es", "ja", "ko", "zh"])
        let failing = quire(["score", page, "--truth", truth, "--min-language-headings", "99.9"])
        #expect(failing.status == .failure)
        #expect(failing.error.contains("below --min-language-headings 99.9"))
    }
}
