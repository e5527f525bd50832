// The end-to-end harness: runs the built `zoneledger` binary as a user would, in a fresh
// folder per test, and captures stdout, stderr and the exit code.

import Foundation
import Testing

/// The day every test runs on (the CLI reads ZONELEDGER_TODAY) and who records entries.
enum Pinned {
    static let today = "2026-11-29"
    static let author = "测试员"
}

struct HarnessError: Error, CustomStringConvertible, Sendable {
    let description: String
    init(_ description: String) { self.description = description }
}

/// What one run of the CLI produced.
struct Outcome: CustomStringConvertible, Sendable {
    let arguments: [String]
    let status: Int32
    let stdoutData: Data
    let stderr: String

    var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
    var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    var description: String {
        "zoneledger \(arguments.joined(separator: " ")) → exit \(status)\n--- stdout\n\(stdout.prefix(3000))\n--- stderr\n\(stderr)"
    }
}

enum CLI {
    /// The binary under test: ZONELEDGER_BIN, else `zoneledger` in the products folder of the
    /// build that runs these tests (`swift test` builds every product, executables included).
    static let binary: Result<URL, HarnessError> = {
        let environment = ProcessInfo.processInfo.environment
        if let override = environment["ZONELEDGER_BIN"], !override.isEmpty {
            let url = URL(fileURLWithPath: override)
            return FileManager.default.isExecutableFile(atPath: url.path)
                ? .success(url) : .failure(HarnessError("ZONELEDGER_BIN=\(override) is not an executable file"))
        }
        var folders: [URL] = []
        #if os(macOS)
        // xctest loads the test bundle; the products folder holds the bundle.
        folders += Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }.map { $0.bundleURL.deletingLastPathComponent() }
        #endif
        // On Linux the tests are an executable in the products folder itself.
        if let executable = Bundle.main.executableURL { folders.append(executable.deletingLastPathComponent()) }
        folders.append(Bundle.main.bundleURL)
        folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        for folder in folders {
            let candidate = folder.appendingPathComponent("zoneledger")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return .success(candidate.standardizedFileURL) }
        }
        return .failure(HarnessError("no zoneledger binary next to the tests (looked in \(folders.map(\.path))); set ZONELEDGER_BIN"))
    }()

    /// The environment of every run: PATH and HOME kept (LD_LIBRARY_PATH too, should the Swift
    /// runtime need it), the clock and the author pinned, no colour, no ZONELEDGER_DB and no
    /// COLUMNS (so tables are at their natural width). XDG_DATA_HOME points into the sandbox,
    /// so a test that forgot --db can never touch the real per-user ledger.
    static func environment(dataHome: String) -> [String: String] {
        let inherited = ProcessInfo.processInfo.environment
        var environment: [String: String] = [:]
        for key in ["PATH", "HOME", "LD_LIBRARY_PATH"] { environment[key] = inherited[key] }
        environment["XDG_DATA_HOME"] = dataHome
        environment["ZONELEDGER_TODAY"] = Pinned.today
        environment["ZONELEDGER_AUTHOR"] = Pinned.author
        environment["NO_COLOR"] = "1"
        // The PostgreSQL pass: the cluster's password file, so every run can log in.
        if case .success(let cluster) = TestStore.postgres { environment["PGPASSFILE"] = cluster.passFile }
        return environment
    }

    /// The bytes of a freshly seeded ledger, made once per test run by `zoneledger init`;
    /// tests that only need "a seeded ledger" copy it instead of running init again.
    static let seededLedger: Result<Data, HarnessError> = {
        do {
            let sandbox = try Sandbox()
            let file = sandbox.path(Sandbox.ledgerName)
            let made = try sandbox.run(["init", "--db", file])
            guard made.status == 0 else { return .failure(HarnessError("init failed: \(made)")) }
            return .success(try Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            return .failure(HarnessError("init failed: \(error)"))
        }
    }()
}

/// Another uid to run the CLI as. Tests run as root, for whom file modes do not stop writes.
struct OtherUser: Sendable {
    let uid: UInt32
    let setpriv: String

    /// `nobody` through util-linux setpriv, when we are root and setpriv is installed.
    static let nobody: OtherUser? = {
        guard geteuid() == 0 else { return nil }
        guard let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        return OtherUser(uid: 65534, setpriv: setpriv)
    }()
}

/// A fresh folder for one test, removed when the test lets go of it. All file access goes
/// through its methods, so it stays alive as long as the test uses it.
final class Sandbox {
    let root: URL
    /// Where ledgers live, and the working folder of every run.
    let folder: URL

