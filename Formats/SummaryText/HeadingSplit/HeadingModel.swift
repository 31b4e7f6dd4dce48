/// The learned model: a boundary's score is the weighted sum of its features, with one set of
/// weights shared by every language and a correction per language group ("frustratingly easy"
/// domain adaptation), so a language the corpus lacks falls back on what all languages share. The
/// candidate with the highest score wins; the softmax of the scores gives its probability.
///
/// The weights are learned by `scripts/train-heading-splitter` from the training part of
/// Corpus/headings and written to `HeadingModelWeights.swift`; nothing here is set by hand.
struct HeadingModel: Sendable {
    /// The language groups with weights of their own; every other language uses the shared weights only.
    enum Language: Int, CaseIterable, Sendable {
        case english, german, romance, chinese, japanese, korean, other

        init(detected tag: String?) {
            switch tag.map({ $0.prefix(2).lowercased() }) {
            case "en": self = .english
            case "de": self = .german
            case "es", "fr", "pt", "it", "ca": self = .romance
            case "zh": self = .chinese
            case "ja": self = .japanese
            case "ko": self = .korean
            default: self = .other
            }
        }

        var key: String {
            switch self {
            case .english: "en"
            case .german: "de"
            case .romance: "romance"
            case .chinese: "zh"
            case .japanese: "ja"
            case .korean: "ko"
            case .other: "other"
            }
        }
    }

    /// Per language group: the named features' weights (shared plus the group's own), and the shape
    /// slots that have a weight.
    private let named: [[Double]]
    private let shapes: [[Int: Double]]

    /// Reads `language feature weight` lines; `shared` is the language of the weights every group adds.
    init(table: String) {
        var shared = [Double](repeating: 0, count: SplitFeature.allCases.count)
        var sharedShapes: [Int: Double] = [:]
        var own = [[Double]](repeating: [Double](repeating: 0, count: SplitFeature.allCases.count), count: Language.allCases.count)
        var ownShapes = [[Int: Double]](repeating: [:], count: Language.allCases.count)
        let namedIndex = Dictionary(uniqueKeysWithValues: SplitFeature.allCases.map { ($0.name, $0.rawValue) })
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count == 3, let weight = Double(fields[2]) else { continue }
            let group = fields[0] == "shared" ? nil : Language.allCases.first { $0.key == fields[0] }
            if fields[0] != "shared" && group == nil { continue }
            if let index = namedIndex[String(fields[1])] {
                if let group { own[group.rawValue][index] = weight } else { shared[index] = weight }
            } else if let slot = SlotFeatures.slot(named: fields[1]) {
                if let group { ownShapes[group.rawValue][slot] = weight } else { sharedShapes[slot] = weight }
            }
        }
        named = own.map { row in zip(shared, row).map(+) }
        shapes = ownShapes.map { row in sharedShapes.merging(row, uniquingKeysWith: +) }
    }

    static let trained = HeadingModel(table: HeadingModelWeights.table)

    func score(_ features: CandidateFeatures, language: Language) -> Double {
        let row = named[language.rawValue]
        var sum = 0.0
        for index in features.named.indices where features.named[index] != 0 { sum += features.named[index] * row[index] }
        let shapeWeights = shapes[language.rawValue]
        for slot in features.shapes { sum += shapeWeights[slot] ?? 0 }
        return sum
    }
}
