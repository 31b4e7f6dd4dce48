// Feeds arbitrary bytes to one of Quire's readers, chosen by format id from the registry. Built with
// `-sanitize=fuzzer -DFUZZING` (see scripts/fuzz) it is a libFuzzer target; built normally it replays
// files: `quire-fuzz READER FILE...`, which is how the tests run every saved crasher. Either way
// `quire-fuzz --list` prints the ids of the formats with a reader, one a line (scripts/test fuzzes each).
import QuireBuiltinFormats
import QuireCore

enum FuzzTarget {
    /// Every built-in format's reader by format id, as the registry has them.
    static let readers: [String: any FormatReader] = {
        guard let registry = try? BuiltinFormats.registry() else { fatalError("the built-in formats do not register") }
        var readers: [String: any FormatReader] = [:]
        for format in registry.formats {
            for edge in registry.readers(of: format.id) {
                if case .read(let reader) = edge.action, readers[format.id.rawValue] == nil { readers[format.id.rawValue] = reader }
            }
        }
        return readers
    }()

    /// The format ids with a reader, sorted.
    static var names: [String] { readers.keys.sorted() }

    /// Prints the reader ids and exits, for `--list`.
    static func listIfAsked() {
        guard CommandLine.arguments.dropFirst().first == "--list" else { return }
        for name in names { print(name) }
        exit(0)
    }

    /// Reads `bytes` with the named reader; any outcome but a crash is fine.
    static func run(_ reader: any FormatReader, _ bytes: [UInt8]) {
        var diagnostics = Diagnostics()
        _ = try? reader.read(InputFile(name: "fuzz", bytes: bytes), options: ConversionOptions(), diagnostics: &diagnostics)
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
                // The reader comes from QUIRE_FUZZ_READER, a format id (`quire-fuzz --list`).
                let name = getenv("QUIRE_FUZZ_READER").map { String(cString: $0) } ?? "summary"
                guard let reader = FuzzTarget.readers[name] else { fatalError("QUIRE_FUZZ_READER must be one of \(FuzzTarget.names)") }
                FuzzTarget.run(reader, data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
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
        guard let name = arguments.first, let reader = FuzzTarget.readers[name] else {
            FileHandle.standardError.write(Data("usage: quire-fuzz \(FuzzTarget.names.joined(separator: "|")) FILE...\n       quire-fuzz --list\n".utf8))
            exit(2)
        }
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            FuzzTarget.run(reader, Array(data))
        }
    }
}
#endif
