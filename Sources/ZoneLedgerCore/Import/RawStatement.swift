import GRDB
import GRDBSQLite

/// A statement a bulk import runs once per row (or reads row by row), bound and stepped through
/// SQLite's C API: GRDB builds a `StatementArguments` for every execution and decodes a `Row` for
/// every read, which for a million rows costs more than SQLite's own work. The statement is GRDB's
/// (prepared, finalized and cached by it) and is used only here, so GRDB never finds it half-run.
final class RawStatement {
    let statement: Statement
    private let handle: SQLiteStatement
    private let db: Database

    /// SQLite's only: on PostgreSQL an import takes the row path (`BulkImport.takes`).
    init(_ session: Session, _ sql: String) throws {
        guard let db = session.sqlite else { throw LedgerError.data("批量导入的快速路径只用于 SQLite 账本") }
        self.db = db
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Binds values for a query stepped later: SQLite keeps its own copy of each text.
    private func bind(_ values: [DatabaseValue]) {
        sqlite3_reset(handle)
        for (offset, value) in values.enumerated() {
            let index = CInt(offset + 1)
            switch value.storage {
            case .null: sqlite3_bind_null(handle, index)
            case .int64(let number): sqlite3_bind_int64(handle, index, number)
            case .double(let number): sqlite3_bind_double(handle, index, number)
            case .string(let text): sqlite3_bind_text(handle, index, text, -1, Self.transient)
            case .blob(let data): data.withUnsafeBytes { _ = sqlite3_bind_blob(handle, index, $0.baseAddress, CInt($0.count), Self.transient) }
            }
        }
    }

    /// Binds values from `offset` on and then runs the statement, each text bound in place (no
    /// copy) for as long as the run takes: the run happens inside the closures that lend them.
    private func bindAndRun(_ values: [DatabaseValue], from offset: Int) throws -> CInt {
        var offset = offset
        while offset < values.count {
            let index = CInt(offset + 1)
            switch values[offset].storage {
            case .null: sqlite3_bind_null(handle, index)
            case .int64(let number): sqlite3_bind_int64(handle, index, number)
            case .double(let number): sqlite3_bind_double(handle, index, number)
            case .string(let text):
                return try text.withCString { pointer in
                    sqlite3_bind_text(handle, index, pointer, -1, nil)
                    return try bindAndRun(values, from: offset + 1)
                }
            case .blob(let data):
                return try data.withUnsafeBytes { bytes in
                    sqlite3_bind_blob(handle, index, bytes.baseAddress, CInt(bytes.count), nil)
                    return try bindAndRun(values, from: offset + 1)
                }
            }
            offset += 1
        }
        return sqlite3_step(handle)
    }

    private func failure(_ code: CInt) -> DatabaseError {
        let message = db.sqliteConnection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        sqlite3_reset(handle)
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }

    /// Runs the statement once with these values, in order.
    func execute(_ values: [DatabaseValue]) throws {
        sqlite3_reset(handle)
        let code = try bindAndRun(values, from: 0)
        // The texts lent for the run are gone: no binding may outlive it.
        sqlite3_clear_bindings(handle)
        guard code == SQLITE_DONE else { throw failure(code) }
        sqlite3_reset(handle)
    }

    /// Starts a query with these values; `next()` then steps it.
    func query(_ values: [DatabaseValue] = []) -> RawRows {
        bind(values)
        return RawRows(statement: self, handle: handle)
    }

    fileprivate func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE:
            sqlite3_reset(handle)
            return false
        default: throw failure(code)
        }
    }
}

/// The rows of a running query: `next()` moves to the next (false at the end); the getters read
/// the current one, by column index.
struct RawRows {
    fileprivate let statement: RawStatement
    fileprivate let handle: SQLiteStatement

    mutating func next() throws -> Bool { try statement.step() }

    func isNull(_ column: Int) -> Bool { sqlite3_column_type(handle, CInt(column)) == SQLITE_NULL }
    func int64(_ column: Int) -> Int64 { sqlite3_column_int64(handle, CInt(column)) }
    func int(_ column: Int) -> Int { Int(sqlite3_column_int64(handle, CInt(column))) }
    func optionalInt64(_ column: Int) -> Int64? { isNull(column) ? nil : int64(column) }
    func text(_ column: Int) -> String? {
        guard let bytes = sqlite3_column_text(handle, CInt(column)) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, CInt(column)))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }
    func value(_ column: Int) -> DatabaseValue { DatabaseValue(sqliteStatement: handle, index: CInt(column)) }
}
