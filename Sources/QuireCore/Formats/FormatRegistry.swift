/// The one list of formats and edges Quire knows: built-ins and plugins alike register here.
public struct FormatRegistry: Sendable {
    public private(set) var formats: [FormatDescriptor] = []
    public private(set) var edges: [ConversionEdge] = []
    /// At most one checker per format (`quire check`).
    public private(set) var checkers: [RegisteredChecker] = []
    /// Model → model filters a job may ask for by name (`--filter NAME`), in registration order.
    public private(set) var filters: [RegisteredFilter] = []
    /// The plugin whose `register(in:)` is running, recorded as the provider of what it adds.
    private var currentProvider = "unknown"

    public init() {}

    public init(plugins: [any FormatPlugin]) throws {
        for plugin in plugins { try register(plugin) }
    }

    public mutating func register(_ plugin: any FormatPlugin) throws {
        let previous = currentProvider
        currentProvider = plugin.name
        defer { currentProvider = previous }
        try plugin.register(in: &self)
    }

    public mutating func add(_ format: FormatDescriptor) throws {
        for name in [format.id.rawValue] + format.aliases {
            if let existing = self.format(named: name) {
                throw RegistryError.duplicateName(name, existing: existing.id, provider: currentProvider)
            }
        }
        try checkNewSettings(format.settings)
        formats.append(format)
    }

    /// One key means one thing: formats and filters may share a setting (HTML's and EPUB's
    /// `unsafe-html`), not redefine it.
    private func checkNewSettings(_ settings: [FormatSetting]) throws {
        for setting in settings {
            if let existing = self.setting(forKey: setting.key), existing.kind != setting.kind {
                throw RegistryError.conflictingSetting(setting.key, provider: currentProvider)
            }
        }
    }

    public mutating func addReader(_ reader: any FormatReader, for format: FormatID, cost: Int = 1, loss: Loss = .lossless) throws {
        try addEdge(ConversionEdge(from: .format(format), to: .model, action: .read(reader), cost: cost, loss: loss, provider: currentProvider))
    }

    public mutating func addWriter(_ writer: any FormatWriter, for format: FormatID, cost: Int = 1, loss: Loss = .lossless) throws {
        try addEdge(ConversionEdge(from: .model, to: .format(format), action: .write(writer), cost: cost, loss: loss, provider: currentProvider))
    }

    /// A direct edge; `reason` says when the graph would want it (shown by `quire route`).
    public mutating func addConverter(
        _ converter: any DirectConverter, from source: FormatID, to target: FormatID, cost: Int = 1, loss: Loss = .lossless, reason: String
    ) throws {
        try addEdge(
            ConversionEdge(
                from: .format(source), to: .format(target), action: .convert(converter), cost: cost, loss: loss,
                provider: currentProvider, reason: reason))
    }

    /// The format's checker and the profiles it offers; a format has at most one.
    public mutating func addChecker(_ checker: any FormatChecker, for format: FormatID, profiles: [CheckProfile] = []) throws {
        guard descriptor(for: format) != nil else { throw RegistryError.unknownFormat(format, provider: currentProvider) }
        if checkers.contains(where: { $0.format == format }) { throw RegistryError.duplicateChecker(format, provider: currentProvider) }
        checkers.append(RegisteredChecker(format: format, checker: checker, profiles: profiles, provider: currentProvider))
    }

    public func checker(for format: FormatID) -> RegisteredChecker? { checkers.first { $0.format == format } }

    /// A filter jobs ask for by `name`; its settings join the registry's like a format's.
    public mutating func addFilter(_ filter: any ModelFilter, named name: String, help: String, settings: [FormatSetting] = []) throws {
        if self.filter(named: name) != nil { throw RegistryError.duplicateFilter(name, provider: currentProvider) }
        try checkNewSettings(settings)
        filters.append(RegisteredFilter(name: name, help: help, settings: settings, provider: currentProvider, filter: filter))
    }

    /// The filter of this name (names are compared exactly: they are also how programs are told apart).
    public func filter(named name: String) -> RegisteredFilter? { filters.first { $0.name == name } }

