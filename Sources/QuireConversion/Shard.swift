import Foundation

/// One of `count` parts of a batch, so several processes or machines can share one batch without
/// talking to each other (a Kubernetes Indexed Job, a Slurm job array, GNU parallel): each runs the
/// same command with its own `index`, and together they convert every file exactly once.
///
/// A file belongs to shard `fnv1a64(relative path) % count`, where the relative path is the file's
/// path below the folder given as input (its name for a file given directly), in Unicode NFC with
/// `/` between folders. It depends on nothing else, not the machine, the order files are listed in
/// or the other files, so adding files to the folder never moves the files already there.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// This shard's number, from 0 (like `JOB_COMPLETION_INDEX` and Slurm's array task ids).
    public let index: Int
    /// How many shards the batch is split into.
    public let count: Int

    /// `nil` unless `0 ≤ index < count`.
    public init?(index: Int, count: Int) {
        guard count >= 1, index >= 0, index < count else { return nil }
        self.index = index
        self.count = count
    }

    /// `I/N` as the command line writes it.
    public var description: String { "\(index)/\(count)" }

    /// Whether the file at `relativePath` (below its input folder) is this shard's.
    public func contains(relativePath: String) -> Bool {
        Self.index(of: relativePath, count: count) == index
    }

    /// The shard a file at `relativePath` belongs to when a batch is split into `count` shards.
    public static func index(of relativePath: String, count: Int) -> Int {
        precondition(count >= 1, "a batch is split into 1 or more shards")
        return Int(fnv1a64(relativePath.precomposedStringWithCanonicalMapping.utf8) % UInt64(count))
    }

    /// 64-bit FNV-1a: small, stable across platforms and releases (unlike `Hasher`, which is seeded
    /// per process), and easy to reproduce in a shell or a script.
    public static func fnv1a64(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// What is wrong with `text` as `I/N`, or the shard it names.
    public enum Parsed: Sendable, Equatable {
        case shard(Shard)
        /// Not two whole numbers separated by `/`.
        case malformed
        /// `N` is 0.
        case noShards
        /// `I` is `N` or more.
        case indexOutOfRange
    }

    public static func parse(_ text: String) -> Parsed {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let index = Int(parts[0]), let count = Int(parts[1])
        else { return .malformed }
        guard count >= 1 else { return .noShards }
        guard let shard = Shard(index: index, count: count) else { return .indexOutOfRange }
        return .shard(shard)
    }
}
