import QuireCore
import Testing

/// A scraped page's first line, the site's brand run together with its tagline, split back into the
/// two; names with capitals inside are left whole, and so is anything unclear.
@Suite struct PageChromeTests {
    @Test(
        arguments: [
            // (line, brand, tagline): nil brand means the line is left whole.
            ("EarmarkListen once, remember twice.", "Earmark", "Listen once, remember twice."),
            ("팟캐스트Hear the voice. See the shape of the thought.", "팟캐스트", "Hear the voice. See the shape of the thought."),
            ("播客精选Listen to the best shows", "播客精选", "Listen to the best shows"),
            ("The Daily ReadWords worth keeping.", "The Daily Read", "Words worth keeping."),
            ("YouTubeWatch more of what you love.", "YouTube", "Watch more of what you love."),
            ("iPhoneShot on it.", "iPhone", "Shot on it."),
            ("Café SonoreÉcoutez le monde.", "Café Sonore", "Écoutez le monde."),
            // Names and titles, not a brand and a tagline.
            ("McDonald serves breakfast all day.", nil, nil),
            ("MacArthur talks about the war.", nil, nil),
            ("iPhone review and more", nil, nil),
            ("PodcastOne Weekly Show", nil, nil),
            ("PodcastOne", nil, nil),
            ("eBay sells things.", nil, nil),
            ("EarmarkNews", nil, nil),
            ("EarmarkHi", nil, nil),
            ("SpaceX's $2T Case", nil, nil),
            ("NASAToday in space.", nil, nil),
            ("채널 둘러보기", nil, nil),
            ("Listen once, remember twice.", nil, nil),
            ("", nil, nil),
        ] as [(String, String?, String?)])
    func splitsOnlyClearBrandLines(line: String, brand: String?, tagline: String?) {
        let split = PageChrome.brandAndTagline(line)
        #expect(split?.brand == brand, "\(line)")
        #expect(split?.tagline == tagline, "\(line)")
    }

    @Test func aLongBrandIsNoBrand() {
        let line = String(repeating: "word", count: 12) + "Listen to this now."
        #expect(PageChrome.brandAndTagline(line) == nil)
    }

    @Test func theSiteNameComesFromTheFirstNonBlankLineOnly() {
        #expect(PageChrome.siteName(preamble: ["", "  EarmarkListen once, remember twice.", "채널 둘러보기"]) == "Earmark")
        #expect(PageChrome.siteName(preamble: ["채널 둘러보기", "EarmarkListen once, remember twice."]) == nil)
        #expect(PageChrome.siteName(preamble: []) == nil)
    }
}
