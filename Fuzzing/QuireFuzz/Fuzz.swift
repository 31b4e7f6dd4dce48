// Feeds arbitrary bytes to one of Quire's readers. Built with `-sanitize=fuzzer -DFUZZING` (see
// scripts/fuzz) it is a libFuzzer target; built normally it replays files: `quire-fuzz READER FILE...`,
// which is how the tests run every saved crasher.
import QuireCore
import QuireEPUB
import QuireHTML
import QuireJSON
import QuireMarkdown
import QuireOPML
import QuireSummaryText

enum FuzzTarget {
    static let readers: [String: any FormatReader] = [
        "summary": SummaryTextReader(), "json": JSONModelReader(), "opml": OPMLReader(),
        "markdown": MarkdownReader(), "html": HTMLReader(), "epub": EPUBReader(),
    ]

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
        var argc = CommandLine.argc
        var argv = Optional(CommandLine.unsafeArgv)
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            // The reader comes from QUIRE_FUZZ_READER (summary, json, opml, markdown, html or epub).
            let name = getenv("QUIRE_FUZZ_READER").map { String(cString: $0) } ?? "summary"
            guard let reader = FuzzTarget.readers[name] else { fatalError("QUIRE_FUZZ_READER must be one of \(FuzzTarget.readers.keys.sorted())") }
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
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let reader = FuzzTarget.readers[name] else {
            FileHandle.standardError.write(Data("usage: quire-fuzz summary|json|opml|markdown|html|epub FILE...\n".utf8))
            exit(2)
        }
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            FuzzTarget.run(reader, Array(data))
        }
    }
}
#endif
