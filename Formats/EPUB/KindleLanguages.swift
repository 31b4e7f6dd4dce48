/// The languages Kindle books may be written in, by ISO 639-1 primary subtag, for the `kindle`
/// check profile. One list in one place: update it here when Amazon's list changes.
///
/// Sources (read 2026-12-04; Amazon's own page, KDP Help "Supported languages", was not among the
/// sources this list was made from: check it and extend the table when it lists more):
/// - KDP's language menu as copied in "Kindle publishing essentials: contributors and language",
///   http://osmosio.com/kindle-publishing-essentials/contributors-language/ (Afrikaans … Welsh, Japanese).
/// - The five Indian languages Amazon added in December 2016 (Hindi, Tamil, Marathi, Gujarati,
///   Malayalam): https://www.firstpost.com/tech/news-analysis/amazon-kindle-regional-language-ebooks-are-the-best-way-to-rediscover-indian-culture-3693875.html
/// Chinese and Korean are on neither list (Send to Kindle may still deliver such books, but Amazon
/// does not promise to), so they get the profile's warning, not an error.
enum KindleLanguages {
    static let supported: [String: String] = [
        "af": "Afrikaans", "gsw": "Alsatian", "eu": "Basque", "nb": "Norwegian Bokmål", "br": "Breton", "ca": "Catalan", "kw": "Cornish",
        "co": "Corsican", "da": "Danish", "nl": "Dutch/Flemish", "frs": "Eastern Frisian", "en": "English", "fi": "Finnish", "fr": "French",
        "fy": "Frisian", "gl": "Galician", "de": "German", "is": "Icelandic", "ga": "Irish", "it": "Italian", "ja": "Japanese",
        "lb": "Luxembourgish", "gv": "Manx", "frr": "Northern Frisian", "no": "Norwegian", "nn": "Norwegian Nynorsk", "pt": "Portuguese",
        "oc": "Provençal", "rm": "Romansh", "sco": "Scots", "gd": "Scottish Gaelic", "es": "Spanish", "sv": "Swedish", "cy": "Welsh",
        "hi": "Hindi", "ta": "Tamil", "mr": "Marathi", "gu": "Gujarati", "ml": "Malayalam",
    ]

    /// Whether a BCP 47 tag's language is on the list (`en-GB` and `pt-BR` by their primary subtag).
    static func isSupported(_ tag: String) -> Bool {
        supported[primarySubtag(of: tag)] != nil
    }

    static func primarySubtag(of tag: String) -> String {
        String(tag.split(separator: "-", maxSplits: 1).first ?? Substring(tag)).lowercased()
    }
}
