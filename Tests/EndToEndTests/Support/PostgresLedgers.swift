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

    /// The cluster scripts/test started, from the variables it exports.
    static func fromEnvironment() -> PostgresLedgers? {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment["ZONELEDGER_PG_URL"], let passFile = environment["PGPASSFILE"] else { return nil }
        return PostgresLedgers(url: url, passFile: passFile, folder: nil)
    }

    static func start() throws -> PostgresLedgers? {
        if let cluster = fromEnvironment() { return cluster }
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

    /// A new database, empty or a copy of `template` (a URL of this cluster, no connection
    /// open to it); its URL (no password in it).
    func newDatabase(_ name: String, template: String? = nil) throws -> String {
        let database = "\(name)_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased())"
        try psql("CREATE DATABASE \(database)" + (template.map { " TEMPLATE \(Self.databaseName($0))" } ?? ""))
        return url.replacingOccurrences(of: #"/[^/]*$"#, with: "/" + database, options: .regularExpression)
    }

    /// Drops a database of this cluster, whoever is still connected; quietly (a leftover costs
    /// only disk in a throwaway cluster).
    func dropDatabase(_ database: String) {
        try? psql("DROP DATABASE IF EXISTS \(Self.databaseName(database)) WITH (FORCE)")
    }

    private static func databaseName(_ url: String) -> String { String(url.split(separator: "/").last ?? "") }

    private func psql(_ command: String) throws {
        let outcome = try Tools.run("/usr/bin/psql", ["-v", "ON_ERROR_STOP=1", "-q", "-c", command, url],
                                    environment: ["PGPASSFILE": passFile, "PATH": "/usr/bin:/bin"])
        guard outcome.status == 0 else { throw HarnessError("\(command) failed: \(outcome)") }
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
