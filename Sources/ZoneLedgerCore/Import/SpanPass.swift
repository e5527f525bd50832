import GRDB

/// The spans of many subjects of one kind brought in line with their live entries in one ordered
/// pass, for a bulk import: what `SpanStore.refresh` does for one subject from its first day,
/// done for every subject listed in `temp.bulk_touched` with three ordered reads (their live
/// entries, their current spans, the spans this command closed) and cached writes. The fold is
/// `Fold.spans`, the write rule `SpanStore.replace`'s: a span no longer true is closed, or removed
/// if this command made it; a new one is added, or reopened if this command had closed it.
struct SpanPass {
    let layout: SpanLayout
    let command: Int64
    let db: Session
    private let columns: [String]
    private let inserting: RawStatement
    private let deleting: RawStatement
    private let closing: RawStatement
    private let reopening: RawStatement
    private let stretching: RawStatement

    init(_ kind: SubjectKind, command: Int64, db: Session) throws {
        let layout = SpanLayout.of(kind)
        self.layout = layout
        // CROSS JOIN below keeps the listed subjects the outer loop: a seek per subject, in order, no sort.
        self.command = command
        self.db = db
        let columns = [layout.key, "valid_from", "valid_to", "recorded_from", "recorded_to"] + layout.columns
        self.columns = columns
        // The writes are gathered in temp tables and made at the end, each kind of write in one
        // statement: SQLite opens a table's indexes once per statement, and a span table has many.
        try db.execute(sql: """
            DROP TABLE IF EXISTS temp.bulk_span_new; DROP TABLE IF EXISTS temp.bulk_span_gone;
            DROP TABLE IF EXISTS temp.bulk_span_closed; DROP TABLE IF EXISTS temp.bulk_span_reopened;
            CREATE TEMP TABLE bulk_span_new (\(columns.joined(separator: ", ")));
            CREATE TEMP TABLE bulk_span_gone (id INTEGER PRIMARY KEY);
            CREATE TEMP TABLE bulk_span_closed (id INTEGER PRIMARY KEY);
            CREATE TEMP TABLE bulk_span_reopened (id INTEGER PRIMARY KEY);
            DROP TABLE IF EXISTS temp.bulk_span_stretched;
            CREATE TEMP TABLE bulk_span_stretched (id INTEGER PRIMARY KEY, valid_to);
            """)
        inserting = try RawStatement(db, "INSERT INTO temp.bulk_span_new VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))")
        deleting = try RawStatement(db, "INSERT INTO temp.bulk_span_gone (id) VALUES (?)")
        closing = try RawStatement(db, "INSERT INTO temp.bulk_span_closed (id) VALUES (?)")
        reopening = try RawStatement(db, "INSERT INTO temp.bulk_span_reopened (id) VALUES (?)")
        stretching = try RawStatement(db, "INSERT INTO temp.bulk_span_stretched (id, valid_to) VALUES (?, ?)")
    }

    /// The temp table the subjects are listed in (`id INTEGER PRIMARY KEY`).
    static let touched = "temp.bulk_touched"

    static func prepareTouched(in db: Session) throws {
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS bulk_touched (id INTEGER PRIMARY KEY)")
        try db.execute(sql: "DELETE FROM temp.bulk_touched")
    }

    /// The entry columns read back, in this order: what `Entry` holds.
    static let entryColumns = ["id", "batch_id", "effective_on", "action", "correction", "note"] + Entry.fieldColumns

    /// One subject as the pass finds it: its live entries in fold order, its current spans, and
    /// the spans this command closed.
    struct Subject {
        let id: Int64
        var entries: [Entry] = []
        var current: [StoredSpan] = []
        var closedNow: [StoredSpan] = []
    }

