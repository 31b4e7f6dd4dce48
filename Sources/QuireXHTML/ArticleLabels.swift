/// The few words an article shows besides the episode's own text, in the episode's language when
/// Quire knows it (English otherwise). Templates get them as `labels`.
public enum ArticleLabels {
    public static func labels(for language: String?) -> [String: String] {
        let base = language?.split(separator: "-").first.map { $0.lowercased() } ?? "en"
        return table[base] ?? table["en"]!
    }

    private static let table: [String: [String: String]] = [
        "en": [
            "channel": "Channel", "published": "Published", "duration": "Duration", "link": "Episode page", "entities": "Mentioned",
            "recovered": "Recovered from damaged source data.", "chapters": "Chapters", "contents": "Contents", "channels": "Channels",
            "feed": "Feed", "site": "Website", "index": "All episodes",
            "timeline": "Timeline", "quotes": "quotes", "overview": "At a glance",
        ],
        "zh": [
            "channel": "频道", "published": "发布日期", "duration": "时长", "link": "节目页面", "entities": "提及", "recovered": "内容从损坏的来源数据中恢复。",
            "chapters": "章节", "contents": "目录", "channels": "频道", "feed": "订阅源", "site": "网站", "index": "全部节目",
            "timeline": "时间线", "quotes": "引语", "overview": "一览",
        ],
        "ja": [
            "channel": "チャンネル", "published": "公開日", "duration": "長さ", "link": "エピソードページ", "entities": "言及",
            "recovered": "破損した元データから復元しました。", "chapters": "チャプター", "contents": "目次", "channels": "チャンネル", "feed": "フィード", "site": "ウェブサイト", "index": "全エピソード",
            "timeline": "タイムライン", "quotes": "引用", "overview": "一覧",
        ],
        "ko": [
            "channel": "채널", "published": "게시일", "duration": "길이", "link": "에피소드 페이지", "entities": "언급",
            "recovered": "손상된 원본 데이터에서 복구했습니다.", "chapters": "챕터", "contents": "목차", "channels": "채널", "feed": "피드", "site": "웹사이트", "index": "모든 에피소드",
            "timeline": "타임라인", "quotes": "인용", "overview": "한눈에 보기",
        ],
    ]
}
