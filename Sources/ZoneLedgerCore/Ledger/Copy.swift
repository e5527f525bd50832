import GRDB

/// What `copy` moved: rows per table, in the order written.
public struct CopyReport: Sendable {
    public var tables: [(table: String, rows: Int)] = []
    public var total: Int { tables.reduce(0) { $0 + $1.rows } }
}

extension Ledger {
    /// Every table of the model, in an order where each row's references are already written,
    /// with the key its rows are read in (so ids, batches and codes arrive as they were).
    static let copiedTables: [(name: String, order: String)] = [
        ("zone", "id"), ("batch", "id"),
        ("project", "id"), ("parcel", "id"), ("park", "id"), ("tenant", "id"), ("milestone", "id"), ("problem", "id"),
        ("figure", "id"), ("entry", "id"), ("entry_void", "entry_id"), ("figure_void", "figure_id"),
        ("project_span", "id"), ("parcel_span", "id"), ("park_span", "id"), ("tenant_span", "id"),
        ("milestone_span", "id"), ("problem_span", "id"),
    ]

    /// The whole ledger, history, batches and codes, into a new ledger at `destination` (a file or
    /// a PostgreSQL URL): rows are copied as stored, in one transaction on each side, so the copy
    /// reads exactly as this one does. The destination must not exist yet (an empty database).
    public func copy(to destination: String) throws -> CopyReport {
        let target = try Ledger.createForCopy(at: destination)
        var report = CopyReport()
        do {
            try read { source in
                try target.write { copy in
                    report = try Self.copyRows(from: source, to: copy)
                    try Self.analyzeAfterBulkWrite(copy)
                }
            }
        } catch {
            // Nothing half-copied is left to be mistaken for the ledger: a file is removed (a
            // database keeps its empty schema, and a second copy into it is refused by name).
            if !target.isPostgres, let path = target.path { Self.removeFiles(path) }
            throw error
        }
        return report
    }

    /// After many rows at once, PostgreSQL's statistics (else taken from the tables as they were,
    /// empty for a copy, until autovacuum comes round): a fresh ledger's first commands had looked
    /// a project's current span up through the wrong index, a scan of every current span. SQLite
    /// keeps no statistics unless asked, and its ledger file is left as it is.
    static func analyzeAfterBulkWrite(_ db: Session) throws {
        if db.isPostgres { try db.execute(sql: "ANALYZE") }
    }

    /// Every row of every table from one session into another whose tables are empty, a few
    /// thousand rows at a time, so memory stays flat whatever the ledger's size.
    static func copyRows(from source: Session, to target: Session) throws -> CopyReport {
        var report = CopyReport()
        for (table, key) in copiedTables {
            var batches = RowBatches(into: table, of: target)
            try forEachRow(of: table, key: key, in: source) { try batches.add($0) }
            report.tables.append((table, try batches.finish()))
        }
        return report
    }

    static let rowsAtATime = 5_000

    /// A table's rows in key order. SQLite's cursor streams them; a PostgreSQL query returns its rows
    /// whole, so there the rows come a page at a time, each page after the last key seen (a city's
    /// entries at once had held 1.8 GB).
    static func forEachRow(of table: String, key: String, in db: Session, _ body: (SessionRow) throws -> Void) throws {
        guard db.isPostgres else {
            let rows = try SessionRow.fetchCursor(db, sql: "SELECT * FROM \(table) ORDER BY \(key)")
            while let row = try rows.next() { try body(row) }
            return
        }
        let page = try db.cachedStatement(sql: "SELECT * FROM \(table) WHERE \(key) > ? ORDER BY \(key) LIMIT \(rowsAtATime)")
        var last = Int64.min
        while true {
            let rows = try SessionRow.fetchAll(page, arguments: [last])
            for row in rows { try body(row) }
            guard rows.count == rowsAtATime, let next = rows.last?[key] as Int64? else { return }
            last = next
        }
    }
}

/// Rows on their way into a table, sent a few thousand at a time (`Session.insertRows`): the one
/// way `copy` and the import's scratch copy write many rows.
struct RowBatches {
    let table: String
    let target: Session
    /// A row whose key is already there replaces that row (nil: every row is new).
    var replacingOn: String?
    private var columns: [String] = []
    private var pending: [[DatabaseValue]] = []
    private var sent = 0

    init(into table: String, of target: Session, replacingOn key: String? = nil) {
        self.table = table
        self.target = target
        replacingOn = key
    }

    mutating func add(_ row: SessionRow) throws {
        if columns.isEmpty { columns = row.columnNames }
        pending.append((0..<row.count).map(row.databaseValue(at:)))
        if pending.count == Ledger.rowsAtATime { try flush() }
    }

    /// Sends what is left; the number of rows sent in all.
    mutating func finish() throws -> Int {
        try flush()
        return sent
    }

    private mutating func flush() throws {
        try target.insertRows(into: table, columns: columns, rows: pending, replacingOn: replacingOn)
        sent += pending.count
        pending.removeAll(keepingCapacity: true)
    }
}
