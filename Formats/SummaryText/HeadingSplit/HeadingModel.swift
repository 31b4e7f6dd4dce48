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

    /// Reads the weights table: lines of `group slot weight name`, where `group` is `shared` or a
    /// language key, `slot` the feature's place (named features first, then `SlotFeatures`), `weight` a
    /// decimal with four places, and `name` the feature's name for readers (not parsed). The table is
    /// written for one feature layout (`layout`); a table for another layout is ignored, and a test
    /// keeps the two in step.
    init(table: String, layout: String) {
        let slotCount = SplitFeature.allCases.count + SlotFeatures.slotCount
        var shared: [Int: Double] = [:]
        var own = [[Int: Double]](repeating: [:], count: Language.allCases.count)
        if layout == Self.layout {
            let groups = Dictionary(uniqueKeysWithValues: Language.allCases.map { (Array($0.key.utf8), $0.rawValue) })
            for line in table.utf8.split(separator: UInt8(ascii: "\n")) {
                let fields = line.split(separator: UInt8(ascii: " "), maxSplits: 3)
                guard fields.count >= 3, let slot = Self.integer(fields[1]), slot < slotCount, let weight = Self.decimal(fields[2]) else { continue }
                if fields[0].elementsEqual("shared".utf8) {
                    shared[slot] = weight
                } else if let group = groups[Array(fields[0])] {
                    own[group][slot] = weight
                }
            }
        }
        let namedCount = SplitFeature.allCases.count
        named = own.map { row in (0..<namedCount).map { (shared[$0] ?? 0) + (row[$0] ?? 0) } }
        let sharedSlots = shared.filter { $0.key >= namedCount }
        shapes = own.map { row in sharedSlots.merging(row.filter { $0.key >= namedCount }, uniquingKeysWith: +) }
    }

    /// The feature layout the weights are written for: the named features and the size of each slot family.
    static var layout: String {
        "named=\(SplitFeature.allCases.count) " + SlotFeatures.Family.allCases.map { "\($0.name)=\(SlotFeatures.size(of: $0))" }.joined(separator: " ")
    }

    /// The global slot of a feature or slot name, as the weights table numbers them.
    static func slot(named name: String) -> Int? {
        if let feature = SplitFeature.allCases.first(where: { $0.name == name }) { return feature.rawValue }
        return SlotFeatures.slot(named: Substring(name)).map { SplitFeature.allCases.count + $0 }
    }

    private static func integer(_ bytes: some Collection<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return bytes.isEmpty ? nil : value
    }

    /// `-1.2345`: sign, digits, a point, digits.
    private static func decimal(_ bytes: some Collection<UInt8>) -> Double? {
        var negative = false, value = 0, scale = 1, afterPoint = false, digits = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "-") where digits == 0 && !negative: negative = true
            case UInt8(ascii: "."): afterPoint = true
            case 0x30...0x39:
                value = value * 10 + Int(byte - 0x30)
                digits += 1
                if afterPoint { scale *= 10 }
            default: return nil
            }
        }
        guard digits > 0 else { return nil }
        return Double(negative ? -value : value) / Double(scale)
    }

    static let trained = HeadingModel(table: HeadingModelWeights.table, layout: HeadingModelWeights.layout)

    func score(_ features: CandidateFeatures, language: Language) -> Double {
        let row = named[language.rawValue]
        var sum = 0.0
        for index in features.named.indices where features.named[index] != 0 { sum += features.named[index] * row[index] }
        let shapeWeights = shapes[language.rawValue]
        let namedCount = row.count
        for slot in features.shapes { sum += shapeWeights[namedCount + slot] ?? 0 }
        return sum
    }
}
