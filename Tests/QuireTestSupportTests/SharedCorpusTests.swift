import Foundation
import QuireTestSupport
import Testing

/// The shared corpus is found beside the checkout, or reported missing as a whole.
@Suite struct SharedCorpusTests {
    @Test func theCorpusIsLookedForBesideTheCheckout() {
        #expect(Fixtures.sharedCorpusFolder == Fixtures.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus"))
        #expect(Fixtures.sharedCorpus("no-such-file.txt") == nil)
        #expect(
            Fixtures.hasSharedCorpus
                == Fixtures.sharedCorpusFiles.allSatisfy {
                    FileManager.default.fileExists(atPath: Fixtures.sharedCorpusFolder.appendingPathComponent($0).path)
                })
    }
}
