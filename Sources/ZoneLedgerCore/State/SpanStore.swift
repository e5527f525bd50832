import GRDB

/// A span as stored: its row, and the command that first knew it.
struct StoredSpan: Sendable {
    let id: Int64
    let span: Span
    let recordedFrom: Int64
    let recordedTo: Int64?
}

/// The span tables: kept equal to the fold of the live entries (`Fold`) by every write, in the
/// write's own transaction, and changed only from the earliest day a write touched onward.
enum SpanStore {
    static func selection(_ layout: SpanLayout, alias: String? = nil) -> String {
        let prefix = alias.map { $0 + "." } ?? ""
        return (["id", "valid_from", "valid_to", "recorded_from", "recorded_to"] + layout.columns).map { prefix + $0 }.joined(separator: ", ")
    }

    static func decode(_ row: SessionRow, _ layout: SpanLayout) -> StoredSpan {
        let state = SpanState(values: (0..<layout.columns.count).map { row[$0 + 5] as DatabaseValue? ?? .null })
        return StoredSpan(id: row[0], span: Span(from: row[1], to: row[2], state: state), recordedFrom: row[3], recordedTo: row[4])
    }

    /// Brings a subject's spans in line with its live entries from `day` on, for `command` (the
    /// id of the writing command's first batch): a span the change makes untrue is closed
    /// (recorded_to = command), its replacements are added (recorded_from = command). A span the
    /// same command added and now replaces was never known to anyone else: it is removed.
    static func refresh(_ subject: SubjectID, from day: Day, command: Int64, in db: Session) throws {
        let layout = SpanLayout.of(subject.kind)
        let select = "SELECT \(selection(layout)) FROM \(layout.table) WHERE \(layout.key) = ? AND recorded_to IS NULL"
        let prior = try SessionRow.fetchOne(try db.cachedStatement(sql: select + " AND valid_from < ? ORDER BY valid_from DESC LIMIT 1"),
                                     arguments: [subject.id, day]).map { decode($0, layout) }
        let later = try SessionRow.fetchAll(try db.cachedStatement(sql: select + " AND valid_from >= ? ORDER BY valid_from"),
                                     arguments: [subject.id, day]).map { decode($0, layout) }
        let entries = try liveEntries(of: subject, from: day, in: db)
        let fresh = Fold.spans(from: prior.map { ($0.span.from, $0.span.state) }, entries: entries, layout)
        try replace((prior.map { [$0] } ?? []) + later, with: fresh, of: subject, layout, command: command, in: db)
    }

    /// Closes the old spans that are not among the new, then adds the new that are not among the old.
    /// (Within one command a span once made untrue never comes back: a command only adds entries,
    /// or, undoing, only voids them, and every span names the last entry it folded in.)
    static func replace(_ old: [StoredSpan], with fresh: [Span], of subject: SubjectID, _ layout: SpanLayout,
                        command: Int64, in db: Session) throws {
        var unmatched = Set(fresh)
        for stored in old where unmatched.remove(stored.span) == nil {
            if stored.recordedFrom == command {
                try db.cachedStatement(sql: "DELETE FROM \(layout.table) WHERE id = ?").execute(arguments: [stored.id])
            } else {
                try db.cachedStatement(sql: "UPDATE \(layout.table) SET recorded_to = ? WHERE id = ?").execute(arguments: [command, stored.id])
            }
        }
        for span in fresh where unmatched.contains(span) {
            try insert(span, of: subject.id, recordedFrom: command, recordedTo: nil, layout, in: db)
        }
    }

