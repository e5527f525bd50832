import GRDB

// The inserts every write makes, as cached statements with positional arguments. They write the
// same rows as GRDB's `insert(db)`, which encodes each record through Codable and converts every
// key to snake_case on every call: an import of 50,000 rows spent a quarter of its time there.
// Each lists the record's columns in declaration order; RecordInsertTests compares the rows.

extension Database {
    /// One row into `table` through a cached statement: `columns` as written in SQL, one value
    /// each, in order. Returns the new row's id.
    func insertRow(into table: String, _ columns: String, _ values: StatementArguments) throws -> Int64 {
        let marks = Array(repeating: "?", count: columns.split(separator: ",").count).joined(separator: ", ")
        try cachedStatement(sql: "INSERT INTO \(table) (\(columns)) VALUES (\(marks))").execute(arguments: values)
        return lastInsertedRowID
    }
}

extension Entry {
    /// The subject columns, then the fields: one statement per set of columns an entry uses, cached.
    mutating func insertPrepared(_ db: Database) throws {
        var columns = ["id", "batch_id", "effective_on", "action", subject.kind.foreignKey, "correction", "note"]
        var arguments: [DatabaseValueConvertible?] = [id, batchId, effectiveOn, action, subject.id, correction, note]
        for (index, value) in values.enumerated() where !value.isNull {
            columns.append(Entry.fieldColumns[index])
            arguments.append(value)
        }
        id = try db.insertRow(into: "entry", columns.joined(separator: ", "), StatementArguments(arguments))
    }
}

extension Batch {
    mutating func insertPrepared(_ db: Database) throws {
        id = try db.insertRow(into: "batch", "id, recorded_at, author, command, part_of, undoes",
                              [id, recordedAt, author, command, partOf, undoes])
    }
}

extension SubjectRow {
    mutating func insertPrepared(_ db: Database) throws {
        id = try db.insertRow(into: kind.table, "id, code, created_batch, quote", [id, code, createdBatch, quote])
    }
}

extension Figure {
    mutating func insertPrepared(_ db: Database) throws {
        id = try db.insertRow(into: "figure", "id, code, category, metric, key, park_id, period_from, period_to, known_on, value, unit, approximate, yoy_percent, batch_id, quote",
                              [id, code, category, metric, key, parkId, periodFrom, periodTo, knownOn, value, unit, approximate, yoyPercent, batchId, quote])
    }
}
