// Runs the CLI with its standard output and error set up as Process cannot: at /dev/full,
// closed, or a pipe whose reader has gone. Spawned with posix_spawn, SIGPIPE and SIGXFSZ at
// their defaults whatever this test process does with them, so a CLI that does not guard
// against them dies by the signal, and the test sees that.

import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

enum StdoutSetup: Sendable {
    /// Every write fails with ENOSPC.
    case devFull
    /// Not open at all (`>&-`).
    case closed
    /// A pipe whose read end was closed before the CLI started: its first write gets EPIPE.
    case pipeWithoutReader
    /// `| head -c N`: N bytes are read, then the read end is closed.
    case pipeReadingOnly(Int)
    /// A file in the sandbox's io folder, read back into `stdout`.
    case captured
}

enum StderrSetup: Sendable {
    case captured, devFull, closed
}

/// How a run ended: an exit code, or the signal that killed it.
struct StreamOutcome: CustomStringConvertible, Sendable {
    let arguments: [String]
    let exitCode: Int32?
    let signal: Int32?
    let stdout: Data
    let stderr: String

    var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }

    var description: String {
        let ending = exitCode.map { "exit \($0)" } ?? "killed by signal \(signal ?? 0)"
        return "zoneledger \(arguments.joined(separator: " ")) → \(ending)\n--- stderr\n\(stderr)"
    }
}

extension Sandbox {
    /// `zoneledger ARGS` (exactly as given, with absolute paths: the working folder is this
    /// process's), started by `launcher` when one is given (`prlimit --fsize=…`).
    func run(_ arguments: [String], stdout: StdoutSetup, stderr: StderrSetup = .captured,
             environment overrides: [String: String?] = [:], launcher: [String] = []) throws -> StreamOutcome {
        let binary = try CLI.binary.get().path
        var environment = CLI.environment(dataHome: root.appendingPathComponent("data").path)
        for (key, value) in overrides { environment[key] = value }
        let io = root.appendingPathComponent("io").appendingPathComponent(UUID().uuidString).path
        let outPath = io + ".out", errPath = io + ".err"
        defer { unlink(outPath); unlink(errPath) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        var reader: Int32 = -1, writer: Int32 = -1
        switch stdout {
        case .devFull: posix_spawn_file_actions_addopen(&actions, 1, "/dev/full", O_WRONLY, 0)
        case .closed: posix_spawn_file_actions_addclose(&actions, 1)
        case .captured: posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        case .pipeWithoutReader, .pipeReadingOnly:
            var ends: [Int32] = [0, 0]
            // Close-on-exec at once, so that no other test's child inherits an end and keeps the pipe alive.
            guard pipe(&ends) == 0 else { throw HarnessError("pipe: \(errno)") }
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
            (reader, writer) = (ends[0], ends[1])
            // The smallest pipe (one page), so that even a short listing fills it and is still
            // being written when the reader goes away.
            _ = fcntl(writer, 1031 /* F_SETPIPE_SZ, Linux only: not imported */, 4096)
            if case .pipeWithoutReader = stdout {
                close(reader)
                reader = -1
            }
        }
        switch stderr {
        case .captured: posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        case .devFull: posix_spawn_file_actions_addopen(&actions, 2, "/dev/full", O_WRONLY, 0)
        case .closed: posix_spawn_file_actions_addclose(&actions, 2)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t(), unblocked = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        sigaddset(&defaults, SIGXFSZ)
        sigemptyset(&unblocked)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = launcher + [binary] + arguments
        let program = argv[0]
        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (cArguments + cEnvironment).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, &attributes, cArguments, cEnvironment)
        if writer >= 0 { close(writer) }  // the child's copy is the only writer left
        guard spawned == 0 else {
            if reader >= 0 { close(reader) }
            throw HarnessError("posix_spawn \(program): \(spawned)")
        }

        if case .pipeReadingOnly(let count) = stdout {
            var buffer = [UInt8](repeating: 0, count: count)
            var got = 0
            while got < count {
                let read = buffer.withUnsafeMutableBytes { Glibc.read(reader, $0.baseAddress! + got, count - got) }
                if read < 0 && errno == EINTR { continue }
                guard read > 0 else { break }
                got += read
            }
            close(reader)
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import as macros.
        let signal = status & 0x7f
        return StreamOutcome(arguments: arguments, exitCode: signal == 0 ? (status >> 8) & 0xff : nil,
                             signal: signal == 0 ? nil : signal,
                             stdout: FileManager.default.contents(atPath: outPath) ?? Data(),
                             stderr: String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self))
    }
}
