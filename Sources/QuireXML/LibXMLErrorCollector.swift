import CLibXML2
import QuireCore

/// Collects libxml2's complaints during one parse: the one structured error handler that the XML and
/// HTML parsers (and anything else here that calls libxml2's parsers) install.
final class LibXMLErrorCollector {
    struct Complaint {
        var message: String
        var line: Int
        var column: Int
        var level: xmlErrorLevel

        var isWarning: Bool { level == XML_ERR_WARNING }
        var isFatal: Bool { level == XML_ERR_FATAL }
    }

    private(set) var complaints: [Complaint] = []
    /// The message of a complaint that comes without one (`XML error`, `HTML error`).
    private let fallbackMessage: String

    private init(fallbackMessage: String) {
        self.fallbackMessage = fallbackMessage
    }

    /// libxml2's global set-up is not thread-safe; it runs once, before the first parse.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Runs `parse` (which calls libxml2) with a new collector as libxml2's structured error handler, and
    /// returns what it returned with the complaints made meanwhile. The handler is per thread in libxml2,
    /// so parallel parses do not mix.
    static func collecting<Result>(fallbackMessage: String, _ parse: () -> Result) -> (result: Result, complaints: [Complaint]) {
        _ = initialized
        let collector = LibXMLErrorCollector(fallbackMessage: fallbackMessage)
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        xmlSetStructuredErrorFunc(
            box.toOpaque(),
            { context, error in
                guard let context, let error else { return }
                let collector = Unmanaged<LibXMLErrorCollector>.fromOpaque(context).takeUnretainedValue()
                let message = error.pointee.message.map { String(cString: $0) } ?? collector.fallbackMessage
                collector.complaints.append(
                    Complaint(message: message.trimmingWhitespace(), line: Int(error.pointee.line), column: Int(error.pointee.int2), level: error.pointee.level)
                )
            })
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        return (parse(), collector.complaints)
    }

    /// Where a complaint points in `input`; libxml2 gives 0 for a line or column it does not know.
    static func location(in input: InputFile, line: Int?, column: Int?, entry: String?) -> SourceLocation {
        input.location(line: line.flatMap { $0 > 0 ? $0 : nil }, column: column.flatMap { $0 > 0 ? $0 : nil }, entry: entry)
    }
}

extension [LibXMLErrorCollector.Complaint] {
    /// The complaints in order, each repeat of one line, column and message left out (libxml2 reports
    /// some errors more than once).
    func uniqued() -> [LibXMLErrorCollector.Complaint] {
        var seen: Set<String> = []
        return filter { seen.insert("\($0.line):\($0.column):\($0.message)").inserted }
    }
}
