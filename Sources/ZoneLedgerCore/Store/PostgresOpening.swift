import Foundation
import GRDB

extension Ledger {
    /// The PostgreSQL schema files, in order: a PostgreSQL ledger starts at the shape the SQLite
    /// one has after all of Schema/ (see Schema/postgres/0001_postgres_ledger.sql).
    static let postgresSchemaFiles: [(name: String, bytes: [UInt8])] = [
        ("0001_postgres_ledger.sql", PackageResources._001_postgres_ledger_sql),
    ]

    /// Which files a ledger has taken, as GRDB's grdb_migrations does for SQLite.
    static let postgresMigrationsTable = "zoneledger_migrations"

    static func openPostgres(_ url: PostgresURL, writable: Bool) throws -> Ledger {
        let store = try PostgresStore(url: url, environment: ProcessInfo.processInfo.environment)
        let ledger = Ledger(postgres: store)
        let applied = try ledger.appliedPostgresMigrations()
        guard let applied else {
            throw LedgerError(.noLedger, "PostgreSQL 数据库 \(url.redacted) 里没有账本：先运行 zoneledger init --db \(url.redacted) 创建，或用 zoneledger copy 把已有的账本复制进去")
        }
        let known = Set(postgresSchemaFiles.map(\.name))
        if applied.contains(where: { !known.contains($0) }) {
            throw LedgerError.data("账本 \(url.redacted) 由更新版本的 zoneledger 写入：请升级 zoneledger 后再打开")
        }
        if applied.count < postgresSchemaFiles.count { try ledger.migratePostgres() }
        return ledger
    }

    /// A new ledger in an empty database; never in one that holds tables already.
    static func createPostgres(_ url: PostgresURL, fill: (Ledger) throws -> Void) throws -> Ledger {
        let store = try PostgresStore(url: url, environment: ProcessInfo.processInfo.environment)
        let ledger = Ledger(postgres: store)
        if try ledger.appliedPostgresMigrations() != nil {
            throw LedgerError.data("PostgreSQL 数据库 \(url.redacted) 里已有账本：不会覆盖。要重新开始，请换一个数据库")
        }
        let tables = try store.read { db in
            try String.fetchAll(db, sql: "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name")
        }
        guard tables.isEmpty else {
            throw LedgerError.data("PostgreSQL 数据库 \(url.redacted) 不是空的（有表 \(tables.prefix(3).joined(separator: "、"))…）：账本只建在空数据库里")
        }
        // The schema and the first rows in one transaction: an init that fails leaves the database empty.
        try store.write { _ in
            try ledger.migratePostgres()
            try fill(ledger)
        }
        return ledger
    }

    /// The migrations a database has taken; nil when it has never held a ledger.
    func appliedPostgresMigrations() throws -> [String]? {
        try read { db in
            let exists = try Bool.fetchOne(db, sql: "SELECT to_regclass(?) IS NOT NULL", arguments: [Self.postgresMigrationsTable]) ?? false
            guard exists else { return nil }
            return try String.fetchAll(db, sql: "SELECT name FROM \(Self.postgresMigrationsTable) ORDER BY name")
        }
    }

    /// Applies the files not yet taken, in one transaction under the writer lock, so two commands
    /// opening a new ledger at once never apply a file twice.
    func migratePostgres() throws {
        guard case .postgres(let store) = self.store else { return }
        try store.write { db in
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS \(Self.postgresMigrationsTable) (name TEXT COLLATE \"C\" PRIMARY KEY)")
            let applied = Set(try String.fetchAll(db, sql: "SELECT name FROM \(Self.postgresMigrationsTable)"))
            for file in Self.postgresSchemaFiles where !applied.contains(file.name) {
                try store.link.execute(String(decoding: file.bytes, as: UTF8.self))
                try db.execute(sql: "INSERT INTO \(Self.postgresMigrationsTable) (name) VALUES (?)", arguments: [file.name])
            }
        }
    }
}
