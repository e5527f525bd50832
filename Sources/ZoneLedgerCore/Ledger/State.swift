import GRDB

/// The state of a subject as of a day, rebuilt from its entries: for each field, the
/// latest entry on or before that day that set it (ties broken by the order recorded).
enum State {
    static func latest<Value: DatabaseValueConvertible>(
        _ column: String, of subject: SubjectID, asOf day: Day, in db: Database
    ) throws -> Value? {
        try Value.fetchOne(try db.cachedStatement(sql: """
            SELECT \(column) FROM live_entry
            WHERE \(subject.kind.foreignKey) = ? AND \(column) IS NOT NULL AND effective_on <= ?
            ORDER BY effective_on DESC, id DESC LIMIT 1
            """), arguments: [subject.id, day])
    }

    /// The next entry after `day` that set the column, to keep a back-dated entry in order.
    static func next<Value: DatabaseValueConvertible>(
        _ column: String, of subject: SubjectID, after day: Day, in db: Database
    ) throws -> Value? {
        try Value.fetchOne(try db.cachedStatement(sql: """
            SELECT \(column) FROM live_entry
            WHERE \(subject.kind.foreignKey) = ? AND \(column) IS NOT NULL AND effective_on > ?
            ORDER BY effective_on, id LIMIT 1
            """), arguments: [subject.id, day])
    }

    /// The day the subject entered the ledger (its "add" entry).
    static func createdOn(_ subject: SubjectID, in db: Database) throws -> Day? {
        try Day.fetchOne(try db.cachedStatement(sql: "SELECT effective_on FROM live_entry WHERE \(subject.kind.foreignKey) = ? AND action = 'add'"),
                         arguments: [subject.id])
    }

    /// The latest entry of any kind, for "latest status" columns.
    static func latestEntry(of subject: SubjectID, asOf day: Day, in db: Database) throws -> Entry? {
        try Entry.fetchOne(try db.cachedStatement(sql: """
            SELECT * FROM live_entry WHERE \(subject.kind.foreignKey) = ? AND effective_on <= ?
            ORDER BY effective_on DESC, id DESC LIMIT 1
            """), arguments: [subject.id, day])
    }

    /// Refuses a status that runs backwards from the one before it, or into the one after it,
    /// unless the user marks the entry as a correction.
    /// `previous` and `following` are the column's values around the day (`Surroundings`).
    static func checkOrder<Status: Progression>(
        _ new: Status, previous: Status?, following: Status?, subject: Subject, on day: Day, correction: Bool
    ) throws {
        guard !correction else { return }
        if let previous, previous.isBackwards(to: new) {
            throw LedgerError.data("\(subject.listing)的\(Status.noun)已是“\(previous.label)”，改回“\(new.label)”是倒退：如确为更正，请加 --correction")
        }
        if let following, new.isBackwards(to: following) {
            throw LedgerError.data("\(subject.listing)在\(day.iso)之后已记为“\(following.label)”，此前不能是更后的“\(new.label)”：如确为更正，请加 --correction")
        }
    }
}
