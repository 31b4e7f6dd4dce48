import Foundation
import QuireCommands
import QuireCore

// Standard input, output and error must be open: otherwise the next file or pipe Quire opens
// would take their place, and a plugin would read or write the wrong thing.
System.openStandardDescriptorsIfClosed()

exit(QuireCLI.run(Array(CommandLine.arguments.dropFirst())).rawValue)
