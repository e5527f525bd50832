import Foundation
import Testing

/// The PostgreSQL store: given the same entries it answers every read byte for byte as SQLite
/// does; the same commands write the same ledger; `copy` moves a whole ledger both ways; refused
/// writes change nothing; no password is ever taken from the command line or printed.
@Suite(.serialized, .fileLedger, .postgresLedgers)
struct PostgresStoreTests {
    /// Reads that show every part of a ledger, as a user runs them.
    static let reads: [[String]] = {
        var reads: [[String]] = ["text", "md", "csv", "json", "html"].map { ["sheet", "--month", "2020-11", "--format", $0] }
        reads += [
            ["sheet", "--month", "2021-03", "--format", "json"],
            ["overdue", "--as-of", "2020-11-30", "--within", "90"], ["overdue", "--as-of", "2021-03-31", "--format", "json"],
            ["project", "list"], ["project", "list", "--as-of", "2020-11-21", "--format", "json"], ["project", "show", "P37", "--format", "json"],
            ["project", "show", "P1"], ["parcel", "list"], ["park", "list", "--format", "csv"], ["tenant", "list"],
            ["milestone", "list", "--format", "json"], ["problem", "list"], ["problem", "show", "W1"],
            ["figure", "list"], ["log", "--limit", "40", "--format", "json"], ["log", "P37"], ["zone"],
            ["check"], ["export", "--format", "json"], ["undo", "--list"],
        ]
        return reads
    }()

