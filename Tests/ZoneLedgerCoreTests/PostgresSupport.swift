// Support for the PostgreSQL tests: a throwaway cluster per suite (scripts/pg-cluster), a
// temporary folder, and literals for GRDB's values.

import Foundation
import GRDB
import Testing
@testable import ZoneLedgerCore

/// Literals for values, so that rows in these tests read as the table they are.
extension DatabaseValue: @retroactive ExpressibleByIntegerLiteral, @retroactive ExpressibleByStringLiteral,
    @retroactive ExpressibleByFloatLiteral {
    public init(integerLiteral value: Int64) { self = value.databaseValue }
    public init(stringLiteral value: String) { self = value.databaseValue }
    public init(floatLiteral value: Double) { self = value.databaseValue }
}

/// A throwaway cluster made by scripts/pg-cluster, as CI and a developer would make one.
final class PostgresCluster: Sendable {
    let folder: String
    let url: PostgresURL
    let passFile: String

    /// The cluster of the running suite; nil outside `.postgresCluster` or without PostgreSQL.
    @TaskLocal static var current: PostgresCluster?

    /// The environment a link gets in these tests: only the cluster's pgpass, nothing of the
    /// machine's (no PGPASSWORD, no ~/.pgpass), so a test passes or fails the same anywhere.
    static var environment: [String: String] { ["PGPASSFILE": current?.passFile ?? "/nonexistent"] }

    /// The suite's cluster, or nil with an Issue: no PostgreSQL is a failure, never a quiet pass.
    static func live() -> PostgresCluster? {
        if let current { return current }
        Issue.record("PostgreSQL 15 is not installed (no \(binaries)/initdb): run scripts/install-deps (CI installs postgresql)")
        return nil
    }

    static let binaries = "/usr/lib/postgresql/15/bin"
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/pg-cluster").path

    /// Starts a cluster, or nil when the PostgreSQL binaries are missing.
    static func start() throws -> PostgresCluster? {
        guard FileManager.default.isExecutableFile(atPath: binaries + "/initdb") else { return nil }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zoneledger-pg-\(UUID().uuidString)").path
        let output = try run(["start", folder])
        // The two lines to eval: export PGPASSFILE=… and export ZONELEDGER_PG_URL=…
        var exports: [String: String] = [:]
        for line in output.split(separator: "\n") where line.hasPrefix("export ") {
            let pair = line.dropFirst("export ".count).split(separator: "=", maxSplits: 1)
            if pair.count == 2 { exports[String(pair[0])] = String(pair[1]) }
        }
        guard let passFile = exports["PGPASSFILE"], let text = exports["ZONELEDGER_PG_URL"],
              let url = try PostgresURL.parse(text, environment: [:]) else {
            throw ClusterError("pg-cluster start printed no PGPASSFILE and ZONELEDGER_PG_URL: \(output)")
        }
        return PostgresCluster(folder: folder, url: url, passFile: passFile)
    }

    private init(folder: String, url: PostgresURL, passFile: String) {
        self.folder = folder
        self.url = url
        self.passFile = passFile
    }

    /// A new database in the cluster (scripts/pg-cluster createdb), named after the test and unique.
    func createDatabase(_ name: String) throws -> PostgresURL {
        let unique = "\(name)_\(UUID().uuidString.prefix(8).lowercased())"
        _ = try Self.run(["createdb", folder, unique])
        var url = self.url
        url.database = unique
        return url
    }

    func stop() throws { _ = try Self.run(["stop", folder]) }

    /// Runs scripts/pg-cluster to its end (at most two minutes), its output through a file.
    /// Not Process.waitUntilExit: on Linux it spins the calling thread's run loop, and from a
    /// test's thread it never saw the script end; the termination handler does.
    private static func run(_ arguments: [String]) throws -> String {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("pg-cluster-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let output = try FileHandle(forWritingTo: log)
        defer { try? output.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        guard exited.wait(timeout: .now() + 120) == .success else {
            process.terminate()
            throw ClusterError("pg-cluster \(arguments.joined(separator: " ")) took over two minutes")
        }
        let printed = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            throw ClusterError("pg-cluster \(arguments.joined(separator: " ")) failed: \(printed)")
        }
        return printed
    }
}

struct ClusterError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Starts one cluster around a whole suite and stops it after the suite's last test.
struct PostgresClusterTrait: SuiteTrait, TestScoping {
    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        guard let cluster = try PostgresCluster.start() else { return try await function() }
        do {
            try await PostgresCluster.$current.withValue(cluster) { try await function() }
        } catch {
            try? cluster.stop()
            throw error
        }
        try cluster.stop()
    }
}

extension Trait where Self == PostgresClusterTrait {
    static var postgresCluster: Self { Self() }
}

/// A folder under the temporary directory, removed when the test is done with it.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("zoneledger-pg-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` to `name` with exactly `mode` (not narrowed by the umask); its path.
    func write(_ name: String, _ text: String, mode: Int) throws -> String {
        let file = path + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file)
        return file
    }
}
