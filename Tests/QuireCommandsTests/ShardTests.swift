import Foundation
import QuireConversion
import QuireTestSupport
import Testing

/// `quire convert DIR --to F -o OUT/ --shard I/N`: N runs with I = 0…N-1 share one batch.
@Suite struct ShardTests {
    /// 40 episodes in nested folders, some with names outside ASCII (one written decomposed, NFD),
    /// by their paths below the input folder.
    private static let relativePaths: [String] = {
        var paths: [String] = []
        for index in 0..<28 {
            let folder = ["", "2024/", "2024/spring/", "archive/deep/er/"][index % 4]
            paths.append("\(folder)episode-\(index).txt")
        }
        paths += [
            "café.txt", "cafe\u{301}-décomposé.txt", "日本語/第1回.txt", "한국어/에피소드.txt", "ελληνικά.txt", "emoji-🎧.txt",
            "Ünïcødé/straße.txt", "spaces in name.txt", "2024/spring/été.txt", "archive/Größe.txt", "日本語/第2回.txt", "z.txt",
        ]
        return paths
    }()

    private func makeFolder(_ directory: TemporaryDirectory, paths: [String] = relativePaths) throws -> String {
        let input = directory.path("in")
        let episode = try Data(contentsOf: Fixtures.url("Examples/episode.txt"))
        for relative in paths {
            let path = input + "/" + relative
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try episode.write(to: URL(fileURLWithPath: path))
        }
        return input
    }