    private mutating func addEdge(_ edge: ConversionEdge) throws {
        for case .format(let id) in [edge.from, edge.to] where descriptor(for: id) == nil {
            throw RegistryError.unknownFormat(id, provider: currentProvider)
        }
        guard edge.cost >= 0 else { throw RegistryError.negativeCost(edge.description, provider: currentProvider) }
        edges.append(edge)
    }

    // MARK: Looking formats up

    public func descriptor(for id: FormatID) -> FormatDescriptor? {
        formats.first { $0.id == id }
    }

    /// A format by its name or one of its aliases, ignoring case.
    public func format(named name: String) -> FormatDescriptor? {
        let key = name.lowercased()
        return formats.first { $0.id.rawValue.lowercased() == key || $0.aliases.contains { $0.lowercased() == key } }
    }

    /// The format a path's extension names (`.md` → markdown); the longest extension wins, so
    /// `episode.chapters.json` is a chapters file, not JSON.
    public func format(forPath path: String) -> FormatDescriptor? {
        let name = (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
        var best: (format: FormatDescriptor, length: Int)?
        for format in formats {
            for ext in format.fileExtensions where !ext.isEmpty && name.hasSuffix("." + ext.lowercased()) && name.count > ext.count + 1 {
                if best == nil || ext.count > best!.length { best = (format, ext.count) }
            }
        }
        return best?.format
    }

    /// The format whose sniffer is surest of the sample; registration order breaks ties.
    public func sniff(_ sample: ContentSample) -> FormatDescriptor? {
        var best: (FormatDescriptor, SniffMatch)?
        for format in formats {
            guard let match = format.sniffer?(sample) else { continue }
            if best == nil || match > best!.1 { best = (format, match) }
        }
        return best?.0
    }

    /// Every setting a job may be given: the common ones, then each format's in registration order,
    /// then each filter's, each key once.
    public var settings: [FormatSetting] {
        var seen = Set<String>()
        return (CommonSettings.all + formats.flatMap(\.settings) + filters.flatMap(\.settings)).filter { seen.insert($0.key).inserted }
    }

    /// The setting with this key, common or declared by a format or a filter.
    public func setting(forKey key: String) -> FormatSetting? {
        CommonSettings.all.first { $0.key == key } ?? formats.lazy.flatMap(\.settings).first { $0.key == key }
            ?? filters.lazy.flatMap(\.settings).first { $0.key == key }
    }

    /// The formats that declare a setting, for messages (`'group-by' is a setting of epub`).
    public func formats(declaring key: String) -> [FormatID] {
        formats.filter { $0.settings.contains { $0.key == key } }.map(\.id)
    }

    public func readers(of id: FormatID) -> [ConversionEdge] { edges.filter { $0.from == .format(id) && $0.to == .model } }
    public func writers(of id: FormatID) -> [ConversionEdge] { edges.filter { $0.from == .model && $0.to == .format(id) } }
}

public enum RegistryError: Error, Sendable, Equatable, CustomStringConvertible {
    case duplicateName(String, existing: FormatID, provider: String)
    case unknownFormat(FormatID, provider: String)
    case negativeCost(String, provider: String)
    case conflictingSetting(String, provider: String)
    case duplicateChecker(FormatID, provider: String)
    case duplicateFilter(String, provider: String)

    public var description: String {
        switch self {
        case .duplicateName(let name, let existing, let provider):
            "\(provider): format name '\(name)' is already taken by format '\(existing)'"
        case .unknownFormat(let id, let provider):
            "\(provider): an edge names format '\(id)', which no plugin registered"
        case .negativeCost(let edge, let provider):
            "\(provider): edge \(edge) has a negative cost"
        case .conflictingSetting(let key, let provider):
            "\(provider): setting '\(key)' is already declared with other values by another format"
        case .duplicateChecker(let format, let provider):
            "\(provider): format '\(format)' already has a checker"
        case .duplicateFilter(let name, let provider):
            "\(provider): filter name '\(name)' is already taken"
        }
    }
}
