import Foundation
import QuireCommands

// Standard input, output and error must be open: otherwise the next file or pipe Quire opens
// would take their place, and a plugin would read or write the wrong thing.
for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) == -1 {
    _ = open("/dev/null", O_RDWR)
}

exit(QuireCLI.run(Array(CommandLine.arguments.dropFirst())).rawValue)
