import QuireCore
import QuireXHTML

/// Finds text XHTML cannot hold (C0 controls but tab, line feed and carriage return; DEL; U+FFFE,
/// U+FFFF), which the writer leaves out and warns about. Episodes are checked while they are
/// rendered (`EpisodeArticle.containsUnwritableCharacters`); this checks the rest.
enum UnwritableText {
    static func found(inCollectionFieldsOf collection: EpisodeCollection) -> Bool {
        var strings: [String?] = [collection.title] + collection.preamble
        for channel in collection.channels {
            strings += [channel.title, channel.feedURL, channel.siteURL, channel.description, channel.image, channel.author] + channel.categories
        }
        return strings.contains { $0.map(MarkupEscaping.containsUnwritable) ?? false }
    }
}
