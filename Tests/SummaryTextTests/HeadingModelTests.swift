import QuireCore
import Testing

@testable import QuireSummaryText

/// The compiled-in weights belong to the features this binary computes.
struct HeadingModelTests {
    @Test func theWeightsAreForThisFeatureLayout() {
        #expect(HeadingModelWeights.layout == HeadingModel.layout, "retrain: scripts/train-heading-splitter")
    }

    /// Every line of the table names the feature at its slot: a renamed or reordered feature cannot
    /// silently take another's weight.
    @Test func everyWeightIsTheWeightOfTheFeatureItNames() {
        let lines = HeadingModelWeights.table.split(separator: "\n")
        #expect(lines.count > 100)
        var groups: Set<Substring> = []
        for line in lines {
            let fields = line.split(separator: " ")
            guard fields.count == 4, let slot = Int(fields[1]), Double(fields[2]) != nil else {
                Issue.record("malformed line: \(line)")
                continue
            }
            groups.insert(fields[0])
            #expect(HeadingModel.slot(named: String(fields[3])) == slot, "\(line)")
        }
        #expect(groups == ["shared", "en", "de", "romance", "zh", "ja", "ko"])
    }

    /// Every named feature has a one-line reason in the code and a distinct name; the shape and word
    /// slots round-trip through their names.
    /// Particles, dependent nouns, determiners, final syllables and predicate starts are found by their
    /// packed scalars (`ScalarKey`), which hold three at most: a longer entry would never match.
    @Test func tablesLookedUpByPackedScalarsFitThePacking() {
        let tables = [
            LanguageTables.koreanTopicParticles, LanguageTables.koreanSubjectParticles, LanguageTables.koreanObjectParticles,
            LanguageTables.koreanGenitiveParticles, LanguageTables.koreanAdverbialParticles, LanguageTables.koreanDependentNouns,
            LanguageTables.koreanDeterminers, LanguageTables.koreanAdnominalFinals, LanguageTables.koreanSentenceFinals,
            LanguageTables.chinesePredicateStarts,
        ]
        for table in tables {
            #expect(!table.isEmpty)
            #expect(table.filter { $0.unicodeScalars.count > ScalarKey.maximumLength }.isEmpty)
            #expect(ScalarKey.set(table).count == table.count)
        }
    }

    @Test func slotNamesRoundTrip() {
        for slot in stride(from: 0, to: SlotFeatures.slotCount, by: 97) {
            #expect(SlotFeatures.slot(named: Substring(SlotFeatures.name(of: slot))) == slot)
        }
        #expect(Set(SplitFeature.allCases.map(\.name)).count == SplitFeature.allCases.count)
    }

    /// The probability reported with a split is the softmax of the scores.
    @Test func probabilitiesComeFromTheScores() {
        #expect(abs(HeadingSplitter.exp(-1) - 0.36787944) < 1e-6)
        #expect(abs(HeadingSplitter.exp(-7.5) - 0.00055308) < 1e-7)
        #expect(HeadingSplitter.exp(-50) == 0)
    }
}
