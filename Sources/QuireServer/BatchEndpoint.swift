import Foundation
import Hummingbird
import QuireConversion
import QuireCore
import QuireZip

/// `POST /v1/batch`: each `file` part converted on its own; a zip of the outputs and `quire-report.json`.
extension ConversionEndpoint {
    func batch(_ request: Request) async throws(Problem) -> Response {
        let (parameters, target) = try Self.beforeBody { () throws(Problem) in
            let parameters = try self.parameters(request)
            let target = try checkedTarget(parameters)
            _ = try checkedSource(parameters)
            do throws(ConversionError) {
                try self.service.checkSettings(parameters.settings)
            } catch {
                throw .badRequest(error.description)
            }
            guard try MultipartUpload.boundary(contentType: request.headers[.contentType]) != nil else {
                throw .badRequest("a batch is a multipart/form-data body with one part named 'file' per input")
            }
            return (parameters, target)
        }
        let uploads = try await uploads(request, parameters: parameters, spools: false)
        let writesFolder = service.formats.folderFormats(settings: parameters.settings).contains(target.id)
        let service = self.service
        // The pool answers 503 at the timeout; the batch itself stops at the next file after it.
        let timeout = configuration.requestTimeout
        let deadline = ContinuousClock.now + .milliseconds(Int64(timeout * 1000))
        let result = try await runOnPool { () -> Result<[UInt8], Problem> in
            Self.runBatch(
                uploads, parameters: parameters, target: target, writesFolder: writesFolder, service: service, deadline: deadline, timeout: timeout)
        }
        let zip = try result.get()
        var headers = HTTPFields()
        headers[.contentType] = "application/zip"
        headers[.contentDisposition] = ContentDisposition.attachment("quire-batch.zip")
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: zip)))
    }

    /// Converts each upload on its own into one zip. Past `deadline` it stops before the next file:
    /// the client has had its 503, and the worker is freed for others.
    static func runBatch(
        _ uploads: [Upload], parameters: ConversionParameters, target: FormatDescriptor, writesFolder: Bool, service: ConversionService,
        deadline: ContinuousClock.Instant, timeout: Double
    ) -> Result<[UInt8], Problem> {
        let writer = ZipWriter()
        var report: [JSONValue] = []
        var taken: Set<String> = ["quire-report.json"]
        do {
            for upload in uploads {
                if ContinuousClock.now >= deadline { return .failure(.conversionTimeout(seconds: timeout)) }
                // A site (a folder) is its own zip inside the batch's.
                let output = unique(outputName(for: upload.name, target: target, writesFolder: writesFolder), taken: &taken)
                let converted = run([upload], parameters: parameters, target: target, writesFolder: writesFolder, service: service)
                switch converted {
                case .success(.bytes(let bytes, _, let diagnostics)):
                    try writer.add(output, bytes: bytes)
                    report.append(entry(upload.name, output: output, diagnostics: diagnostics))
                case .success(.file(let folder, let path, _, let diagnostics)):
                    try withExtendedLifetime(folder) { try writer.add(output, bytes: try FileIO.read(path)) }
                    report.append(entry(upload.name, output: output, diagnostics: diagnostics))
                case .failure(let problem):
                    var diagnostics = problem.diagnostics
                    if !diagnostics.contains(where: { $0.severity == .error }) {
                        diagnostics.append(.error("server.conversion.failed", problem.detail, at: SourceLocation(file: upload.name)))
                    }
                    report.append(entry(upload.name, output: nil, diagnostics: diagnostics))
                }
            }
            let reportJSON = JSONValue.object([("files", .array(report))])
            try writer.add("quire-report.json", bytes: Array((reportJSON.serialized() + "\n").utf8))
            return .success(try writer.finish())
        } catch {
            return .failure(Problem(status: .internalServerError, slug: "internal", title: "Internal error", detail: "cannot write the zip: \(error)"))
        }
    }

    private static func entry(_ input: String, output: String?, diagnostics: [Diagnostic]) -> JSONValue {
        .object([
            ("input", .string(input)),
            ("output", .optional(output)),
            ("status", .string(output == nil ? "failed" : "converted")),
            ("diagnostics", .array(diagnostics.map(\.json))),
        ])
    }

    /// `a.json`, then `a-2.json`, `a-3.json` for later inputs of the same stem.
    private static func unique(_ name: String, taken: inout Set<String>) -> String {
        var candidate = name
        var number = 2
        let dot = name.lastIndex(of: ".").map { $0 > name.startIndex ? $0 : name.endIndex } ?? name.endIndex
        while taken.contains(candidate) {
            candidate = name[..<dot] + "-\(number)" + name[dot...]
            number += 1
        }
        taken.insert(candidate)
        return candidate
    }

}
