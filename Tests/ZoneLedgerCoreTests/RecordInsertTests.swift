import Foundation
import GRDB
import Testing
@testable import ZoneLedgerCore

/// The prepared inserts must write what GRDB's record insert writes, column for column.
@Suite struct RecordInsertTests {
    /// Inserts the record both ways and returns the two rows, without their ids.
    private func bothWays<Record: MutablePersistableRecord>(
        _ record: Record, _ db: Database, prepared: (inout Record) throws -> Void, vary: (inout Record) -> Void
    ) throws -> ([String], [String]) {
        var viaGRDB = record, viaStatement = record
        vary(&viaStatement)
        try viaGRDB.insert(db)
        try prepared(&viaStatement)
        let table = Record.databaseTableName
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY id DESC LIMIT 2")
        // The two copies differ only where a UNIQUE column made them.
        func strip(_ row: Row) -> [String] {
            row.filter { column, _ in !["id", "code", "name", "title"].contains(column) }.map { "\($0.0)=\($0.1)" }
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

            let park = Park(code: "Y1", name: "园", kind: .platform, areaMuHundredths: 100, areaApproximate: true,
                            plotRatioHundredths: 260, floorAreaM2: 5, investmentYuan: 6, expectedOutputYuan: 7,
                            expectedTaxYuan: 8, buildings: 9, industries: "电气", quote: "原文")
            (a, b) = try bothWays(park, db, prepared: { try $0.insertPrepared(db) }, vary: { $0.code = "Y2"; $0.name = "园2" })
            #expect(a == b)
            let parkId = db.lastInsertedRowID

            let parcel = Parcel(code: "L1", name: "地", areaMuHundredths: 14473, landUse: "工业", quote: "q")
            (a, b) = try bothWays(parcel, db, prepared: { try $0.insertPrepared(db) }, vary: { $0.code = "L2"; $0.name = "地2" })
            #expect(a == b)
            let parcelId = db.lastInsertedRowID

            let project = Project(code: "P1", name: "项目", kind: .social, investmentYuan: 10, parkId: parkId, parcelId: parcelId,
                                  provincialMajor: true, registered: true, department: "经发局", plannedStart: day("2021-01-01"),
                                  plannedCompletion: day("2022-12-31"), quote: "q")
            (a, b) = try bothWays(project, db, prepared: { try $0.insertPrepared(db) }, vary: { $0.code = "P2"; $0.name = "项目2" })
            #expect(a == b)
            let projectId = db.lastInsertedRowID

            let tenant = Tenant(code: "E1", name: "企业", parkId: parkId, quote: "q")
            (a, b) = try bothWays(tenant, db, prepared: { try $0.insertPrepared(db) }, vary: { $0.code = "E2"; $0.name = "企业2" })
            #expect(a == b)

            var milestone = Milestone(code: "M1", title: "结顶", dueOn: day("2021-06-30"), dueText: "上半年", duePrecision: .half,
                                      department: "建设局", quote: "q")
            milestone.projectId = projectId
            (a, b) = try bothWays(milestone, db, prepared: { try $0.insertPrepared(db) }, vary: { $0.code = "M2" })
            #expect(a == b)
            let milestoneId = db.lastInsertedRowID

            var entry = Entry(batchId: batchId, on: day("2021-02-01"), action: .update, subject: SubjectID(kind: .project, id: projectId))
            entry.stage = .construction
            entry.progress = 30
            entry.correction = true
            entry.note = "说明"
            (a, b) = try bothWays(entry, db, prepared: { try $0.insertPrepared(db) }, vary: { _ in })
            #expect(a == b)
            var reschedule = Entry(batchId: batchId, on: day("2021-02-01"), action: .reschedule, subject: SubjectID(kind: .milestone, id: milestoneId))
            reschedule.dueOn = day("2021-12-31")
            reschedule.dueText = "年底"
            reschedule.duePrecision = .year
            reschedule.note = "原因"
            reschedule.changes = #"{"title":["a","b"]}"#
            (a, b) = try bothWays(reschedule, db, prepared: { try $0.insertPrepared(db) }, vary: { _ in })
            #expect(a == b)

            let figure = Figure(code: "F1", category: .indicator, metric: "产值", key: "output", parkId: parkId,
                                periodFrom: day("2021-01-01"), periodTo: day("2021-12-31"), value: "34.36", unit: "亿元",
                                approximate: true, yoyPercent: "-1.5", batchId: batchId, quote: "q")
            (a, b) = try bothWays(figure, db, prepared: { try $0.insertPrepared(db) }, vary: { $0.code = "F2" })
            #expect(a == b)
        }
    }
}
