import Foundation
import QuireTestSupport
import Testing

/// The books issue 18 promises for e-readers, made as a user makes them: the plain EPUB, the Kobo
/// KEPUB and the Kindle-profile EPUB of the sample page (a Chinese, Korean and English collection)
/// and of the examples. epubcheck finds nothing in any of them, and the Kindle book passes
/// `quire check --profile kindle` but for the languages Kindle does not list.
@Suite(.serialized) struct EReaderBookTests {
    enum Kind: String, CaseIterable {
        case epub, kepub, kindle

        var fileName: String { self == .kepub ? "book.kepub.epub" : "book.epub" }
        var arguments: [String] { self == .kindle ? ["--profile", "kindle"] : [] }
    }

    static let examples = ["Examples/sample-page.txt", "Examples/episode.txt"]

    private func write(_ kind: Kind, from input: String, in directory: TemporaryDirectory) -> (path: String, run: CLIRun) {
        let path = directory.path(kind.fileName)
        return (path, quire(["convert", input, "-o", path] + kind.arguments))
    }

    @Test(
        .enabled(if: EPUBCheck.isAvailable, "epubcheck (apt package epubcheck) or java is not installed"),
        arguments: examples, Kind.allCases)
    func exampleBooksPassEPUBCheck(example: String, kind: Kind) throws {
        let directory = try TemporaryDirectory()
        let (path, run) = write(kind, from: Fixtures.url(example).path, in: directory)
        #expect(run.status == .success, "\(run.error)")
        #expect(try EPUBCheck.problems(atPath: path) == [], "\(example) as \(kind)")
    }

    @Test(
        .needsSharedCorpus, .enabled(if: EPUBCheck.isAvailable, "epubcheck (apt package epubcheck) or java is not installed"),
        arguments: Kind.allCases)
    func mixedLanguageSamplePageBooksPassEPUBCheck(kind: Kind) throws {
        let directory = try TemporaryDirectory()
        let (path, run) = write(kind, from: Fixtures.sharedCorpus("sample-channel-page.txt")!.path, in: directory)
        #expect(run.status == .success, "\(run.error)")
        #expect(try EPUBCheck.problems(atPath: path) == [], "sample page as \(kind)")
        let check = quire(["check", path] + kind.arguments)
        #expect(check.status == .success, "\(check.error)")
        // The page's episodes are in Chinese, Korean and English: Kindle's list has only English.
        let findings = check.error.split(separator: "\n").filter { $0.contains(": warning: ") || $0.contains(": error: ") }
        let expected = kind == .kindle ? ["kindle.language"] : []
        #expect(Set(findings.compactMap { $0.split(separator: "[").last?.dropLast() }.map(String.init)) == Set(expected), "\(check.error)")
    }
}
