import Foundation
import QuireCore
import QuirePluginHost
import QuireTestSupport
import Testing

private let fixtures = Fixtures.url("Tests/QuirePluginHostTests/Fixtures").path

/// Where plugins are looked for, in which order, and why a folder that looks like one is not used.
@Suite struct PluginDiscoveryTests {
    /// A discovery that sees only `directories` and `environment`, never this machine's plugins.
    private func discovery(_ directories: [String], environment: [String: String] = [:]) -> PluginDiscovery {
        PluginDiscovery(pluginDirectories: directories, environment: environment, executablePath: "/nonexistent/bin/quire")
    }

    @Test func searchOrderIsFlagsThenPathThenUserFolderThenBundled() {
        let search = discovery(["/flags/b", "/flags/a"], environment: ["QUIRE_PLUGIN_PATH": "/path/c::/flags/a/", "XDG_DATA_HOME": "/xdg", "HOME": "/home/u"])
        #expect(search.searchDirectories == ["/flags/b", "/flags/a", "/path/c", "/xdg/quire/plugins", "/nonexistent/share/quire/plugins"])
        // Without XDG_DATA_HOME (or with it empty), the per-user folder is under HOME.
        #expect(
            discovery([], environment: ["HOME": "/home/u", "XDG_DATA_HOME": ""]).searchDirectories
                == ["/home/u/.local/share/quire/plugins", "/nonexistent/share/quire/plugins"])
        #expect(discovery([]).searchDirectories == ["/nonexistent/share/quire/plugins"])
    }

    /// A binary in a build folder finds the example plugins of the package it was built from.
    @Test func aBuildFolderBinaryFindsThePackagesPlugins() {
        let search = PluginDiscovery(environment: [:], executablePath: "/nowhere/pkg/.build/x86_64-unknown-linux-gnu/debug/quire")
        #expect(search.searchDirectories == ["/nowhere/pkg/.build/x86_64-unknown-linux-gnu/share/quire/plugins", "/nowhere/pkg/Plugins"])
    }

    @Test func pluginsAreFoundInSearchOrderAndByNameWithinAFolder() {
        let found = discovery([fixtures + "/discovery/second", fixtures + "/discovery/first", fixtures + "/no-such-folder"]).discover()
        #expect(found.plugins.map(\.manifest.name) == ["beta", "alpha", "zeta"])
        #expect(
            found.plugins.map(\.directory) == [
                fixtures + "/discovery/second/beta", fixtures + "/discovery/first/alpha", fixtures + "/discovery/first/zeta",
            ])
        #expect(found.plugins.map(\.executable) == found.plugins.map { $0.directory + "/run.sh" })
        // `notes` has no manifest: it is not a plugin, and not a rejected one either.
        #expect(found.rejected.isEmpty)
    }

    @Test(arguments: [
        ("missing-edges", "quire-plugin.json is not a valid manifest: missing 'edges'"),
        ("no-edges", "declares no edges"),
        ("model-to-model", "a model → model edge is a filter and needs a 'name' (no spaces or '/')"),
        ("no-program", "executable 'nothere.sh' is missing or not executable"),
        ("not-executable", "executable 'run.sh' is missing or not executable"),
        ("future", "speaks protocol 2; this Quire speaks 1...1"),
        ("setting-type", "format 'x': setting 'colour' has type 'colour'; use flag, choice, text, path or count"),
        ("setting-choice", "format 'x': setting 'style' is a choice without 'values'"),
        ("setting-default", "format 'x': setting 'width' has a default it does not take: setting 'width' takes a whole number of 0 or more, not 'wide'"),
    ])
    func aFolderThatCannotBeUsedSaysWhy(name: String, reason: String) throws {
        let folder = fixtures + "/rejected/" + name
        switch PluginDiscovery.load(folder: folder) {
        case .success(let plugin): Issue.record("\(name) was accepted: \(plugin.manifest.name)")
        case .failure(let rejection):
            #expect(rejection.directory == folder)
            #expect(rejection.reason == reason)
        }
    }

    /// A manifest that does not decode names the file and the field.
    @Test func decodingErrorsNameTheFileAndTheField() {
        func reason(_ name: String) -> String? {
            if case .failure(let rejection) = PluginDiscovery.load(folder: fixtures + "/rejected/" + name) { return rejection.reason }
            return nil
        }
        #expect(reason("wrong-type")?.hasPrefix("quire-plugin.json is not a valid manifest: 'protocol': ") == true, "\(reason("wrong-type") ?? "accepted")")
        #expect(
            reason("missing-edge-end")?.hasPrefix("quire-plugin.json is not a valid manifest: missing 'edges.") == true,
            "\(reason("missing-edge-end") ?? "accepted")")
        #expect(reason("missing-edge-end")?.hasSuffix(".to'") == true, "\(reason("missing-edge-end") ?? "accepted")")
        let broken = fixtures + "/plugins/broken"
        if case .failure(let rejection) = PluginDiscovery.load(folder: broken) {
            #expect(rejection.reason.hasPrefix("quire-plugin.json is not a valid manifest: "))
        } else {
            Issue.record("a manifest that is not JSON was accepted")
        }
    }

    /// Every rejected folder is reported, beside the plugins that could be used.
    @Test func discoveryReportsEveryRejectedFolder() {
        let found = discovery([fixtures + "/rejected"]).discover()
        #expect(found.plugins.isEmpty)
        #expect(
            found.rejected.map { URL(fileURLWithPath: $0.directory).lastPathComponent }
                == [
                    "future", "missing-edge-end", "missing-edges", "model-to-model", "no-edges", "no-program", "not-executable", "setting-choice",
                    "setting-default", "setting-type", "wrong-type",
                ])
    }
}