    /// The common write: an entry that comes after every live entry of its subject (effective on or
    /// after the latest one). Its state is the latest span's with the entry applied; only the latest
    /// span changes, and the day's earlier entries need not be read again. The same spans as
    /// `refresh` gives; false when the entry is not last and `refresh` must do it.
    static func append(_ entry: Entry, command: Int64, in db: Session) throws -> Bool {
        let subject = entry.subject, layout = SpanLayout.of(subject.kind)
        let later = try Bool.fetchOne(try db.cachedStatement(sql: """
            SELECT \(PortableSQL.flag("EXISTS (SELECT 1 FROM entry WHERE \(subject.kind.foreignKey) = ? AND effective_on > ?)"))
            """), arguments: [subject.id, entry.effectiveOn]) ?? true
        guard !later else { return false }
        let latest = try SessionRow.fetchOne(try db.cachedStatement(sql: """
            SELECT \(selection(layout)) FROM \(layout.table) WHERE \(layout.key) = ? AND recorded_to IS NULL AND valid_to IS NULL
            """), arguments: [subject.id]).map { decode($0, layout) }
        // A subject with no span yet is being added (or revived by its add): the fold starts afresh.
        guard let state = Fold.apply(entry, to: latest?.span.state, layout) else { return true }
        var fresh: [Span] = []
        if let latest, latest.span.from < entry.effectiveOn {
            fresh.append(Span(from: latest.span.from, to: entry.effectiveOn, state: latest.span.state))
        }
        fresh.append(Span(from: latest.map { max($0.span.from, entry.effectiveOn) } ?? entry.effectiveOn, to: nil, state: state))
        try replace(latest.map { [$0] } ?? [], with: fresh, of: subject, layout, command: command, in: db)
        return true
    }

    static func insert(_ span: Span, of subject: Int64, recordedFrom: Int64, recordedTo: Int64?, _ layout: SpanLayout, in db: Session) throws {
        let columns = [layout.key, "valid_from", "valid_to", "recorded_from", "recorded_to"] + layout.columns
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let statement = try db.cachedStatement(sql: "INSERT INTO \(layout.table) (\(columns.joined(separator: ", "))) VALUES (\(marks))")
        var arguments: [DatabaseValueConvertible?] = [subject, span.from, span.to, recordedFrom, recordedTo]
        arguments += span.state.values.map { $0 as DatabaseValueConvertible? }
        try statement.execute(arguments: SQLArguments(arguments))
    }

    /// A subject's live entries effective on or after a day, in the fold's order.
    static func liveEntries(of subject: SubjectID, from day: Day, in db: Session) throws -> [Entry] {
        try SessionRow.fetchAll(try db.cachedStatement(sql: """
            SELECT * FROM entry e WHERE e.\(subject.kind.foreignKey) = ? AND e.effective_on >= ?
              AND NOT EXISTS (SELECT 1 FROM entry_void v WHERE v.entry_id = e.id)
            ORDER BY e.effective_on, e.id
            """), arguments: [subject.id, day]).map(Entry.init(row:))
    }

    /// The subject's state on a day as known now, or nil before it existed (or after its add was undone).
    static func state(of subject: SubjectID, on day: Day, in db: Session) throws -> Span? {
        let layout = SpanLayout.of(subject.kind)
        return try SessionRow.fetchOne(try db.cachedStatement(sql: """
            SELECT \(selection(layout)) FROM \(layout.table) WHERE \(layout.key) = ? AND recorded_to IS NULL AND valid_from <= ?
            ORDER BY valid_from DESC LIMIT 1
            """), arguments: [subject.id, day]).map { decode($0, layout).span }
    }

    /// The spans after a day, as known now, in order: what a back-dated entry must stay in line with.
    static func spans(of subject: SubjectID, after day: Day, in db: Session) throws -> [Span] {
        let layout = SpanLayout.of(subject.kind)
        return try SessionRow.fetchAll(try db.cachedStatement(sql: """
            SELECT \(selection(layout)) FROM \(layout.table) WHERE \(layout.key) = ? AND recorded_to IS NULL AND valid_from > ?
            ORDER BY valid_from
            """), arguments: [subject.id, day]).map { decode($0, layout).span }
    }

    /// The day the subject entered the ledger (the start of its first span), nil if it does not exist.
    static func createdOn(_ subject: SubjectID, in db: Session) throws -> Day? {
        let layout = SpanLayout.of(subject.kind)
        return try Day.fetchOne(try db.cachedStatement(sql: """
            SELECT valid_from FROM \(layout.table) WHERE \(layout.key) = ? AND recorded_to IS NULL ORDER BY valid_from LIMIT 1
            """), arguments: [subject.id])
    }
}
