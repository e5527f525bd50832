import GRDB

/// One transaction's connection to the ledger: every query the core runs goes through here, so
/// reports and writes are one code path over either store. SQLite is GRDB's `Database`; what differs
/// for PostgreSQL (parameters, statement forms, types) is decided here and nowhere above.
public final class Session {
    enum Backend {
        case sqlite(Database)
        case postgres(PostgresSession)
    }

    let backend: Backend

    init(_ db: Database) { backend = .sqlite(db) }
    init(_ postgres: PostgresSession) { backend = .postgres(postgres) }

    /// The SQLite connection, for the few paths that use SQLite's own strengths (the bulk import's
    /// C API, the legacy conversion); nil on PostgreSQL, where those paths take the general one.
    var sqlite: Database? {
        switch backend {
        case .sqlite(let db): db
        case .postgres: nil
        }
    }

    /// Which store the ledger is in, for the few statements whose SQL must differ.
    public var isPostgres: Bool {
        if case .postgres = backend { return true }
        return false
    }

    public func execute(sql: String, arguments: SQLArguments = SQLArguments()) throws {
        switch backend {
        case .sqlite(let db): try db.execute(sql: sql, arguments: arguments.statementArguments)
        case .postgres(let session): try session.run(sql, arguments)
        }
    }

    /// A statement kept prepared for the rest of the session: the hot paths run the same SQL many times.
    public func cachedStatement(sql: String) throws -> SessionStatement {
        switch backend {
        case .sqlite(let db): SessionStatement(.sqlite(try db.cachedStatement(sql: sql)))
        case .postgres(let session): SessionStatement(.postgres(session, sql))
        }
    }

    /// The id of the row the last INSERT added.
    public var lastInsertedRowID: Int64 {
        switch backend {
        case .sqlite(let db): db.lastInsertedRowID
        case .postgres(let session): session.lastInsertedRowID
        }
    }

    /// One row into `table` through a cached statement: `columns` as written in SQL, one value
    /// each, in order. Returns the new row's id.
    func insertRow(into table: String, _ columns: String, _ values: SQLArguments) throws -> Int64 {
        switch backend {
        case .sqlite(let db):
            let marks = Array(repeating: "?", count: columns.split(separator: ",").count).joined(separator: ", ")
            try db.cachedStatement(sql: "INSERT INTO \(table) (\(columns)) VALUES (\(marks))").execute(arguments: values.statementArguments)
            return db.lastInsertedRowID
        case .postgres(let session): return try session.insertRow(into: table, columns, values)
        }
    }

    /// Many rows into `table` at once, each a value per column, in order. A row whose `key`
    /// (when given) is already there replaces that row's other columns instead. On PostgreSQL many
    /// rows travel in each statement, as a row per round trip is what costs there; on SQLite a
    /// cached statement per row is already the fast way.
    func insertRows(into table: String, columns: [String], rows: [[DatabaseValue]], replacingOn key: String? = nil) throws {
        guard !rows.isEmpty else { return }
        switch backend {
        case .sqlite(let db):
            let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
            let statement = try db.cachedStatement(sql: "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(marks))"
                                                    + (key.map { Self.upsert(columns, key: $0, from: "excluded") } ?? ""))
            for row in rows { try statement.execute(arguments: StatementArguments(row)) }
        case .postgres(let session):
            try session.insertRows(into: table, columns: columns, rows: rows,
                                   conflict: key.map { Self.upsert(columns, key: $0, from: "EXCLUDED") } ?? "")
        }
    }

    /// `ON CONFLICT (key) DO UPDATE SET` every other column, in the words both stores take.
    private static func upsert(_ columns: [String], key: String, from excluded: String) -> String {
        " ON CONFLICT (\(key)) DO UPDATE SET " + columns.filter { $0 != key }.map { "\($0) = \(excluded).\($0)" }.joined(separator: ", ")
    }

    /// `body` inside a savepoint: what it wrote stays only when it answers `.commit`.
    func inSavepoint(_ body: () throws -> Database.TransactionCompletion) throws {
        switch backend {
        case .sqlite(let db): try db.inSavepoint(body)
        case .postgres(let session): try session.inSavepoint(body)
        }
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE: SQLite's paths only (the bulk import,
    /// restore's check); SQL both stores run says `RETURNING` instead.
    var changesCount: Int? { sqlite?.changesCount }
}

/// A prepared statement of either store.
public struct SessionStatement {
    enum Prepared {
        case sqlite(Statement)
        case postgres(PostgresSession, String)
    }

    let prepared: Prepared

    init(_ prepared: Prepared) { self.prepared = prepared }

    public func execute(arguments: SQLArguments = SQLArguments()) throws {
        switch prepared {
        case .sqlite(let statement): try statement.execute(arguments: arguments.statementArguments)
        case .postgres(let session, let sql): try session.run(sql, arguments)
        }
    }
}

/// Rows one at a time, so a province's sheet streams instead of sitting in memory.
public final class SessionCursor {
    enum Source {
        case sqlite(RowCursor)
        case rows([SessionRow])
    }

