import GRDB
import Testing
@testable import ZoneLedgerCore

@Suite struct FixtureTests {
    @Test func theSeededCopyIsTheSeededLedger() throws {
        // The copy the tests use holds exactly what seeding writes
        let seeded = try seededLedger(), copy = try seededCopy()
        for table in ["zone", "batch", "park", "parcel", "project", "tenant", "milestone", "entry", "figure"] {
            let dump = { (ledger: Ledger) in try ledger.read { try SessionRow.fetchAll($0, sql: "SELECT * FROM \(table) ORDER BY 1") } }
            #expect(try dump(copy) == dump(seeded), "\(table)")
        }
        #expect(try copy.read { try Int32.fetchOne($0, sql: "PRAGMA application_id") } == Ledger.applicationID)
        // And a write to one copy is not seen by another
        try copy.updateProject("P5", projectUpdate(on: "2020-12-01", note: "x"), context: context())
        #expect(try seededCopy().count("entry") == seeded.count("entry"))
    }
}
