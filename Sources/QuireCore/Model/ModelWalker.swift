/// Visits a collection in document order. Writers are walkers: they override the visits whose
/// output they shape and call `descend(into:)` to keep the default traversal.
public protocol ModelWalker {
    mutating func visitCollection(_ collection: EpisodeCollection)
    mutating func visitChannel(_ channel: Channel)
    mutating func visitEpisode(_ episode: Episode)
    mutating func visitChapter(_ chapter: Chapter)
    mutating func visitQuote(_ quote: Quote)
    mutating func visitEntity(_ entity: Entity)
    mutating func visitTranscript(_ transcript: Transcript)
}

extension ModelWalker {
    public mutating func visitCollection(_ collection: EpisodeCollection) { descend(into: collection) }
    public mutating func visitChannel(_ channel: Channel) {}
    public mutating func visitEpisode(_ episode: Episode) { descend(into: episode) }
    public mutating func visitChapter(_ chapter: Chapter) { descend(into: chapter) }
    public mutating func visitQuote(_ quote: Quote) {}
    public mutating func visitEntity(_ entity: Entity) {}
    public mutating func visitTranscript(_ transcript: Transcript) {}

    public mutating func descend(into collection: EpisodeCollection) {
        for channel in collection.channels { visitChannel(channel) }
        for episode in collection.episodes { visitEpisode(episode) }
    }

    public mutating func descend(into episode: Episode) {
        for chapter in episode.chapters { visitChapter(chapter) }
        for entity in episode.entities { visitEntity(entity) }
        if let transcript = episode.transcript { visitTranscript(transcript) }
    }

    public mutating func descend(into chapter: Chapter) {
        for quote in chapter.quotes { visitQuote(quote) }
    }
}
