// Feeds arbitrary bytes to one of Quire's readers or bytes → bytes converters, chosen by name from
// the registry. Built with `-sanitize=fuzzer -DFUZZING` (see scripts/fuzz) it is a libFuzzer target;
// built normally it replays files: `quire-fuzz TARGET FILE...`, which is how the tests run every
// saved crasher. Either way
// `quire-fuzz --list` prints the targets, one a line: format ids with a reader and `FROM-to-TO`
// converters (scripts/test fuzzes each).
import QuireBuiltinFormats
import QuireCore

enum FuzzTarget {
    /// What a target does with the bytes: a reader reads them, a direct converter (`kepub → epub`)
    /// converts them; any outcome but a crash is fine.
    typealias Run = @Sendable ([UInt8]) -> Void

    /// Every built-in format's reader by format id, and every built-in bytes → bytes converter as
    /// `FROM-to-TO` (`kepub-to-epub`), as the registry has them.
    static let targets: [String: Run] = {
        guard let registry = try? BuiltinFormats.registry() else { fatalError("the built-in formats do not register") }
        var targets: [String: Run] = [:]
        for edge in registry.edges {
            switch edge.action {
            case .read(let reader):
                guard case .format(let id) = edge.from, targets[id.rawValue] == nil else { continue }
                targets[id.rawValue] = { bytes in
                    var diagnostics = Diagnostics()
                    _ = try? reader.read(InputFile(name: "fuzz", bytes: bytes), options: ConversionOptions(), diagnostics: &diagnostics)
                }
            case .convert(let converter):
                let name = "\(edge.from)-to-\(edge.to)"
                guard targets[name] == nil else { continue }
                targets[name] = { bytes in
                    var diagnostics = Diagnostics()
                    _ = try? converter.convert(InputFile(name: "fuzz", bytes: bytes), options: ConversionOptions(), diagnostics: &diagnostics)
                }
            case .write, .filter:
                continue
            }
        }
        return targets
    }()

    /// The target names, sorted.
    static var names: [String] { targets.keys.sorted() }

    /// Prints the target names and exits, for `--list`.
    static func listIfAsked() {
        guard CommandLine.arguments.dropFirst().first == "--list" else { return }
        for name in names { print(name) }
        exit(0)
    }
}

#if FUZZING
import Glibc

/// libFuzzer's driver, for a program that keeps its own `main` (SwiftPM gives every executable one).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

@main
struct Fuzz {
    static func main() {
        FuzzTarget.listIfAsked()
        var argc = CommandLine.argc
        var argv = Optional(CommandLine.unsafeArgv)
        exit(
            LLVMFuzzerRunDriver(&argc, &argv) { data, size in
                // The target comes from QUIRE_FUZZ_READER, a name `quire-fuzz --list` prints.
                let name = getenv("QUIRE_FUZZ_READER").map { String(cString: $0) } ?? "summary"
                guard let run = FuzzTarget.targets[name] else { fatalError("QUIRE_FUZZ_READER must be one of \(FuzzTarget.names)") }
                run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
                return 0
            })
    }
}
#else
import Foundation

@main
struct Replay {
    static func main() {
        FuzzTarget.listIfAsked()
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let run = FuzzTarget.targets[name] else {
            FileHandle.standardError.write(Data("usage: quire-fuzz \(FuzzTarget.names.joined(separator: "|")) FILE...\n       quire-fuzz --list\n".utf8))
            exit(2)
        }
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            run(Array(data))
        }
    }
}
#endif
