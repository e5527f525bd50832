import Foundation
import Testing

/// `init`, and how every command finds its ledger: --db (before or after the subcommand),
/// ZONELEDGER_DB, and what happens when there is none.
@Suite struct InitTests {
    @Test func seededInitPrintsTheCounts() throws {
        let sandbox = try Sandbox()
        let outcome = try sandbox.run(["init", "--db", sandbox.ledger])
        expectSuccess(outcome)
        #expect(outcome.stdout.hasPrefix("已创建账本 \(sandbox.ledger)，载入2020年工作报告："), "\(outcome)")
        #expect(outcome.stdout.hasSuffix("\n"))
        if sandbox.database == nil {
            #expect(sandbox.bytes().main?.prefix(16) == Data("SQLite format 3\0".utf8))
        }
        // Each printed count is what the matching list then shows (the seeds may grow; the counts must agree).
        for (label, kind) in [("项目", "project"), ("地块", "parcel"), ("园区", "park"), ("企业", "tenant"), ("节点", "milestone"), ("数据", "figure")] {
            let printed = outcome.stdout.firstMatch(of: try Regex("\(label)(\\d+)"))?.output[1].substring.flatMap { Int($0) }
            let listed = try jsonArray(try sandbox.zl(kind, "list", "--format", "json")).count
            #expect(printed == listed, "\(label): printed \(printed.map(String.init) ?? "nothing"), listed \(listed)")
            #expect(listed > 0, "\(kind)")
        }
    }

    @Test func initRefusesAnExistingFileAndLeavesItAlone() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        _ = try sandbox.zl("project", "update", "台邦", "--note", "有一条记录")
        let before = sandbox.bytes()
        let outcome = try sandbox.run(["init", "--db", sandbox.ledger])
        // A file "already exists"; a database "already has a ledger".
        let exists = sandbox.database == nil ? "已存在" : "已有账本"
        expectRefusal(outcome, 65, [exists, sandbox.ledger, "不会覆盖"])
        #expect(sandbox.bytes() == before)
        // Also when asked for an empty ledger.
        expectRefusal(try sandbox.run(["init", "--empty", "--db", sandbox.ledger]), 65, [exists])
        #expect(sandbox.bytes() == before)
    }

    @Test func emptyInitHasEmptyLists() throws {
        let sandbox = try Sandbox()
        let made = try sandbox.run(["init", "--empty", "--db", sandbox.ledger])
        expectSuccess(made)
        #expect(made.stdout == "已创建账本 \(sandbox.ledger)（空）\n")
        for kind in ["project", "parcel", "park", "tenant", "milestone", "figure"] {
            let json = try sandbox.zl(kind, "list", "--format", "json")
            expectSuccess(json)
            #expect(json.stdout == "[]\n", "\(kind): \(json)")
            #expect(try sandbox.zl(kind, "list").stdout == "（无）\n", "\(kind)")
            let csv = try sandbox.zl(kind, "list", "--format", "csv")
            #expect(csvRecords(csv.stdoutData).count == 1, "\(kind): only the header")
        }
        #expect(try sandbox.zl("log", "--format", "json").stdout == "[]\n")
        // The zone exists even in an empty ledger, under the report's anonymised name.
        #expect(try jsonObject(try sandbox.zl("zone", "show", "--format", "json"))["name"] as? String == "__经济开发区")
    }

    @Test func initIntoAMissingFolderRefuses() throws {
        let sandbox = try Sandbox()
        let outcome = try sandbox.run(["init", "--db", sandbox.path("没有这个文件夹/ledger.sqlite")])
        expectRefusal(outcome, 65, ["不存在"])
        #expect(!sandbox.exists("没有这个文件夹"))
    }

    @Test func aReadOnAMissingLedgerExplainsAndCreatesNothing() throws {
        let sandbox = try Sandbox()
        let outcome = try sandbox.zl("project", "list")
        // No file; or, on the PostgreSQL pass, an empty database.
        expectRefusal(outcome, 66, [sandbox.database == nil ? "没有找到账本" : "里没有账本", sandbox.ledger, "zoneledger init"])
        let empty = sandbox.bytes()
        for suffix in ["", "-wal", "-shm", "-journal"] { #expect(!sandbox.exists("ledger.sqlite" + suffix)) }
        // A write says the same and creates nothing either.
        expectRefusal(try sandbox.zl("project", "update", "台邦", "--note", "x"), 66, ["zoneledger init"])
        #expect(!sandbox.exists("ledger.sqlite"))
        #expect(sandbox.bytes() == empty)
    }

    @Test func dbWorksBeforeAndAfterTheSubcommand() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let after = try sandbox.run(["project", "list", "--db", sandbox.ledger])
        let before = try sandbox.run(["--db", sandbox.ledger, "project", "list"])
        let equalsForm = try sandbox.run(["--db=\(sandbox.ledger)", "project", "list"])
        expectSuccess(after)
        expectSuccess(before)
        expectSuccess(equalsForm)
        #expect(after.stdout.contains("台邦精密减速器项目"))
        #expect(before.stdout == after.stdout)
        #expect(equalsForm.stdout == after.stdout)
        // Before the subcommand also works for a write.
        expectSuccess(try sandbox.run(["--db", sandbox.ledger, "project", "update", "台邦", "--note", "前置 --db"]))
        #expect(try sandbox.zl("log", "台邦", "--limit", "1").stdout.contains("前置 --db"))
    }

    @Test func zoneledgerDBInTheEnvironmentIsUsed() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded("环境.sqlite")
        let outcome = try sandbox.run(["zone", "show", "--format", "json"], environment: ["ZONELEDGER_DB": sandbox.path("环境.sqlite")])
        expectSuccess(outcome)
        #expect(try jsonObject(outcome)["ledger"] as? String == sandbox.path("环境.sqlite"))
        // --db wins over the environment.
        try sandbox.seeded()
        let both = try sandbox.run(["zone", "show", "--format", "json", "--db", sandbox.ledger],
                                   environment: ["ZONELEDGER_DB": sandbox.path("环境.sqlite")])
        #expect(try jsonObject(both)["ledger"] as? String == sandbox.ledger)
        // init honours it too.
        let made = try sandbox.run(["init", "--empty"], environment: ["ZONELEDGER_DB": sandbox.path("新.sqlite")])
        expectSuccess(made)
        #expect(sandbox.exists("新.sqlite"))
    }

    @Test func aReadLeavesTheLedgerExactlyAsItWas() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        expectSuccess(try sandbox.zl("project", "update", "台邦", "--note", "写一条"))
        let before = sandbox.bytes()
        #expect(!sandbox.exists("ledger.sqlite-wal"), "a write checkpoints and removes its WAL on exit")
        for command in [["project", "list"], ["park", "show", "博通"], ["log"], ["milestone", "list", "--format", "csv"], ["zone", "show"]] {
            expectSuccess(try sandbox.run(command + ["--db", sandbox.ledger]))
        }
        #expect(sandbox.bytes() == before)
        #expect(!sandbox.exists("ledger.sqlite-wal") && !sandbox.exists("ledger.sqlite-shm"), "no -wal/-shm left behind")
    }
}
