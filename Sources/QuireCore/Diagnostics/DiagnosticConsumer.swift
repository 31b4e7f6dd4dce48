/// Where diagnostics go once a step has reported them: a terminal, a JSON-lines stream for editors and
/// CI, a test's collector, a server's response (swift-docc's `DiagnosticConsumer`).
public protocol DiagnosticConsumer: AnyObject, Sendable {
    /// Diagnostics in the order they were reported.
    func receive(_ diagnostics: [Diagnostic])
    /// Called once when the job is over, so a consumer that buffers can write what it holds.
    func finalize()
}

extension DiagnosticConsumer {
    public func finalize() {}
}