    /// Walks the touched subjects in id order.
    func forEachSubject(_ body: (inout Subject) throws -> Void) throws {
        let key = layout.key
        let spanColumns = SpanStore.selection(layout, alias: "s")
        var entries = try RawStatement(db, """
            SELECT t.id, \(Self.entryColumns.map { "e." + $0 }.joined(separator: ", "))
            FROM \(Self.touched) t CROSS JOIN entry e ON e.\(key) = t.id
            WHERE NOT EXISTS (SELECT 1 FROM entry_void v WHERE v.entry_id = e.id)
            ORDER BY t.id, e.effective_on, e.id
            """).query()
        var spans = try RawStatement(db, """
            SELECT t.id, \(spanColumns) FROM \(Self.touched) t CROSS JOIN \(layout.table) s ON s.\(key) = t.id AND s.recorded_to IS NULL
            ORDER BY t.id, s.valid_from
            """).query()
        var closed = try RawStatement(db, """
            SELECT t.id, \(spanColumns) FROM \(Self.touched) t CROSS JOIN \(layout.table) s ON s.\(key) = t.id AND s.recorded_to = ?
            ORDER BY t.id
            """).query([command.databaseValue])
        var ids = try RawStatement(db, "SELECT id FROM \(Self.touched) ORDER BY id").query()
        let kind = layout.kind
        var haveEntry = try entries.next(), haveSpan = try spans.next(), haveClosed = try closed.next()
        while try ids.next() {
            let id = ids.int64(0)
            var subject = Subject(id: id)
            while haveEntry, entries.int64(0) == id {
                subject.entries.append(try Self.entry(entries, kind: kind, id: id))
                haveEntry = try entries.next()
            }
            while haveSpan, spans.int64(0) == id {
                subject.current.append(try decode(spans))
                haveSpan = try spans.next()
            }
            while haveClosed, closed.int64(0) == id {
                subject.closedNow.append(try decode(closed))
                haveClosed = try closed.next()
            }
            try body(&subject)
        }
    }

    /// An entry read column by column, in `entryColumns` order after the subject.
    static func entry(_ row: RawRows, kind: SubjectKind, id subject: Int64) throws -> Entry {
        guard let day = row.text(3).flatMap(Day.init(iso:)), let action = row.text(4).flatMap(EntryAction.init(rawValue:)) else {
            throw LedgerError.data("记录 #\(row.int64(1)) 的日期或动作无效")
        }
        var entry = Entry(batchId: row.int64(2), on: day, action: action, subject: SubjectID(kind: kind, id: subject))
        entry.id = row.int64(1)
        entry.correction = row.int64(5) != 0
        entry.note = row.text(6)
        for index in 0..<Entry.fieldColumns.count where !row.isNull(7 + index) { entry.values[index] = row.value(7 + index) }
        return entry
    }

    /// A stored span, after the subject's id: its id, days, commands, state.
    private func decode(_ row: RawRows) throws -> StoredSpan {
        guard let from = row.text(2).flatMap(Day.init(iso:)) else { throw LedgerError.data("派生状态的日期无效") }
        let state = SpanState(values: (0..<layout.columns.count).map { row.value(6 + $0) })
        return StoredSpan(id: row.int64(1), span: Span(from: from, to: row.text(3).flatMap(Day.init(iso:)), state: state),
                          recordedFrom: row.int64(4), recordedTo: row.optionalInt64(5))
    }

    /// Writes what the fold of `subject.entries` gives, as `SpanStore.replace` would.
    func write(_ subject: Subject, fresh: [Span]) throws {
        // A subject new to the ledger has nothing stored: its spans go in as they are.
        if subject.current.isEmpty, subject.closedNow.isEmpty {
            for span in fresh { try insert(span, of: subject.id) }
            return
        }
        // The stored current spans and the fresh ones each tile the subject's days, in order of
        // their first day: walked side by side, a span is matched by the day it begins.
        var matched = [Bool](repeating: false, count: fresh.count)
        var next = 0
        for stored in subject.current {
            while next < fresh.count, fresh[next].from < stored.span.from { next += 1 }
            if next < fresh.count, fresh[next].from == stored.span.from {
                if fresh[next] == stored.span {
                    matched[next] = true
                    continue
                }
                if stored.recordedFrom == command, fresh[next].state == stored.span.state {
                    // Only its end moved, in a span this command made: the same row with its new end
                    // is what removing it and adding it again would leave.
                    try stretching.execute([stored.id.databaseValue, fresh[next].to?.databaseValue ?? .null])
                    matched[next] = true
                    continue
                }
            }
            if stored.recordedFrom == command {
                try deleting.execute([stored.id.databaseValue])
            } else {
                try closing.execute([stored.id.databaseValue])
            }
        }
        for (index, span) in fresh.enumerated() where !matched[index] {
            if let again = subject.closedNow.first(where: { $0.span == span }) {
                try reopening.execute([again.id.databaseValue])
            } else {
                try insert(span, of: subject.id)
            }
        }
    }

