import Foundation
import GRDB
import Testing
@testable import ZoneLedgerCore

/// 存在问题: raised, edited, resolved and reopened by dated entries; their state on every day,
/// `overdue`'s part, and what each month's sheet says of them.
@Suite struct ProblemTests {
    static func raise(_ ledger: Ledger, _ text: String, about ref: String = "P5", kind: SubjectKind = .project, on: String,
                      due: String? = nil, department: String? = nil, leader: String? = nil, backfill: Bool = false) throws -> Receipt {
        var draft = ProblemDraft(text: text, subjectKind: kind, subject: ref, on: day(on))
        draft.due = try due.map { try DateParser.parseDue($0, promisedOn: day(on)) }
        draft.department = department
        draft.leader = leader
        var writing = context()
        writing.backfill = backfill
        return try ledger.addProblem(draft, context: writing)
    }

    /// W1 raised 01-05 due 1月底, moved to 3月底 on 02-05, resolved 03-10, reopened 04-02;
    /// W2 raised 02-03 with no deadline, resolved 02-20; W3 about a park, due 02-28, never resolved.
    static func history() throws -> Ledger {
        let ledger = try seededCopy()
        _ = try raise(ledger, "土地指标未落实", on: "2021-01-05", due: "2021年1月底", department: "自然资源分局", leader: "分管副主任")
        _ = try raise(ledger, "施工用电未接入", on: "2021-02-03")
        _ = try raise(ledger, "道路建设缺少资金", about: "博通", kind: .park, on: "2021-02-01", due: "2021-02-28")
        try ledger.editProblem("W1", [], due: try DateParser.parseDue("2021年3月底", promisedOn: day("2021-02-05")), note: "协调会议定延期",
                               on: day("2021-02-05"), context: context())
        try ledger.resolveProblem("W2", on: day("2021-02-20"), note: "已接入临时用电", context: context())
        try ledger.resolveProblem("W1", on: day("2021-03-10"), note: "指标已落实", context: context())
        try ledger.reopenProblem("W1", on: day("2021-04-02"), reason: "指标被收回", context: context())
        return ledger
    }

    static func rows(_ table: ZoneLedgerCore.Table) -> [[String: String]] {
        table.rows.map { Dictionary(uniqueKeysWithValues: zip(table.columns.map(\.key), $0.map(\.plain))) }
    }

    @Test func aProblemOnEveryDayIsTheFoldOfItsEntries() throws {
        let ledger = try Self.history()
        // day → W1's (state, deadline, days overdue)
        let expected: [(String, String, String, String)] = [
            ("2021-01-04", "", "", ""), ("2021-01-31", "未解决", "2021-01-31", ""), ("2021-02-01", "未解决", "2021-01-31", "1"),
            ("2021-02-04", "未解决", "2021-01-31", "4"), ("2021-02-05", "未解决", "2021-03-31", ""), ("2021-03-09", "未解决", "2021-03-31", ""),
            ("2021-03-10", "已解决", "2021-03-31", ""), ("2021-04-01", "已解决", "2021-03-31", ""), ("2021-04-02", "未解决", "2021-03-31", "2"),
        ]
        for (on, state, due, late) in expected {
            let rows = Self.rows(try ledger.listProblems(AsOf(day(on))))
            let w1 = rows.first { $0["code"] == "W1" }
            #expect((w1?["state"] ?? "") == state, "\(on)")
            #expect((w1?["due_on"] ?? "") == due, "\(on)")
            #expect((w1?["days_overdue"] ?? "") == late, "\(on)")
        }
        // --open: on 02-25 W2 is resolved, W1 and W3 are open.
        #expect(Self.rows(try ledger.listProblems(AsOf(day("2021-02-25")), openOnly: true)).map { $0["code"] } == ["W1", "W3"])
        // One project's: W3 is about a park.
        #expect(Self.rows(try ledger.listProblems(AsOf(day("2021-02-25")), subject: (.project, "P5"))).map { $0["code"] } == ["W1", "W2"])
        #expect(try ledger.check(today: day("2026-11-29")).isEmpty)
    }