    static func compare(_ sandbox: Sandbox, _ cluster: PostgresLedgers, _ file: String, _ database: String,
                        _ arguments: [String], environment extra: [String: String?] = [:],
                        sourceLocation: SourceLocation = #_sourceLocation) throws {
        let environment = cluster.environment.merging(SheetPin.environment) { $1 }.merging(extra) { $1 }
        let onFile = try sandbox.run(arguments + ["--db", file], environment: environment)
        let onDatabase = try sandbox.run(arguments + ["--db", database], environment: environment)
        #expect(onFile.status == onDatabase.status, "\(arguments): \(onFile) / \(onDatabase)", sourceLocation: sourceLocation)
        // Byte for byte; `zone` names where the ledger is, the one place the two differ by right.
        if arguments == ["zone"] {
            #expect(onFile.stdout.replacingOccurrences(of: file, with: "LEDGER") == onDatabase.stdout.replacingOccurrences(of: database, with: "LEDGER"),
                    sourceLocation: sourceLocation)
        } else {
            #expect(onFile.stdoutData == onDatabase.stdoutData, "\(arguments): stdout differs\n\(onFile.stdout.prefix(1500))\n---\n\(onDatabase.stdout.prefix(1500))",
                    sourceLocation: sourceLocation)
        }
        #expect(onFile.stderr.replacingOccurrences(of: file, with: "LEDGER") == onDatabase.stderr.replacingOccurrences(of: database, with: "LEDGER"),
                "\(arguments): stderr differs", sourceLocation: sourceLocation)
    }

    /// The sandbox's ledger copied into a new database; its URL.
    static func copied(_ sandbox: Sandbox, into cluster: PostgresLedgers, _ name: String) throws -> String {
        let database = try cluster.newDatabase(name)
        let copied = try sandbox.run(["copy", "--to", database, "--db", sandbox.ledger], environment: cluster.environment)
        guard copied.status == 0, copied.stdout.contains("已复制到 \(database)") else { throw HarnessError("copy failed: \(copied)") }
        return database
    }

    @Test func aCopiedLedgerReadsTheSameOnBothStores() throws {
        guard let cluster = PostgresLedgers.live() else { return }
        let sandbox = try Sandbox()
        try sandbox.enriched()
        let database = try Self.copied(sandbox, into: cluster, "reads")
        for read in Self.reads { try Self.compare(sandbox, cluster, sandbox.ledger, database, read) }
        // The xlsx sheet too, byte for byte (its creation time pinned by SOURCE_DATE_EPOCH).
        try Self.compare(sandbox, cluster, sandbox.ledger, database, ["sheet", "--month", "2020-11", "--format", "xlsx"])
    }

    /// Every write command, in both stores, with the recording clock pinned: the same answers,
    /// and afterwards the same ledger through every read.
    @Test func theSameCommandsWriteTheSameLedger() throws {
        guard let cluster = PostgresLedgers.live() else { return }
        let sandbox = try Sandbox()
        let database = try cluster.newDatabase("writes")
        let pinned: [String: String?] = ["ZONELEDGER_NOW": "1700000000"]
        let environment = cluster.environment.merging(pinned) { $1 }
        for ledger in [sandbox.ledger, database] {
            expectSuccess(try sandbox.run(["init", "--db", ledger], environment: environment))
        }
        let more: [[String]] = [
            ["parcel", "update", "L1", "--status", "出让", "--on", "2020-11-30"],
            ["tenant", "add", "某某电气有限公司", "--park", "Y1", "--status", "签约", "--on", "2020-11-30"],
            ["milestone", "done", "M3", "--on", "2021-02-05"],
            ["figure", "add", "全年出让土地", "--category", "目标", "--key", "land_sold_area", "--from", "2021-01", "--to", "2021-12-31",
             "--value", "450", "--unit", "亩", "--on", "2021-01-05"],
            ["undo"],
            ["zone", "rename", "某某经济开发区"],
            ["project", "update", "P5", "--stage", "在建", "--on", "2021-03-01"],
        ]
        for step in Sandbox.enrichingSteps + more {
            let answers = try [sandbox.ledger, database].map { try sandbox.run(step + ["--db", $0], environment: environment) }
            #expect(answers[0].status == 0 && answers[1].status == 0, "\(step): \(answers)")
            #expect(answers[0].stdout == answers[1].stdout.replacingOccurrences(of: database, with: sandbox.ledger), "\(step)")
        }
        for read in Self.reads { try Self.compare(sandbox, cluster, sandbox.ledger, database, read) }
    }

    /// SQLite → PostgreSQL → SQLite: the last export is the first, byte for byte.
    @Test func aRoundTripGivesTheSameExport() throws {
        guard let cluster = PostgresLedgers.live() else { return }
        let sandbox = try Sandbox()
        try sandbox.enriched()
        let database = try Self.copied(sandbox, into: cluster, "round")
        let back = sandbox.path("back.sqlite")
        expectSuccess(try sandbox.run(["copy", "--to", back, "--db", database], environment: cluster.environment))
        for ledger in [sandbox.ledger, back] {
            expectSuccess(try sandbox.run(["export", "--out", ledger + ".export", "--db", ledger]))
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: sandbox.ledger + ".export").sorted()
        #expect(names.contains("entries.csv") || names.count > 3, "\(names)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: back + ".export").sorted() == names)
        for name in names {
            #expect(FileManager.default.contents(atPath: sandbox.ledger + ".export/" + name) == FileManager.default.contents(atPath: back + ".export/" + name),
                    "\(name) differs after the round trip")
        }
        // A copy never overwrites: the database holds a ledger now, the file exists.
        let again = try sandbox.run(["copy", "--to", database, "--db", sandbox.ledger], environment: cluster.environment)
        #expect(again.status == 65 && again.stderr.contains("已有账本"), "\(again)")
        let onto = try sandbox.run(["copy", "--to", back, "--db", database], environment: cluster.environment)
        #expect(onto.status == 65 && onto.stderr.contains("已存在"), "\(onto)")
    }

    /// A refused write on PostgreSQL: the same message and exit code as on SQLite, nothing written.
    @Test func aRefusedWriteChangesNothing() throws {
        guard let cluster = PostgresLedgers.live() else { return }
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let database = try Self.copied(sandbox, into: cluster, "refused")
        let before = try sandbox.run(["export", "--format", "json", "--db", database], environment: cluster.environment)
        let refusals: [[String]] = [
            ["project", "update", "P5", "--progress", "200"],
            ["project", "update", "P404", "--progress", "20"],
            ["milestone", "done", "M3", "--on", "2019-01-01"],
            ["project", "add", "固力发", "--kind", "工业"],
            ["problem", "resolve", "W9", "--note", "无"],
        ]
        for refusal in refusals { try Self.compare(sandbox, cluster, sandbox.ledger, database, refusal) }
        let after = try sandbox.run(["export", "--format", "json", "--db", database], environment: cluster.environment)
        #expect(before.stdoutData == after.stdoutData, "a refused write changed the ledger")
    }

    /// The password comes from PGPASSWORD or the pgpass file; a URL carrying one is refused, and no
    /// message ever prints it.
    @Test func noPasswordOnTheCommandLineOrInAMessage() throws {
        guard let cluster = PostgresLedgers.live() else { return }
        let sandbox = try Sandbox()
        let database = try cluster.newDatabase("secret")
        let withPassword = database.replacingOccurrences(of: "://zoneledger@", with: "://zoneledger:Sekr1t-word@")
        let refused = try sandbox.run(["init", "--db", withPassword], environment: cluster.environment)
        #expect(refused.status == 64, "\(refused)")
        #expect(refused.stderr.contains("PGPASSWORD") && !refused.stderr.contains("Sekr1t"), "\(refused.stderr)")
        let viaEnvironment = try sandbox.run(["project", "list", "--db", database],
                                             environment: ["ZONELEDGER_DB": withPassword, "PGPASSFILE": cluster.passFile])
        #expect(!viaEnvironment.stderr.contains("Sekr1t") && !viaEnvironment.stdout.contains("Sekr1t"))
        // A wrong password: refused by the server, said without the password.
        let wrong = try sandbox.run(["init", "--db", database], environment: ["PGPASSWORD": "Wr0ng-Sekr1t", "PGPASSFILE": "/nonexistent"])
        #expect(wrong.status == 77, "\(wrong)")
        #expect(!wrong.stderr.contains("Wr0ng") && wrong.stderr.contains(database), "\(wrong.stderr)")
        // Nothing listening: no ledger (66), named.
        let nowhere = try sandbox.run(["project", "list", "--db", "postgres://zoneledger@127.0.0.1:1/none"], environment: cluster.environment)
        #expect(nowhere.status == 66, "\(nowhere)")
        // An empty database is not a ledger yet.
        let empty = try sandbox.run(["project", "list", "--db", database], environment: cluster.environment)
        #expect(empty.status == 66 && empty.stderr.contains("zoneledger init"), "\(empty)")
    }

    /// `import`: the same answers on both stores (a bad row refuses the whole file with its line and
    /// column, a second import adds nothing), and an export brought back whole into a new database
    /// exports the same files. On both paths: the row path, and the bulk path (on PostgreSQL
    /// through a scratch SQLite copy, ShadowLedger), which a file takes from this many rows on.
    @Test(arguments: ["1000000", "1"])
    func importsReadAlikeOnBothStores(bulkRows: String) throws {
        guard let cluster = PostgresLedgers.live() else { return }
        let sandbox = try Sandbox()
        try sandbox.enriched()
        let database = try Self.copied(sandbox, into: cluster, "imports")
        let bad = sandbox.path("bad.csv"), good = sandbox.path("good.csv")
        try Data("编号,名称,类别,总投资\n,新材料一期,工业,2亿元\n,新材料二期,工业,abc\n".utf8).write(to: URL(fileURLWithPath: bad))
        try Data("编号,名称,类别,总投资\n,新材料一期,工业,2亿元\n,新材料二期,工业,3亿元\n".utf8).write(to: URL(fileURLWithPath: good))
        let updates = sandbox.path("updates.csv")
        try Data("对象,生效日期,动作,阶段,进度%,说明\nP5,2020-12-10,更新,在建,40,导入的更新\nP6,2020-12-05,更新,,15,补记\n".utf8).write(to: URL(fileURLWithPath: updates))
        for step in [["import", "projects", bad], ["import", "projects", good, "--dry-run"], ["import", "projects", good],
                     ["import", "projects", good], ["import", "updates", updates], ["project", "list", "--format", "json"],
                     ["log", "--format", "json"], ["check"]] {
            try Self.compare(sandbox, cluster, sandbox.ledger, database, step, environment: ["ZONELEDGER_BULK_ROWS": bulkRows])
        }
        let exported = sandbox.path("exported")
        expectSuccess(try sandbox.run(["export", "--out", exported, "--db", sandbox.ledger]))
        let restored = try cluster.newDatabase("restored")
        expectSuccess(try sandbox.run(["init", "--empty", "--db", restored], environment: cluster.environment))
        expectSuccess(try sandbox.run(["import", "all", exported, "--db", restored],
                                      environment: cluster.environment.merging(["ZONELEDGER_BULK_ROWS": bulkRows]) { $1 }))
        let again = sandbox.path("again")
        expectSuccess(try sandbox.run(["export", "--out", again, "--db", restored], environment: cluster.environment))
        for name in try FileManager.default.contentsOfDirectory(atPath: exported) {
            #expect(FileManager.default.contents(atPath: exported + "/" + name) == FileManager.default.contents(atPath: again + "/" + name), "\(name)")
        }
    }

    /// A city's rollup takes files and databases alike.
    @Test func theRollupReadsFilesAndDatabasesAlike() throws {
        guard let cluster = PostgresLedgers.live() else { return }
        let sandbox = try Sandbox()
        try sandbox.enriched()
        expectSuccess(try sandbox.zl("zone", "rename", "甲经济开发区"))
        let other = try sandbox.seeded("b.sqlite")
        expectSuccess(try sandbox.run(["zone", "rename", "乙开发区", "--db", other]))
        let database = try cluster.newDatabase("rollup")
        expectSuccess(try sandbox.run(["copy", "--to", database, "--db", other], environment: cluster.environment))
        let environment = cluster.environment.merging(SheetPin.environment) { $1 }
        let files = try sandbox.run(["rollup", "--month", "2020-11", "--format", "json", sandbox.ledger, other], environment: environment)
        let mixed = try sandbox.run(["rollup", "--month", "2020-11", "--format", "json", sandbox.ledger, database], environment: environment)
        expectSuccess(mixed)
        #expect(files.stdoutData == mixed.stdoutData)
    }
}