    /// The sandbox's own ledger on the PostgreSQL pass (TestStore); nil on the SQLite pass.
    let database: SandboxDatabase?

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("zoneledger-e2e-\(UUID().uuidString)")
        folder = root.appendingPathComponent("db")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("io"), withIntermediateDirectories: true)
        database = try TestStore.postgres.map { SandboxDatabase(cluster: try $0.get()) }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// The name of the ledger most tests use.
    static let ledgerName = "ledger.sqlite"

    /// The ledger most tests use: a file in the sandbox, or its database on the PostgreSQL pass.
    var ledger: String { location(Self.ledgerName) }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// What `--db` takes for the ledger called `name`: its path, except the sandbox's own
    /// ledger on the PostgreSQL pass, whose URL it is.
    func location(_ name: String) -> String {
        if name.hasPrefix("postgres://") { return name }
        guard name == Self.ledgerName, let database else { return path(name) }
        do {
            return try database.existing()
        } catch {
            Issue.record("no PostgreSQL database for the sandbox: \(error)")
            return "postgres://zoneledger@127.0.0.1:1/no-database"
        }
    }

    /// A copy of the seeded ledger at `name` (default: `ledger`).
    @discardableResult
    func seeded(_ name: String = Sandbox.ledgerName) throws -> String {
        if name == Self.ledgerName, let database { return try database.seeded() }
        let bytes = try CLI.seededLedger.get()
        try write(bytes, to: name)
        return path(name)
    }

    func write(_ data: Data, to name: String) throws {
        try data.write(to: folder.appendingPathComponent(name))
    }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }

    /// `zoneledger ARGS --db <ledger>`.
    func zl(_ arguments: String..., environment: [String: String?] = [:]) throws -> Outcome {
        try run(arguments + ["--db", ledger], environment: environment)
    }

    /// `zoneledger ARGS` exactly as given; `environment` adds (or, with nil, removes) variables.
    func run(_ arguments: [String], environment overrides: [String: String?] = [:], as user: OtherUser? = nil) throws -> Outcome {
        let binary = try CLI.binary.get()
        var environment = CLI.environment(dataHome: root.appendingPathComponent("data").path)
        for (key, value) in overrides { environment[key] = value }

        // Output goes to files, not pipes: a long listing can never fill a pipe and block the child.
        let io = root.appendingPathComponent("io").appendingPathComponent(UUID().uuidString)
        let outURL = io.appendingPathExtension("out"), errURL = io.appendingPathExtension("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer { try? FileManager.default.removeItem(at: outURL); try? FileManager.default.removeItem(at: errURL) }

        let process = Process()
        if let user {
            process.executableURL = URL(fileURLWithPath: user.setpriv)
            process.arguments = ["--reuid=\(user.uid)", "--regid=\(user.uid)", "--clear-groups", binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        process.environment = environment
        process.currentDirectoryURL = folder
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let status = process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
        return Outcome(arguments: arguments, status: status,
                       stdoutData: try Data(contentsOf: outURL),
                       stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    // MARK: - Has the ledger changed?

    /// The bytes a ledger consists of once no process has it open.
    ///
    /// Why the main file plus its -wal, and nothing else: the ledger runs in WAL mode. Every
    /// command closes its connection before it exits, and SQLite's last close checkpoints the
    /// WAL into the main file and deletes the -wal, so once the process is gone the main file
    /// normally holds everything (InitTests checks that no -wal or -shm is left behind). Were a
    /// -wal left anyway (a crash, a reader that could not clean up), committed data would lie
    /// in main + -wal; comparing both, a missing -wal counting as empty, is therefore reliable
    /// and involves no timing, since we only look after the process has exited. The -shm is an
    /// index of the WAL rebuilt from it, never content, so it is ignored.
    struct FileBytes: Equatable {
        let main: Data?
        let wal: Data
    }

    func bytes(_ name: String = Sandbox.ledgerName) -> FileBytes {
        if name == Self.ledgerName, let database {
            do {
                return FileBytes(main: try database.dump(), wal: Data())
            } catch {
                Issue.record("\(error)")
                return FileBytes(main: Data("no fingerprint: \(UUID())".utf8), wal: Data())
            }
        }
        return FileBytes(main: FileManager.default.contents(atPath: path(name)),
                  wal: FileManager.default.contents(atPath: path(name) + "-wal") ?? Data())
    }

    /// What the ledger says, through the CLI itself: every history entry, every figure and the
    /// zone. Every recorded change (other than a figure or the zone's name) adds a history entry,
    /// so equal contents mean nothing was recorded, whatever the bytes do.
    func contents(_ name: String = Sandbox.ledgerName) throws -> String {
        try [["log"], ["figure", "list"], ["zone", "show"]].map { command in
            let outcome = try run(command + ["--format", "json", "--db", location(name)])
            return "\(outcome.status)\n\(outcome.stdout)"
        }.joined(separator: "\n")
    }

    // MARK: - Permissions

    func chmod(_ name: String, _ mode: Int) throws {
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: name.hasPrefix("/") ? name : path(name))
    }

    func chown(_ name: String, uid: UInt32) throws {
        try FileManager.default.setAttributes([.ownerAccountID: uid, .groupOwnerAccountID: uid],
                                              ofItemAtPath: name.hasPrefix("/") ? name : path(name))
    }

    /// The sandbox's ledger folder itself, for chmod/chown.
    var folderPath: String { folder.path }
}
