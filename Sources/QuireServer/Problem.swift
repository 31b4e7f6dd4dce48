import Hummingbird
import QuireCore

/// A request the server answers with an RFC 9457 problem (`application/problem+json`).
struct Problem: Error, Sendable {
    var status: HTTPResponse.Status
    /// The last part of the `type` URI: `https://quire.invalid/problems/<slug>`.
    var slug: String
    var title: String
    var detail: String
    var diagnostics: [Diagnostic] = []
    /// Seconds, for 503.
    var retryAfter: Int? = nil
    /// The request body was not read to its end: the connection is closed after the answer, rather
    /// than reading (possibly unbounded) bytes nobody wants.
    var closesConnection = false

    static func badRequest(_ detail: String, diagnostics: [Diagnostic] = []) -> Problem {
        Problem(status: .badRequest, slug: "bad-request", title: "Bad request", detail: detail, diagnostics: diagnostics)
    }

    static func unsupportedInput(_ detail: String, diagnostics: [Diagnostic] = []) -> Problem {
        Problem(status: .unsupportedMediaType, slug: "unsupported-input", title: "Input format not readable", detail: detail, diagnostics: diagnostics)
    }

    static func conversionFailed(_ detail: String, diagnostics: [Diagnostic] = []) -> Problem {
        Problem(status: .unprocessableContent, slug: "conversion-failed", title: "Conversion failed", detail: detail, diagnostics: diagnostics)
    }

    static func noRoute(_ detail: String) -> Problem {
        Problem(status: .unprocessableContent, slug: "no-route", title: "No route", detail: detail)
    }

    static func tooLarge(limit: Int) -> Problem {
        Problem(
            status: .contentTooLarge, slug: "body-too-large", title: "Request body too large",
            detail: "the request body is larger than the server's limit of \(limit) bytes", closesConnection: true)
    }

    static func bodyTimeout(seconds: Double) -> Problem {
        Problem(
            status: .requestTimeout, slug: "request-timeout", title: "Request body too slow",
            detail: "the request body did not arrive within \(ServerText.seconds(seconds)) seconds", closesConnection: true)
    }

    static let busy = Problem(
        status: .serviceUnavailable, slug: "busy", title: "Server busy",
        detail: "every conversion worker is busy and the queue is full; try again", retryAfter: 1)

    static func conversionTimeout(seconds: Double) -> Problem {
        Problem(
            status: .serviceUnavailable, slug: "conversion-timeout", title: "Conversion took too long",
            detail: "the conversion did not finish within \(ServerText.seconds(seconds)) seconds", retryAfter: 1)
    }

    static let shuttingDown = Problem(
        status: .serviceUnavailable, slug: "shutting-down", title: "Server shutting down",
        detail: "the server is shutting down and takes no new conversions", retryAfter: 1)

    static func notFound(_ path: String) -> Problem {
        Problem(status: .notFound, slug: "not-found", title: "Not found", detail: "no such resource")
    }

    var json: JSONValue {
        .object([
            ("type", .string("https://quire.invalid/problems/\(slug)")),
            ("title", .string(title)),
            ("status", .number(Int(status.code))),
            ("detail", .string(detail)),
            ("diagnostics", .array(diagnostics.map(\.json))),
        ])
    }

    var response: Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        if closesConnection { headers[.connection] = "close" }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: json.bytes)))
    }
}

enum ServerText {
    /// `60`, `0.5`.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
