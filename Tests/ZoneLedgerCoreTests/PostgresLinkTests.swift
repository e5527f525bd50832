import Foundation
import GRDB
import Testing
@testable import ZoneLedgerCore

/// Live tests against a throwaway cluster that the suite starts with scripts/pg-cluster and stops
/// at its end. Each test makes a database of its own, so none sees another's tables.
@Suite(.serialized, .postgresCluster)
struct PostgresLinkTests {
    @Test func everyValueTypeRoundTrips() throws {
        guard let (link, _) = try connectToNewDatabase("values") else { return }
        try link.execute("""
            CREATE TABLE v (id int4 PRIMARY KEY, small int2, big int8, t text, vc varchar(20), c char(3),
                            flag bool, f4 float4, f8 float8, bin bytea)
            """)
        let blob = Data([0, 1, 0x7F, 0x80, 0xFF, 0])
        let insert = "INSERT INTO v (id, small, big, t, vc, c, flag, f4, f8, bin) VALUES ($1, $2, $3, $4, $5, $6, $7::int4::bool, $8, $9, $10)"
        try link.query(insert, [1, 7, Int64.max.databaseValue, "台邦精密减速器项目", "小微园", "亩", 1, 1.5, 0.1, blob.databaseValue])
        try link.query(insert, [2, -32768, Int64.min.databaseValue, "", "", "ab", 0, -0.25, -1e300, Data().databaseValue])
        try link.query(insert, [3, .null, .null, .null, .null, .null, .null, .null, .null, .null])

        let read = try link.query("SELECT id, small, big, t, vc, c, flag, f4, f8, bin FROM v ORDER BY id")
        #expect(read.columns == ["id", "small", "big", "t", "vc", "c", "flag", "f4", "f8", "bin"])
        #expect(read.rows == [
            [1, 7, Int64.max.databaseValue, "台邦精密减速器项目", "小微园", "亩  ", 1, 1.5, 0.1, blob.databaseValue],
            [2, -32768, Int64.min.databaseValue, "", "", "ab ", 0, -0.25, -1e300, Data().databaseValue],
            [3, .null, .null, .null, .null, .null, .null, .null, .null, .null],
        ])
        // The empty string and NULL stay apart, in the server's eyes too.
        let apart = try link.query("SELECT id FROM v WHERE t = $1 ORDER BY id", [""])
        #expect(apart.rows == [[2]])
        #expect(try link.query("SELECT count(*) FROM v WHERE t IS NULL").rows == [[1]])
        // Binds compared on the server: int8 against int4, text against varchar.
        #expect(try link.query("SELECT id FROM v WHERE id = $1 AND vc = $2", [1, "小微园"]).rows == [[1]])
        // A name column (current_user) and a query with no rows still give their columns.
        #expect(try link.query("SELECT current_user AS who").rows == [["zoneledger"]])
        let none = try link.query("SELECT id, t FROM v WHERE false")
        #expect(none.columns == ["id", "t"] && none.rows.isEmpty)
        // A statement without a result has no columns.
        #expect(try link.query("UPDATE v SET t = t WHERE id = 1") == PostgresRows(columns: [], rows: []))
    }

    @Test func aColumnOfAnotherTypeIsRefusedByNameAndType() throws {
        guard let (link, _) = try connectToNewDatabase("types") else { return }
        #expect(refusal { _ = try link.query("SELECT 1.50::numeric AS area") }
            == "PostgreSQL 查询结果的列 area 是 NUMERIC 类型，账本只读整数、文本、布尔、浮点数和二进制：请在 SQL 里转换（如 ::bigint 或 ::text）")
        // Even when no row comes back: the type is the column's, not a row's.
        #expect(refusal { _ = try link.query("SELECT now() AS at WHERE false") }?.contains("列 at 是 TIMESTAMPTZ") == true)
        #expect(try link.query("SELECT 1.50::numeric::text AS area").rows == [["1.50"]])
    }

    @Test func aScriptRunsStatementByStatement() throws {
        guard let (link, _) = try connectToNewDatabase("script") else { return }
        try link.execute("""
            -- a migration as a file holds it; semicolons in strings, comments and bodies stay put
            CREATE TABLE park (id int8 PRIMARY KEY, name text NOT NULL CHECK (name <> ';'));
            /* a comment; /* nested; */ still a comment; */
            INSERT INTO park VALUES (1, '博通;小微园'), (2, E'it\\'s; fine'), (3, $q$a;b$q$);
            CREATE FUNCTION park_count() RETURNS int8 LANGUAGE plpgsql AS $$
            BEGIN RETURN (SELECT count(*) FROM park); END;
            $$;
            INSERT INTO park VALUES (4, "park_count"()::text);;
            """)
        let names = try link.query("SELECT name FROM park ORDER BY id").rows
        #expect(names == [["博通;小微园"], ["it's; fine"], ["a;b"], ["3"]])
        // Nothing to run is nothing to do (the server's empty-query answer is never asked for).
        try link.execute("-- only a comment\n ; ")

        // It stops at the first failure; what came before it stays (no transaction of its own).
        #expect(throws: PostgresFailure.self) {
            try link.execute("INSERT INTO park VALUES (5, 'kept'); INSERT INTO park VALUES (5, 'dup'); INSERT INTO park VALUES (6, 'never')")
        }
        #expect(try link.query("SELECT id FROM park WHERE id >= 5 ORDER BY id").rows == [[5]])
        // Inside a transaction the same script leaves nothing.
        #expect(throws: PostgresFailure.self) {
            try link.transaction(readOnly: false) {
                try link.execute("INSERT INTO park VALUES (7, 'gone'); INSERT INTO park VALUES (7, 'dup')")
            }
        }
        #expect(try link.query("SELECT count(*) FROM park WHERE id = 7").rows == [[0]])
    }

    @Test func aCheckViolationKeepsItsCodeAndConstraint() throws {
        guard let (link, _) = try connectToNewDatabase("check") else { return }
        try link.execute("CREATE TABLE parcel (id int8 PRIMARY KEY, area_mu int8 NOT NULL, CONSTRAINT parcel_area_positive CHECK (area_mu > 0))")
        let failure = try failureOf { _ = try link.query("INSERT INTO parcel VALUES ($1, $2)", [1, -5]) }
        #expect(failure?.sqlState == "23514")
        #expect(failure?.sqlState == PostgresFailure.Code.checkViolation)
        #expect(failure?.constraint == "parcel_area_positive")
        #expect(failure?.table == "parcel")
        #expect(failure?.isRetryable == false)
    }

    @Test func aUniqueViolationKeepsItsCodeAndConstraint() throws {
        guard let (link, _) = try connectToNewDatabase("unique") else { return }
        try link.execute("CREATE TABLE project (id int8 PRIMARY KEY, code text NOT NULL CONSTRAINT project_code_unique UNIQUE)")
        try link.query("INSERT INTO project VALUES (1, 'P5')")
        let failure = try failureOf { _ = try link.query("INSERT INTO project VALUES ($1, $2)", [2, "P5"]) }
        #expect(failure?.sqlState == "23505")
        #expect(failure?.constraint == "project_code_unique")
        #expect(failure?.detail?.contains("(code)=(P5)") == true, "\(String(describing: failure))")
    }

    @Test func aConcurrentUpdateFailsAsRetryable() throws {
        guard let (first, url) = try connectToNewDatabase("serial") else { return }
        let second = try PostgresLink.connect(url, environment: PostgresCluster.environment)
        try first.execute("CREATE TABLE milestone (id int8 PRIMARY KEY, state text NOT NULL); INSERT INTO milestone VALUES (1, 'open')")

        let failure = try failureOf {
            try first.transaction(readOnly: false, serializable: true) {
                // The first transaction's snapshot is taken by its first read...
                #expect(try first.query("SELECT state FROM milestone WHERE id = 1").rows == [["open"]])
                // ...then another link changes the row and commits...
                try second.transaction(readOnly: false) {
                    _ = try second.query("UPDATE milestone SET state = $1 WHERE id = 1", ["done"])
                }
                // ...so the first one's update of the same row cannot be serialized.
                _ = try first.query("UPDATE milestone SET state = $1 WHERE id = 1", ["cancelled"])
            }
        }
        #expect(failure?.sqlState == "40001")
        #expect(failure?.isRetryable == true)
        #expect(failure?.isLockTimeout == false)
        // The winner's write stands, the loser's was rolled back, and the link is usable again.
        #expect(try first.query("SELECT state FROM milestone").rows == [["done"]])
    }

    @Test func aLockTimeoutIsRecognised() throws {
        guard let (first, url) = try connectToNewDatabase("locks") else { return }
        let second = try PostgresLink.connect(url, environment: PostgresCluster.environment)
        try first.execute("CREATE TABLE ledger_lock (id int8 PRIMARY KEY)")
        let failure = try failureOf {
            try first.transaction(readOnly: false) {
                try first.execute("LOCK TABLE ledger_lock IN EXCLUSIVE MODE")
                try second.transaction(readOnly: false) {
                    try second.execute("SET LOCAL lock_timeout = '50ms'; LOCK TABLE ledger_lock IN EXCLUSIVE MODE")
                }
            }
        }
        #expect(failure?.sqlState == "55P03")
        #expect(failure?.isLockTimeout == true)
        #expect(failure?.isRetryable == false)
    }

    @Test func aReadOnlyTransactionRefusesAWrite() throws {
        guard let (link, _) = try connectToNewDatabase("readonly") else { return }
        try link.execute("CREATE TABLE figure (id int8 PRIMARY KEY)")
        let failure = try failureOf {
            try link.transaction(readOnly: true) { _ = try link.query("INSERT INTO figure VALUES (1)") }
        }
        #expect(failure?.sqlState == "25006")
        #expect(try link.transaction(readOnly: true) { try link.query("SELECT count(*) FROM figure").rows } == [[0]])
        #expect(try link.query("SHOW transaction_isolation").rows == [["read committed"]], "back outside any transaction")
    }

    @Test func anErrorInTheBodyRollsBackAndAFailedStatementIsNeverCommitted() throws {
        guard let (link, _) = try connectToNewDatabase("rollback") else { return }
        try link.execute("CREATE TABLE tenant (id int8 PRIMARY KEY)")
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            try link.transaction(readOnly: false) {
                _ = try link.query("INSERT INTO tenant VALUES (1)")
                throw Refused()
            }
        }
        // A body that swallows the server's refusal: the server rolls back at COMMIT, and we say so.
        let message = refusal {
            try link.transaction(readOnly: false) {
                _ = try link.query("INSERT INTO tenant VALUES (2)")
                _ = try? link.query("INSERT INTO tenant VALUES (2)")
            }
        }
        #expect(message?.contains("事务已回滚，什么也没有写入") == true, "\(message ?? "committed")")
        #expect(try link.query("SELECT count(*) FROM tenant").rows == [[0]])
        #expect(refusal { try link.transaction(readOnly: true) { try link.transaction(readOnly: false) {} } }
            == "PostgreSQL 账本的事务不能嵌套")
    }

    @Test func aWrongPasswordIsAPermissionErrorThatNeverShowsIt() throws {
        guard let cluster = PostgresCluster.live() else { return }
        let secret = "wrong-Pa55word-台账"
        let error = connectionError(cluster.url, ["PGPASSWORD": secret])
        #expect(error?.kind == .permission)
        #expect(error?.message == "PostgreSQL 账本 \(cluster.url.redacted) 拒绝了登录：用户 zoneledger 的密码不对（密码取自环境变量 PGPASSWORD）")
        #expect(error?.message.contains(secret) == false)
    }

    @Test func aGroupReadablePgpassIsSkippedAndTheRefusalSaysSo() throws {
        guard let cluster = PostgresCluster.live() else { return }
        let folder = try TemporaryFolder()
        let contents = try String(contentsOfFile: cluster.passFile, encoding: .utf8)
        let file = try folder.write("pgpass", contents, mode: 0o640)
        let error = connectionError(cluster.url, ["PGPASSFILE": file])
        #expect(error?.kind == .permission)
        #expect(error?.message.contains("要求密码，但没有找到") == true, "\(error?.message ?? "connected")")
        #expect(error?.message.contains("密码文件 \(file) 同组或其他用户也能访问，按 libpq 的规则没有用它：请 chmod 600 \(file)") == true)
        // The same file, owner-only, lets us in.
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        try PostgresLink.connect(cluster.url, environment: ["PGPASSFILE": file]).close()
    }

    @Test func nothingListeningOrNoSuchDatabaseIsNoLedger() throws {
        guard let cluster = PostgresCluster.live() else { return }
        // Port 1 (tcpmux) has no listener on a machine like this one.
        let closed = PostgresURL(host: "127.0.0.1", port: 1, user: "zoneledger", database: "zoneledger")
        let refused = connectionError(closed, PostgresCluster.environment)
        #expect(refused?.kind == .noLedger)
        #expect(refused?.message == "无法连接 PostgreSQL 账本 postgres://zoneledger@127.0.0.1:1/zoneledger：连接被拒绝（服务器没有运行，或端口 1 不对）")

        var missing = cluster.url
        missing.database = "没有这个库"
        let absent = connectionError(missing, PostgresCluster.environment)
        #expect(absent?.kind == .noLedger)
        #expect(absent?.message == "PostgreSQL 账本 \(missing.redacted) 不存在：服务器上没有数据库 没有这个库（先用 createdb 创建）")
    }

    /// More blocked callers than Swift's shared pool has threads (one per core): if a link's work
    /// needed that pool, these would wait for each other forever.
    @Test(.timeLimit(.minutes(1)))
    func blockedCallersOnSwiftsSharedPoolDoNotDeadlock() async throws {
        guard let cluster = PostgresCluster.live() else { return }
        let url = try cluster.createDatabase("pool")
        let environment = PostgresCluster.environment
        let callers = ProcessInfo.processInfo.activeProcessorCount * 3
        let sums = try await withThrowingTaskGroup(of: Int64.self) { group in
            for caller in 0..<callers {
                group.addTask {
                    // Synchronous calls that block this pool thread until the server answers.
                    let link = try PostgresLink.connect(url, environment: environment)
                    defer { link.close() }
                    var sum: Int64 = 0
                    for round in 0..<5 {
                        let rows = try link.query("SELECT $1::int8 + $2 FROM pg_sleep(0.01)", [Int64(caller).databaseValue, Int64(round).databaseValue]).rows
                        if case .int64(let value) = rows.first?.first?.storage { sum += value }
                    }
                    return sum
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(sums == Int64((0..<callers).reduce(0) { $0 + 5 * $1 + 10 }))
    }

    @Test func aClosedLinkSaysSo() throws {
        guard let (link, _) = try connectToNewDatabase("closed") else { return }
        link.close()
        link.close()
        #expect(refusal { _ = try link.query("SELECT 1") }?.contains("的连接已关闭") == true)
    }

    // MARK: Helpers

    /// A link to a database of its own in the suite's cluster; nil (with an Issue) without one.
    private func connectToNewDatabase(_ name: String) throws -> (PostgresLink, PostgresURL)? {
        guard let cluster = PostgresCluster.live() else { return nil }
        let url = try cluster.createDatabase(name)
        return (try PostgresLink.connect(url, environment: PostgresCluster.environment), url)
    }

    private func failureOf(_ body: () throws -> Void) throws -> PostgresFailure? {
        do {
            try body()
            Issue.record("no failure")
            return nil
        } catch let failure as PostgresFailure {
            return failure
        }
    }

    private func connectionError(_ url: PostgresURL, _ environment: [String: String]) -> LedgerError? {
        do {
            try PostgresLink.connect(url, environment: environment).close()
            Issue.record("connected to \(url)")
            return nil
        } catch let error as LedgerError {
            return error
        } catch {
            Issue.record("not a LedgerError: \(error)")
            return nil
        }
    }
}

@Suite struct SQLScriptTests {
    @Test(arguments: [
        ("SELECT 1", ["SELECT 1"]),
        ("SELECT 1; SELECT 2;", ["SELECT 1", "SELECT 2"]),
        (" ; ;\n-- only a comment\n; /* and another */", []),
        ("SELECT ';'; SELECT 'it''s;'", ["SELECT ';'", "SELECT 'it''s;'"]),
        ("SELECT E'\\';'; SELECT 2", ["SELECT E'\\';'", "SELECT 2"]),
        // a backslash in a standard string is a plain character
        ("SELECT 'a\\'; SELECT 2", ["SELECT 'a\\'", "SELECT 2"]),
        ("SELECT \"a;b\"\"c\" FROM t; SELECT 2", ["SELECT \"a;b\"\"c\" FROM t", "SELECT 2"]),
        ("SELECT $$;$$; SELECT $tag$ $$; $tag$; SELECT 3", ["SELECT $$;$$", "SELECT $tag$ $$; $tag$", "SELECT 3"]),
        ("SELECT $1; SELECT a$b$c FROM t", ["SELECT $1", "SELECT a$b$c FROM t"]),
        ("SELECT 1 -- no; split\n; SELECT 2", ["SELECT 1 -- no; split", "SELECT 2"]),
        ("SELECT /* a /* b; */ c; */ 1; SELECT 2", ["SELECT /* a /* b; */ c; */ 1", "SELECT 2"]),
        ("CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO u VALUES (1); INSERT INTO u VALUES (2)); SELECT 1",
         ["CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO u VALUES (1); INSERT INTO u VALUES (2))", "SELECT 1"]),
        ("SELECT '台账;亩'; SELECT 2", ["SELECT '台账;亩'", "SELECT 2"]),
        // unterminated: the rest goes to the server whole, which then says what is wrong
        ("SELECT 1; SELECT 'open; SELECT 3", ["SELECT 1", "SELECT 'open; SELECT 3"]),
    ])
    func splitsLikePsql(_ script: String, _ expected: [String]) {
        #expect(SQLScript.statements(script) == expected)
    }
}
