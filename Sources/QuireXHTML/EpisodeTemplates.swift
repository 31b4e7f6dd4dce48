import Mustache

/// A set of compiled Mustache templates by name: Quire's defaults, some replaced by a user's
/// (`--template DIR`). Compiled once, rendered many times.
public struct EpisodeTemplates: Sendable {
    /// Template sources by name, after replacement.
    public private(set) var sources: [String: String]
    private var library: MustacheLibrary

    /// The episode markup's own defaults (`episode`, `chapter`).
    public static let defaults: EpisodeTemplates = {
        do {
            return try EpisodeTemplates(sources: DefaultTemplates.sources)
        } catch {
            // The shipped templates are compiled by every test run; a syntax error in them is a build defect.
            preconditionFailure("a default template does not compile: \(error)")
        }
    }()

    /// Compiles `sources`; `fileNames` names the file each came from, for error messages.
    public init(sources: [String: String], fileNames: [String: String] = [:]) throws(TemplateError) {
        self.sources = [:]
        self.library = MustacheLibrary()
        try add(sources, fileNames: fileNames)
    }

    /// Adds or replaces templates by name.
    public mutating func add(_ templates: [String: String], fileNames: [String: String] = [:]) throws(TemplateError) {
        for (name, source) in templates.sorted(by: { $0.key < $1.key }) {
            do {
                library.register(try MustacheTemplate(string: source), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw TemplateError(
                    template: name, file: fileNames[name] ?? "\(name).mustache", line: error.context.lineNumber,
                    column: error.context.columnNumber, message: Self.describe(error.error))
            } catch {
                throw TemplateError(template: name, file: fileNames[name] ?? "\(name).mustache", line: nil, column: nil, message: "\(error)")
            }
            sources[name] = source
        }
        hasShippedArticleTemplates = ["episode", "chapter", "timeline"].allSatisfy { sources[$0] == DefaultTemplates.sources[$0] }
    }

    /// These templates with `others` added, for a format that builds its own templates on these.
    public func adding(_ others: [String: String], fileNames: [String: String] = [:]) throws(TemplateError) -> EpisodeTemplates {
        var copy = self
        try copy.add(others, fileNames: fileNames)
        return copy
    }

    public func contains(_ name: String) -> Bool { sources[name] != nil }

    /// `episode`, `chapter` and `timeline` are the shipped templates, which `EpisodeArticle.render`
    /// writes without Mustache. Kept up to date by `add`.
    public private(set) var hasShippedArticleTemplates = false

    /// Renders the template `name` with `context` (dictionaries, arrays, strings and booleans).
    public func render(_ name: String, _ context: [String: Any]) throws(TemplateError) -> String {
        guard let result = library.render(context, withTemplate: name) else {
            throw TemplateError(template: name, file: "\(name).mustache", line: nil, column: nil, message: "there is no template named '\(name)'")
        }
        return result
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case MustacheTemplate.Error.unfinishedName: "a tag is not closed"
        case MustacheTemplate.Error.expectedSectionEnd: "a section is not closed"
        case MustacheTemplate.Error.sectionCloseNameIncorrect: "a section is closed with the wrong name"
        default: "\(error)"
        }
    }
}

/// A template that does not compile, or is missing, with the file and position when known.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    public var template: String
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? "")\(column.map { ":\($0)" } ?? ""): \(message)"
    }
}
