import Foundation
import QuireCore

/// What happened to each file of a batch, in input order.
public struct BatchReport: Sendable, Hashable {
    /// What happened to one input file.
    public enum Outcome: Sendable, Hashable {
        case converted(output: String)
        case skipped(reason: String)
        case failed(reason: String)
    }

    public var files: [(path: String, outcome: Outcome)] {
        zip(paths, outcomes).map { ($0, $1) }
    }
    public let paths: [String]
    public let outcomes: [Outcome]
    /// The shard of the batch this run converted (`BatchPolicy.shard`), or `nil` for the whole batch.
    public let shard: Shard?
    /// Files in the whole batch, every shard's; `paths.count` are this shard's.
    public let filesInBatch: Int

    public init(paths: [String], outcomes: [Outcome], shard: Shard? = nil, filesInBatch: Int? = nil) {
        self.paths = paths
        self.outcomes = outcomes
        self.shard = shard
        self.filesInBatch = filesInBatch ?? paths.count
    }

    public var converted: Int { outcomes.count { if case .converted = $0 { true } else { false } } }
    public var skipped: Int { outcomes.count { if case .skipped = $0 { true } else { false } } }
    public var failed: Int { outcomes.count { if case .failed = $0 { true } else { false } } }
}

/// Every file of the inputs (folders searched) converted on its own into one folder, on all cores;
/// a bad file is reported and the rest go on.
struct BatchConversion {
    let job: Job
    let outputDirectory: String

    func run() throws(ConversionError) -> BatchReport {
        guard case .format(let targetID) = job.target, let descriptor = job.service.registry.descriptor(for: targetID) else {
            throw .request("a batch needs \(ConversionRequest.targetFormatMention)")
        }
        let allFiles = try collectFiles()
        let shard = job.request.batch.shard
        let files = shard.map { shard in allFiles.filter { shard.contains(relativePath: $0.relative) } } ?? allFiles
        do {
            try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        } catch {
            throw .failure("cannot create \(outputDirectory): \(error.localizedDescription)")
        }
        let progress = job.observer.beginProgress(total: files.count, unit: "files")
        let fileExtension = descriptor.fileExtensions.first ?? targetID.rawValue
        let outcomes = concurrentMap(count: files.count, maxConcurrency: job.request.batch.jobs) { index in
            defer { progress?.advance(to: nil) }
            return convert(files[index], extension: fileExtension)
        }
        progress?.finish()
        return BatchReport(paths: files.map(\.path), outcomes: outcomes, shard: shard, filesInBatch: allFiles.count)
    }

    private func collectFiles() throws(ConversionError) -> [InputPaths.File] {
        var arguments: [String] = []
        for input in job.request.inputs {
            guard case .path(let path) = input else { throw .request("a batch reads files, not standard input or bytes") }
            arguments.append(path)
        }
        return try InputPaths.expand(arguments).sorted { $0.path < $1.path }
    }

    private func convert(_ file: InputPaths.File, extension fileExtension: String) -> BatchReport.Outcome {
        let input: (file: InputFile, format: GraphNode)
        do {
            input = try job.service.formats.readInput(file.path, format: job.sourceFormat)
        } catch {
            return .skipped(reason: error.message ?? "not a format Quire reads")
        }
        let stem = (file.relative as NSString).deletingPathExtension
        let output = (outputDirectory as NSString).appendingPathComponent(stem + "." + fileExtension)
        if !job.request.batch.replacesExisting && FileManager.default.fileExists(atPath: output) {
            return .skipped(reason: "\(output) exists; \(ConversionRequest.replacesExistingMention) replaces it")
        }
        do {
            let route = try job.service.graph.route(from: input.format, to: job.target, input: input.file, filters: job.filters)
            var diagnostics = Diagnostics()
            let defaults = job.request.defaults
            let value = try route.run(.bytes(input.file), options: job.options, diagnostics: &diagnostics) { defaults.apply(to: &$0) }
            guard case .bytes(let result) = value else {
                return .failed(reason: "the writer made a folder; a batch writes one file per input")
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
}
