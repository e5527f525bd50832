import Foundation
import GRDB

/// A session's PostgreSQL side: the link inside one transaction. Each SQL text is translated
/// once (`PostgresDialect`: `$1…$n` for `?` and `:name`, SQLite's planner hints dropped) and its
/// arguments bound by position or name; rows come back whole, as postgres-nio runs one query at a
/// time on a connection and the core reads one query while running others.
final class PostgresSession {
    let link: PostgresLink
    private var translations: [String: [TranslatedSQL]] = [:]
    private(set) var lastInsertedRowID: Int64 = 0

    init(_ link: PostgresLink) { self.link = link }

    private func translated(_ sql: String) -> [TranslatedSQL] {
        if let known = translations[sql] { return known }
        let statements = PostgresDialect.statements(sql)
        translations[sql] = statements
        return statements
    }

    /// Every statement of the text; the rows of the last one.
    @discardableResult
    func run(_ sql: String, _ arguments: SQLArguments) throws -> PostgresRows {
        var result = PostgresRows(columns: [], rows: [])
        var consumed = 0
        for statement in translated(sql) {
            let values: [DatabaseValue]
            switch statement.binds(arguments, consumed: consumed) {
            case .success(let found): values = found
            case .failure(let missing):
                throw LedgerError.data("zoneledger 内部出错：语句缺少\(missing.what)参数，请把这条消息报告给维护者（\(sql.prefix(80))）")
            }
            consumed += statement.positionalCount
            // ZONELEDGER_TRACE_SQL=1, as on SQLite: each statement as PostgreSQL gets it, with its values.
            if Self.tracing { FileHandle.standardError.write(Data("\(statement.sql); -- \(values)\n".utf8)) }
            result = try link.query(statement.sql, values)
        }
        return result
    }

    private static let tracing = ProcessInfo.processInfo.environment["ZONELEDGER_TRACE_SQL"] == "1"

    func rows(_ sql: String, _ arguments: SQLArguments) throws -> [SessionRow] {
        let result = try run(sql, arguments)
        let columns = SessionColumns(result.columns)
        return result.rows.map { SessionRow(columns, $0) }
    }

    /// One row in; the new row's id back. A NULL id takes the table's largest plus one (the
    /// schema's `*_next_id` triggers), as SQLite's rowid does.
    func insertRow(into table: String, _ columns: String, _ values: SQLArguments) throws -> Int64 {
        let marks = (1...values.positional.count).map { "$\($0)" }.joined(separator: ", ")
        let result = try link.query("INSERT INTO \(table) (\(columns)) VALUES (\(marks)) RETURNING id", values.positional)
        guard let id = result.rows.first?.first.flatMap(Int64.fromDatabaseValue) else {
            throw LedgerError.data("zoneledger 内部出错：写入\(table)后没有得到编号")
        }
        lastInsertedRowID = id
        return id
    }

    /// Rows in statements of many rows each: PostgreSQL takes at most 65,535 parameters a
    /// statement, and a few thousand rows a statement already makes the round trips negligible.
    func insertRows(into table: String, columns: [String], rows: [[DatabaseValue]], conflict: String) throws {
        let perStatement = max(1, min(2_000, 60_000 / max(1, columns.count)))
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(rows.count, start + perStatement)]
            var values: [DatabaseValue] = []
            values.reserveCapacity(chunk.count * columns.count)
            var tuples: [String] = []
            tuples.reserveCapacity(chunk.count)
            for row in chunk {
                let first = values.count
                tuples.append("(" + (1...columns.count).map { "$\(first + $0)" }.joined(separator: ", ") + ")")
                values += row
            }
            _ = try link.query("INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES \(tuples.joined(separator: ", "))\(conflict)", values)
            start += chunk.count
        }
    }

    private var savepoints = 0

    func inSavepoint(_ body: () throws -> Database.TransactionCompletion) throws {
        savepoints += 1
        let name = "zoneledger_\(savepoints)"
        defer { savepoints -= 1 }
        try link.execute("SAVEPOINT \(name)")
        let completion: Database.TransactionCompletion
        do {
            completion = try body()
        } catch {
            try? link.execute("ROLLBACK TO SAVEPOINT \(name); RELEASE SAVEPOINT \(name)")
            throw error
        }
        if completion == .rollback { try link.execute("ROLLBACK TO SAVEPOINT \(name)") }
        try link.execute("RELEASE SAVEPOINT \(name)")
    }
}