    /// The outputs below `folder`, by path below it, without their extension.
    private func outputs(in folder: String) throws -> Set<String> {
        guard FileManager.default.fileExists(atPath: folder) else { return [] }
        var found: Set<String> = []
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isDirectory)
            if !isDirectory.boolValue {
                #expect(relative.hasSuffix(".json"))
                found.insert((relative as NSString).deletingPathExtension)
            }
        }
        return found
    }

    /// The documented assignment, written out independently of the code under test: FNV-1a (64 bits)
    /// of the NFC path's UTF-8, modulo N.
    private static func documentedShard(of relativePath: String, count: Int) -> Int {
        var hash: UInt64 = 14_695_981_039_346_656_037
        for byte in relativePath.precomposedStringWithCanonicalMapping.utf8 {
            hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211
        }
        return Int(hash % UInt64(count))
    }

    /// Runs every shard of `count` into its own folder; returns each shard's outputs.
    private func runShards(input: String, count: Int, into directory: TemporaryDirectory, run: String) throws -> [Set<String>] {
        var shards: [Set<String>] = []
        for index in 0..<count {
            let output = directory.path("\(run)-\(index)-of-\(count)") + "/"
            let result = quire(["convert", input, "--to", "json", "-o", output, "--shard", "\(index)/\(count)", "--no-config"])
            #expect(result.status == .success, "\(result.error)")
            let converted = try outputs(in: output)
            #expect(
                result.error
                    == "shard \(index)/\(count): \(converted.count) of \(Self.relativePaths.count) files; converted \(converted.count), skipped 0, failed 0\n"
            )
            shards.append(converted)
        }
        return shards
    }

    @Test(arguments: [1, 3, 7])
    func everyFileIsConvertedByExactlyOneShard(count: Int) throws {
        let directory = try TemporaryDirectory()
        let input = try makeFolder(directory)
        let shards = try runShards(input: input, count: count, into: directory, run: "first")
        let everyFile = Set(Self.relativePaths.map { ($0 as NSString).deletingPathExtension })
        // Together the shards convert every file…
        #expect(shards.reduce(into: Set<String>()) { $0.formUnion($1) } == everyFile)
        // …each exactly once…
        #expect(shards.map(\.count).reduce(0, +) == Self.relativePaths.count)
        // …in the shard the documented hash names (so other tools can tell where a file goes).
        for relative in Self.relativePaths {
            let stem = (relative as NSString).deletingPathExtension
            let expected = Self.documentedShard(of: relative, count: count)
            #expect(shards[expected].contains(stem), "\(relative) belongs to shard \(expected) of \(count)")
        }
        if count > 1 { #expect(shards.filter { !$0.isEmpty }.count > 1, "the files are spread over the shards") }
        // A second run takes the same files.
        #expect(try runShards(input: input, count: count, into: directory, run: "second") == shards)
    }

    @Test func addingFilesMovesNoOtherFile() throws {
        let directory = try TemporaryDirectory()
        let input = try makeFolder(directory)
        let before = try runShards(input: input, count: 3, into: directory, run: "before")
        let added = (0..<10).map { "added/new-\($0).txt" } + ["aaa-first.txt"]
        _ = try makeFolder(directory, paths: added)
        var after: [Set<String>] = []
        for index in 0..<3 {
            let output = directory.path("after-\(index)") + "/"
            let result = quire(["convert", input, "--to", "json", "-o", output, "--shard", "\(index)/3", "--no-config"])
            #expect(result.status == .success)
            #expect(result.error.contains(" of \(Self.relativePaths.count + added.count) files; "))
            after.append(try outputs(in: output))
        }
        let addedStems = Set(added.map { ($0 as NSString).deletingPathExtension })
        for index in 0..<3 { #expect(after[index].subtracting(addedStems) == before[index]) }
    }

    @Test func theShardOfAPathIsFNV1aOfItsNFCForm() {
        // Published FNV-1a test vectors.
        #expect(Shard.fnv1a64("".utf8) == 0xcbf2_9ce4_8422_2325)
        #expect(Shard.fnv1a64("a".utf8) == 0xaf63_dc4c_8601_ec8c)
        #expect(Shard.fnv1a64("foobar".utf8) == 0x8594_4171_f739_67e8)
        // Composed and decomposed spellings of one name are one file to a shard.
        let large = 1_000_003
        #expect(Shard.index(of: "docs/cafe\u{301}.txt", count: large) == Shard.index(of: "docs/caf\u{e9}.txt", count: large))
        #expect(Shard.index(of: "docs/caf\u{e9}.txt", count: large) == Int(Shard.fnv1a64("docs/caf\u{e9}.txt".utf8) % UInt64(large)))
    }

    @Test func malformedShardsAreUsageErrors() throws {
        let directory = try TemporaryDirectory()
        let input = try makeFolder(directory, paths: ["one.txt"])
        let cases = [
            ("3/3", "--shard takes I/N with I from 0 to N-1 (shards are numbered from 0), not '3/3'"),
            ("a/b", "--shard takes I/N, two whole numbers (0/4 is the first of 4 shards), not 'a/b'"),
            ("0/0", "--shard takes I/N with N at least 1, not '0/0'"),
            ("1", "--shard takes I/N, two whole numbers (0/4 is the first of 4 shards), not '1'"),
            ("-1/3", "--shard takes I/N, two whole numbers (0/4 is the first of 4 shards), not '-1/3'"),
            ("1/3/5", "--shard takes I/N, two whole numbers (0/4 is the first of 4 shards), not '1/3/5'"),
        ]
        for (value, message) in cases {
            let result = quire(["convert", input, "--to", "json", "-o", directory.path("out") + "/", "--shard=\(value)", "--no-config"])
            #expect(result.status == .usage, "\(value)")
            #expect(result.error.hasPrefix("Error: \(message)\n"), "\(result.error)")
        }
        // Given as a separate argument, a value starting with '-' is still the shard's, not an option.
        let separate = quire(["convert", input, "--to", "json", "-o", directory.path("out") + "/", "--shard", "-1/3", "--no-config"])
        #expect(separate.status == .usage)
        #expect(separate.error.hasPrefix("Error: --shard takes I/N, two whole numbers (0/4 is the first of 4 shards), not '-1/3'\n"))
        #expect(!FileManager.default.fileExists(atPath: directory.path("out")))
    }

    @Test func aShardNeedsABatch() throws {
        let directory = try TemporaryDirectory()
        let input = try makeFolder(directory, paths: ["one.txt", "two.txt"])
        for output in [directory.path("merged.json"), "-"] {
            let result = quire(["convert", input, "--to", "json", "-o", output, "--shard", "0/3", "--no-config"])
            #expect(result.status == .usage)
            #expect(
                result.error
                    == "quire: error: --shard 0/3 splits a batch (each input file converted on its own into an output folder), but this conversion writes one output from all its inputs\n"
            )
            #expect(result.output.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: directory.path("merged.json")))
    }

    @Test func aDefaultsFileCanHoldTheShard() throws {
        let directory = try TemporaryDirectory()
        let input = try makeFolder(directory)
        let good = directory.path("good.yaml")
        try "shard: 2/7\n".write(toFile: good, atomically: true, encoding: .utf8)
        let result = quire(["convert", input, "--to", "json", "-o", directory.path("out") + "/", "--defaults", good, "--no-config"])
        #expect(result.status == .success)
        let expected = Self.relativePaths.filter { Self.documentedShard(of: $0, count: 7) == 2 }
        #expect(result.error == "shard 2/7: \(expected.count) of \(Self.relativePaths.count) files; converted \(expected.count), skipped 0, failed 0\n")
        let bad = directory.path("bad.yaml")
        try "to: json\nshard: 7/7\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = quire(["convert", input, "-o", directory.path("out") + "/", "--defaults", bad, "--no-config"])
        #expect(refused.status == .usage)
        #expect(
            refused.error
                == bad + ":2:8: error: 'shard' takes I/N with I from 0 to N-1 (shards are numbered from 0), not '7/7' [defaults.value]\n")
    }
}
