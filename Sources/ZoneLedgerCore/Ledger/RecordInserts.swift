import GRDB

// The inserts every write makes, as cached statements with positional arguments. They write the
// same rows as GRDB's `insert(db)`, which encodes each record through Codable and converts every
// key to snake_case on every call: an import of 50,000 rows spent a quarter of its time there.
// Each lists the record's columns in declaration order; RecordInsertTests compares the rows.

extension Entry {
    /// The subject columns, then the fields: one statement per set of columns an entry uses, cached.
    mutating func insertPrepared(_ db: Session) throws {
        var columns = ["id", "batch_id", "effective_on", "action", subject.kind.foreignKey, "correction", "note"]
        var arguments: [DatabaseValueConvertible?] = [id, batchId, effectiveOn, action, subject.id, correction, note]
        for (index, value) in values.enumerated() where !value.isNull {
            columns.append(Entry.fieldColumns[index])
            arguments.append(value)
        }
        id = try db.insertRow(into: "entry", columns.joined(separator: ", "), SQLArguments(arguments))
    }
}

extension Batch {
    mutating func insertPrepared(_ db: Session) throws {
        id = try db.insertRow(into: "batch", "id, recorded_at, author, command, part_of, undoes",
                              [id, recordedAt, author, command, partOf, undoes])
    }
}

extension SubjectRow {
    mutating func insertPrepared(_ db: Session) throws {
        id = try db.insertRow(into: kind.table, "id, code, created_batch, quote", [id, code, createdBatch, quote])
    }
}

extension Figure {
    mutating func insertPrepared(_ db: Session) throws {
        id = try db.insertRow(into: "figure", "id, code, category, metric, key, park_id, period_from, period_to, known_on, value, unit, approximate, yoy_percent, batch_id, quote",
                              [id, code, category, metric, key, parkId, periodFrom, periodTo, knownOn, value, unit, approximate, yoyPercent, batchId, quote])
    }
}
