/// A step between reader and writer that takes the whole model and gives it back changed, like a
/// pandoc filter: dropping episodes, merging entity spellings. A node-less edge `model → model`:
/// the graph never routes through a filter by itself; a job asks for filters by name and the route
/// runs them where it reaches the model (`ConversionGraph.route(from:to:via:input:filters:)`).
public protocol ModelFilter: Sendable {
    /// The collection changed. `target` is the format the route ends in (a filter may tailor the model
    /// to it); recoverable problems go to `diagnostics`, unrecoverable ones are thrown as `ConversionFailure`.
    func filter(_ collection: EpisodeCollection, options: ConversionOptions, target: FormatID?, diagnostics: inout Diagnostics) throws
        -> EpisodeCollection
}

/// A filter in the registry: its name (`--filter NAME`), what it does, what it reads from the options
/// and who registered it.
public struct RegisteredFilter: Sendable {
    public var name: String
    public var help: String
    /// Declared like a format's settings: checked, and given flags of their own by the command line.
    public var settings: [FormatSetting]
    public var provider: String
    public var filter: any ModelFilter

    public init(name: String, help: String, settings: [FormatSetting] = [], provider: String, filter: any ModelFilter) {
        self.name = name
        self.help = help
        self.settings = settings
        self.provider = provider
        self.filter = filter
    }

    /// The filter as a route step: `model → model  filter 'NAME' from PROVIDER`. Free and lossless to
    /// the graph: a filter changes the model on purpose, which is not a loss of the route's.
    public var step: ConversionEdge {
        ConversionEdge(from: .model, to: .model, action: .filter(filter, name: name), cost: 0, loss: .lossless, provider: provider)
    }
}
