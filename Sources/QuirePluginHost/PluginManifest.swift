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
    }

    public struct Edge: Sendable, Decodable {
        /// A format id, or `model` for Quire's JSON model.
        public var from: String
        public var to: String
        public var cost: Int?
        /// What the edge loses, or nothing when it is lossless.
        public var loss: String?
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

    public init(directory: String, reason: String) {
        self.directory = directory
        self.reason = reason
    }
}
