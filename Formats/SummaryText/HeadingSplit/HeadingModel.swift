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

    /// Per language group, the named features' weights (shared plus the group's own), and the slot features'.
    private let named: [[Double]]
    private let slots: SlotWeights
    private static let slotCount = SlotFeatures.slotCount

    /// Reads the weights table: lines of `group slot weight name`, where `group` is `shared` or a
    /// language key, `slot` the feature's place (named features first, then `SlotFeatures`), `weight` a
    /// decimal with four places, and `name` the feature's name for readers (not parsed). The table is
    /// written for one feature layout (`layout`); a table for another layout is ignored, and a test
    /// keeps the two in step.
    init(table: String, layout: String) {
        let namedCount = SplitFeature.allCases.count
        var named = [[Double]](repeating: [Double](repeating: 0, count: namedCount), count: 1 + Language.allCases.count)
        // By `group * slotCount + slot`, group 0 being the shared weights and group `1 + g` language `g`'s.
        var slots: [Int: Double] = [:]
        if layout == Self.layout {
            slots.reserveCapacity(table.utf8.count / 40)
            var text = table
            text.withUTF8 { bytes in
                var start = 0
                while start < bytes.count {
                    var end = start
                    while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
                    if let (group, slot, weight) = Self.entry(UnsafeBufferPointer(rebasing: bytes[start..<end])) {
                        if slot < namedCount {
                            named[group][slot] = weight
                        } else if slot - namedCount < Self.slotCount {
                            slots[group * Self.slotCount + slot - namedCount] = weight
                        }
                    }
                    start = end + 1
                }
            }
        }
        self.named = Language.allCases.map { language in zip(named[0], named[1 + language.rawValue]).map(+) }
        self.slots = SlotWeights(slots, slotCount: Self.slotCount)
    }

    /// One line of the table, `  group slot weight name`: its group (0 shared, `1 + g` language `g`), slot and weight.
    private static func entry(_ line: UnsafeBufferPointer<UInt8>) -> (Int, Int, Double)? {
        var index = 0
        func field() -> UnsafeBufferPointer<UInt8> {
            while index < line.count && line[index] == UInt8(ascii: " ") { index += 1 }
            let start = index
            while index < line.count && line[index] != UInt8(ascii: " ") { index += 1 }
            return UnsafeBufferPointer(rebasing: line[start..<index])
        }
        let groupField = field(), slotField = field(), weightField = field()
        let group: Int
        if groupField.elementsEqual("shared".utf8) {
            group = 0
        } else if let language = Language.allCases.first(where: { groupField.elementsEqual($0.key.utf8) }) {
            group = 1 + language.rawValue
        } else {
            return nil
        }
        guard let slot = integer(slotField), let weight = decimal(weightField) else { return nil }
        return (group, slot, weight)
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

    private static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return bytes.isEmpty ? nil : value
    }

    /// `-1.2345`: sign, digits, a point, digits.
    private static func decimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
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
        for slot in features.shapes { sum += slots.weight(slot, language: language.rawValue) }
        return sum
    }
}

/// The slot features' weights, each the shared weight plus the language group's own: a few thousand
/// of the hundred thousand slots have weights, and every candidate asks for ten or more.
private struct SlotWeights: Sendable {
    /// The row of each weighted slot's weights in `weights`, plus one (0: the slot has none).
    private var rows: KeyedTable<Int32>
    /// One row per weighted slot: its weight for each language group.
    private var weights: [Double]
    private static let languageCount = HeadingModel.Language.allCases.count

    /// From weights by `group * slotCount + slot` (group 0 shared, `1 + g` language `g`).
    init(_ grouped: [Int: Double], slotCount: Int) {
        let weighted = Set(grouped.keys.map { $0 % slotCount }).sorted()
        rows = KeyedTable(absent: 0, capacity: weighted.count)
        weights = []
        weights.reserveCapacity(weighted.count * Self.languageCount)
        for (row, slot) in weighted.enumerated() {
            rows.update(UInt64(slot)) { $0 = Int32(row + 1) }
            for language in 0..<Self.languageCount {
                // The same sum, in the same order, as adding the two weights at each look-up.
                weights.append((grouped[slot] ?? 0) + (grouped[(1 + language) * slotCount + slot] ?? 0))
            }
        }
    }

    func weight(_ slot: Int, language: Int) -> Double {
        let row = Int(rows[UInt64(slot)])
        return row == 0 ? 0 : weights[(row - 1) * Self.languageCount + language]
    }
}
