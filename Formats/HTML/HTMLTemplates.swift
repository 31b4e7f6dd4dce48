import Foundation
import QuireCore
import QuireXHTML

/// The HTML format's templates: the episode markup's (`episode`, `chapter`) and the pages' own, with
/// those a `--template DIR` folder holds in their place.
enum HTMLTemplates {
    /// The page templates by name: the `.mustache` files in `Formats/HTML/Templates/`, compiled into the
    /// binary. `page` is the whole collection on one page, `contents-entry` its table of contents'
    /// line for one episode (a partial of its own so a streamed page renders it per episode); with
    /// `--split`, `index` is the site's first page and `episode-page` one episode's; `head` and
    /// `channels` are shared parts; `style` is the stylesheet (embedded, or `style.css` with `--split`).
    static let sources: [String: String] = [
        "page": String(decoding: PackageResources.page_mustache, as: UTF8.self),
        "contents-entry": String(decoding: PackageResources.contents_entry_mustache, as: UTF8.self),
        "head": String(decoding: PackageResources.head_mustache, as: UTF8.self),
        "channels": String(decoding: PackageResources.channels_mustache, as: UTF8.self),
        "index": String(decoding: PackageResources.index_mustache, as: UTF8.self),
        "episode-page": String(decoding: PackageResources.episode_page_mustache, as: UTF8.self),
        "style": String(decoding: PackageResources.style_mustache, as: UTF8.self),
    ]

    /// The shipped templates, the episode markup's included; compiled once.
    static let shipped: EpisodeTemplates = {
        do {
            return try EpisodeTemplates.defaults.adding(sources)
        } catch {
            preconditionFailure("a default HTML template does not compile: \(error)")
        }
    }()

    /// Defaults, replaced by the `*.mustache` files of the `template` setting, when given.
    static func load(_ options: ConversionOptions, diagnostics: inout Diagnostics) throws -> EpisodeTemplates {
        let defaults = shipped
        guard let folder = options.value(HTMLSettings.template) else { return defaults }
        let (replacements, fileNames) = try read(folder)
        let known = Set(defaults.sources.keys)
        for name in replacements.keys.sorted() where !known.contains(name) {
            diagnostics.report(
                .note(
                    "html.template.extra", "\(fileNames[name]!) replaces no built-in template; it is available as the partial '\(name)'",
                    at: SourceLocation(file: fileNames[name]!)))
        }
        do {
            return try defaults.adding(replacements, fileNames: fileNames)
        } catch {
            throw ConversionFailure(
                .error(
                    "html.template", "the template does not compile: \(error.message)",
                    at: SourceLocation(file: error.file, line: error.line, column: error.column)))
        }
    }

    /// Renders template `name`; a template that fails is the job's error.
    static func render(_ name: String, _ context: [String: Any], with templates: EpisodeTemplates) throws -> String {
        do {
            return try templates.render(name, context)
        } catch {
            throw ConversionFailure(.error("html.template", error.message, at: SourceLocation(file: error.file)))
        }
    }

    /// The folder's `*.mustache` files by template name.
    private static func read(_ folder: String) throws -> (sources: [String: String], fileNames: [String: String]) {
        let url = URL(fileURLWithPath: folder, isDirectory: true)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw ConversionFailure(
                .error("html.template", "cannot read the template folder '\(folder)': it does not exist or is not a folder", at: SourceLocation(file: folder)))
        }
        var sources: [String: String] = [:], fileNames: [String: String] = [:]
        for name in names.sorted() where name.hasSuffix(".mustache") && name.count > ".mustache".count {
            let path = url.appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ConversionFailure(.error("html.template", "cannot read the template '\(path)'", at: SourceLocation(file: path)))
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw ConversionFailure(.error("html.template", "the template '\(path)' is not UTF-8 text", at: SourceLocation(file: path)))
            }
            let templateName = String(name.dropLast(".mustache".count))
            sources[templateName] = text
            fileNames[templateName] = path
        }
        return (sources, fileNames)
    }
}
