/// The few words an article shows besides the episode's own text, in the episode's language when
/// Quire knows it (English otherwise). Templates get them as `labels`.
public enum ArticleLabels {
    public static func labels(for language: String?) -> [String: String] {
        let base = language?.split(separator: "-").first.map { $0.lowercased() } ?? "en"
        return table[base] ?? table["en"]!
    }

    /// "Season 2", "第 2 季": a season's name in the episode's language.
    public static func season(_ number: Int, language: String?) -> String {
        switch base(language) {
        case "zh": "第 \(number) 季"
        case "ja": "シーズン \(number)"
        case "ko": "시즌 \(number)"
        default: "Season \(number)"
        }
    }

    /// "Episode 42", "第 42 集": an episode's number in its language.
    public static func episodeNumber(_ number: Int, language: String?) -> String {
        switch base(language) {
        case "zh": "第 \(number) 集"
        case "ja": "第\(number)話"
        case "ko": "에피소드 \(number)"
        default: "Episode \(number)"
        }
    }

    private static func base(_ language: String?) -> String {
        language?.split(separator: "-").first.map { $0.lowercased() } ?? "en"
    }

    private static let table: [String: [String: String]] = [
        "en": [
            "channel": "Channel", "published": "Published", "duration": "Duration", "link": "Episode page", "entities": "Mentioned",
            "recovered": "Recovered from damaged source data.", "chapters": "Chapters", "contents": "Contents", "channels": "Channels",
            "feed": "Feed", "site": "Website", "index": "All episodes",
            "timeline": "Timeline", "quotes": "quotes", "quotesTimed": "{count} timed", "quotesNoneTimed": "none timed", "overview": "At a glance",
            "sourceText": "Text from the source page",
            "series": "Series", "rating": "Rating", "explicit": "Explicit", "clean": "Clean", "media": "Media", "listen": "Listen", "watch": "Watch",
            "artwork": "Artwork", "chaptersFile": "Chapters file", "transcripts": "Transcripts", "transcript": "Transcript", "guid": "ID",
            "author": "Author", "categories": "Categories",
        ],
        "zh": [
            "channel": "频道", "published": "发布日期", "duration": "时长", "link": "节目页面", "entities": "提及", "recovered": "内容从损坏的来源数据中恢复。",
            "chapters": "章节", "contents": "目录", "channels": "频道", "feed": "订阅源", "site": "网站", "index": "全部节目",
            "timeline": "时间线", "quotes": "引语", "quotesTimed": "其中 {count} 条标有时间", "quotesNoneTimed": "均未标时间", "overview": "一览", "sourceText": "来源页面上的文字",
            "series": "系列", "rating": "分级", "explicit": "含露骨内容", "clean": "无露骨内容", "media": "音频", "listen": "收听", "watch": "观看",
            "artwork": "封面图", "chaptersFile": "章节文件", "transcripts": "文字稿", "transcript": "文字稿", "guid": "标识",
            "author": "作者", "categories": "分类",
        ],
        "ja": [
            "channel": "チャンネル", "published": "公開日", "duration": "長さ", "link": "エピソードページ", "entities": "言及",
            "recovered": "破損した元データから復元しました。", "chapters": "チャプター", "contents": "目次", "channels": "チャンネル", "feed": "フィード", "site": "ウェブサイト", "index": "全エピソード",
            "timeline": "タイムライン", "quotes": "引用", "quotesTimed": "うち {count} 件に時刻あり", "quotesNoneTimed": "時刻なし", "overview": "一覧", "sourceText": "元のページにあった文字",
            "series": "シリーズ", "rating": "レーティング", "explicit": "露骨な表現あり", "clean": "露骨な表現なし", "media": "音声", "listen": "聴く", "watch": "見る",
            "artwork": "アートワーク", "chaptersFile": "チャプターファイル", "transcripts": "文字起こし", "transcript": "文字起こし", "guid": "ID",
            "author": "作者", "categories": "カテゴリ",
        ],
        "ko": [
            "channel": "채널", "published": "게시일", "duration": "길이", "link": "에피소드 페이지", "entities": "언급",
            "recovered": "손상된 원본 데이터에서 복구했습니다.", "chapters": "챕터", "contents": "목차", "channels": "채널", "feed": "피드", "site": "웹사이트", "index": "모든 에피소드",
            "timeline": "타임라인", "quotes": "인용", "quotesTimed": "{count}개에 시간 표시", "quotesNoneTimed": "시간 표시 없음", "overview": "한눈에 보기",
            "sourceText": "원본 페이지의 텍스트",
            "series": "시리즈", "rating": "등급", "explicit": "성인용", "clean": "전체 이용가", "media": "오디오", "listen": "듣기", "watch": "보기",
            "artwork": "아트워크", "chaptersFile": "챕터 파일", "transcripts": "대본", "transcript": "대본", "guid": "ID",
            "author": "제작자", "categories": "카테고리",
        ],
    ]
}
