import Foundation
import Testing

/// `check` (silent when all is well, one line per problem) and `backup` (a verified copy,
/// taken while others write), and restoring from it as the README says.
@Suite(.storeTimeLimit(minutes: 2)) struct CheckAndBackupTests {
    static func expectClean(_ outcome: Outcome, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(outcome.status == 0 && outcome.stdout.isEmpty && outcome.stderr.isEmpty, "\(outcome)", sourceLocation: sourceLocation)
    }

    @Test func checkIsSilentOnASeededLedgerAndChangesNothing() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let before = sandbox.bytes()
        Self.expectClean(try sandbox.zl("check"))
        for name in ["integrity", "foreign-keys", "positive", "milestone-dates", "park-tenants", "future-entries", "status-order", "seed-quotes",
                     "spans"] {
            Self.expectClean(try sandbox.zl("check", name))
        }
        Self.expectClean(try sandbox.zl("check", "status-order", "seed-quotes"))
        #expect(sandbox.bytes() == before)
        #expect(sandbox.leftovers().isEmpty)
    }

    @Test func checkNamesEachBrokenRuleOnItsOwnLine() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        // The report counted 38 enterprises in Y5 (none itemised); the ledger is broken behind
        // zoneledger's back: an entry effective in 2030, 40 tenants in Y5, P5 (开工) set back to
        // 前期 without --correction.
        try sandbox.sql("""
            INSERT INTO batch(recorded_at, author, command) VALUES ('2026-11-29T00:00:00Z', 'sqlite3', 'by hand');
            INSERT INTO entry(batch_id, effective_on, action, project_id, note)
              VALUES ((SELECT max(id) FROM batch), '2030-01-01', 'update', (SELECT id FROM project WHERE code = 'P1'), '未来的记录');
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)
              INSERT INTO tenant(code, created_batch) SELECT 'EX' || i, (SELECT max(id) FROM batch) FROM n;
            INSERT INTO entry(batch_id, effective_on, action, tenant_id, name, set_park_id, tenant_status)
              SELECT (SELECT max(id) FROM batch), '2020-11-30', 'add', id, '手工企业' || substr(code, 3),
                     (SELECT id FROM park WHERE code = 'Y5'), 'signed' FROM tenant WHERE code LIKE 'EX%';
            INSERT INTO entry(batch_id, effective_on, action, project_id, stage)
              VALUES ((SELECT max(id) FROM batch), '2020-12-01', 'update', (SELECT id FROM project WHERE code = 'P5'), 'preliminary');
            """)
        // Entries written behind its back leave the derived state (the spans) behind: check says so
        // for each subject, and rebuild brings the spans in line with the entries.
        let stale = try sandbox.zl("check", "spans")
        let staleLines = stale.stdout.split(separator: "\n").map(String.init)
        #expect(stale.status == 65 && staleLines.count == 42 && staleLines.allSatisfy { $0.hasPrefix("spans: ") && $0.contains("rebuild") }, "\(stale)")
        #expect(staleLines.contains { $0.contains("P1 ") } && staleLines.contains { $0.contains("P5 ") } && staleLines.contains { $0.contains("EX40 ") })
        let rebuilt = try sandbox.zl("rebuild")
        expectSuccess(rebuilt)
        #expect(rebuilt.stdout.contains("93"), "every subject rebuilt: \(rebuilt)")
        Self.expectClean(try sandbox.zl("check", "spans"))
        let future = try #require(try sandbox.sql("SELECT id FROM entry WHERE effective_on = '2030-01-01';").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty)
        let backwards = try #require(try sandbox.sql("SELECT id FROM entry WHERE stage = 'preliminary' AND effective_on = '2020-12-01';").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty)
        let before = sandbox.bytes()

        let checked = try sandbox.zl("check")
        #expect(checked.status == 65, "\(checked)")
        #expect(checked.stderr.isEmpty, "\(checked)")
        let lines = checked.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "one line per problem: \(checked)")
        #expect(lines.contains { $0.hasPrefix("park-tenants: ") && $0.contains("Y5") && $0.contains("40") && $0.contains("38") }, "\(checked)")
        #expect(lines.contains { $0.hasPrefix("future-entries: ") && $0.contains("#\(future)") && $0.contains("2030-01-01") }, "\(checked)")
        #expect(lines.contains { $0.hasPrefix("status-order: ") && $0.contains("P5") && $0.contains("#\(backwards)") && $0.contains("开工") && $0.contains("前期") },
                "\(checked)")
        // Named checks run alone; a check that finds nothing stays silent.
        let named = try sandbox.zl("check", "future-entries")
        #expect(named.status == 65 && named.stdout.split(separator: "\n").count == 1 && named.stdout.hasPrefix("future-entries: "), "\(named)")
        Self.expectClean(try sandbox.zl("check", "integrity", "foreign-keys", "seed-quotes", "spans"))
        // The future entry is only "in the future" until that day comes.
        let later = try sandbox.run(["check", "future-entries", "--db", sandbox.ledger], environment: ["ZONELEDGER_TODAY": "2030-01-01"])
        Self.expectClean(later)
        #expect(sandbox.bytes() == before, "check writes nothing")

        // A step back marked as a correction is not a problem: still only P5's line.
        expectSuccess(try sandbox.zl("project", "update", "P6", "--stage", "前期", "--correction", "--on", "2020-12-02"))
        let order = try sandbox.zl("check", "status-order")
        #expect(order.status == 65 && order.stdout.split(separator: "\n").count == 1 && order.stdout.contains("P5 "), "\(order)")
    }

    @Test func anUnknownCheckIsAUsageError() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        expectRefusal(try sandbox.zl("check", "bogus"), 64, ["bogus", "status-order"])
        expectRefusal(try sandbox.zl("check", "integrity", "bogus"), 64, ["bogus"])
    }

    /// A damaged page (a B-tree index page overwritten by another program): check says so with
    /// exit 65 (an `integrity:` line, or the refusal naming the damage) and changes nothing.
    @Test(.fileLedger) func checkReportsADamagedLedger() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let page = try #require(Int(try sandbox.sql("SELECT rootpage FROM sqlite_master WHERE name = 'entry_effective';").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)))
        var bytes = try #require(sandbox.bytes().main)
        let pageSize = Int(bytes[16]) << 8 | Int(bytes[17])  // the header's page size
        try #require(page > 1 && bytes.count >= page * pageSize, "page \(page) of \(pageSize) bytes is not in the file")
        bytes.replaceSubrange((page * pageSize - 300)..<(page * pageSize - 100), with: Data(repeating: 0xFF, count: 200))
        try sandbox.write(bytes, to: "ledger.sqlite")
        let before = sandbox.bytes()
        for arguments in [["check"], ["check", "integrity"]] {
            let checked = try sandbox.run(arguments + ["--db", sandbox.ledger])
            #expect(checked.status == 65, "\(checked)")
            #expect(checked.stdout.hasPrefix("integrity: ") || checked.stderr.contains("已损坏"), "\(checked)")
        }
        #expect(sandbox.bytes() == before)
    }

    // MARK: - Backup

    @Test(.fileLedger) func backupWhileFourWritersRunIsCompleteAndRestores() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let launcher = try sandbox.launcher
        let ledger = sandbox.ledger
        let stop = Flag()
        let writes = Collected<Outcome>()
        let started = DispatchGroup()
        var bodies: [@Sendable () -> Void] = []
        for writer in 0..<4 {
            started.enter()
            bodies.append {
                var index = 0
                // The backup starts once each has written twice; each goes on (at least 4, at most 60)
                // until the backup is done.
                while index < 60 && (index < 4 || !stop.isRaised) {
                    let outcome = (try? launcher.run(["project", "update", "P\(writer + 1)", "--note", "备份时-\(writer)-\(index)", "--db", ledger], timeout: 60))
                        ?? Outcome(arguments: [], status: -1, stdoutData: Data(), stderr: "could not start")
                    writes.append(outcome)
                    index += 1
                    if index == 2 { started.leave() }
                }
            }
        }
        let writers = bodies
        let finished = DispatchGroup()
        finished.enter()
        Thread { _ = onThreads(writers, timeout: 120); finished.leave() }.start()
        defer { stop.raise(); _ = finished.wait(timeout: .now() + 120) }
        try #require(started.wait(timeout: .now() + 60) == .success, "the writers did not start")

        let notesBefore = Set(try sandbox.history().compactMap { $0["note"] as? String })
        let writesBefore = writes.all.count
        let made = try launcher.run(["backup", sandbox.path("备份.sqlite"), "--db", ledger], timeout: 60)
        let writesAfter = writes.all.count
        stop.raise()
        #expect(finished.wait(timeout: .now() + 120) == .success, "the writers did not stop")

        expectSuccess(made)
        #expect(made.stdout.hasPrefix("已备份到 \(sandbox.path("备份.sqlite"))，校验通过：项目36个，记录"), "\(made)")
        #expect(writes.all.count > writesAfter && writesAfter >= writesBefore, "the writers were not running around the backup (\(writesBefore) writes before it, \(writesAfter) when it ended, \(writes.all.count) in all)")
        let failed = writes.all.filter { $0.status != 0 }
        #expect(failed.isEmpty, "\(failed.count) writes failed: \(failed.first.map(String.init(describing:)) ?? "")")

        // The backup is a ledger on its own, sound, with everything recorded before it started.
        Self.expectClean(try sandbox.run(["check", "--db", sandbox.path("备份.sqlite")]))
        let inBackup = try sandbox.history("备份.sqlite")
        let backupNotes = Set(inBackup.compactMap { $0["note"] as? String })
        #expect(notesBefore.isSubset(of: backupNotes), "missing from the backup: \(notesBefore.subtracting(backupNotes).sorted().prefix(10))")
        let printedCount = made.stdout.firstMatch(of: /记录(\d+)条/).flatMap { Int($0.output.1) }
        #expect(printedCount == inBackup.count, "printed \(printedCount.map(String.init) ?? "nothing"), log has \(inBackup.count)")
        #expect(sandbox.leftovers("备份.sqlite").isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.folderPath).allSatisfy { !$0.hasPrefix(".") }, "temporary files left")
        // The ledger itself is sound after all that.
        Self.expectClean(try sandbox.zl("check"))
        #expect(sandbox.leftovers().isEmpty, "\(sandbox.leftovers())")

        // Restore, as the README says: copy the backup to a new path, point --db at it, check.
        try FileManager.default.copyItem(atPath: sandbox.path("备份.sqlite"), toPath: sandbox.path("恢复.sqlite"))
        Self.expectClean(try sandbox.run(["check", "--db", sandbox.path("恢复.sqlite")]))
        #expect(try sandbox.contents("恢复.sqlite") == (try sandbox.contents("备份.sqlite")).replacingOccurrences(of: "备份.sqlite", with: "恢复.sqlite"))
        expectSuccess(try sandbox.run(["project", "update", "台邦", "--note", "恢复后写入", "--db", sandbox.path("恢复.sqlite")]))
        #expect(try sandbox.history("恢复.sqlite").count == inBackup.count + 1)
    }

    @Test(.fileLedger) func backupNeverOverwritesAFile() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let precious = Data("这是别的文件，不能被覆盖。\n".utf8)
        try sandbox.write(precious, to: "已有.sqlite")
        let before = sandbox.bytes()
        expectRefusal(try sandbox.zl("backup", sandbox.path("已有.sqlite")), 65, ["已存在", "不会覆盖"])
        #expect(FileManager.default.contents(atPath: sandbox.path("已有.sqlite")) == precious)
        // Nor an earlier backup, nor the ledger itself.
        expectSuccess(try sandbox.zl("backup", sandbox.path("第一份.sqlite")))
        let first = FileManager.default.contents(atPath: sandbox.path("第一份.sqlite"))
        expectSuccess(try sandbox.zl("project", "update", "台邦", "--note", "备份之后"))
        let after = sandbox.bytes()
        expectRefusal(try sandbox.zl("backup", sandbox.path("第一份.sqlite")), 65, ["已存在"])
        #expect(FileManager.default.contents(atPath: sandbox.path("第一份.sqlite")) == first)
        expectRefusal(try sandbox.zl("backup", sandbox.ledger), 65, ["已存在"])
        #expect(sandbox.bytes() == after)
        #expect(before != after)
        // A missing folder is refused too, and nothing is created.
        expectRefusal(try sandbox.zl("backup", sandbox.path("没有的文件夹/备份.sqlite")), 65, ["不存在"])
        #expect(!sandbox.exists("没有的文件夹"))
    }

    /// A backup into a folder that cannot be written is a permission problem (77, naming the
    /// folder), not "no ledger" (66, "无法打开账本文件"): the ledger is there and fine.
    @Test(.fileLedger) func backupIntoAnUnwritableFolderSaysSo() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let before = sandbox.bytes()
        // /proc takes no new files, not even from root (the tests run as root).
        let target = "/proc/zoneledger-backup-\(UUID().uuidString).sqlite"
        let outcome = try sandbox.zl("backup", target)
        #expect(outcome.status != 0 && outcome.stdout.isEmpty, "\(outcome)")
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(sandbox.bytes() == before)
        expectRefusal(outcome, 77, ["/proc"])
    }

    /// A file name the file system takes (247 bytes: 80 Han characters and .sqlite) is a valid
    /// place for a backup, and for a new ledger: the hidden temporaries must not make it longer.
    @Test(.fileLedger) func backupAndInitTakeALongFileName() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let name = String(repeating: "备", count: 80) + ".sqlite"
        #expect(name.utf8.count == 247)
        // The file system takes the name.
        try sandbox.write(Data(), to: name)
        try FileManager.default.removeItem(atPath: sandbox.path(name))
        let backup = try sandbox.zl("backup", sandbox.path(name))
        let made = try sandbox.run(["init", "--db", sandbox.path(String(repeating: "初", count: 80) + ".sqlite")])
        expectSuccess(backup)
        expectSuccess(made)
        CheckAndBackupTests.expectClean(try sandbox.run(["check", "--db", sandbox.path(name)]))
        // Whatever the outcome, nothing half-made is left.
        if backup.status != 0 { #expect(!sandbox.exists(name)) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.folderPath).allSatisfy { !$0.hasPrefix(".") })
    }
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
