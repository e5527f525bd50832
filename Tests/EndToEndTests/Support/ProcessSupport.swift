// Processes that run at the same time: started without waiting, waited for with a deadline,
// killed with SIGKILL; the sqlite3 CLI for foreign writers; a seeded random generator.
//
// `Sandbox.run` waits with Process.waitUntilExit, which on Linux polls the run loop; these
// helpers wait on a semaphore signalled by the termination handler instead, so dozens of
// waiting threads cost no CPU, and every wait has a deadline.

import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Everything needed to start the CLI in a sandbox, as a value that threads may share.
struct Launcher: Sendable {
    let binary: URL
    let environment: [String: String]
    let folder: URL
    let io: URL

    /// Starts `zoneledger ARGS` (exactly as given) and returns at once.
    func spawn(_ arguments: [String], environment overrides: [String: String?] = [:]) throws -> Spawned {
        var environment = environment
        for (key, value) in overrides { environment[key] = value }
        return try Spawned(executable: binary, arguments: arguments, environment: environment, folder: folder, io: io)
    }

    /// Runs `zoneledger ARGS` to the end, or kills it after `timeout` (status then 128 + 9, and
    /// `timedOut` is set).
    func run(_ arguments: [String], environment overrides: [String: String?] = [:], timeout: TimeInterval = 60) throws -> Outcome {
        try spawn(arguments, environment: overrides).finish(timeout: timeout)
    }

    /// Any other program (sqlite3), with stdin from `input` when given.
    func spawnProgram(_ executable: String, _ arguments: [String], input: URL? = nil) throws -> Spawned {
        try Spawned(executable: URL(fileURLWithPath: executable), arguments: arguments, environment: environment,
                    folder: folder, io: io, input: input)
    }
}

/// A started process. Output goes to files (a pipe could fill and block the child).
final class Spawned: @unchecked Sendable {
    let arguments: [String]
    let process: Process
    let pid: Int32
    let started = Date()
    private let exited = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var finished: Outcome?
    private let outURL: URL
    private let errURL: URL
    private(set) var timedOut = false

    init(executable: URL, arguments: [String], environment: [String: String], folder: URL, io: URL, input: URL? = nil) throws {
        self.arguments = arguments
        let base = io.appendingPathComponent(UUID().uuidString)
        outURL = base.appendingPathExtension("out")
        errURL = base.appendingPathExtension("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer { try? out.close(); try? err.close() }
        process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = folder
        process.standardInput = try input.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        let semaphore = exited
        process.terminationHandler = { _ in semaphore.signal() }
        try process.run()
        pid = process.processIdentifier
    }

    /// Still running (not yet reaped)?
    var isRunning: Bool { process.isRunning }

    /// SIGKILL, by this process's own id.
    func kill() {
        if process.isRunning { _ = Glibc.kill(pid, SIGKILL) }
    }

    /// Waits until it exits; after `timeout` seconds it is killed (and `timedOut` set).
    func finish(timeout: TimeInterval = 60) -> Outcome {
        lock.lock()
        defer { lock.unlock() }
        if let finished { return finished }
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            kill()
            exited.wait()
        }
        // The handler may run just before Process records the reason: wait for it.
        while process.isRunning { usleep(1000) }
        let status = process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
        let outcome = Outcome(arguments: arguments, status: status,
                              stdoutData: (try? Data(contentsOf: outURL)) ?? Data(),
                              stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self))
        try? FileManager.default.removeItem(at: outURL)
        try? FileManager.default.removeItem(at: errURL)
        finished = outcome
        return outcome
    }

    /// Killed by a signal (rather than exiting)?
    var wasKilled: Bool { process.terminationReason == .uncaughtSignal }
}

/// Values collected from many threads.
final class Collected<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Value] = []
    func append(_ value: Value) { lock.lock(); values.append(value); lock.unlock() }
    var all: [Value] { lock.lock(); defer { lock.unlock() }; return values }
}

/// A flag one thread raises and others read.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false
    func raise() { lock.lock(); raised = true; lock.unlock() }
    var isRaised: Bool { lock.lock(); defer { lock.unlock() }; return raised }
}

