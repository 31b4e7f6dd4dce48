import Foundation
import Hummingbird
import QuireConversion
import QuireCore
import QuireZip

/// `POST /v1/convert` and `POST /v1/batch`: requests into `ConversionRequest`s, run on the pool,
/// answered with the output or a problem.
struct ConversionEndpoint: Sendable {
    let service: ConversionService
    let configuration: ServerConfiguration
    let pool: ConversionPool

    /// One input as received: its name (for format detection and diagnostics) and where its bytes are.
    struct Upload: Sendable {
        var name: String
        var body: ReceivedBody
    }

    // MARK: Reading the request

    func parameters(_ request: Request) throws(Problem) -> ConversionParameters {
        try ConversionParameters(query: request.uri.query, registry: service.registry, configuration: configuration)
    }

    /// The request's inputs: the body, or its multipart `file` parts.
    func uploads(_ request: Request, parameters: ConversionParameters, spools: Bool) async throws(Problem) -> [Upload] {
        let boundary = try MultipartUpload.boundary(contentType: request.headers[.contentType])
        let reader = RequestBodyReader(
            limit: configuration.maximumBodySize, timeout: configuration.requestTimeout,
            spoolThreshold: boundary == nil && spools ? StreamingPolicy.automaticThreshold : nil, deadlines: pool.deadlines)
        let body = try await reader.read(request)
        let givenName = parameters.filename.map(ConversionParameters.baseName)
        guard let boundary, case .memory(let bytes) = body else {
            return [Upload(name: givenName ?? "input", body: body)]
        }
        return try MultipartUpload.files(in: bytes, boundary: boundary).map { file in
            Upload(name: file.filename ?? givenName ?? "input", body: .memory(file.bytes))
        }
    }

    // MARK: Convert

    func convert(_ request: Request) async throws(Problem) -> Response {
        let (parameters, target) = try Self.beforeBody { () throws(Problem) in
            let parameters = try self.parameters(request)
            return (parameters, try checkedTarget(parameters))
        }
        let uploads = try await uploads(request, parameters: parameters, spools: true)
        let source = try checkedSource(parameters)
        for upload in uploads { try checkReadable(upload, source: source) }
        let writesFolder = service.formats.folderFormats(settings: parameters.settings).contains(target.id)
        let service = self.service
        let outcome = try await runOnPool { () -> Result<Delivery, Problem> in
            Self.run(uploads, parameters: parameters, target: target, writesFolder: writesFolder, service: service)
        }
        let delivery = try outcome.get()
        return delivery.response(filename: Self.outputName(for: uploads[0].name, target: target, writesFolder: writesFolder))
    }

    /// Checks made before the body is read: a problem then also ends the connection, rather than
    /// reading a body nobody wants (of any length) to reach the next request.
    static func beforeBody<Value>(_ checks: () throws(Problem) -> Value) throws(Problem) -> Value {
        do {
            return try checks()
        } catch {
            var problem = error
            problem.closesConnection = true
            throw problem
        }
    }

    /// Runs `work` on a worker within the request timeout; busy, late and closing become 503s.
    func runOnPool<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async throws(Problem) -> Value {
        do {
            return try await pool.run(timeout: configuration.requestTimeout, work)
        } catch {
            switch error {
            case .busy: throw .busy
            case .timedOut: throw .conversionTimeout(seconds: configuration.requestTimeout)
            case .shuttingDown: throw .shuttingDown
            }
        }
    }

    func checkedTarget(_ parameters: ConversionParameters) throws(Problem) -> FormatDescriptor {
        guard let name = parameters.target, let format = service.registry.format(named: name) else {
            let known = service.registry.formats.map(\.id.rawValue).joined(separator: ", ")
            throw .badRequest("unknown format '\(parameters.target ?? "")'; known formats: \(known)")
        }
        if service.registry.writers(of: format.id).isEmpty, !service.registry.edges.contains(where: { $0.to == .format(format.id) }) {
            throw .badRequest("Quire cannot write \(format.id) (GET /v1/formats says which formats it writes)")
        }
        return format
    }

