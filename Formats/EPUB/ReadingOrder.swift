import QuireCore

/// The order episodes appear in the book: the collection's own unless `--order` or `--group-by` asks
/// otherwise. Sorting is stable, so episodes that tie keep their input order.
enum ReadingOrder {
    /// Indices into `collection.episodes`, in reading order.
    static func indices(for collection: EpisodeCollection, settings: EPUBSettings) -> [Int] {
        var order = Array(collection.episodes.indices)
        switch settings.order {
        case .input: break
        case .published:
            // Undated episodes go last; ISO 8601 dates sort as text.
            order = stableSorted(order) { collection.episodes[$0].metadata.published.map { (0, $0) } ?? (1, "") }
        case .channel:
            order = stableSorted(order, by: channelRank(collection))
        }
        if settings.groupByChannel && settings.order != .channel {
            order = stableSorted(order, by: channelRank(collection))
        }
        return order
    }

    /// Channels in the order they are listed (else first met), episodes without one last.
    private static func channelRank(_ collection: EpisodeCollection) -> (Int) -> Int {
        var rank: [String: Int] = [:]
        for channel in collection.channels where rank[channel.title] == nil { rank[channel.title] = rank.count }
        for name in collection.episodes.compactMap(\.channel) where rank[name] == nil { rank[name] = rank.count }
        let last = rank.count
        return { index in collection.episodes[index].channel.flatMap { rank[$0] } ?? last }
    }

    private static func stableSorted<Key: Comparable>(_ indices: [Int], by key: (Int) -> Key) -> [Int] {
        indices.enumerated().map { (key(($1)), $0, $1) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }

    private static func stableSorted(_ indices: [Int], by key: (Int) -> (Int, String)) -> [Int] {
        indices.enumerated().map { (key($1), $0, $1) }
            .sorted { ($0.0.0, $0.0.1, $0.1) < ($1.0.0, $1.0.1, $1.1) }.map(\.2)
    }
}
