import Foundation
import Logging

enum ServerLogging {
    static func logger(format: ServerConfiguration.LogFormat, level: String) -> Logger {
        var logger = Logger(label: "quire", factory: { label in StreamLogHandler.standardError(label: label) })
        logger.logLevel = Logger.Level(rawValue: level) ?? .info
        return logger
    }
}
