// Which store the end-to-end suite's ledgers live in. By default, SQLite files. With
// ZONELEDGER_TEST_STORE=postgres (scripts/test's second pass) every sandbox's own ledger — the
// one `sandbox.ledger`, `zl`, `seeded()`, `bytes()` and `contents()` name — is a PostgreSQL
// database of its own in the cluster scripts/test started, and the same tests run against it.
// Any other ledger a test names by file stays a file; tests about files as such (modes,
// journals, a crash mid-write, backup) are marked `.fileLedger` and run on the SQLite pass only.

import Foundation
import Testing

enum TestStore {
    /// The cluster of the PostgreSQL pass, or nil on the SQLite pass.
    static let postgres: Result<PostgresLedgers, HarnessError>? = {
        let environment = ProcessInfo.processInfo.environment
        guard environment["ZONELEDGER_TEST_STORE"] == "postgres" else { return nil }
        guard let cluster = PostgresLedgers.fromEnvironment() else {
            return .failure(HarnessError("ZONELEDGER_TEST_STORE=postgres needs ZONELEDGER_PG_URL and PGPASSFILE (scripts/test exports both)"))
        }
        return .success(cluster)
    }()

    static var isPostgres: Bool { postgres != nil }

    /// The database every seeded sandbox database is copied from, made once per run by
    /// `zoneledger init` itself (as the SQLite pass's seeded file is), never by copying a file.
    static let seededTemplate: Result<String, HarnessError> = {
        do {
            guard let cluster = try postgres?.get() else { return .failure(HarnessError("not the PostgreSQL pass")) }
            let url = try cluster.newDatabase("zl_seeded")
            let made = try Sandbox().run(["init", "--db", url])
            guard made.status == 0 else { return .failure(HarnessError("init on PostgreSQL failed: \(made)")) }
            return .success(url)
        } catch let error as HarnessError {
            return .failure(error)
        } catch {
            return .failure(HarnessError("init on PostgreSQL failed: \(error)"))
        }
    }()
}

/// A sandbox's own PostgreSQL ledger: made on first use (empty, or from the seeded template),
/// dropped with the sandbox.
final class SandboxDatabase {
    let cluster: PostgresLedgers
    private(set) var url: String?

    init(cluster: PostgresLedgers) { self.cluster = cluster }

    deinit { if let url { cluster.dropDatabase(url) } }

    /// The ledger's URL, an empty database made first if there is none yet (as a path names a
    /// file that is not there yet: `init` fills it).
    func existing() throws -> String {
        if let url { return url }
        let made = try cluster.newDatabase("zl_test")
        url = made
        return made
    }

    /// Replaces the database with a copy of the seeded template.
    func seeded() throws -> String {
        if let url { cluster.dropDatabase(url) }
        url = nil
        let made = try cluster.newDatabase("zl_test", template: try TestStore.seededTemplate.get())
        url = made
        return made
    }

    /// What the database holds, as a fingerprint: its schema (every column, index, constraint and
    /// trigger) and every table's rows, each table's in a fixed order. Equal fingerprints mean
    /// nothing was written, as equal bytes do for a file. Nil when no database was made yet. One
    /// psql run: pg_dump took three times as long, and some tests take one per command.
    func dump() throws -> Data? {
        guard let url else { return nil }
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("zoneledger-fingerprint-\(UUID().uuidString).sql")
        try Data(Self.fingerprint.utf8).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let printed = try Tools.run("/usr/bin/psql", ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-f", input.path, url],
                                    environment: ["PGPASSFILE": cluster.passFile, "PATH": "/usr/bin:/bin"])
        guard printed.status == 0, printed.stderr.isEmpty else { throw HarnessError("the fingerprint query failed: \(printed)") }
        return Data(printed.stdout.utf8)
    }

    private static let fingerprint = #"""
        SELECT string_agg(format('%s.%s %s %s %s', table_name, column_name, data_type, is_nullable, column_default), E'\n'
                          ORDER BY table_name, ordinal_position)
          FROM information_schema.columns WHERE table_schema = 'public';
        SELECT string_agg(indexdef, E'\n' ORDER BY indexdef) FROM pg_indexes WHERE schemaname = 'public';
        SELECT string_agg(format('%s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid)), E'\n'
                          ORDER BY conrelid::regclass::text, conname)
          FROM pg_constraint WHERE connamespace = 'public'::regnamespace;
        SELECT string_agg(format('%s %s', tgrelid::regclass, tgname), E'\n' ORDER BY tgrelid::regclass::text, tgname)
          FROM pg_trigger WHERE NOT tgisinternal;
        SELECT format('SELECT %L, count(*), md5(coalesce(string_agg(x::text, E''\n'' ORDER BY x::text), '''')) FROM %I x',
                      tablename, tablename)
          FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename \gexec

        """#
}

/// For tests about ledger files as such: they run on the SQLite pass only (the PostgreSQL pass
/// says so in its list of skipped tests).
extension Trait where Self == ConditionTrait {
    static var fileLedger: Self {
        .disabled(if: TestStore.isPostgres, "about SQLite ledger files; runs on the SQLite pass")
    }
}

/// A suite's time limit, three times as long on the PostgreSQL pass: there every command also
/// logs in over loopback, and every "has the ledger changed?" is a query rather than a file read.
extension Trait where Self == TimeLimitTrait {
    static func storeTimeLimit(minutes: Int) -> Self {
        .timeLimit(.minutes(TestStore.isPostgres ? minutes * 3 : minutes))
    }
}