    func checkedSource(_ parameters: ConversionParameters) throws(Problem) -> FormatDescriptor? {
        guard let name = parameters.source else { return nil }
        guard let format = service.registry.format(named: name) else {
            let known = service.registry.formats.map(\.id.rawValue).joined(separator: ", ")
            throw .badRequest("unknown format '\(name)'; known formats: \(known)")
        }
        return format
    }

    /// 415 unless the input's format can be told (given, by the name's extension, or by content) and read.
    func checkReadable(_ upload: Upload, source: FormatDescriptor?) throws(Problem) {
        let registry = service.registry
        let format: FormatDescriptor
        if let source {
            format = source
        } else if let id = service.formats.readableFormat(forPath: upload.name), let byName = registry.descriptor(for: id) {
            format = byName
        } else {
            let sample: [UInt8]
            switch upload.body {
            case .memory(let bytes): sample = Array(bytes.prefix(ContentSample.length))
            case .file(_, let path, _): sample = (try? FileIO.readPrefix(path, count: ContentSample.length)) ?? []
            }
            guard let sniffed = registry.sniff(ContentSample(sample)) else {
                throw .unsupportedInput("\(upload.name): cannot tell the input format from its name or content; give from=FORMAT")
            }
            format = sniffed
        }
        if registry.readers(of: format.id).isEmpty, !registry.edges.contains(where: { $0.from == .format(format.id) }) {
            throw .unsupportedInput("\(upload.name): Quire cannot read \(format.id) (GET /v1/formats says which formats it reads)")
        }
    }

    /// What a finished conversion gives back.
    enum Delivery: Sendable {
        case bytes([UInt8], mediaType: String, diagnostics: [Diagnostic])
        case file(TemporaryFolder, path: String, mediaType: String, diagnostics: [Diagnostic])

        func response(filename: String) -> Response {
            var headers = HTTPFields()
            headers[.contentDisposition] = ContentDisposition.attachment(filename)
            switch self {
            case .bytes(let bytes, let mediaType, let diagnostics):
                headers[.contentType] = mediaType
                if let header = DiagnosticsHeader.value(diagnostics) { headers[DiagnosticsHeader.name] = header }
                return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
            case .file(let folder, let path, let mediaType, let diagnostics):
                headers[.contentType] = mediaType
                if let header = DiagnosticsHeader.value(diagnostics) { headers[DiagnosticsHeader.name] = header }
                let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
                return Response(status: .ok, headers: headers, body: FileStreaming.body(path: path, size: size, keeping: folder))
            }
        }
    }