/// Runs each body on its own thread (not the cooperative pool, which has as many threads as
/// cores) and waits for all of them, at most `timeout` seconds. Returns false on timeout.
func onThreads(_ bodies: [@Sendable () -> Void], timeout: TimeInterval) -> Bool {
    let group = DispatchGroup()
    for body in bodies {
        group.enter()
        let thread = Thread {
            body()
            group.leave()
        }
        thread.start()
    }
    return group.wait(timeout: .now() + timeout) == .success
}

extension Sandbox {
    var launcher: Launcher {
        get throws {
            Launcher(binary: try CLI.binary.get(), environment: CLI.environment(dataHome: root.appendingPathComponent("data").path),
                     folder: folder, io: root.appendingPathComponent("io"))
        }
    }

    /// No -wal, -shm or -journal next to the ledger.
    func leftovers(_ name: String = "ledger.sqlite") -> [String] {
        ["-wal", "-shm", "-journal"].map { name + $0 }.filter(exists)
    }

    /// The live history as JSON (`log --format json`).
    func history(_ name: String = Sandbox.ledgerName) throws -> [[String: Any]] {
        let outcome = try run(["log", "--format", "json", "--db", location(name)])
        guard outcome.status == 0 else { throw HarnessError("log failed: \(outcome)") }
        return try jsonArray(outcome)
    }
}

// MARK: - The sqlite3 CLI

enum SQLite3 {
    /// The sqlite3 command line shell, which scripts/install-deps installs.
    static func path() throws -> String {
        for candidate in ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3", "/bin/sqlite3"] where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(folder)/sqlite3"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw HarnessError("the sqlite3 command line shell is not installed: these tests need it (run scripts/install-deps, or apt-get install sqlite3)")
    }
}

extension Sandbox {
    /// Runs an SQL script against a ledger with the store's own shell, as a user at the database
    /// would, and expects it to succeed: `sqlite3 -bail FILE`, or on the PostgreSQL pass for the
    /// sandbox's own ledger `psql` (quiet, unaligned, `|` between columns, as sqlite3 prints).
    @discardableResult
    func sql(_ script: String, on name: String = Sandbox.ledgerName, sourceLocation: SourceLocation = #_sourceLocation) throws -> Outcome {
        let input = root.appendingPathComponent("io").appendingPathComponent(UUID().uuidString + ".sql")
        try Data(script.utf8).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let target = location(name)
        let outcome = if target.hasPrefix("postgres://") {
            try launcher.spawnProgram("/usr/bin/psql", ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-f", input.path, target]).finish(timeout: 60)
        } else {
            try launcher.spawnProgram(try SQLite3.path(), ["-bail", path(name)], input: input).finish(timeout: 60)
        }
        #expect(outcome.status == 0 && outcome.stderr.isEmpty, "the SQL shell failed: \(outcome)", sourceLocation: sourceLocation)
        return outcome
    }

    /// Starts `sqlite3 FILE` holding the write lock (BEGIN IMMEDIATE) for `seconds`, and returns
    /// once it holds it: the script touches a marker file right after BEGIN IMMEDIATE succeeded.
    func holdWriteLock(seconds: Int, on name: String = "ledger.sqlite") throws -> Spawned {
        let marker = root.appendingPathComponent("io").appendingPathComponent("locked-\(UUID().uuidString)")
        let input = root.appendingPathComponent("io").appendingPathComponent(UUID().uuidString + ".sql")
        try Data("""
            BEGIN IMMEDIATE;
            .shell touch '\(marker.path)'; sleep \(seconds)
            COMMIT;

            """.utf8).write(to: input)
        let holder = try launcher.spawnProgram(try SQLite3.path(), ["-bail", path(name)], input: input)
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: marker.path) {
            guard holder.isRunning, Date() < deadline else {
                holder.kill()
                throw HarnessError("sqlite3 never took the write lock: \(holder.finish(timeout: 5))")
            }
            usleep(5000)
        }
        return holder
    }
}

// MARK: - Deterministic randomness

/// SplitMix64: the same seed gives the same numbers on every machine and run.
struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

// MARK: - Files

extension Sandbox {
    /// Every regular file in a folder (relative names), for diffing two folders.
    func files(in folder: String) throws -> [String: Data] {
        let base = folder.hasPrefix("/") ? folder : path(folder)
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: base) {
            result[name] = FileManager.default.contents(atPath: base + "/" + name)
        }
        return result
    }
}
