import Foundation
import GRDB
import Testing
@testable import ZoneLedgerCore

/// The prepared inserts must write what GRDB's record insert writes, column for column; an entry
/// must read back as it was written.
@Suite struct RecordInsertTests {
    /// Inserts the record both ways and returns the two rows, without their ids.
    private func bothWays<Record: MutablePersistableRecord>(
        _ record: Record, _ db: Session, prepared: (inout Record) throws -> Void, vary: (inout Record) -> Void
    ) throws -> ([String], [String]) {
        var viaGRDB = record, viaStatement = record
        vary(&viaStatement)
        try viaGRDB.insert(#require(db.sqlite))
        try prepared(&viaStatement)
        let table = Record.databaseTableName
        let rows = try SessionRow.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY id DESC LIMIT 2")
        // The two copies differ only where a UNIQUE column made them.
        func strip(_ row: SessionRow) -> [String] {
            row.pairs.filter { column, _ in !["id", "code", "name", "title"].contains(column) }.map { "\($0.0)=\($0.1)" }
        }
        #expect(rows[0]["id"] == db.lastInsertedRowID)
        return (strip(rows[1]), strip(rows[0]))
    }

    @Test func everyRecordWritesTheSameRow() throws {
        let ledger = try emptyLedger()
        try ledger.write { db in
            var batch = Batch(recordedAt: "2021-01-01T08:00:00+08:00", author: "测试", command: "test", partOf: nil)
            try batch.insertPrepared(db)
            let batchId = try #require(batch.id)
            var (a, b) = try bothWays(Batch(recordedAt: "2021-01-01T09:00:00+08:00", author: "甲", command: "c", partOf: batchId), db,
                                      prepared: { try $0.insertPrepared(db) }, vary: { _ in })
            #expect(a == b)

            var projectRow = SubjectRow(kind: .project, code: "P1", createdBatch: batchId, quote: "q")
            try projectRow.insertPrepared(db)
            let projectId = try #require(projectRow.id)
            #expect(try SessionRow.fetchOne(db, sql: "SELECT code, created_batch, quote FROM project WHERE id = ?", arguments: [projectId])
                    == ["code": "P1", "created_batch": batchId, "quote": "q"])
            var milestoneRow = SubjectRow(kind: .milestone, code: "M1", createdBatch: batchId, quote: nil)
            try milestoneRow.insertPrepared(db)
            let milestoneId = try #require(milestoneRow.id)

            // An entry reads back as it was written, every field it set and none it did not.
            var entry = Entry(batchId: batchId, on: day("2021-02-01"), action: .add, subject: SubjectID(kind: .project, id: projectId))
            entry[.name] = "项目".databaseValue
            entry[.projectKind] = "social".databaseValue
            entry.stage = .construction
            entry.progress = 30
            entry[.investment] = 10.databaseValue
            entry[.department] = "经发局".databaseValue
            entry[.plannedStart] = day("2021-01-01").databaseValue
            entry.correction = true
            entry.note = "说明"
            try entry.insertPrepared(db)
            #expect(try Entry(row: try #require(try SessionRow.fetchOne(db, sql: "SELECT * FROM entry WHERE id = ?", arguments: [entry.id]))) == entry)
            var reschedule = Entry(batchId: batchId, on: day("2021-02-01"), action: .add, subject: SubjectID(kind: .milestone, id: milestoneId))
            reschedule[.title] = "结顶".databaseValue
            reschedule[Field.milestoneSubject(.project)] = projectId.databaseValue
            reschedule.due = LedgerDate(day: day("2021-12-31"), text: "年底", precision: .year)
            try reschedule.insertPrepared(db)
            #expect(try Entry(row: try #require(try SessionRow.fetchOne(db, sql: "SELECT * FROM entry WHERE id = ?", arguments: [reschedule.id]))) == reschedule)

            var parkRow = SubjectRow(kind: .park, code: "Y1", createdBatch: batchId, quote: nil)
            try parkRow.insertPrepared(db)
            let parkId = try #require(parkRow.id)
            let figure = Figure(code: "F1", category: .indicator, metric: "产值", key: "output", parkId: parkId,
                                periodFrom: day("2021-01-01"), periodTo: day("2021-12-31"), knownOn: day("2022-01-20"), value: "34.36", unit: "亿元",
                                approximate: true, yoyPercent: "-1.5", batchId: batchId, quote: "q")
            (a, b) = try bothWays(figure, db, prepared: { try $0.insertPrepared(db) }, vary: { $0.code = "F2" })
            #expect(a == b)
        }
    }

    /// Values are bound with their column's type (a restore reads every field as text): the list
    /// of integer columns is the schema's.
    @Test func integerFieldColumnsAreTheSchemas() throws {
        let ledger = try emptyLedger()
        let types = try ledger.read { db in
            try SessionRow.fetchAll(db, sql: "SELECT name, type FROM pragma_table_info('entry')").map { ($0[0] as String, $0[1] as String) }
        }
        let integers = Set(types.filter { Entry.fieldColumns.contains($0.0) && $0.1 == "INTEGER" }.map(\.0))
        #expect(Set(types.map(\.0)).isSuperset(of: Entry.fieldColumns))
        #expect(integers == Entry.integerFieldColumns)
    }
}