    /// One conversion, on a worker thread.
    static func run(
        _ uploads: [Upload], parameters: ConversionParameters, target: FormatDescriptor, writesFolder: Bool, service: ConversionService
    ) -> Result<Delivery, Problem> {
        let folder: TemporaryFolder?
        var inputs: [ConversionRequest.Input] = []
        var renamed: [String: String] = [:]
        var workFolder: TemporaryFolder?
        func scratch() throws(Problem) -> TemporaryFolder {
            if let workFolder { return workFolder }
            do {
                let made = try TemporaryFolder()
                workFolder = made
                return made
            } catch {
                throw Problem(status: .internalServerError, slug: "internal", title: "Internal error", detail: "cannot make a temporary folder")
            }
        }
        do throws(Problem) {
            for upload in uploads {
                switch upload.body {
                case .memory(let bytes):
                    inputs.append(.bytes(name: upload.name, bytes))
                case .file(_, let path, _):
                    // The spooled body under the upload's name, so its extension tells the format.
                    let named = try scratch().path + "/in-" + upload.name
                    do {
                        try FileManager.default.moveItem(atPath: path, toPath: named)
                    } catch {
                        throw Problem(status: .internalServerError, slug: "internal", title: "Internal error", detail: "cannot move the spooled body")
                    }
                    renamed[named] = upload.name
                    inputs.append(.path(named))
                }
            }
            let streamsToFile = inputs.contains { if case .path = $0 { true } else { false } }
            let output: ConversionRequest.Output
            if writesFolder {
                output = .folder(try scratch().path + "/site")
            } else if streamsToFile {
                output = .file(try scratch().path + "/out." + (target.fileExtensions.first ?? "out"))
            } else {
                output = .standardOutput
            }
            folder = workFolder
            let request = ConversionRequest(
                inputs: inputs, output: output, sourceFormat: parameters.source, targetFormat: target.id.rawValue, via: parameters.via,
                settings: parameters.settings, defaults: parameters.defaults, streaming: .auto, filters: parameters.filters)
            let collector = DiagnosticCollector()
            let outcome: ConversionOutcome
            do {
                outcome = try service.run(request, diagnostics: collector)
            } catch {
                let diagnostics = collector.diagnostics.map { $0.renamingFiles(renamed) }
                let detail = (error.message ?? diagnostics.first { $0.severity == .error }?.message ?? "the conversion failed")
                    .renamingFiles(renamed)
                switch error.kind {
                case .request: return .failure(.badRequest(detail, diagnostics: diagnostics))
                case .failure where Self.blamesSettings(diagnostics, given: parameters.settings):
                    return .failure(.badRequest(detail, diagnostics: diagnostics))
                case .failure: return .failure(.conversionFailed(detail, diagnostics: diagnostics))
                }
            }
            let diagnostics = collector.diagnostics.map { $0.renamingFiles(renamed) }
            let mediaType = Self.mediaType(of: target)
            switch outcome {
            case .output(let bytes):
                return .success(.bytes(bytes, mediaType: mediaType, diagnostics: diagnostics))
            case .written(let path):
                return .success(.file(folder!, path: path, mediaType: mediaType, diagnostics: diagnostics))
            case .folder(let path, _):
                do {
                    let zip = try FolderZip.zip(folder: path)
                    return .success(.bytes(zip, mediaType: "application/zip", diagnostics: diagnostics))
                } catch {
                    return .failure(.conversionFailed("cannot zip the output folder: \(error)", diagnostics: diagnostics))
                }
            case .batch:
                return .failure(Problem(status: .internalServerError, slug: "internal", title: "Internal error", detail: "unexpected batch"))
            }
        } catch {
            return .failure(error)
        }
    }

    /// A value a step refused (a writer checks some settings only when it runs): every error is
    /// about a setting the request gave, not about the input, so the request is what was wrong.
    static func blamesSettings(_ diagnostics: [Diagnostic], given settings: ConversionOptions) -> Bool {
        let errors = diagnostics.filter { $0.severity == .error }
        return !errors.isEmpty
            && errors.allSatisfy { error in
                error.location == nil
                    && (error.id == "setting.value" || settings.values.keys.contains { error.message.contains(SettingMention.render($0)) })
            }
    }

    /// The target's media type; text is UTF-8 and says so (browsers guess otherwise).
    static func mediaType(of format: FormatDescriptor) -> String {
        let type = format.mediaTypes.first ?? "application/octet-stream"
        return type.hasPrefix("text/") ? type + "; charset=utf-8" : type
    }

    /// `episode.txt` → `episode.json`; a folder target → `episode.zip`.
    static func outputName(for input: String, target: FormatDescriptor, writesFolder: Bool) -> String {
        // A download is never a hidden file: leading dots go (`.txt` gives `txt.json`).
        let visible = String(ConversionParameters.baseName(input).drop { $0 == "." })
        let base = visible.isEmpty ? "input" : visible
        let stem = base.contains(".") ? String(base[..<base.lastIndex(of: ".")!]) : base
        return stem + "." + (writesFolder ? "zip" : target.fileExtensions.first ?? "out")
    }
}

