import Foundation
import QuireCore
import QuireSummaryText

/// `quire-heading-features PAGE.txt`: one JSON line per inferred heading split of the page, with
/// every candidate heading and its features, for Training/HeadingSplitter/train.py. The first line
/// names the features and the language groups.
let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 1, let path = arguments.first else {
    FileHandle.standardError.write(Data("usage: quire-heading-features PAGE.txt\n".utf8))
    exit(2)
}
do {
    let input = InputFile(name: path, bytes: try FileIO.read(path))
    let splits = try HeadingSplitTraining.recordSplits(of: input)
    var lines = [
        try JSONSerialization.data(
            withJSONObject: [
                "features": HeadingSplitTraining.featureNames, "languages": HeadingSplitTraining.languageKeys,
                "shapes": (0..<HeadingSplitTraining.shapeSlotCount).map(HeadingSplitTraining.shapeSlotName),
                "layout": HeadingSplitTraining.layout,
            ] as [String: Any])
    ]
    for split in splits {
        lines.append(
            try JSONSerialization.data(
                withJSONObject: [
                    "episode": split.episode, "chapter": split.chapter, "language": split.language, "headings": split.headings,
                    "named": split.named, "shapes": split.shapeSlots,
                ] as [String: Any]))
    }
    FileHandle.standardOutput.write(Data(lines.joined(separator: Data("\n".utf8))) + Data("\n".utf8))
} catch {
    FileHandle.standardError.write(Data("quire-heading-features: \(error)\n".utf8))
    exit(1)
}
