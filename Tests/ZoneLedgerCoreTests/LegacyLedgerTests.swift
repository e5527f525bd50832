import Foundation
import GRDB
import Testing
@testable import ZoneLedgerCore

/// A ledger written by the version before entries carried every fact (schema 0006), opened by
/// this one: Fixtures/ledger-v6.sql, made by the old binary (ZONELEDGER_TODAY=2021-06-30) on the
/// seeded ledger with out-of-order edits, undos, a re-added project, a parcel serving it, a
/// tenant moved, a park renamed, a milestone edited, moved and done, and a figure.
@Suite struct LegacyLedgerTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/ledger-v6.sql")
    static let today = day("2026-11-29")

    /// The fixture loaded into a file of its own and opened (so migrated). The folder is removed by the caller.
    static func migrated() throws -> (Ledger, URL) {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("v6.sqlite").path
        let dump = try String(contentsOf: fixture, encoding: .utf8)
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: dump)
                try db.execute(sql: "PRAGMA application_id = \(Ledger.applicationID)")
            }
            try queue.close()
        }
        return (try Ledger.open(at: path, writable: true), folder)
    }

    static func name(_ ledger: Ledger, _ ref: String, on date: String) throws -> String? {
        try ledger.show(ref, kind: .project, asOf: day(date)).fields.first { $0.0.key == "name" }?.1.plain
    }

    static func field(_ ledger: Ledger, _ kind: SubjectKind, _ ref: String, _ key: String, on date: String) throws -> String? {
        try ledger.show(ref, kind: kind, asOf: day(date)).fields.first { $0.0.key == key }?.1.plain
    }

    /// The history rows of a subject: (effective day, action, change, voided).
    static func log(_ ledger: Ledger, _ ref: String) throws -> [(String, String, String, Bool)] {
        var query = HistoryQuery()
        query.subject = ref
        let table = try ledger.history(query)
        return table.rows.map { row in
            (row[table.index("effective_on")].plain, row[table.index("action")].plain, row[table.index("change")].plain,
             row[table.index("voided_by")] != .empty)
        }
    }

    @Test func theMigratedLedgerChecksClean() throws {
        let (ledger, folder) = try Self.migrated()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try ledger.check(today: Self.today).map(\.description) == [])
        #expect(try ledger.read { try SpanHistory.mismatches(in: $0) }.isEmpty)
        // The old tables are gone and the new ones hold the history
        #expect(try ledger.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM entry") } == 71)
        #expect(try ledger.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM entry_void") } == 3)
    }

    @Test func editsRecordedOutOfOrderHoldOnTheirOwnDays() throws {
        let (ledger, folder) = try Self.migrated()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Recorded: 甲 effective 2021-03-01 first, then 乙 effective 2021-01-01.
        #expect(try Self.name(ledger, "P5", on: "2020-12-31") == "台邦精密减速器项目")
        #expect(try Self.name(ledger, "P5", on: "2021-01-01") == "乙")
        #expect(try Self.name(ledger, "P5", on: "2021-02-01") == "乙")
        #expect(try Self.name(ledger, "P5", on: "2021-03-01") == "甲")
        #expect(try Self.name(ledger, "P5", on: "2021-03-02") == "甲")
        // Each edit's change text names the value on its own day
        let edits = try Self.log(ledger, "P5").filter { $0.1 == "修改" }
        #expect(edits.map(\.0) == ["2021-03-01", "2021-01-01"])
        #expect(edits.map(\.2) == ["名称：乙 → 甲", "名称：台邦精密减速器项目 → 乙"])
        // The update on 2021-02-01 in between
        #expect(try Self.field(ledger, .project, "P5", "stage", on: "2021-02-01") == "在建")
        #expect(try Self.field(ledger, .project, "P5", "progress", on: "2021-02-01") == "20")
        #expect(try Self.field(ledger, .project, "P5", "stage", on: "2021-01-31") == "开工")
    }

    @Test func everyKindsEditsCarryOver() throws {
        let (ledger, folder) = try Self.migrated()
        defer { try? FileManager.default.removeItem(at: folder) }
        // E1 moved from Y2 to Y5 on 2021-01-05; Y5 renamed on 2021-04-01
        #expect(try Self.field(ledger, .tenant, "E1", "park", on: "2020-11-30") == "Y2 生态智慧岛")
        #expect(try Self.field(ledger, .tenant, "E1", "park", on: "2021-01-04") == "Y2 生态智慧岛")
        #expect(try Self.field(ledger, .tenant, "E1", "park", on: "2021-01-05") == "Y5 __博通小微园")
        #expect(try Self.field(ledger, .tenant, "E1", "park", on: "2021-04-01") == "Y5 博通小微园新名")
        #expect(try Self.field(ledger, .tenant, "E1", "status", on: "2021-01-06") == "在建")
        #expect(try Self.log(ledger, "E1").first { $0.1 == "修改" }?.2 == "园区：Y2 → Y5")
        // Y5's name and floor area, before and after
        #expect(try Self.field(ledger, .park, "Y5", "name", on: "2021-03-31") == "__博通小微园")
        #expect(try Self.field(ledger, .park, "Y5", "floor_area_m2", on: "2021-03-31") == "64618")
        #expect(try Self.field(ledger, .park, "Y5", "name", on: "2021-04-01") == "博通小微园新名")
        #expect(try Self.field(ledger, .park, "Y5", "floor_area_m2", on: "2021-04-01") == "400000")
        // P6: investment and department from 2021-01-15; the 建设局 edit was undone
        #expect(try Self.field(ledger, .project, "P6", "department", on: "2021-01-14") == "")
        #expect(try Self.field(ledger, .project, "P6", "investment_wan", on: "2021-01-14") == "")
        #expect(try Self.field(ledger, .project, "P6", "department", on: "2021-01-15") == "经发局")
        #expect(try Self.field(ledger, .project, "P6", "investment_wan", on: "2021-01-15") == "30000")
        #expect(try Self.field(ledger, .project, "P6", "department", on: "2021-03-01") == "经发局")
        // M3: title and department edited, rescheduled; M2 done
        #expect(try Self.field(ledger, .milestone, "M3", "title", on: "2021-01-01") == "交付企业使用")
        #expect(try Self.field(ledger, .milestone, "M3", "title", on: "2021-01-02") == "交付使用")
        #expect(try Self.field(ledger, .milestone, "M3", "department", on: "2021-01-02") == "经发局")
        #expect(try Self.field(ledger, .milestone, "M3", "due_on", on: "2021-01-31") == "2021-02-11")
        #expect(try Self.field(ledger, .milestone, "M3", "due_on", on: "2021-02-01") == "2021-06-30")
        #expect(try Self.field(ledger, .milestone, "M3", "original_due_on", on: "2021-02-01") == "2021-02-11")
        #expect(try Self.field(ledger, .milestone, "M2", "state", on: "2021-04-30") == "未完成")
        #expect(try Self.field(ledger, .milestone, "M2", "state", on: "2021-05-01") == "已完成")
        // L1 sold on 2021-03-03; L2 added on 2021-02-12, its land use set on 2021-03-01
        #expect(try Self.field(ledger, .parcel, "L1", "status", on: "2021-03-03") == "出让")
        #expect(try Self.field(ledger, .parcel, "L2", "land_use", on: "2021-02-28") == "")
        #expect(try Self.field(ledger, .parcel, "L2", "land_use", on: "2021-03-01") == "工业")
    }

    @Test func undoneEntriesStayUndone() throws {
        let (ledger, folder) = try Self.migrated()
        defer { try? FileManager.default.removeItem(at: folder) }
        // P6's second department edit, and the first 新项目甲 with its park: in the log, voided
        let p6 = try Self.log(ledger, "P6").filter { $0.1 == "修改" }
        #expect(p6.map(\.0) == ["2021-02-15", "2021-01-15"])
        #expect(p6.map(\.3) == [true, false])
        let p37 = try Self.log(ledger, "P37")
        #expect(p37.map(\.0) == ["2021-02-12", "2021-02-10", "2021-01-20", "2021-01-10"])
        #expect(p37.map(\.3) == [false, false, true, true])
        // The project did not exist before its second add, and has no park: only the parcel that serves it
        #expect(refusal { _ = try ledger.show("P37", kind: .project, asOf: day("2021-01-25")) }?.contains("还不存在") == true)
        #expect(try Self.field(ledger, .project, "P37", "kind", on: "2021-02-10") == "基础设施")
        #expect(try Self.field(ledger, .project, "P37", "park", on: "2021-02-12") == "")
        #expect(try Self.field(ledger, .project, "P37", "parcel", on: "2021-02-11") == "")
        #expect(try Self.field(ledger, .project, "P37", "parcel", on: "2021-02-12") == "L2 新地块")
        // Undo still works on the migrated ledger: the last command (L2's land use) is taken back
        _ = try ledger.undo(context: context())
        #expect(try Self.field(ledger, .parcel, "L2", "land_use", on: "2021-03-01") == "")
        #expect(try ledger.check([.spans], today: Self.today).isEmpty)
    }

    @Test func novembersSheetIsTheSeededLedgers() throws {
        let (ledger, folder) = try Self.migrated()
        defer { try? FileManager.default.removeItem(at: folder) }
        let november = Month(year: 2020, month: 11)!
        let migrated = try ledger.sheet(month: november, today: Self.today, generatedAt: "x")
        let seeded = try seededCopy().sheet(month: november, today: Self.today, generatedAt: "x")
        #expect(migrated.sections.map(\.key) == seeded.sections.map(\.key))
        for (mine, theirs) in zip(migrated.sections, seeded.sections) where mine.key != "corrections" {
            #expect(mine == theirs, "section \(mine.key)")
        }
        #expect(migrated.zone == seeded.zone && migrated.asOf == seeded.asOf)
    }

    @Test func exportAndRestoreRoundTrip() throws {
        let (ledger, folder) = try Self.migrated()
        defer { try? FileManager.default.removeItem(at: folder) }
        let exported = try ledger.export()
        let copy = try emptyLedger()
        let inputs = exported.files.compactMap { file in
            RestoreFile(rawValue: file.name).map { RestoreInput(file: $0, name: file.name, data: Data(Self.csv(file.table, byKey: true).utf8)) }
        }
        let zone = exported.files.first { $0.name == "zone" }.map { ImportFile(kind: .zone, name: "zone", data: Data(Self.csv($0.table).utf8)) }
        _ = try copy.restore(inputs, zone: zone, context: context())
        let again = try copy.export()
        #expect(again.files.map(\.name) == exported.files.map(\.name))
        for (mine, theirs) in zip(again.files, exported.files) { #expect(mine.table == theirs.table, "\(mine.name)") }
        #expect(try copy.history(HistoryQuery()) == (try ledger.history(HistoryQuery())))
        for month in [Month(year: 2020, month: 11)!, Month(year: 2021, month: 2)!, Month(year: 2021, month: 6)!] {
            #expect(try copy.sheet(month: month, today: Self.today, generatedAt: "x") == (try ledger.sheet(month: month, today: Self.today, generatedAt: "x")))
        }
        // The spans themselves, every version, are the same
        for kind in SubjectKind.allCases {
            let spans = { (ledger: Ledger) in
                try ledger.read { try SessionRow.fetchAll($0, sql: "SELECT * FROM \(kind.rawValue)_span ORDER BY \(kind.foreignKey), recorded_from, valid_from") }
            }
            #expect(try spans(copy) == spans(ledger), "\(kind.rawValue)")
        }
        #expect(try copy.check(today: Self.today).isEmpty)
    }

    /// A plain CSV writer (the CLI's own writer lives in the commands target).
    static func csv(_ table: ZoneLedgerCore.Table, byKey: Bool = false) -> String {
        func quoted(_ text: String) -> String {
            text.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        let rows: [[String]] = [table.columns.map { byKey ? $0.key : $0.label }] + table.rows.map { row in row.map(\.plain) }
        return rows.map { $0.map(quoted).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
