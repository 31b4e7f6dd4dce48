import Foundation
import MultipartKit
import NIOCore

/// The `file` parts of a `multipart/form-data` body, in order; other parts are ignored.
struct MultipartUpload {
    struct File: Sendable {
        /// The part's `filename`, reduced to a base name; `nil` when absent.
        var filename: String?
        var bytes: [UInt8]
    }

    /// The boundary a `Content-Type` header names, when it is `multipart/form-data`; `nil` for other types.
    static func boundary(contentType: String?) throws(Problem) -> String? {
        guard let contentType else { return nil }
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            guard !value.isEmpty, value.count <= 200 else { break }
            return value
        }
        throw .badRequest("malformed multipart body: the Content-Type names no boundary")
    }

    static func files(in body: [UInt8], boundary: String) throws(Problem) -> [File] {
        let parser = MultipartParser(boundary: boundary)
        var files: [File] = []
        var headers: [(String, String)] = []
        var current: [UInt8] = []
        var inPart = false
        var completed = 0
        parser.onHeader = { name, value in
            inPart = true
            headers.append((name, value))
        }
        parser.onBody = { buffer in
            inPart = true
            current.append(contentsOf: buffer.readableBytesView)
        }
        parser.onPartComplete = {
            completed += 1
            let disposition = headers.first { $0.0.lowercased() == "content-disposition" }?.1
            let parameters = disposition.map(Self.dispositionParameters) ?? [:]
            if parameters["name"] == "file" {
                files.append(File(filename: parameters["filename"].map(ConversionParameters.baseName), bytes: current))
            }
            headers = []
            current = []
            inPart = false
        }
        do {
            try parser.execute(body)
        } catch {
            throw .badRequest("malformed multipart body: \(error)")
        }
        if inPart || completed == 0 {
            throw .badRequest("malformed multipart body: it ends inside a part or holds no complete part")
        }
        if files.isEmpty { throw .badRequest("the multipart body has no part named 'file'") }
        return files
    }

    /// `form-data; name="file"; filename="a.txt"` → `["name": "file", "filename": "a.txt"]`.
    static func dispositionParameters(_ value: String) -> [String: String] {
        var result: [String: String] = [:]
        var rest = Substring(value)
        // Skip the disposition type.
        guard let semicolon = rest.firstIndex(of: ";") else { return result }
        rest = rest[rest.index(after: semicolon)...]
        while !rest.isEmpty {
            rest = rest.drop { $0 == " " || $0 == "\t" || $0 == ";" }
            guard let equals = rest.firstIndex(of: "=") else { break }
            let key = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            rest = rest[rest.index(after: equals)...].drop { $0 == " " }
            var parsed = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                var escaped = false
                while let character = rest.first {
                    rest = rest.dropFirst()
                    if escaped {
                        parsed.append(character)
                        escaped = false
                    } else if character == "\\" {
                        escaped = true
                    } else if character == "\"" {
                        break
                    } else {
                        parsed.append(character)
                    }
                }
                rest = rest.drop { $0 != ";" }
            } else {
                let end = rest.firstIndex(of: ";") ?? rest.endIndex
                parsed = rest[..<end].trimmingCharacters(in: .whitespaces)
                rest = rest[end...]
            }
            result[key] = parsed
        }
        return result
    }
}
