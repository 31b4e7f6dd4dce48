import Dispatch
import Foundation
import QuireCore

/// `quire convert DIR... --to F -o OUT/`: every file Quire can read, each converted on its own, on
/// all cores; a bad file is reported and the rest go on.
struct BatchJob {
    let workspace: Workspace
    let inputs: [String]
    let outputDirectory: String
    let target: GraphNode
    let sourceFormat: GraphNode?
    let defaults: CollectionDefaults
    let options: ConversionOptions
    let jobs: Int
    let force: Bool
    let quiet: Bool
    let verbose: Bool

    /// What happened to one input file.
    enum Outcome: Sendable {
        case converted(output: String)
        case skipped(reason: String)
        case failed(reason: String)
    }

    /// An output folder: ends in `/` or is an existing directory.
    static func isDirectoryOutput(_ path: String?) -> Bool {
        guard let path, path != "-" else { return false }
        var isDirectory: ObjCBool = false
        return path.hasSuffix("/") || FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    func run() throws {
        guard case .format(let targetID) = target, let descriptor = workspace.registry.descriptor(for: targetID) else {
            throw CommandFailure.usage("a batch needs --to FORMAT")
        }
        let files = try collectFiles()
        do {
            try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure.failure("cannot create \(outputDirectory): \(error.localizedDescription)")
        }
        let progress = ProgressReporter(total: files.count, unit: "files", enabled: !quiet)
        let outcomes = OutcomeList(count: files.count)
        let next = Counter()
        let workers = max(1, min(jobs, files.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = next.take(below: files.count) {
                outcomes.set(index, convert(files[index], extension: descriptor.fileExtensions.first ?? targetID.rawValue))
                progress.advance()
            }
        }
        progress.finish()
        try report(files: files, outcomes: outcomes.all)
    }

    private func collectFiles() throws -> [(path: String, relative: String)] {
        guard !inputs.contains("-") else { throw CommandFailure.usage("a batch reads files, not standard input (-)") }
        return try InputPaths.expand(inputs).map { ($0.path, $0.relative) }.sorted { $0.0 < $1.0 }
    }

    private func convert(_ file: (path: String, relative: String), extension ext: String) -> Outcome {
        let input: (file: InputFile, format: GraphNode)
        do {
            input = try workspace.readInput(file.path, format: sourceFormat)
        } catch let failure as CommandFailure {
            return .skipped(reason: failure.message ?? "not a format Quire reads")
        } catch {
            return .skipped(reason: "\(error)")
        }
        let stem = (file.relative as NSString).deletingPathExtension
        let output = (outputDirectory as NSString).appendingPathComponent(stem + "." + ext)
        if !force && FileManager.default.fileExists(atPath: output) {
            return .skipped(reason: "\(output) exists; --force replaces it")
        }
        do {
            let route = try workspace.graph.route(from: input.format, to: target, input: input.file)
            var diagnostics = Diagnostics()
            let value = try route.run(.bytes(input.file), options: options, diagnostics: &diagnostics) { defaults.apply(to: &$0) }
            guard case .bytes(let result) = value else {
                return .failed(reason: "the writer made a folder; a batch writes one file per input (leave out --split)")
            }
            try FileManager.default.createDirectory(atPath: (output as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileIO.writeAtomically(result.bytes, to: output)
            return .converted(output: output)
        } catch let failure as ConversionFailure {
            let first = failure.diagnostics.first { $0.severity == .error } ?? failure.diagnostics.first
            return .failed(reason: first?.description ?? "conversion failed")
        } catch {
            return .failed(reason: "\(error)")
        }
    }

    private func report(files: [(path: String, relative: String)], outcomes: [Outcome?]) throws {
        let console = Console.current
        var converted = 0, skipped = 0, failed = 0
        for (file, outcome) in zip(files, outcomes) {
            switch outcome ?? .failed(reason: "not converted") {
            case .converted(let output):
                converted += 1
                if verbose { console.printError("\(file.path) → \(output)") }
            case .skipped(let reason):
                skipped += 1
                if !quiet { console.printError("skipped \(file.path): \(reason)") }
            case .failed(let reason):
                failed += 1
                console.printError("failed \(file.path): \(reason)")
            }
        }
        // --quiet prints only errors: the tally then only when something failed.
        if !quiet || failed > 0 { console.printError("converted \(converted), skipped \(skipped), failed \(failed)") }
        if failed > 0 { throw CommandFailure.failure() }
    }

}

/// Results written by several threads, each to its own slot.
private final class OutcomeList: @unchecked Sendable {
    private var outcomes: [BatchJob.Outcome?]
    private let lock = NSLock()

    init(count: Int) { outcomes = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ outcome: BatchJob.Outcome) { lock.withLock { outcomes[index] = outcome } }
    var all: [BatchJob.Outcome?] { lock.withLock { outcomes } }
}

/// Hands out the next index to whichever worker asks.
private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take(below limit: Int) -> Int? {
        lock.withLock {
            guard value < limit else { return nil }
            defer { value += 1 }
            return value
        }
    }
}
