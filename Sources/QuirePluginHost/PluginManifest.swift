import Foundation
import QuireCore

/// `quire-plugin.json`: what an out-of-process plugin adds (docs/plugin-protocol.md).
public struct PluginManifest: Sendable, Decodable {
    public static let fileName = "quire-plugin.json"
    /// The protocol versions this Quire speaks.
    public static let supportedProtocols = 1...1

    public struct Format: Sendable, Decodable {
        public var id: String
        public var name: String?
        public var extensions: [String]?
        public var mediaTypes: [String]?
        /// What the plugin's steps for this format read from `QUIRE_OPTIONS`, declared as built-in formats declare theirs.
        public var settings: [Setting]?
    }

    /// One setting, as `quire formats FORMAT` lists it and `quire convert --KEY` takes it.
    public struct Setting: Sendable, Decodable {
        public var key: String
        /// `flag`, `choice` (with `values`), `text`, `path` or `count`.
        public var type: String
        public var values: [String]?
        public var `default`: String?
        public var help: String
        /// Given once per value (`--tag a --tag b`); the plugin reads a JSON array of strings in `QUIRE_OPTIONS`.
        public var repeatable: Bool?

        /// The setting as the registry holds it, or why it cannot be one.
        public func formatSetting() -> Result<FormatSetting, RejectedPlugin.Reason> {
            let valid = key.first?.isLetter == true && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
            guard valid, key.lowercased() == key else { return .failure("setting '\(key)' must be lowercase letters, digits and hyphens") }
            let kind: FormatSetting.Kind
            switch type {
            case "flag": kind = .flag
            case "choice":
                guard let values, !values.isEmpty else { return .failure("setting '\(key)' is a choice without 'values'") }
                kind = .choice(values)
            case "text": kind = .text(valueName: "text")
            case "path": kind = .path(valueName: "path")
            case "count": kind = .count(valueName: "n")
            default: return .failure("setting '\(key)' has type '\(type)'; use flag, choice, text, path or count")
            }
            if repeatable == true && type == "flag" { return .failure("setting '\(key)' is a flag and cannot be repeatable") }
            let setting = FormatSetting(key, kind, default: self.default, repeatable: repeatable ?? false, help: help)
            if let fallback = self.default, let problem = setting.check(fallback) {
                return .failure("setting '\(key)' has a default it does not take: \(problem)")
            }
            return .success(setting)
        }
    }

    public struct Edge: Sendable, Decodable {
        /// A format id, or `model` for Quire's JSON model.
        public var from: String
        public var to: String
        public var cost: Int?
        /// What the edge loses, or nothing when it is lossless.
        public var loss: String?
        /// A `model → model` edge is a filter: `--filter NAME` asks for it (docs/plugin-protocol.md, Filters).
        public var name: String?
        /// What the filter does, for `quire plugins` and `quire formats`.
        public var help: String?
        /// What the filter reads from `QUIRE_OPTIONS`, declared as a format's settings are.
        public var settings: [Setting]?

        public var isFilter: Bool { from == "model" && to == "model" }
    }

    public var `protocol`: Int
    public var name: String
    public var version: String
    public var description: String?
    /// Path of the program, relative to the manifest's folder (or the name of a program built beside `quire`).
    public var executable: String
    public var formats: [Format]?
    public var edges: [Edge]
    /// A sample input `quire plugins check` feeds to the plugin's first edge, relative to the folder.
    public var sample: String?
}

/// A plugin found on disk: its manifest and where it lives.
public struct DiscoveredPlugin: Sendable {
    public var manifest: PluginManifest
    public var directory: String
    /// The resolved program to run.
    public var executable: String
}

/// A folder that looked like a plugin but could not be used, and why.
public struct RejectedPlugin: Error, Sendable {
    public var directory: String
    public var reason: String

    /// Why a part of a manifest is unusable, before it is tied to a folder.
    public struct Reason: Error, Sendable, ExpressibleByStringInterpolation {
        public var text: String
        public init(stringLiteral value: String) { text = value }
        public init(stringInterpolation: DefaultStringInterpolation) { text = String(stringInterpolation: stringInterpolation) }
    }

    public init(directory: String, reason: String) {
        self.directory = directory
        self.reason = reason
    }
}
