import Foundation
import QuireCore
import QuirePluginHost
import QuireTestSupport
import Testing

private let fixtures = Fixtures.url("Tests/QuirePluginHostTests/Fixtures").path

/// A plugin's edges in the registry, run in their own process: input on standard input, output on
/// standard output, diagnostics on standard error; a plugin that crashes, hangs or floods is stopped
/// and named.
@Suite struct ProcessPluginTests {
    private func registry(_ folder: String, limits: PluginLimits = PluginLimits()) throws -> FormatRegistry {
        let plugin = try PluginDiscovery.load(folder: fixtures + "/" + folder).get()
        return try FormatRegistry(plugins: [ProcessPlugin(plugin, limits: limits)])
    }

    private func reader(_ folder: String, format: FormatID, limits: PluginLimits = PluginLimits()) throws -> any FormatReader {
        let edge = try #require(try registry(folder, limits: limits).readers(of: format).first)
        guard case .read(let reader) = edge.action else { throw PluginTestFailure("\(format): no reader") }
        return reader
    }

    private func writer(_ folder: String, format: FormatID, limits: PluginLimits = PluginLimits()) throws -> any FormatWriter {
        let edge = try #require(try registry(folder, limits: limits).writers(of: format).first)
        guard case .write(let writer) = edge.action else { throw PluginTestFailure("\(format): no writer") }
        return writer
    }

    /// The diagnostics of a step that must fail.
    private func failure(_ body: () throws -> Void) -> [String] {
        do {
            try body()
            Issue.record("expected the plugin step to fail")
        } catch let failure as ConversionFailure {
            return failure.diagnostics.map(\.description)
        } catch {
            Issue.record("unexpected \(error)")
        }
        return []
    }

    private func read(_ reader: any FormatReader, name: String) throws -> (EpisodeCollection, Diagnostics) {
        var diagnostics = Diagnostics()
        let collection = try reader.read(InputFile(name: name, bytes: Array("anything\n".utf8)), options: ConversionOptions(), diagnostics: &diagnostics)
        return (collection, diagnostics)
    }

    private func write(_ writer: any FormatWriter) throws -> [UInt8] {
        var diagnostics = Diagnostics()
        return try writer.write(EpisodeCollection(episodes: [Episode(title: "One")]), options: ConversionOptions(), diagnostics: &diagnostics)
    }

    @Test func theManifestsFormatsAndEdgesJoinTheRegistry() throws {
        let registry = try registry("protocol/echoer")
        #expect(registry.formats.map(\.id) == ["echo-in", "echo-out"])
        #expect(registry.format(forPath: "notes.out")?.id == "echo-out")
        let edge = try #require(registry.edges.first)
        #expect(registry.edges.count == 1)
        #expect(edge.from == .format("echo-in") && edge.to == .format("echo-out"))
        #expect(edge.cost == 2)
        #expect(edge.loss == .lossy("nothing, really"))
    }

    /// Arguments, environment and standard input as docs/plugin-protocol.md describes them.
    @Test func aConverterGetsItsInputArgumentsAndOptions() throws {
        let edge = try #require(try registry("protocol/echoer").edges.first)
        guard case .convert(let converter) = edge.action else { throw PluginTestFailure("no converter") }
        var diagnostics = Diagnostics()
        let output = try converter.convert(
            InputFile(name: "notes.in", bytes: Array("line one\nline two\n".utf8)), options: ConversionOptions(["b": "2", "a": "x y"]),
            diagnostics: &diagnostics)
        #expect(String(decoding: output, as: UTF8.self) == "echo-in echo-out|1|notes.in|{\"a\":\"x y\",\"b\":\"2\"}\nline one\nline two\n")
        #expect(diagnostics.isEmpty)
    }

    @Test func aPluginsMessagesKeepTheirPlaceAndNothingIsLost() throws {
        let (collection, diagnostics) = try read(try reader("plugins/talker", format: "talker"), name: "in.talker")
        #expect(collection.episodes == [Episode(title: "From talker")])
        #expect(
            diagnostics.all.map(\.description) == [
                "in.talker:2:5: warning: odd line [plugin.talker.message]",
                "quire: note: talker: plain words [plugin.talker.output]",
            ])
    }

    /// The limits are enforced on the process, and the failure names the plugin, the step and the limit.
    @Test func aHangIsStoppedAtItsTimeout() throws {
        let reader = try reader("plugins/sleeper", format: "sleeper", limits: PluginLimits(timeout: 0.5))
        #expect(
            failure { _ = try read(reader, name: "in.sleeper") } == [
                "in.sleeper: error: plugin 'sleeper' (sleeper → model) did not finish within 0.5 s and was stopped (raise --plugin-timeout if it needs longer) [plugin.failed]"
            ])
    }

    @Test func floodingStandardOutputIsStoppedAtTheLimit() throws {
        let writer = try writer("plugins/flooder", format: "flooder", limits: PluginLimits(maximumOutputBytes: 1000))
        #expect(
            failure { _ = try write(writer) } == [
                "quire: error: plugin 'flooder' (model → flooder) wrote more than 1000 bytes to standard output and was stopped [plugin.failed]"
            ])
    }

    @Test func floodingStandardErrorIsStoppedAtTheLimit() throws {
        let writer = try writer("plugins/shouter", format: "shouter", limits: PluginLimits(maximumErrorBytes: 1000))
        #expect(
            failure { _ = try write(writer) } == [
                "quire: error: plugin 'shouter' (model → shouter) wrote more than 1000 bytes to standard error and was stopped [plugin.failed]"
            ])
    }

    @Test func aCrashIsNamed() throws {
        let reader = try reader("plugins/crasher", format: "crasher")
        #expect(
            failure { _ = try read(reader, name: "in.crasher") } == [
                "in.crasher: error: plugin 'crasher' (crasher → model) crashed (signal 11) [plugin.failed]"
            ])
    }

    @Test func aFailingPluginsOwnErrorComesFirst() throws {
        let writer = try writer("plugins/failer", format: "failer")
        #expect(
            failure { _ = try write(writer) } == [
                "quire: error: cannot write this [plugin.failer.nope]",
                "quire: error: plugin 'failer' (model → failer) exited with status 3 [plugin.failed]",
            ])
    }

    /// A failing step's plain standard error is why it failed: a note of the error, which is always shown.
    @Test func aFailingPluginsPlainStandardErrorIsANoteOfItsError() throws {
        let writer = try writer("plugins/mumbler", format: "mumbler")
        #expect(
            failure { _ = try write(writer) } == [
                "quire: warning: one episode has no title [plugin.mumbler.untitled]",
                "quire: error: plugin 'mumbler' (model → mumbler) exited with status 3 [plugin.failed]\nnote: mumbler: Traceback: boom from mumbler",
            ])
    }

    @Test func outputThatIsNotQuireJSONIsRefused() throws {
        let reader = try reader("plugins/garbage", format: "garbage")
        let messages = failure { _ = try read(reader, name: "in.garbage") }
        #expect(messages.count == 1)
        #expect(
            messages.first?.hasPrefix(
                "in.garbage: error: plugin 'garbage' (garbage → model) wrote output that is not Quire JSON: <output of plugin 'garbage' (garbage → model)>:1:1: error: "
            )
                == true,
            "\(messages)")
    }
}

private struct PluginTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
