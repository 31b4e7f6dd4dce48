/// A person, organization, product or idea mentioned in an episode.
public struct Entity: Sendable, Hashable {
    public var name: String
    /// The type as written in the input (`Person`, `人物`, `조직`, `ai-model`).
    public var type: String
    public var description: String
    /// What the entity does in the episode, for people a feed names (`podcast:person` role: `host`, `guest`).
    public var role: String?
    /// A page about the entity (`podcast:person` href).
    public var url: String?

    public init(name: String, type: String, description: String, role: String? = nil, url: String? = nil) {
        self.name = name
        self.type = type
        self.description = description
        self.role = role
        self.url = url
    }

    /// The normalized kind, derived from `type` so the two can never disagree.
    public var kind: EntityKind? { EntityKind(typeName: type) }
}

/// A language-independent classification of entity types, for indexes and grouping.
public enum EntityKind: String, Sendable, Hashable, CaseIterable {
    case person
    case organization
    case product
    case concept
    case place
    case work

    /// Recognizes a type name as the summary site writes it, in English (any case, any
    /// separator), Chinese, Korean or Japanese. Unknown types have no kind.
    public init?(typeName: String) {
        let key = typeName.lowercased().trimmingWhitespace()
            .split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " }).joined(separator: " ")
        if let kind = EntityKind.vocabulary[key] {
            self = kind
        } else if let last = key.split(separator: " ").last, let kind = EntityKind.vocabulary[String(last)] {
            // "ai model", "cloud platform", "research lab": the head noun decides.
            self = kind
        } else {
            return nil
        }
    }

    /// Type names of the summary vocabulary, by kind. Generic category words, not names from any page.
    private static let vocabulary: [String: EntityKind] = {
        let table: [EntityKind: [String]] = [
            .person: ["person", "people", "host", "guest", "speaker", "founder", "researcher", "人物", "人", "人名", "인물", "사람", "人物名"],
            .organization: [
                "organization", "organisation", "company", "org", "institution", "lab", "startup", "firm",
                "agency", "university", "government", "team", "公司", "组织", "組織", "机构", "機構", "企业", "企業", "团队",
                "조직", "회사", "기업", "기관", "단체", "会社", "団体",
            ],
            .product: [
                "product", "software", "tool", "model", "platform", "service", "app", "application", "hardware",
                "device", "feature", "protocol", "framework", "library", "technology", "infrastructure", "agent",
                "产品", "產品", "软件", "工具", "模型", "平台", "技术", "제품", "소프트웨어", "도구", "모델", "플랫폼", "기술", "서비스",
                "製品", "ソフトウェア", "ツール", "モデル",
            ],
            .concept: [
                "concept", "idea", "topic", "theory", "method", "process", "metric", "term", "event", "trend",
                "概念", "思想", "方法", "事件", "개념", "아이디어", "방법", "사건", "용어", "考え方",
            ],
            .place: ["location", "place", "country", "city", "region", "地点", "地點", "国家", "城市", "장소", "국가", "도시", "지역", "場所"],
            .work: ["book", "paper", "article", "film", "show", "podcast", "书", "书籍", "论文", "책", "논문", "本", "論文"],
        ]
        var vocabulary: [String: EntityKind] = [:]
        for (kind, names) in table {
            for name in names { vocabulary[name] = kind }
        }
        return vocabulary
    }()
}
