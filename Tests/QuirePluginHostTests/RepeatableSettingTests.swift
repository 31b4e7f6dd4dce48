import Foundation
import QuireCore
import QuirePluginHost
import QuireTestSupport
import Testing

/// A setting a plugin declares `repeatable` reaches it as a JSON array in `QUIRE_OPTIONS`, every
/// value in the order given; other settings stay strings.
@Suite struct RepeatableSettingTests {
    private func convert(_ options: ConversionOptions) throws -> String {
        let plugin = try PluginDiscovery.load(folder: Fixtures.url("Tests/QuirePluginHostTests/Fixtures/protocol/tagger").path).get()
        let registry = try FormatRegistry(plugins: [ProcessPlugin(plugin)])
        #expect(registry.setting(forKey: "tag")?.repeatable == true)
        guard case .convert(let converter) = try #require(registry.edges.first).action else { Issue.record("no converter"); return "" }
        var diagnostics = Diagnostics()
        let output = try converter.convert(InputFile(name: "x.tin", bytes: []), options: options, diagnostics: &diagnostics)
        return String(String(decoding: output, as: UTF8.self).split(separator: "|").last ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func repeatedValuesArriveAsAnArray() throws {
        var options = ConversionOptions(["b": "2"])
        options.append("first", for: "tag")
        options.append("second, with a comma", for: "tag")
        options.append("x", for: "b")
        #expect(try convert(options) == #"{"b":"x","tag":["first","second, with a comma"]}"#)
    }

    @Test func oneValueIsStillAnArrayAndNoneIsLeftOut() throws {
        #expect(try convert(ConversionOptions(["tag": "only"])) == #"{"tag":["only"]}"#)
        #expect(try convert(ConversionOptions(["b": "2"])) == #"{"b":"2"}"#)
    }

    @Test func aRepeatableFlagIsRefused() throws {
        let setting = try JSONDecoder().decode(
            PluginManifest.Setting.self, from: Data(#"{"key": "loud", "type": "flag", "repeatable": true, "help": "x"}"#.utf8))
        guard case .failure(let reason) = setting.formatSetting() else { Issue.record("accepted"); return }
        #expect(reason.text.contains("setting 'loud' is a flag and cannot be repeatable"))
    }
}
