import Foundation
import QuireCore

/// Everything one conversion needs, independent of how it was asked for: the command line builds
/// one from its arguments, a server from a request, a program by hand.
public struct ConversionRequest: Sendable, Hashable {
    /// Where inputs come from.
    public enum Input: Sendable, Hashable {
        /// A file, a folder (its files Quire can read) or a glob pattern Quire expands itself.
        case path(String)
        /// Standard input, read whole.
        case standardInput
        /// Bytes the caller already holds, with the name diagnostics use.
        case bytes(name: String, [UInt8])
    }

    /// Where the result goes.
    public enum Output: Sendable, Hashable {
        /// One file, written atomically (a format that writes a folder writes it under this path).
        case file(String)
        /// Returned to the caller (`ConversionOutcome.output`), which writes it where it wants.
        case standardOutput
        /// A folder: a site when the target format writes one with these settings, otherwise a batch
        /// converting every input file on its own into the folder.
        case folder(String)
    }

    public var inputs: [Input]
    public var output: Output
    /// Format names (or aliases) as a user gives them; `nil` means from extensions, else from content.
    public var sourceFormat: String?
    public var targetFormat: String?
    /// Formats to pass through, in order.
    public var via: [String]
    /// Format settings and common settings, checked against the settings the registry declares.
    public var settings: ConversionOptions
    /// Channel, feed, language and title for inputs that name none.
    public var defaults: CollectionDefaults
    public var streaming: StreamingPolicy
    public var batch: BatchPolicy
    /// Names of registered filters (`FormatRegistry.filters`), run in this order on the model between
    /// reading and writing: after merging several inputs, on each file of a batch. A filtered job is
    /// never streamed (a filter takes the whole collection).
    public var filters: [String]

    public init(
        inputs: [Input], output: Output = .standardOutput, sourceFormat: String? = nil, targetFormat: String? = nil, via: [String] = [],
        settings: ConversionOptions = ConversionOptions(), defaults: CollectionDefaults = CollectionDefaults(),
        streaming: StreamingPolicy = .auto, batch: BatchPolicy = BatchPolicy(), filters: [String] = []
    ) {
        self.filters = filters
        self.inputs = inputs
        self.output = output
        self.sourceFormat = sourceFormat
        self.targetFormat = targetFormat
        self.via = via
        self.settings = settings
        self.defaults = defaults
        self.streaming = streaming
        self.batch = batch
    }

    /// How messages name the request's own fields, the way they name settings (`setting 'to'`), so
    /// the command line can show its flags (`--to`) and other front ends their own names.
    public static let mentionedFields: Set<String> = ["from", "to", "force", "streaming", "filter", "shard"]
    static let sourceFormatMention = SettingMention.render("from")
    static let targetFormatMention = SettingMention.render("to")
    static let replacesExistingMention = SettingMention.render("force")
    static let streamingMention = SettingMention.render("streaming")
    static let shardMention = SettingMention.render("shard")

    /// Warnings count as errors and nothing is written when there are any.
    public var isStrict: Bool { settings.flag(CommonSettings.strict) }
}

/// When a conversion streams: a reader that reads in pieces, a writer that writes as episodes arrive,
/// one input file and one output file. Large inputs stream by default, so their memory stays that of
/// a piece of the input plus the writer's index, however large the input.
public enum StreamingPolicy: String, CaseIterable, Sendable, Hashable {
    /// Stream inputs of `automaticThreshold` bytes or more.
    case auto
    case always
    case never

    /// Below this, reading whole is as fast and its memory small anyway.
    public static let automaticThreshold = 8 << 20
}

/// How a batch into a folder runs.
public struct BatchPolicy: Sendable, Hashable {
    /// Files converted at once.
    public var jobs: Int
    /// Replace output files that exist (otherwise they are kept and the input is skipped).
    public var replacesExisting: Bool
    /// Convert only this shard's files (see `Shard`); `nil` converts them all. Only a batch can be
    /// split: a request with a shard that does not run as a batch is refused.
    public var shard: Shard?

    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, replacesExisting: Bool = false, shard: Shard? = nil) {
        self.jobs = jobs
        self.replacesExisting = replacesExisting
        self.shard = shard
    }
}