    func insert(_ span: Span, of subject: Int64) throws {
        var values: [DatabaseValue] = [subject.databaseValue, span.from.databaseValue, span.to?.databaseValue ?? .null,
                                       command.databaseValue, .null]
        values.append(contentsOf: span.state.values)
        try inserting.execute(values)
    }

    /// The gathered writes, made: spans no longer true removed or closed first, then the
    /// reopened and the new (a subject's current spans never overlap on a day).
    func finish() throws {
        let table = layout.table, list = columns.joined(separator: ", ")
        try db.execute(sql: """
            DELETE FROM \(table) WHERE id IN (SELECT id FROM temp.bulk_span_gone);
            UPDATE \(table) SET recorded_to = \(command) WHERE id IN (SELECT id FROM temp.bulk_span_closed);
            UPDATE \(table) SET valid_to = s.valid_to FROM temp.bulk_span_stretched s WHERE \(table).id = s.id;
            UPDATE \(table) SET recorded_to = NULL WHERE id IN (SELECT id FROM temp.bulk_span_reopened);
            INSERT INTO \(table) (\(list)) SELECT \(list) FROM temp.bulk_span_new ORDER BY rowid;
            DROP TABLE temp.bulk_span_new; DROP TABLE temp.bulk_span_gone;
            DROP TABLE temp.bulk_span_closed; DROP TABLE temp.bulk_span_reopened; DROP TABLE temp.bulk_span_stretched;
            """)
    }

    /// Every touched subject's spans, from its entries alone.
    func refreshAll(progress: ((Int) -> Void)? = nil) throws {
        let layout = self.layout
        try forEachSubject { subject in
            try write(subject, fresh: Fold.spans(from: nil, entries: subject.entries, layout))
            progress?(subject.entries.count)
        }
        try finish()
    }

    /// The one span of each subject added by entries after `entryBase` that have nothing else yet,
    /// in one INSERT … SELECT: `Fold.apply` of an add, written out per column (the state a new
    /// subject starts with, and what its add sets; a parcel's status since its day, a milestone
    /// open with its first due date). Tests hold it to `Fold` (SpanHistory.mismatches).
    static func addSpans(_ kind: SubjectKind, command: Int64, entriesAfter entryBase: Int64, in db: Session) throws {
        let layout = SpanLayout.of(kind)
        var sources: [String: String] = [:]
        for copy in layout.copies {
            let column = "e." + Entry.fieldColumns[copy.entry]
            sources[layout.columns[copy.state]] = copy.clearable ? "nullif(\(column), '')" : column
        }
        for flag in ["provincial_major", "registered", "area_approximate"] where sources[flag] != nil {
            sources[flag] = "coalesce(\(sources[flag] ?? "NULL"), 0)"
        }
        sources["last_entry"] = "e.id"
        sources["note_entry"] = "CASE WHEN e.note <> '' THEN e.id END"
        switch kind {
        case .parcel:
            sources["status_since"] = "e.effective_on"
        case .milestone:
            for linked in [SubjectKind.project, .parcel, .park, .tenant] { sources[linked.foreignKey] = "e.set_\(linked.rawValue)_id" }
            sources["state"] = "'\(MilestoneState.open.rawValue)'"
            sources["original_due_on"] = "e.due_on"
            sources["original_due_text"] = "e.due_text"
            sources["reschedules"] = "0"
        default:
            break
        }
        let columns = [layout.key, "valid_from", "valid_to", "recorded_from", "recorded_to"] + layout.columns
        let values = ["e.\(layout.key)", "e.effective_on", "NULL", "\(command)", "NULL"] + layout.columns.map { sources[$0] ?? "NULL" }
        try db.execute(sql: """
            INSERT INTO \(layout.table) (\(columns.joined(separator: ", ")))
            SELECT \(values.joined(separator: ", ")) FROM entry e
            WHERE e.id > ? AND e.\(layout.key) IS NOT NULL AND e.action = 'add'
            ORDER BY e.\(layout.key)
            """, arguments: [entryBase])
    }
}
