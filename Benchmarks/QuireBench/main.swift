// Times each step of a conversion separately, in process: reading summary text, writing JSON and
// summary text. `scripts/bench` times whole commands; this says where inside them the time goes.
//
//     quire-bench PAGE [RUNS]
import Foundation
import QuireCore
import QuireJSON
import QuireSummaryText

let arguments = CommandLine.arguments
guard arguments.count >= 2, let data = FileManager.default.contents(atPath: arguments[1]) else {
    FileHandle.standardError.write(Data("usage: quire-bench PAGE [RUNS]\n".utf8))
    exit(2)
}
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
let input = InputFile(name: arguments[1], bytes: Array(data))

func median(_ label: String, _ body: () throws -> Void) rethrows {
    var times: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    let middle = times.sorted()[times.count / 2]
    let megabytes = Double(input.bytes.count) / 1e6
    print(String(format: "%-16@ %8.3f s  %7.1f MB/s", label as NSString, middle, megabytes / middle))
}

var diagnostics = Diagnostics()
var collection = EpisodeCollection()
try median("read summary") {
    collection = try SummaryTextReader().read(input, options: ConversionOptions(), diagnostics: &diagnostics)
}
try median("write json") { _ = try JSONModelWriter().write(collection, options: ConversionOptions(), diagnostics: &diagnostics) }
try median("write summary") { _ = try SummaryTextWriter().write(collection, options: ConversionOptions(), diagnostics: &diagnostics) }
print("\(collection.episodes.count) episodes, \(collection.episodes.reduce(0) { $0 + $1.chapters.count }) chapters, \(input.bytes.count) bytes")
