import QuireCore

/// The splitter as its training script sees it (Training/HeadingSplitter).
package enum HeadingSplitTraining {
    /// Reads a page as the reader does, recording every inferred split's candidates and features.
    package static func recordSplits(of input: InputFile) throws -> [RecordedSplit] {
        let source = try SourceText(input)
        var reader = PageFormReader(input: input)
        reader.recordsCandidates = true
        _ = reader.read(source)
        return reader.recordedSplits
    }

    package static var featureNames: [String] { SplitFeature.allCases.map(\.name) }
    package static var shapeSlotCount: Int { SlotFeatures.slotCount }
    package static func shapeSlotName(_ slot: Int) -> String { SlotFeatures.name(of: slot) }
    package static var languageKeys: [String] { HeadingModel.Language.allCases.map(\.key) }
    package static var layout: String { HeadingModel.layout }
}
