import Foundation
import QuireCore

#if canImport(Glibc)
import Glibc
#endif

/// Runs a program in its own process group with its standard streams on pipes, feeding its input
/// and collecting its output from one thread with `poll`, so that a limit or a timeout can stop the
/// program and everything it started (the whole group), and nothing is left holding a pipe open.
struct ChildProcess {
    struct Outcome {
        var output: [UInt8]
        var errorOutput: [UInt8]
        /// How it ended: an exit status or a signal.
        var status: Status
    }

    enum Status: Equatable {
        case exited(Int32)
        case signaled(Int32)
        case timedOut
        case outputTooLarge
        case errorOutputTooLarge
    }

    struct LaunchFailure: Error {
        var reason: String
    }

    static func run(
        executable: String, arguments: [String], environment: [String: String], input: [UInt8],
        timeout: Double, outputLimit: Int, errorLimit: Int
    ) throws(LaunchFailure) -> Outcome {
        // Close-on-exec pipes: no other child (plugins may run side by side) inherits their ends, and
        // the three the program gets are dup2'd into place, which clears the flag on them.
        var stdinPipe: [Int32] = [-1, -1], stdoutPipe: [Int32] = [-1, -1], stderrPipe: [Int32] = [-1, -1]
        guard pipe(&stdinPipe) == 0, pipe(&stdoutPipe) == 0, pipe(&stderrPipe) == 0 else {
            let reason = SystemError.current.description
            for descriptor in stdinPipe + stdoutPipe + stderrPipe where descriptor >= 0 { close(descriptor) }
            throw LaunchFailure(reason: reason)
        }
        for descriptor in stdinPipe + stdoutPipe + stderrPipe { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group (so a timeout stops everything it started), default signal
        // handling and an empty signal mask, whatever Quire's own are.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t(), emptyMask = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        close(stdinPipe[0])
        close(stdoutPipe[1])
        close(stderrPipe[1])
        guard spawned == 0 else {
            close(stdinPipe[1]); close(stdoutPipe[0]); close(stderrPipe[0])
            throw LaunchFailure(reason: SystemError(code: spawned).description)
        }
        // A plugin that stops reading must not kill Quire with SIGPIPE: block it on this thread while
        // feeding the plugin (writes then fail with EPIPE), and discard it if it was raised.
        var blockPipe = sigset_t(), previousMask = sigset_t()
        sigemptyset(&blockPipe)
        sigaddset(&blockPipe, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &blockPipe, &previousMask)
        defer {
            var pending = sigset_t()
            sigpending(&pending)
            if sigismember(&pending, SIGPIPE) == 1 {
                var zero = timespec(tv_sec: 0, tv_nsec: 0)
                sigtimedwait(&blockPipe, nil, &zero)
            }
            pthread_sigmask(SIG_SETMASK, &previousMask, nil)
        }
        for descriptor in [stdinPipe[1], stdoutPipe[0], stderrPipe[0]] {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        }

        var output: [UInt8] = [], errorOutput: [UInt8] = []
        var writeFD: Int32 = input.isEmpty ? -1 : stdinPipe[1]
        if writeFD < 0 { close(stdinPipe[1]) }
        var readFDs: [Int32] = [stdoutPipe[0], stderrPipe[0]]
        var written = 0
        var stopped: Status?
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(min(max(timeout, 0), 1e8) * 1e9)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)

        while stopped == nil && (writeFD >= 0 || !readFDs.isEmpty) {
            let now = DispatchTime.now().uptimeNanoseconds
            if now >= deadline {
                stopped = .timedOut
                break
            }
            var polls = readFDs.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if writeFD >= 0 { polls.append(pollfd(fd: writeFD, events: Int16(POLLOUT), revents: 0)) }
            let ready = poll(&polls, nfds_t(polls.count), Int32(min(1000, (deadline - now) / 1_000_000 + 1)))
            if ready < 0 && errno != EINTR {
                stopped = .timedOut
                break
            }
            for entry in polls where entry.revents != 0 {
                if entry.fd == writeFD {
                    let count = input.withUnsafeBytes { write(writeFD, $0.baseAddress! + written, $0.count - written) }
                    if count > 0 { written += count }
                    if count < 0 && errno != EAGAIN || written == input.count {
                        close(writeFD)
                        writeFD = -1
                    }
                    continue
                }
                let count = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    if entry.fd == stdoutPipe[0] {
                        output += buffer[0..<count]
                        if output.count > outputLimit { stopped = .outputTooLarge }
                    } else {
                        errorOutput += buffer[0..<count]
                        if errorOutput.count > errorLimit { stopped = .errorOutputTooLarge }
                    }
                } else if count == 0 || errno != EAGAIN {
                    readFDs.removeAll { $0 == entry.fd }
                    close(entry.fd)
                }
            }
        }
        if let stopped {
            // The whole group: the plugin and anything it started.
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
            for descriptor in readFDs { close(descriptor) }
            if writeFD >= 0 { close(writeFD) }
            var ignored: Int32 = 0
            waitpid(pid, &ignored, 0)
            return Outcome(output: output, errorOutput: errorOutput, status: stopped)
        }
        // The streams are closed, but the program may still run (it closed them itself): the deadline
        // still holds.
        var status: Int32 = 0
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped < 0 && errno != EINTR { break }
            if DispatchTime.now().uptimeNanoseconds >= deadline {
                kill(-pid, SIGKILL)
                kill(pid, SIGKILL)
                var ignored: Int32 = 0
                waitpid(pid, &ignored, 0)
                return Outcome(output: output, errorOutput: errorOutput, status: .timedOut)
            }
            usleep(2_000)
        }
        // Decode the wait status: low seven bits are the terminating signal, if any.
        let signal = status & 0x7F
        return Outcome(output: output, errorOutput: errorOutput, status: signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal))
    }
}
