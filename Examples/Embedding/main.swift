import Quire

/// A format of one's own, registered like the built-in ones: the episode titles, a line each.
struct TitleListFormat: FormatPlugin {
    var name: String { "title-list" }

    func register(in registry: inout FormatRegistry) throws {
        let numbered = FormatSetting("numbered", .flag, help: "Number the titles.")
        try registry.add(FormatDescriptor(id: "titles", displayName: "Episode titles", fileExtensions: ["titles"], settings: [numbered]))
        try registry.addWriter(TitleListWriter(numbered: numbered), for: "titles", loss: .lossy("everything but the titles"))
    }
}

struct TitleListWriter: FormatWriter {
    let numbered: FormatSetting

    func write(_ collection: EpisodeCollection, options: ConversionOptions, diagnostics: inout Diagnostics) throws -> [UInt8] {
        let lines = collection.episodes.enumerated().map { options.flag(numbered) ? "\($0 + 1). \($1.title)" : $1.title }
        return Array(lines.map { $0 + "\n" }.joined().utf8)
    }
}

var registry = try BuiltinFormats.registry()
try registry.register(TitleListFormat())
let input = CommandLine.arguments.dropFirst().first ?? "Examples/sample-page.txt"
let request = ConversionRequest(inputs: [.path(input)], targetFormat: "titles", settings: ConversionOptions(["numbered": "true"]))
let diagnostics = DiagnosticCollector()
if case .output(let bytes) = try ConversionService(registry: registry).run(request, diagnostics: diagnostics) {
    print(String(decoding: bytes, as: UTF8.self), terminator: "")
}
print("\(diagnostics.diagnostics.count) diagnostics")