    let source: Source
    private var position = 0

    init(source: Source) { self.source = source }

    public func next() throws -> SessionRow? {
        switch source {
        case .sqlite(let cursor): return try cursor.next().map(SessionRow.init)
        case .rows(let rows):
            guard position < rows.count else { return nil }
            position += 1
            return rows[position - 1]
        }
    }
}

extension SessionRow {
    public static func fetchAll(_ db: Session, sql: String, arguments: SQLArguments = SQLArguments()) throws -> [SessionRow] {
        switch db.backend {
        case .sqlite(let db): try Row.fetchAll(db, sql: sql, arguments: arguments.statementArguments).map(SessionRow.init)
        case .postgres(let session): try session.rows(sql, arguments)
        }
    }

    public static func fetchOne(_ db: Session, sql: String, arguments: SQLArguments = SQLArguments()) throws -> SessionRow? {
        switch db.backend {
        case .sqlite(let db): try Row.fetchOne(db, sql: sql, arguments: arguments.statementArguments).map(SessionRow.init)
        case .postgres(let session): try session.rows(sql, arguments).first
        }
    }

    public static func fetchCursor(_ db: Session, sql: String, arguments: SQLArguments = SQLArguments()) throws -> SessionCursor {
        switch db.backend {
        case .sqlite(let db): SessionCursor(source: .sqlite(try Row.fetchCursor(db, sql: sql, arguments: arguments.statementArguments)))
        case .postgres(let session): SessionCursor(source: .rows(try session.rows(sql, arguments)))
        }
    }

    public static func fetchAll(_ statement: SessionStatement, arguments: SQLArguments = SQLArguments()) throws -> [SessionRow] {
        switch statement.prepared {
        case .sqlite(let statement): try Row.fetchAll(statement, arguments: arguments.statementArguments).map(SessionRow.init)
        case .postgres(let session, let sql): try session.rows(sql, arguments)
        }
    }

    public static func fetchOne(_ statement: SessionStatement, arguments: SQLArguments = SQLArguments()) throws -> SessionRow? {
        switch statement.prepared {
        case .sqlite(let statement): try Row.fetchOne(statement, arguments: arguments.statementArguments).map(SessionRow.init)
        case .postgres(let session, let sql): try session.rows(sql, arguments).first
        }
    }

    public static func fetchCursor(_ statement: SessionStatement, arguments: SQLArguments = SQLArguments()) throws -> SessionCursor {
        switch statement.prepared {
        case .sqlite(let statement): SessionCursor(source: .sqlite(try Row.fetchCursor(statement, arguments: arguments.statementArguments)))
        case .postgres(let session, let sql): SessionCursor(source: .rows(try session.rows(sql, arguments)))
        }
    }
}

extension DatabaseValueConvertible {
    public static func fetchOne(_ statement: SessionStatement, arguments: SQLArguments = SQLArguments()) throws -> Self? {
        switch statement.prepared {
        case .sqlite(let statement): try Self.fetchOne(statement, arguments: arguments.statementArguments)
        case .postgres(let session, let sql): try Self.first(of: session.rows(sql, arguments).first)
        }
    }

    public static func fetchAll(_ statement: SessionStatement, arguments: SQLArguments = SQLArguments()) throws -> [Self] {
        switch statement.prepared {
        case .sqlite(let statement): try Self.fetchAll(statement, arguments: arguments.statementArguments)
        case .postgres(let session, let sql): try session.rows(sql, arguments).map(Self.firstColumn)
        }
    }

    /// The first column of the first row, or nil.
    public static func fetchOne(_ db: Session, sql: String, arguments: SQLArguments = SQLArguments()) throws -> Self? {
        switch db.backend {
        case .sqlite(let db): try Self.fetchOne(db, sql: sql, arguments: arguments.statementArguments)
        case .postgres(let session): try Self.first(of: session.rows(sql, arguments).first)
        }
    }

    /// The first column of every row.
    public static func fetchAll(_ db: Session, sql: String, arguments: SQLArguments = SQLArguments()) throws -> [Self] {
        switch db.backend {
        case .sqlite(let db): try Self.fetchAll(db, sql: sql, arguments: arguments.statementArguments)
        case .postgres(let session): try session.rows(sql, arguments).map(Self.firstColumn)
        }
    }

    /// As GRDB's: no row, or a NULL, is nil.
    private static func first(of row: SessionRow?) throws -> Self? {
        guard let row, !row.databaseValue(at: 0).isNull else { return nil }
        return try firstColumn(row)
    }

    private static func firstColumn(_ row: SessionRow) throws -> Self {
        guard let value = Self.fromDatabaseValue(row.databaseValue(at: 0)) else {
            throw LedgerError.data("账本里的值“\(row.databaseValue(at: 0))”无法读取为\(Self.self)：请运行 zoneledger check")
        }
        return value
    }
}
