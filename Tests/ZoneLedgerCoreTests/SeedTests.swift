import Foundation
import GRDB
import Testing
@testable import ZoneLedgerCore

@Suite struct SeedTests {
    @Test func everySeedFileParsesAndLoads() throws {
        let ledger = try seededLedger()
        let counts = try ledger.read { db in
            try ["project", "parcel", "park", "tenant", "milestone", "figure"].map {
                try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? 0
            }
        }
        let records = try ["projects.txt", "parcels.txt", "parks.txt", "tenants.txt", "milestones.txt", "figures.txt"]
            .map { try SeedLoader.records($0).count }
        #expect(counts == records)
        #expect(counts.allSatisfy { $0 > 0 })
    }

    @Test func everyQuoteOccursInTheReport() throws {
        let report = SeedLoader.report
        for (name, _) in SeedLoader.files {
            for record in try SeedLoader.records(name) {
                let quotes = record.values("quote")
                #expect(!quotes.isEmpty, "\(name) [\(record.code)] has no quote")
                for quote in quotes {
                    #expect(report.contains(quote), "\(name) [\(record.code)] quote not in report: \(quote)")
                }
            }
        }
    }

    @Test func embeddedReportIsTheSharedReport() throws {
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Seeds")
        let onDisk = try String(contentsOf: seeds.appendingPathComponent("work-report-2020.txt"), encoding: .utf8)
        #expect(onDisk == SeedLoader.report)
    }

    @Test func seededQuotesAreStoredWithTheirRows() throws {
        let ledger = try seededLedger()
        let missing = try ledger.read { db in
            try Int.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM project WHERE quote IS NULL) + (SELECT count(*) FROM park WHERE quote IS NULL)
                     + (SELECT count(*) FROM milestone WHERE quote IS NULL) + (SELECT count(*) FROM figure WHERE quote IS NULL)
                """)
        }
        #expect(missing == 0)
    }
}