    @Test func overdueHasTheProblemsPastTheirDeadlineInTheirOwnPart() throws {
        let ledger = try Self.history()
        let cases: [(String, SubjectKind?, [String])] = [
            ("2021-02-01", nil, ["W1"]), ("2021-02-28", nil, []), ("2021-03-01", .problem, ["W3"]),
            ("2021-04-05", nil, ["W3", "W1"]), ("2021-04-05", .problem, ["W3", "W1"]), ("2021-04-05", .project, []),
        ]
        for (on, kind, codes) in cases {
            var query = OverdueQuery(asOf: day(on))
            query.kind = kind
            let report = try ledger.overdue(query)
            #expect(report.problems.map(\.code) == codes, "\(on) \(String(describing: kind))")
            if kind == .problem { #expect(report.overdue.isEmpty && report.behind.isEmpty, "\(on)") }
        }
    }

    /// Every month's sheet: the counts, the section's rows with what happened in the month, and
    /// the projects table's 存在问题 column.
    @Test func eachMonthsSheetSaysWhatBecameOfItsProblems() throws {
        let ledger = try Self.history()
        // month → (open, overdue, new, resolved), section codes, P5's column
        let expected: [(String, [String], [String], String)] = [
            ("2020-12", ["0", "0", "0", "0"], [], ""),
            ("2021-01", ["1", "0", "1", "0"], ["W1"], "土地指标未落实（自然资源分局／分管副主任，期限2021年1月底）"),
            ("2021-02", ["2", "0", "2", "1"], ["W1", "W3", "W2"], "土地指标未落实（自然资源分局／分管副主任，期限2021年3月底）"),
            ("2021-03", ["1", "1", "0", "1"], ["W3", "W1"], ""),
            ("2021-04", ["2", "2", "0", "0"], ["W1", "W3"], "土地指标未落实（自然资源分局／分管副主任，期限2021年3月底）"),
        ]
        for (month, counts, codes, column) in expected {
            let sheet = try ledger.sheet(month: try Month.parse(month), today: day("2026-11-29"), generatedAt: "x")
            let summary = try #require(sheet.sections.first { $0.key == "problem_summary" }).table
            #expect(summary.rows[0].map(\.plain) == counts, "\(month)")
            let section = Self.rows(try #require(sheet.sections.first { $0.key == "problems" }).table)
            #expect(section.map { $0["code"] } == codes, "\(month)")
            let projects = Self.rows(try #require(sheet.sections.first { $0.key == "projects" }).table)
            #expect(projects.first { $0["code"] == "P5" }?["problems"] == column, "\(month)")
        }
        let february = try ledger.sheet(month: try Month.parse("2021-02"), today: day("2026-11-29"), generatedAt: "x")
        let situations = Self.rows(try #require(february.sections.first { $0.key == "problems" }).table).map { $0["situation"] ?? "" }
        #expect(situations == ["", "本月新提", "本月新提，本月解决"])
        let april = try ledger.sheet(month: try Month.parse("2021-04"), today: day("2026-11-29"), generatedAt: "x")
        #expect(Self.rows(try #require(april.sections.first { $0.key == "problems" }).table).map { $0["situation"] ?? "" } == ["逾期30天", "逾期61天"])
    }

    /// Each refusal says why and writes nothing.
    @Test func whatMakesNoSenseIsRefusedAndNothingIsWritten() throws {
        let ledger = try Self.history()
        let count = { try ledger.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM entry") ?? 0 } }
        let before = try count()
        let cases: [(String, () throws -> Void)] = [
            ("已解决，不能再标记解决", { try ledger.resolveProblem("W2", on: day("2021-03-01"), note: "又解决了", context: context()) }),
            ("尚未解决，无需重开", { try ledger.reopenProblem("W3", on: day("2021-03-01"), reason: "无", context: context()) }),
            ("于2021-02-03提出，不能在此之前", { try ledger.resolveProblem("W2", on: day("2021-02-01"), note: "x", context: context()) }),
            ("在2021-03-10已有解决或重开的记录", { try ledger.resolveProblem("W1", on: day("2021-03-01"), note: "早些解决", context: context()) }),
            ("请用 --note 写明解决情况", { try ledger.resolveProblem("W3", on: day("2021-03-01"), note: "  ", context: context()) }),
            ("早于记录的日期2021-03-01", { _ = try Self.raise(ledger, "新问题", on: "2021-03-01", due: "2021-02-01") }),
            ("找不到", { _ = try Self.raise(ledger, "新问题", about: "没有这个项目", on: "2021-03-01") }),
            ("问题描述", { _ = try Self.raise(ledger, " ", on: "2021-03-01") }),
            ("没有要修改的内容", { try ledger.editProblem("W3", [], due: nil, note: nil, on: day("2021-03-01"), context: context()) }),
            ("问题的对象须是项目、地块、园区或企业", { _ = try Self.raise(ledger, "新问题", about: "M1", kind: .milestone, on: "2021-03-01") }),
        ]
        for (fragment, body) in cases {
            let message = refusal(body)
            #expect(message?.contains(fragment) == true, "\(fragment): \(message ?? "accepted")")
            #expect(try count() == before, "\(fragment)")
        }
        // Back-filled history may have a deadline already past.
        #expect(refusal { _ = try Self.raise(ledger, "新问题", on: "2021-03-01", due: "2021-02-01", backfill: true) } == nil)
    }

    /// An older ledger gains problems with every entry it had: same ids, same values.
    @Test func theEntryTableKeepsEveryRowThroughItsRebuild() throws {
        let queue = try DatabaseQueue()
        var migrator = DatabaseMigrator()
        for file in Ledger.schemaFiles.prefix(9) {
            let sql = String(decoding: file.bytes, as: UTF8.self)
            let after = Ledger.afterSQL[file.name]
            migrator.registerMigration(file.name) { db in try db.execute(sql: sql); try after?(Session(db)) }
        }
        try migrator.migrate(queue)
        // A few entries written straight in, as a ledger at 0009 holds them.
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO batch (id, recorded_at, author, command) VALUES (1, '2021-01-01T00:00:00Z', 'a', 'x');
                INSERT INTO project (id, code, created_batch) VALUES (1, 'P1', 1);
                INSERT INTO entry (batch_id, effective_on, action, project_id, name, project_kind, stage) VALUES (1, '2021-01-01', 'add', 1, '甲', 'industrial', 'planning');
                INSERT INTO entry (batch_id, effective_on, action, project_id, invested_month_yuan, note) VALUES (1, '2021-01-31', 'update', 1, 6000000, '一月');
                """)
        }
        let before = try queue.read { try Row.fetchAll($0, sql: "SELECT * FROM entry ORDER BY id") }
        try Ledger.migrator.migrate(queue)
        let after = try queue.read { try Row.fetchAll($0, sql: "SELECT * FROM entry ORDER BY id") }
        #expect(after.count == before.count)
        for (old, new) in zip(before, after) {
            for column in old.columnNames { #expect(old[column] as DatabaseValue == new[column] as DatabaseValue, "\(column)") }
            #expect((new["problem_id"] as DatabaseValue).isNull)
        }
        // And the rebuilt table still refuses what it refused.
        #expect(throws: DatabaseError.self) {
            try queue.write { try $0.execute(sql: "UPDATE entry SET note = 'x' WHERE id = 1") }
        }
        #expect(throws: DatabaseError.self) {
            try queue.write { try $0.execute(sql: "INSERT INTO entry (batch_id, effective_on, action) VALUES (1, '2021-02-01', 'update')") }
        }
    }
}
