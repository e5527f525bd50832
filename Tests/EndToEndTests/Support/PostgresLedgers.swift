// PostgreSQL ledgers for the end-to-end tests: the cluster scripts/test started (it exports
// ZONELEDGER_PG_URL and PGPASSFILE), or, when a suite runs on its own, one started here with
// scripts/pg-cluster and stopped after the suite. Each test gets a new, empty database.

import Foundation
import Testing

final class PostgresLedgers: Sendable {
    let url: String
    let passFile: String
    /// Set when this run started the cluster itself (and so stops it).
    let folder: String?

    @TaskLocal static var current: PostgresLedgers?

    static let binaries = "/usr/lib/postgresql/15/bin"
    static var script: String { Tools.repository.appendingPathComponent("scripts/pg-cluster").path }

    /// The suite's cluster, or nil with an Issue: no PostgreSQL is a failure, never a quiet pass.
    static func live() -> PostgresLedgers? {
        if let current { return current }
        Issue.record("PostgreSQL 15 is not installed (no \(binaries)/initdb): run scripts/install-deps (CI installs postgresql)")
        return nil
    }

    private init(url: String, passFile: String, folder: String?) {
        self.url = url
        self.passFile = passFile
        self.folder = folder
    }

    static func start() throws -> PostgresLedgers? {
        let environment = ProcessInfo.processInfo.environment
        if let url = environment["ZONELEDGER_PG_URL"], let passFile = environment["PGPASSFILE"] {
            return PostgresLedgers(url: url, passFile: passFile, folder: nil)
        }
        guard FileManager.default.isExecutableFile(atPath: binaries + "/initdb") else { return nil }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zoneledger-e2e-pg-\(UUID().uuidString)").path
        let started = try Tools.run(script, ["start", folder])
        var exports: [String: String] = [:]
        for line in started.stdout.split(separator: "\n") where line.hasPrefix("export ") {
            let pair = line.dropFirst("export ".count).split(separator: "=", maxSplits: 1)
            if pair.count == 2 { exports[String(pair[0])] = String(pair[1]) }
        }
        guard started.status == 0, let url = exports["ZONELEDGER_PG_URL"], let passFile = exports["PGPASSFILE"] else {
            throw HarnessError("scripts/pg-cluster start failed: \(started)")
        }
        return PostgresLedgers(url: url, passFile: passFile, folder: folder)
    }

    func stop() {
        guard let folder else { return }
        _ = try? Tools.run(Self.script, ["stop", folder])
    }

    /// What a command needs to log in: the cluster's pgpass file, nothing of the machine's.
    var environment: [String: String?] { ["PGPASSFILE": passFile, "PGPASSWORD": nil] }

    /// A new, empty database; its URL (no password in it).
    func newDatabase(_ name: String) throws -> String {
        let database = "\(name)_\(UUID().uuidString.prefix(8).lowercased())"
        let created = try Tools.run("/usr/bin/psql", ["-v", "ON_ERROR_STOP=1", "-q", "-c", "CREATE DATABASE \(database)", url],
                                    environment: ["PGPASSFILE": passFile, "PATH": "/usr/bin:/bin"])
        guard created.status == 0 else { throw HarnessError("CREATE DATABASE \(database) failed: \(created)") }
        return url.replacingOccurrences(of: #"/[^/]*$"#, with: "/" + database, options: .regularExpression)
    }
}

/// One cluster around a whole suite.
struct PostgresLedgersTrait: SuiteTrait, TestScoping {
    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        guard let cluster = try PostgresLedgers.start() else { return try await function() }
        defer { cluster.stop() }
        try await PostgresLedgers.$current.withValue(cluster) { try await function() }
    }
}

extension Trait where Self == PostgresLedgersTrait {
    static var postgresLedgers: Self { Self() }
}
