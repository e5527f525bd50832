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
    ]

    /// What the program does after a migration's SQL, in the same transaction: moving a ledger's
    /// facts into entries needs JSON and fold code that SQL alone does not have.
    static let afterSQL: [String: @Sendable (Database) throws -> Void] = [
        "0007_every_fact_an_entry.sql": { try LegacyConversion.run($0) },
        "0008_spans.sql": { db in
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
                try after?(db)
            }
        }
        return migrator
    }()
}
