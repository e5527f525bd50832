import Foundation
import Testing

/// Many processes on one ledger at once: writers wait for each other (WAL, busy timeout),
/// readers are never refused, nothing is lost or doubled, nothing is left behind, and the
/// derived state (spans) all those writers kept is the one the history gives.
@Suite(.storeTimeLimit(minutes: 5)) struct ConcurrencyTests {
    /// The command a writer runs for its index-th entry: a status note as of today, one back-dated
    /// between the entries already there, or an edit effective on a past day. Every one carries
    /// the note `w<writer>-<index>`, so each is found in the history, and each makes the spans of
    /// its project be recomputed from its day on, while the other writers do the same.
    static func write(_ project: String, writer: Int, index: Int, ledger: String) -> [String] {
        let note = "w\(writer)-\(index)"
        let day = String(format: "2021-%02d-%02d", 1 + (index * 5 + writer) % 12, 1 + (index * 7) % 28)
        let command: [String] = switch index % 4 {
        case 0: ["project", "update", project, "--note", note]
        case 1: ["project", "update", project, "--note", note, "--on", day]
        case 2: ["project", "edit", project, "--department", "部门\(index % 3)", "--note", note, "--on", day]
        default: ["project", "edit", project, "--investment", "\(1 + index % 5)亿元", "--note", note, "--on", day]
        }
        return command + ["--by", "w\(writer)", "--db", ledger]
    }

    /// 8 writer processes × 100 entries, while 2 readers loop `overdue` and `sheet`. Writers 0–3
    /// each write to their own project (P1–P4); writers 4–7 all write to the same one (P5), so both
    /// kinds of pressure are on the ledger at the same time. Writers wait for each other for up
    /// to 60 s (not the default 10 s): this is about what is kept, on however loaded a machine.
    @Test func eightWritersAndTwoReadersLoseNothing() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let launcher = try sandbox.launcher
        let ledger = sandbox.ledger
        let seededEntries = try sandbox.history().count
        let writers = 8, perWriter = 100
        @Sendable func project(_ writer: Int) -> String { writer < 4 ? "P\(writer + 1)" : "P5" }

        let outcomes = Collected<Outcome>()
        let readerOutcomes = Collected<Outcome>()
        let writersDone = Flag()
        let allWritersFinished = DispatchGroup()
        var bodies: [@Sendable () -> Void] = []
        for writer in 0..<writers {
            allWritersFinished.enter()
            bodies.append {
                defer { allWritersFinished.leave() }
                for index in 0..<perWriter {
                    let arguments = Self.write(project(writer), writer: writer, index: index, ledger: ledger)
                    do { outcomes.append(try launcher.run(arguments, environment: ["ZONELEDGER_BUSY_TIMEOUT": "60"], timeout: 120)) } catch {
                        outcomes.append(Outcome(arguments: arguments, status: -1, stdoutData: Data(), stderr: "\(error)"))
                    }
                }
            }
        }
        for reader in 0..<2 {
            bodies.append {
                var turn = reader
                // At least one read each, then until the last writer is done.
                repeat {
                    let arguments = turn % 2 == 0 ? ["overdue", "--db", ledger] : ["sheet", "--month", "2020-11", "--format", "json", "--db", ledger]
                    turn += 1
                    // A breath between reads, so the two readers do not starve eight writers of the CPU.
                    usleep(20_000)
                    do { readerOutcomes.append(try launcher.run(arguments, timeout: 60)) } catch {
                        readerOutcomes.append(Outcome(arguments: arguments, status: -1, stdoutData: Data(), stderr: "\(error)"))
                    }
                } while !writersDone.isRaised
            }
        }
        // The readers stop once every writer has finished.
        bodies.append {
            allWritersFinished.wait()
            writersDone.raise()
        }
        let finished = onThreads(bodies, timeout: 240)
        try #require(finished, "the writers and readers did not finish within 240 s")

        let writes = outcomes.all
        #expect(writes.count == writers * perWriter)
        let failedWrites = writes.filter { $0.status != 0 }
        #expect(failedWrites.isEmpty, "\(failedWrites.count) writes failed, first: \(failedWrites.first.map(String.init(describing:)) ?? "")")
        let reads = readerOutcomes.all
        #expect(reads.count >= 2)
        let failedReads = reads.filter { $0.status != 0 || !$0.stderr.isEmpty }
        #expect(failedReads.isEmpty, "\(failedReads.count) of \(reads.count) reads failed, first: \(failedReads.first.map(String.init(describing:)) ?? "")")
        // Every sheet a reader saw was whole JSON.
        for read in reads where read.arguments.first == "sheet" && read.status == 0 {
            #expect((try? JSONSerialization.jsonObject(with: read.stdoutData)) is [String: Any], "a torn sheet: \(read)")
        }

        // Every entry is there exactly once, on the right project, by the right author.
        let history = try sandbox.history()
        #expect(history.count == seededEntries + writers * perWriter)
        var seen: [String: Int] = [:]
        for entry in history {
            guard let note = entry["note"] as? String, note.firstMatch(of: /^w\d+-\d+$/) != nil else { continue }
            seen[note, default: 0] += 1
            let writer = Int(note.dropFirst().prefix { $0 != "-" })!
            #expect(entry["author"] as? String == "w\(writer)", "\(entry)")
            #expect((entry["subject"] as? String)?.hasPrefix(project(writer) + " ") == true, "\(entry)")
            #expect(entry["voided_by"] is NSNull)
        }
        let expected = (0..<writers).flatMap { writer in (0..<perWriter).map { "w\(writer)-\($0)" } }
        let missing = expected.filter { seen[$0] == nil }
        let doubled = seen.filter { $0.value > 1 }.map(\.key).sorted()
        #expect(missing.isEmpty, "missing entries: \(missing.prefix(20))")
        #expect(doubled.isEmpty, "entries recorded more than once: \(doubled.prefix(20))")
        #expect(seen.count == writers * perWriter)

        // The derived state kept by all those writers is the one the history gives: check (spans
        // included) is clean, and the span tables are row for row what a rebuild makes.
        let check = try sandbox.zl("check")
        #expect(check.status == 0 && check.stdout.isEmpty && check.stderr.isEmpty, "\(check)")
        #expect(sandbox.leftovers().isEmpty, "left behind once every process ended: \(sandbox.leftovers())")
        #expect(try sandbox.spansDifferFromARebuild().isEmpty)
        // And each project reads, on a past day, the last edit effective by then.
        let shown = try jsonObject(try sandbox.zl("project", "show", "P5", "--as-of", "2021-12-31", "--format", "json"))
        #expect((shown["department"] as? String)?.hasPrefix("部门") == true, "\(shown)")
    }

    /// Another process (the sqlite3 shell) holds the write lock for 3 s. With a 0.5 s busy
    /// timeout a write gives up while the lock is still held: exit 75, nothing written. With the
    /// default timeout (10 s) the same command waits for the lock and succeeds.
    @Test(.fileLedger) func aWriterGivesUpAfterTheBusyTimeoutOrWaits() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let launcher = try sandbox.launcher
        let before = try sandbox.contents()
        let holder = try sandbox.holdWriteLock(seconds: 3)
        let locked = Date()
        defer { holder.kill(); _ = holder.finish(timeout: 10) }

        let impatient = try launcher.run(["project", "update", "台邦", "--note", "忙时写入-超时", "--db", sandbox.ledger],
                                         environment: ["ZONELEDGER_BUSY_TIMEOUT": "0.5"], timeout: 30)
        let stillHeld = holder.isRunning
        expectRefusal(impatient, 75, ["账本正被其他人写入", "0.5秒", "什么也没有写入"])
        #expect(stillHeld, "the lock was released before the write gave up: the test proves nothing")
        // Readers are not blocked by a writer, and nothing was recorded.
        #expect(try sandbox.contents() == before)

        let patient = try launcher.run(["project", "update", "台邦", "--note", "忙时写入-等待", "--db", sandbox.ledger], timeout: 30)
        let waited = Date().timeIntervalSince(locked)
        expectSuccess(patient)
        #expect(waited >= 2.5, "the write finished \(waited) s after the lock was taken, but the lock was held for 3 s")
        let holderOutcome = holder.finish(timeout: 30)
        #expect(holderOutcome.status == 0, "\(holderOutcome)")

        let notes = try sandbox.history().compactMap { $0["note"] as? String }
        #expect(notes.filter { $0 == "忙时写入-等待" }.count == 1)
        #expect(!notes.contains("忙时写入-超时"))
        let check = try sandbox.zl("check")
        #expect(check.status == 0 && check.stdout.isEmpty, "\(check)")
        #expect(sandbox.leftovers().isEmpty, "\(sandbox.leftovers())")
    }

    /// Four `init`s of one new path at once, then four `backup`s to one file at once: exactly
    /// one of each wins (exit 0), the others refuse because the file now exists (65), and what
    /// is there is one whole ledger, with nothing half-made beside it.
    @Test(.fileLedger) func racingInitsAndBackupsMakeOneWholeFile() throws {
        let sandbox = try Sandbox()
        let launcher = try sandbox.launcher
        let target = sandbox.path("同时创建.sqlite"), copy = sandbox.path("同时备份.sqlite")
        for arguments in [["init", "--db", target], ["backup", copy, "--db", target]] {
            let outcomes = Collected<Outcome>()
            let bodies: [@Sendable () -> Void] = (0..<4).map { _ in
                { outcomes.append((try? launcher.run(arguments, timeout: 60)) ?? Outcome(arguments: arguments, status: -1, stdoutData: Data(), stderr: "")) }
            }
            try #require(onThreads(bodies, timeout: 120), "\(arguments[0]) did not finish")
            let all = outcomes.all
            #expect(all.filter { $0.status == 0 }.count == 1, "\(all)")
            for refused in all where refused.status != 0 {
                expectRefusal(refused, 65, ["已存在"])
            }
        }
        for ledger in [target, copy] {
            CheckAndBackupTests.expectClean(try sandbox.run(["check", "--db", ledger]))
        }
        #expect(try sandbox.contents("同时创建.sqlite").replacingOccurrences(of: "同时创建", with: "X")
                == (try sandbox.contents("同时备份.sqlite")).replacingOccurrences(of: "同时备份", with: "X"))
        let names = try FileManager.default.contentsOfDirectory(atPath: sandbox.folderPath).sorted()
        #expect(names == ["同时创建.sqlite", "同时备份.sqlite"].sorted(), "\(names)")
    }

    /// A reader started in the middle of a long import (one transaction) sees the ledger as it
    /// was before the import or after it, never half of it.
    @Test func readersNeverSeeHalfAnImport() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let launcher = try sandbox.launcher
        let rows = 400
        let csv = "名称,类别,说明\r\n" + (0..<rows).map { "并发导入项目-\($0),工业,批量\r\n" }.joined()
        try sandbox.write(Data(csv.utf8), to: "批量.csv")
        let importing = try launcher.spawn(["import", "projects", sandbox.path("批量.csv"), "--db", sandbox.ledger])
        var counts: [Int] = []
        while importing.isRunning || counts.isEmpty {
            let listed = try launcher.run(["project", "list", "--format", "json", "--db", sandbox.ledger], timeout: 60)
            try #require(listed.status == 0, "\(listed)")
            counts.append(try jsonArray(listed).filter { ($0["name"] as? String)?.hasPrefix("并发导入项目-") == true }.count)
        }
        let imported = importing.finish(timeout: 60)
        expectSuccess(imported)
        #expect(counts.allSatisfy { $0 == 0 || $0 == rows }, "a reader saw part of the import: \(counts)")
        let after = try jsonArray(try sandbox.zl("project", "list", "--format", "json"))
        #expect(after.filter { ($0["name"] as? String)?.hasPrefix("并发导入项目-") == true }.count == rows)
        #expect(sandbox.leftovers().isEmpty, "\(sandbox.leftovers())")
    }
}
