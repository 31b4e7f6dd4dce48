/// What every provider of formats implements, built-in or not: it adds its formats and edges to a registry.
///
/// The built-in formats are registered through this interface exactly as a third-party Swift package
/// or an out-of-process plugin adapter would be.
public protocol FormatPlugin: Sendable {
    /// Shown in `quire formats` and `quire route` as the provider of each edge (`built-in`, a plugin's name).
    var name: String { get }
    func register(in registry: inout FormatRegistry) throws
}
