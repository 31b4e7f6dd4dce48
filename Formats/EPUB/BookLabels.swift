/// The words the book shows around the episodes (contents, index headings, the title page), in the
/// book's language when Quire knows it, English otherwise. Episodes label their own parts
/// (`ArticleLabels` in QuireXHTML).
struct BookLabels: Sendable {
    var contents: String
    var landmarks: String
    var cover: String
    var titlePage: String
    var startOfContent: String
    var index: String
    var people: String
    var organizations: String
    var products: String
    var fromTheSource: String
    var website: String
    var feed: String
    var otherEpisodes: String
    var untitledBook: String
    var overview: String
    var transcript: String
    var artwork: String
    /// Not a label, but what every page of the book shares with them: the stylesheets it links,
    /// in cascade order (`BookMetadata.stylesheetHrefs`).
    var stylesheets = [PackageLayout.stylesheet.href]
    private var episodeCountFormat: @Sendable (Int) -> String
    private var episodeFormat: @Sendable (Int) -> String
    private var chapterFormat: @Sendable (Int) -> String

    func episodeCount(_ count: Int) -> String { episodeCountFormat(count) }
    /// A name for an untitled episode.
    func episode(_ number: Int) -> String { episodeFormat(number) }
    func chapter(_ number: Int) -> String { chapterFormat(number) }

    init(language: String, stylesheets: [String]) {
        self.init(language: language)
        self.stylesheets = stylesheets
    }

    init(language: String) {
        switch language.split(separator: "-").first.map({ $0.lowercased() }) ?? "en" {
        case "zh":
            contents = "目录"; landmarks = "导航"; cover = "封面"; titlePage = "扉页"; startOfContent = "正文"; index = "索引"
            people = "人物"; organizations = "机构"; products = "产品"; fromTheSource = "来源页面"; website = "网站"; feed = "订阅源"
            otherEpisodes = "其他节目"; untitledBook = "播客节目摘要"; overview = "一览"; transcript = "文字稿"; artwork = "封面图"
            episodeCountFormat = { "\($0) 期节目" }; episodeFormat = { "第 \($0) 期" }; chapterFormat = { "第 \($0) 章" }
        case "ja":
            contents = "目次"; landmarks = "ナビゲーション"; cover = "表紙"; titlePage = "扉"; startOfContent = "本文"; index = "索引"
            people = "人物"; organizations = "組織"; products = "製品"; fromTheSource = "元のページ"; website = "ウェブサイト"; feed = "フィード"
            otherEpisodes = "その他のエピソード"; untitledBook = "ポッドキャストの要約"; overview = "一覧"; transcript = "文字起こし"
            artwork = "アートワーク"
            episodeCountFormat = { "\($0) エピソード" }; episodeFormat = { "エピソード \($0)" }; chapterFormat = { "チャプター \($0)" }
        case "ko":
            contents = "목차"; landmarks = "탐색"; cover = "표지"; titlePage = "속표지"; startOfContent = "본문"; index = "색인"
            people = "인물"; organizations = "조직"; products = "제품"; fromTheSource = "원본 페이지"; website = "웹사이트"; feed = "피드"
            otherEpisodes = "기타 에피소드"; untitledBook = "팟캐스트 요약"; overview = "한눈에 보기"; transcript = "대본"; artwork = "아트워크"
            episodeCountFormat = { "에피소드 \($0)개" }; episodeFormat = { "에피소드 \($0)" }; chapterFormat = { "챕터 \($0)" }
        default:
            contents = "Contents"; landmarks = "Landmarks"; cover = "Cover"; titlePage = "Title page"; startOfContent = "Start of content"
            index = "Index"; people = "People"; organizations = "Organizations"; products = "Products"; fromTheSource = "From the source page"
            website = "website"; feed = "feed"; otherEpisodes = "Other episodes"; untitledBook = "Podcast episode summaries"; overview = "At a glance"
            transcript = "Transcript"; artwork = "artwork"
            episodeCountFormat = { $0 == 1 ? "1 episode" : "\($0) episodes" }; episodeFormat = { "Episode \($0)" }; chapterFormat = { "Chapter \($0)" }
        }
    }
}
