import GRDB

/// What keeps a new status entry in order, read in one query: the day the subject entered the
/// ledger, and for each column the value set last on or before the entry's day and first after
/// it. Five queries became one; an import makes one such entry per row.
struct Surroundings {
    let columns: [String]
    let row: Row

    var createdOn: Day? { value(at: 0) }

    func previous<Value: DatabaseValueConvertible>(_ column: String) -> Value? {
        columns.firstIndex(of: column).flatMap { value(at: $0 * 2 + 1) }
    }

    func following<Value: DatabaseValueConvertible>(_ column: String) -> Value? {
        columns.firstIndex(of: column).flatMap { value(at: $0 * 2 + 2) }
    }

    private func value<Value: DatabaseValueConvertible>(at index: Int) -> Value? {
        index < row.count ? row[index] : nil
    }
}

extension State {
    /// The same answers as `createdOn`, `latest` and `next` for each column.
    static func surroundings(of subject: SubjectID, on day: Day, columns: [String], in db: Database) throws -> Surroundings {
        let key = subject.kind.foreignKey
        let neighbours = columns.map { column in
            """
            , (SELECT \(column) FROM live_entry WHERE \(key) = ?1 AND \(column) IS NOT NULL AND effective_on <= ?2
                ORDER BY effective_on DESC, id DESC LIMIT 1)
            , (SELECT \(column) FROM live_entry WHERE \(key) = ?1 AND \(column) IS NOT NULL AND effective_on > ?2
                ORDER BY effective_on, id LIMIT 1)
            """
        }
        let sql = "SELECT (SELECT effective_on FROM live_entry WHERE \(key) = ?1 AND action = 'add')" + neighbours.joined()
        // Without columns the day is not asked for, and a statement takes exactly its own arguments.
        let arguments: StatementArguments = columns.isEmpty ? [subject.id] : [subject.id, day]
        let row = try Row.fetchOne(try db.cachedStatement(sql: sql), arguments: arguments) ?? Row()
        return Surroundings(columns: columns, row: row)
    }
}
