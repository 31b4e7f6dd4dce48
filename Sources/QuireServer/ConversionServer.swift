import Hummingbird
import Logging
import QuireConversion
import QuireCore

/// The HTTP front end over `ConversionService`: builds the Hummingbird application `quire serve` runs.
public struct ConversionServer: Sendable {
    public let configuration: ServerConfiguration
    public let service: ConversionService

    public init(configuration: ServerConfiguration, service: ConversionService) {
        self.configuration = configuration
        self.service = service
    }

    public func application(logger: Logger) -> some ApplicationProtocol {
        let router = Router()
        router.get("healthz") { _, _ in "ok\n" }
        return Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "quire"),
            logger: logger)
    }
}
