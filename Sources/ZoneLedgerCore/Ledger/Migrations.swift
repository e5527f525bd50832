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
    ]

    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        for file in schemaFiles {
            let sql = String(decoding: file.bytes, as: UTF8.self)
            migrator.registerMigration(file.name) { db in try db.execute(sql: sql) }
        }
        return migrator
    }()
}