extension Diagnostic {
    /// The diagnostic with temporary paths replaced by the names the client gave.
    func renamingFiles(_ names: [String: String]) -> Diagnostic {
        guard !names.isEmpty else { return self }
        var copy = self
        if var range = copy.range, let name = names[range.start.file] {
            range.start.file = name
            if let end = range.end, names[end.file] != nil { range.end?.file = name }
            copy.range = range
        }
        copy.message = message.renamingFiles(names)
        copy.notes = notes.map { note in
            var note = note
            note.message = note.message.renamingFiles(names)
            if let file = note.location?.file, let name = names[file] { note.location?.file = name }
            return note
        }
        return copy
    }
}

extension String {
    func renamingFiles(_ names: [String: String]) -> String {
        var text = self
        for (path, name) in names { text = text.replacingOccurrences(of: path, with: name) }
        return text
    }
}

/// `Quire-Diagnostics`: the warnings and errors as ASCII-only JSON, bounded in size.
enum DiagnosticsHeader {
    static let name = HTTPFields.Element.Name("Quire-Diagnostics")!
    /// Headers past about 8 KiB are refused by many proxies; further diagnostics are summarised.
    static let budget = 6000

    static func value(_ diagnostics: [Diagnostic]) -> String? {
        let shown = diagnostics.filter { $0.severity != .note }
        guard !shown.isEmpty else { return nil }
        var items: [JSONValue] = []
        var size = 2
        for (index, diagnostic) in shown.enumerated() {
            let text = diagnostic.json.serialized(asciiOnly: true)
            if size + text.count + 1 > budget {
                let omitted = Diagnostic.note("server.diagnostics.omitted", "\(shown.count - index) more diagnostics omitted")
                items.append(omitted.json)
                break
            }
            items.append(diagnostic.json)
            size += text.count + 1
        }
        return JSONValue.array(items).serialized(asciiOnly: true)
    }
}

enum ContentDisposition {
    /// `attachment; filename="a.json"`, plus `filename*` in UTF-8 when the name is not plain ASCII.
    static func attachment(_ filename: String) -> String {
        let plain = String(
            filename.unicodeScalars.map { scalar -> Character in
                scalar.isASCII && scalar.value >= 0x20 && scalar != "\"" && scalar != "\\" && scalar.value != 0x7F ? Character(scalar) : "_"
            })
        var value = "attachment; filename=\"\(plain)\""
        if plain != filename {
            let allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(0x7F)))
                .union(CharacterSet(charactersIn: "-._~"))
            value += "; filename*=UTF-8''" + (filename.addingPercentEncoding(withAllowedCharacters: allowed) ?? plain)
        }
        return value
    }
}

/// Zips a written folder (an HTML site) for the response.
enum FolderZip {
    static func zip(folder: String) throws -> [UInt8] {
        let writer = ZipWriter()
        let root = URL(fileURLWithPath: folder)
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return try writer.finish() }
        var files: [String] = []
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            files.append(String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1)))
        }
        for relative in files.sorted() {
            try writer.add(relative, bytes: try FileIO.read(folder + "/" + relative))
        }
        return try writer.finish()
    }
}

/// A file sent in 64 KiB pieces, its temporary folder removed once sent.
enum FileStreaming {
    static let chunkSize = 64 << 10

    static func body(path: String, size: Int?, keeping folder: TemporaryFolder) -> ResponseBody {
        ResponseBody(contentLength: size) { writer in
            defer { withExtendedLifetime(folder) {} }
            guard let handle = FileHandle(forReadingAtPath: path) else {
                try await writer.finish(nil)
                return
            }
            defer { try? handle.close() }
            while let data = try handle.read(upToCount: chunkSize), !data.isEmpty {
                try await writer.write(ByteBuffer(bytes: data))
            }
            try await writer.finish(nil)
        }
    }
}
