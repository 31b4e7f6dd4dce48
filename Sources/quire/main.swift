import Foundation
import QuireCommands

exit(QuireCLI.run(Array(CommandLine.arguments.dropFirst())).rawValue)
