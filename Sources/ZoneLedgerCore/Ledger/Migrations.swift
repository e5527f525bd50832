import GRDB

extension Ledger {
    /// The embedded Schema/ files, in order. `.embedInCode` cannot list a folder, so each is
    /// registered here by hand; a test checks this list against the folder.
    static let schemaFiles: [(name: String, bytes: [UInt8])] = [
        ("0001_ledger.sql", PackageResources._001_ledger_sql),
        ("0002_undo.sql", PackageResources._002_undo_sql),
        ("0003_command_parts.sql", PackageResources._003_command_parts_sql),
        ("0004_subject_indexes.sql", PackageResources._004_subject_indexes_sql),
        ("0005_hot_path_indexes.sql", PackageResources._005_hot_path_indexes_sql),
        ("0006_check_without_in_lists.sql", PackageResources._006_check_without_in_lists_sql),
        ("0007_every_fact_an_entry.sql", PackageResources._007_every_fact_an_entry_sql),
        ("0008_spans.sql", PackageResources._008_spans_sql),
        ("0009_investment_and_responsibility.sql", PackageResources._009_investment_and_responsibility_sql),
        ("0010_problems.sql", PackageResources._010_problems_sql),
    ]

    /// What the program does after a migration's SQL, in the same transaction: moving a ledger's
    /// facts into entries needs JSON and fold code that SQL alone does not have.
    static let afterSQL: [String: @Sendable (Session) throws -> Void] = [
        "0007_every_fact_an_entry.sql": { try LegacyConversion.run($0) },
        // Spans are built with the newest layout, so after the last migration that changes it: a
        // ledger coming from 0007 or before gets them there; one already at 0008 keeps its own
        // (the columns 0009 adds are empty, and it has no problems, as the fold of its entries says).
        "0010_problems.sql": { db in
            let built = try Bool.fetchOne(db, sql: """
                SELECT NOT EXISTS (SELECT 1 FROM entry) OR EXISTS (SELECT 1 FROM project_span) OR EXISTS (SELECT 1 FROM parcel_span)
                  OR EXISTS (SELECT 1 FROM park_span) OR EXISTS (SELECT 1 FROM tenant_span) OR EXISTS (SELECT 1 FROM milestone_span)
                """) ?? true
            guard !built else { return }
            try SpanHistory.rebuildAll(in: db) { done, total in LongWork.report?("升级账本", done, total) }
        },
    ]

    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        for file in schemaFiles {
            let sql = String(decoding: file.bytes, as: UTF8.self)
            let after = afterSQL[file.name]
            migrator.registerMigration(file.name) { db in
                try db.execute(sql: sql)
                try after?(Session(db))
            }
        }
        return migrator
    }()
}
