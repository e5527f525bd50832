import GRDB

extension Entry {
    /// Read column by column rather than through Codable: reports and the fold read entries by the
    /// thousand. An unknown stored value is refused as GRDB would refuse it, never guessed.
    public init(row: SessionRow) throws {
        id = try row.decode(forColumn: "id")
        batchId = try row.decode(forColumn: "batch_id")
        effectiveOn = try row.decode(forColumn: "effective_on")
        action = try row.decode(forColumn: "action")
        guard let subject = Entry.subject(of: row) else { throw LedgerError.data("记录 #\(id ?? 0) 没有对象") }
        self.subject = subject
        correction = try row.decode(forColumn: "correction")
        note = try row.decode(forColumn: "note")
        values = Entry.fieldColumns.map { row[$0] as DatabaseValue? ?? .null }
    }

    /// The subject a row of `entry` is about: the one of its five subject columns that is set.
    static func subject(of row: SessionRow) -> SubjectID? {
        for kind in SubjectKind.allCases {
            if let id = row[kind.foreignKey] as Int64? { return SubjectID(kind: kind, id: id) }
        }
        return nil
    }
}
