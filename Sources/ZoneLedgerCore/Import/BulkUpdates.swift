import GRDB

/// The bulk path for history rows (updates.csv): status updates, notes, and a milestone's done,
/// cancel, reopen and reschedule. An edit row (修改) or a row that keeps its own author and time
/// sends the file to the row path.
///
/// A history row's checks in the row path look at the ledger only through its own subject (its
/// entries, as the rows before it left them): rows about different subjects never meet. So each row
/// is read in file order and checked on what needs no entries, and staged; "already recorded?" is
/// answered in SQL against the ledger as the file found it, and against the rows before it by a
/// filter of the words seen (checked exactly where it says "maybe"); the rows are written set-based
/// in file order; then one ordered pass goes subject by subject over the entries, replays the file's
/// new ones in file order against the ones before them with the row path's checks (`StatusOrder`
/// and the rest, on a `Timeline`), and writes each subject's spans.
struct BulkUpdates {
    let bulk: BulkImport
    var db: Session { bulk.db }
    private let statusKeys = StatusKeys()

    init(_ bulk: BulkImport) { self.bulk = bulk }

    /// A row's checks other than those that need its subject's entries, by where they fall
    /// around those: `before` (a refusal there is final), `between` (a milestone's done, cancel or
    /// reopen: after "not before it was set", before its state) and `after`.
    struct Plan {
        var before: ImportProblem?
        var between: ImportProblem?
        var after: ImportProblem?
        var stage: ProjectStage?
        var progress: Int?
        var parcelStatus: ParcelStatus?
        var tenantStatus: TenantStatus?
        var correction = false
        var note: String?
        var due: LedgerDate?
    }

    /// What a row asks of its subject, read before the subject's entries are looked at.
    struct Ask {
        let line: Int
        let action: EntryAction
        let on: Day
        let plan: Plan
    }

    private static let staged = """
        line INTEGER PRIMARY KEY, kind TEXT NOT NULL, sid INTEGER NOT NULL, action TEXT NOT NULL, on_day TEXT NOT NULL,
        clean INTEGER NOT NULL, correction INTEGER NOT NULL, note TEXT, stage TEXT, progress INTEGER, parcel_status TEXT,
        tenant_status TEXT, due_on TEXT, due_text TEXT, due_precision TEXT, acol TEXT, areason TEXT, bcol TEXT, breason TEXT,
        ccol TEXT, creason TEXT, kstage TEXT, kprogress INTEGER, kstatus TEXT, kdue TEXT, knote TEXT, suspect INTEGER NOT NULL
        """

    func run(_ meter: ImportProgress) throws -> BulkImport.Outcome {
        try db.execute(sql: """
            DROP TABLE IF EXISTS temp.bulk_updates;
            DROP TABLE IF EXISTS temp.bulk_skip;
            DROP TABLE IF EXISTS temp.bulk_twin;
            DROP TABLE IF EXISTS temp.bulk_side;
            CREATE TEMP TABLE bulk_updates (\(Self.staged));
            CREATE TEMP TABLE bulk_skip (line INTEGER PRIMARY KEY);
            CREATE TEMP TABLE bulk_twin (line INTEGER PRIMARY KEY);
            """)
        let stage = try RawStatement(db, "INSERT INTO temp.bulk_updates VALUES (\(Array(repeating: "?", count: 27).joined(separator: ", ")))")
        var subjects = SubjectCache(db: db)
        var seen = BloomFilter(expected: bulk.rows)
        var suspects = 0
        var fallback = false
        // Read: each row's cells and the checks that need no entries, staged (or refused there and then).
        try bulk.forEachRow(meter, share: 0.25) { record in
            guard !fallback else { return }
            if let problem = bulk.header.extraColumns(record) {
                try bulk.problem(problem.line, problem.column, problem.reason)
                return
            }
            let row = ImportRow(line: record.line, fields: record.fields, layout: bulk.header.layout)
            let read: (subject: SubjectID, ask: Ask, key: DupKey)
            do {
                guard let found = try self.read(row, &subjects) else { fallback = true; return }
                read = found
            } catch {
                let problem = try BulkImport.problem(error, line: row.line)
                try bulk.problem(problem.line, problem.column, problem.reason)
                return
            }
            let (subject, ask, key) = read
            let plan = ask.plan
            let entryKey = DupKey(on: ask.on, action: ask.action, stage: subject.kind == .project ? plan.stage?.rawValue : nil,
                                  progress: subject.kind == .project ? plan.progress.map(Int64.init) : nil,
                                  status: plan.parcelStatus?.rawValue ?? plan.tenantStatus?.rawValue, due: plan.due?.day, note: plan.note)
            // Clean: nothing to refuse without the entries; its entry then is what a later row repeats.
            let clean = plan.before == nil && plan.between == nil && plan.after == nil
            // A row whose words may be an earlier clean row's entry (the filter can say so wrongly, never miss one).
            let suspect = seen.mayContain(key.hash(subject))
            if suspect { suspects += 1 }
            if clean { seen.insert(entryKey.hash(subject)) }
            let problem = { (problem: ImportProblem?) in [problem?.column.databaseValue ?? .null, problem?.reason.databaseValue ?? .null] }
            var values: [DatabaseValue] = [
                row.line.databaseValue, subject.kind.rawValue.databaseValue, subject.id.databaseValue, ask.action.rawValue.databaseValue,
                ask.on.databaseValue, clean.databaseValue, plan.correction.databaseValue, plan.note?.databaseValue ?? .null,
                entryKey.stage?.databaseValue ?? .null, entryKey.progress?.databaseValue ?? .null,
                plan.parcelStatus?.rawValue.databaseValue ?? .null, plan.tenantStatus?.rawValue.databaseValue ?? .null,
                plan.due?.day.databaseValue ?? .null, plan.due?.text.databaseValue ?? .null, plan.due?.precision.rawValue.databaseValue ?? .null,
            ]
            values += problem(plan.before) + problem(plan.between) + problem(plan.after)
            values += [key.stage?.databaseValue ?? .null, key.progress?.databaseValue ?? .null, key.status?.databaseValue ?? .null,
                       key.due?.databaseValue ?? .null, key.note?.databaseValue ?? .null, suspect.databaseValue]
            try stage.execute(values)
        }
        if fallback { return .fallback }
        bulk.lap("read")
        // "Already recorded?" against the ledger as the file found it: skipped whatever the file holds.
        let matching = { (kind: SubjectKind) in
            """
            WHEN '\(kind.rawValue)' THEN EXISTS (SELECT 1 FROM entry e WHERE e.\(kind.foreignKey) = u.sid AND e.effective_on = u.on_day
                AND e.action = u.action AND e.stage IS u.kstage AND e.progress IS u.kprogress
                AND coalesce(e.parcel_status, e.tenant_status) IS u.kstatus AND e.due_on IS u.kdue AND e.note IS u.knote
                AND NOT \(InvestmentReport.condition("e"))
                AND NOT EXISTS (SELECT 1 FROM entry_void v WHERE v.entry_id = e.id))
            """
        }
        try db.execute(sql: """
            INSERT INTO temp.bulk_skip (line) SELECT line FROM temp.bulk_updates u
            WHERE CASE u.kind \(SubjectKind.allCases.map(matching).joined(separator: " ")) END
            """)
        // Against the rows before it: a repeat of an earlier clean row (skipped if that row stands).
        if suspects > 0 { try findRepeats() }
        bulk.lap("already recorded")
        try db.execute(sql: """
            INSERT INTO temp.bulk_problem (line, seq, col, reason)
            SELECT line, 0, acol, areason FROM temp.bulk_updates
            WHERE acol IS NOT NULL AND line NOT IN (SELECT line FROM temp.bulk_skip) AND line NOT IN (SELECT line FROM temp.bulk_twin)
            """)
        let writing = "clean AND line NOT IN (SELECT line FROM temp.bulk_skip) AND line NOT IN (SELECT line FROM temp.bulk_twin)"
        let entryBase = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM entry") ?? 0
        var added = 0
        if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM temp.bulk_updates WHERE \(writing))") == true {
            // The command's batch, made when the first row is written, as the row path makes it.
            let batch = try bulk.batches.shared(in: db)
            let subject = { (kind: SubjectKind) in "CASE kind WHEN '\(kind.rawValue)' THEN sid END" }
            try db.execute(sql: """
                INSERT INTO entry (batch_id, effective_on, action, \(SubjectKind.allCases.map(\.foreignKey).joined(separator: ", ")), correction,
                                   note, stage, progress, parcel_status, tenant_status, due_on, due_text, due_precision)
                SELECT ?, on_day, action, \(SubjectKind.allCases.map(subject).joined(separator: ", ")), correction,
                       note, stage, progress, parcel_status, tenant_status, due_on, due_text, due_precision
                FROM temp.bulk_updates WHERE \(writing) ORDER BY line
                """, arguments: [batch.id])
            added = db.changesCount ?? 0   // the bulk path runs on SQLite only
        }
        let lines = try LineMap(db: db, entryBase: entryBase, writing: writing)
        // The rows the replay takes in their place: refused or not only by their subject's entries, and repeats.
        try db.execute(sql: """
            CREATE TEMP TABLE bulk_side AS
            SELECT u.*, t.line IS NOT NULL AS "repeat" FROM temp.bulk_updates u LEFT JOIN temp.bulk_twin t USING (line)
            WHERE u.line NOT IN (SELECT line FROM temp.bulk_skip) AND ((NOT u.clean AND u.acol IS NULL) OR t.line IS NOT NULL);
            CREATE INDEX temp.bulk_side_subject ON bulk_side (kind, sid, line);
            """)
        let skipped = (try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM temp.bulk_skip) + (SELECT count(*) FROM temp.bulk_twin)")) ?? 0
        bulk.lap("write")
        defer { bulk.lap("replay and spans") }
        guard let replayed = try replay(entryBase: entryBase, lines: lines, meter) else { return .fallback }
        // A row written and then refused stays in the entry table until the import is rolled back:
        // with files still to come, only the row path leaves them the ledger they would find.
        if replayed.refused > 0, bulk.laterFiles { return .fallback }
        return .done(added: added - replayed.refused, skipped: skipped - replayed.unskipped)
    }

    /// The repeats among the suspects: rows whose words are the entry of an earlier clean row of the
    /// same subject that is not itself already recorded (its entry: what it writes, which a stage on
    /// a parcel's row, say, leaves out).
    private func findRepeats() throws {
        try db.execute(sql: """
            DROP TABLE IF EXISTS temp.bulk_suspect;
            CREATE TEMP TABLE bulk_suspect AS
            SELECT DISTINCT kind, sid, on_day, action, kstage, kprogress, kstatus, kdue, knote FROM temp.bulk_updates WHERE suspect;
            CREATE INDEX temp.bulk_suspect_key ON bulk_suspect (sid, on_day);
            """)
        let same = "s.sid = u.sid AND s.on_day = u.on_day AND s.kind = u.kind AND s.action = u.action"
        var rows = try RawStatement(db, """
            SELECT s.rowid, u.line, 0 FROM temp.bulk_updates u JOIN temp.bulk_suspect s
              ON \(same) AND s.kstage IS u.kstage AND s.kprogress IS u.kprogress AND s.kstatus IS u.kstatus
                 AND s.kdue IS u.kdue AND s.knote IS u.knote
            WHERE u.suspect AND u.line NOT IN (SELECT line FROM temp.bulk_skip)
            UNION ALL
            SELECT s.rowid, u.line, 1 FROM temp.bulk_updates u JOIN temp.bulk_suspect s
              ON \(same) AND s.kstage IS u.stage AND s.kprogress IS u.progress AND s.kstatus IS coalesce(u.parcel_status, u.tenant_status)
                 AND s.kdue IS u.due_on AND s.knote IS u.note
            WHERE u.clean AND u.line NOT IN (SELECT line FROM temp.bulk_skip)
            ORDER BY 1, 2, 3
            """).query()
        let twin = try RawStatement(db, "INSERT INTO temp.bulk_twin (line) VALUES (?)")
        // Per suspect's words, in file order: a row repeats them once a clean row wrote them (a row
        // is first a candidate, then, if clean, what later rows repeat).
        var group: Int64 = -1, written = false
        while try rows.next() {
            if rows.int64(0) != group { group = rows.int64(0); written = false }
            if rows.int64(2) == 1 {
                written = true
            } else if written {
                try twin.execute([rows.int64(1).databaseValue])
            }
        }
    }

    // MARK: - Reading a row, in the row path's order (RowImporter.update and the record… functions)

    /// The subject, what the row asks, and what "already recorded" compares; nil for a row the
    /// bulk path does not take (an edit, or a row keeping its own author and time).
    private func read(_ row: ImportRow, _ subjects: inout SubjectCache) throws -> (SubjectID, Ask, DupKey)? {
        let subjectText = try row.required("subject")
        let subject: SubjectID
        do { subject = try subjects.resolve(subjectText) } catch let error as LedgerError { throw row.problem("subject", error.message) }
        guard let on = try row.day("on") else { throw row.problem("on", "不能为空") }
        let action = try row.read("action") { text -> EntryAction in
            let lower = text.lowercased()
            guard let action = EntryAction.allCases.first(where: { $0.label == text || $0.label(for: .problem) == text || $0.rawValue == lower }),
                  action != .add else {
                throw LedgerError.data("动作“\(text)”无效：可选 更新、完成、改期、取消、重开、修改")
            }
            return action
        } ?? .update
        // Edits, and every problem's row, take the row path.
        if action == .edit || subject.kind == .problem { return nil }
        // Investment reports and plans take the row path (RowImporter.update).
        if InvestmentReport.isReport(row) { return nil }
        let note = row.text("note")
        let due = action == .reschedule ? try row.due("due", promisedOn: on) : nil
        // "Already recorded?" reads these; a bad stage or progress is refused right there.
        let status = row.text("status").flatMap(statusKey)
        let stage = try row.choice("stage", ProjectStage.self)
        let progress = try row.integer("progress")
        let key = DupKey(on: on, action: action, stage: stage?.rawValue, progress: progress.map(Int64.init), status: status,
                         due: due?.day, note: note)
        if row.text("author") != nil, row.text("recorded_at") != nil { return nil }
        let plan = self.plan(row, subject.kind, action, on: on, note: note, due: due, stage: stage, progress: progress)
        return (subject, Ask(line: row.line, action: action, on: on, plan: plan), key)
    }

    /// A status cell as "already recorded?" reads it (a parcel's, else a tenant's), remembered per text.
    private func statusKey(_ text: String) -> String? {
        if let known = statusKeys.known[text] { return known }
        let key = ParcelStatus(key: text)?.rawValue ?? TenantStatus(key: text)?.rawValue
        if statusKeys.known.count >= 1_000 { statusKeys.known.removeAll() }
        statusKeys.known[text] = key
        return key
    }

    final class StatusKeys {
        var known: [String: String?] = [:]
    }

    /// The row path's checks after "already recorded" that need no entries, with the entry's values.
    private func plan(_ row: ImportRow, _ kind: SubjectKind, _ action: EntryAction, on: Day, note: String?, due: LedgerDate?,
                      stage: ProjectStage?, progress: Int?) -> Plan {
        var plan = Plan()
        let context = bulk.context
        func attempt(_ body: () throws -> Void) -> ImportProblem? {
            do { try body(); return nil } catch { return (try? BulkImport.problem(error, line: row.line)) ?? nil }
        }
        switch (kind, action) {
        case (.project, .update):
            plan.before = attempt {
                plan.stage = stage
                plan.correction = try row.flag("correction") ?? false
                guard stage != nil || progress != nil || note != nil else {
                    throw LedgerError.usage("没有要记录的内容：请给出 --stage、--progress 或 --note")
                }
                plan.progress = try Validate.progress(progress)
                try bulk.ledger.checkEffective(on, context)
            }
            plan.after = attempt { plan.note = try Validate.note(note) }
        case (.parcel, .update):
            plan.before = attempt {
                guard let status = try row.choice("status", ParcelStatus.self) else { throw row.problem("status", "地块的状态记录须填状态") }
                plan.parcelStatus = status
                plan.correction = try row.flag("correction") ?? false
                try bulk.ledger.checkEffective(on, context)
            }
            plan.after = attempt { plan.note = try Validate.note(note) }
        case (.tenant, .update):
            plan.before = attempt {
                guard let status = try row.choice("status", TenantStatus.self) else { throw row.problem("status", "企业的状态记录须填状态") }
                plan.tenantStatus = status
                plan.correction = try row.flag("correction") ?? false
                try bulk.ledger.checkEffective(on, context)
            }
            plan.after = attempt { plan.note = try Validate.note(note) }
        case (.park, .update):
            plan.before = attempt {
                guard note != nil else { throw row.problem("note", "园区的记录须填说明") }
                try bulk.ledger.checkEffective(on, context)
            }
            plan.after = attempt {
                guard let text = try Validate.note(note) else { throw LedgerError.usage("说明不能为空：请给出 --note") }
                plan.note = text
            }
        case (.milestone, .done), (.milestone, .cancel), (.milestone, .reopen):
            plan.before = attempt {
                if action != .done, note == nil { throw row.problem("note", "取消或重开须在说明里写原因") }
            }
            plan.between = attempt { try bulk.ledger.checkEffective(on, context) }
            plan.after = attempt { plan.note = try Validate.note(note) }
        case (.milestone, .reschedule):
            plan.before = attempt {
                guard let due else { throw row.problem("due", "改期须填新的到期日") }
                plan.note = try Ledger.reason(note ?? "")
                try Ledger.checkDue(due, promisedOn: on, context, rescheduling: true)
                try bulk.ledger.checkEffective(on, context)
                plan.due = due
            }
            plan.after = attempt {
                if let due = plan.due { plan.due = LedgerDate(day: due.day, text: try Validate.name(due.text, what: "到期日写法"), precision: due.precision) }
            }
        default:
            plan.before = row.problem("action", "\(kind.label)没有“\(action.label)”这种记录")
        }
        return plan
    }

    // MARK: - Writing rows as they come

    /// What "already recorded?" compares (RowImporter.alreadyRecorded): the row's words, or an entry's.
    struct DupKey: Equatable, Hashable {
        let on: Day
        let action: EntryAction
        let stage: String?
        let progress: Int64?
        let status: String?
        let due: Day?
        let note: String?
        /// An entry that reports investment or a plan: never the same as a row the bulk path reads.
        var report = false

        init(on: Day, action: EntryAction, stage: String?, progress: Int64?, status: String?, due: Day?, note: String?) {
            self.on = on
            self.action = action
            self.stage = stage
            self.progress = progress
            self.status = status
            self.due = due
            self.note = note
        }

        /// The key with its subject, for the filter of rows seen.
        func hash(_ subject: SubjectID) -> Int {
            var hasher = Hasher()
            hasher.combine(subject)
            hasher.combine(self)
            return hasher.finalize()
        }

        init(_ entry: Entry) {
            self.init(on: entry.effectiveOn, action: entry.action, stage: String.fromDatabaseValue(entry["stage"]),
                      progress: Int64.fromDatabaseValue(entry["progress"]),
                      status: String.fromDatabaseValue(entry["parcel_status"]) ?? String.fromDatabaseValue(entry["tenant_status"]),
                      due: Day.fromDatabaseValue(entry["due_on"]), note: entry.note)
            report = InvestmentReport.isReport(entry)
        }
    }

    /// A kept row as the replay reads it.
    struct Kept {
        let line: Int
        let action: EntryAction
        let on: Day
        let stage: ProjectStage?
        let progress: Int?
        let parcelStatus: ParcelStatus?
        let tenantStatus: TenantStatus?
        let correction: Bool
        let due: Day?
        let before: ImportProblem?
        let between: ImportProblem?
        let after: ImportProblem?
        /// A repeat's words, as "already recorded?" compares them.
        let repeating: DupKey?

        init?(_ row: SessionRow) {
            guard let action = EntryAction(rawValue: row["action"]), let on = Day(iso: row["on_day"]) else { return nil }
            line = row["line"]
            self.action = action
            self.on = on
            stage = (row["stage"] as String?).flatMap(ProjectStage.init(rawValue:))
            progress = row["progress"]
            parcelStatus = (row["parcel_status"] as String?).flatMap(ParcelStatus.init(rawValue:))
            tenantStatus = (row["tenant_status"] as String?).flatMap(TenantStatus.init(rawValue:))
            correction = row["correction"]
            due = (row["due_on"] as String?).flatMap(Day.init(iso:))
            let line = self.line
            let problem = { (column: String, reason: String) -> ImportProblem? in
                (row[column] as String?).map { ImportProblem(line: line, column: $0, reason: row[reason]) }
            }
            before = problem("acol", "areason")
            between = problem("bcol", "breason")
            after = problem("ccol", "creason")
            repeating = row["repeat"] as Bool
                ? DupKey(on: on, action: action, stage: row["kstage"], progress: row["kprogress"], status: row["kstatus"],
                         due: (row["kdue"] as String?).flatMap(Day.init(iso:)), note: row["knote"])
                : nil
        }
    }

    // MARK: - The replay, subject by subject

    /// Each subject's new entries (and kept rows) replayed in file order against its entries
    /// before them, with the row path's checks; then its spans. The problems found, in the report.
    /// The written rows it refused, and the repeats it found not to be repeats after all (refused
    /// too); nil if a kept row stood up on its own (the row path would have written it).
    private func replay(entryBase: Int64, lines: LineMap, _ meter: ImportProgress) throws -> (refused: Int, unskipped: Int)? {
        let command = bulk.batches.hasShared ? try bulk.batches.shared(in: db).command : 0
        var refused = 0, unskipped = 0
        var standing = true
        for kind in [SubjectKind.project, .parcel, .park, .tenant, .milestone] {
            try SpanPass.prepareTouched(in: db)
            try db.execute(sql: """
                INSERT OR IGNORE INTO \(SpanPass.touched) (id)
                SELECT \(kind.foreignKey) FROM entry WHERE id > ? AND \(kind.foreignKey) IS NOT NULL
                UNION SELECT sid FROM temp.bulk_side WHERE kind = ?
                """, arguments: [entryBase, kind.rawValue])
            let pass = try SpanPass(kind, command: command, db: db)
            let sides = try SessionRow.fetchCursor(db, sql: "SELECT * FROM temp.bulk_side WHERE kind = ? ORDER BY sid, line", arguments: [kind.rawValue])
            var nextSide = try sides.next()
            try pass.forEachSubject { subject in
                // The file's rows about the subject in file order: its new entries (in id order, which
                // is file order) and, placed by their lines, the rows kept for the replay.
                var events: [(line: Int, entry: Entry?, kept: Kept?)] = []
                var timeline = Timeline(layout: pass.layout)
                for entry in subject.entries {
                    if let id = entry.id, id > entryBase {
                        events.append((Int(id - entryBase), entry, nil))
                    } else {
                        timeline.load(entry)
                    }
                }
                var kept: [(line: Int, entry: Entry?, kept: Kept?)] = []
                while let row = nextSide, row["sid"] as Int64 == subject.id {
                    if let one = Kept(row) { kept.append((one.line, nil, one)) }
                    nextSide = try sides.next()
                }
                if kept.isEmpty {
                    events.sort { $0.line < $1.line }
                    for index in events.indices { events[index].line = -events[index].line }
                } else {
                    for index in events.indices { events[index].line = try lines.line(of: Int64(events[index].line) + entryBase) }
                    events += kept
                    events.sort { $0.line < $1.line }
                }
                timeline.finishLoading()
                var checks = SubjectChecks(subject: SubjectID(kind: kind, id: subject.id), db: db, context: bulk.context, ledger: bulk.ledger)
                for event in events {
                    if let entry = event.entry {
                        if let problem = try checks.check(entry.action, on: entry.effectiveOn, entry: entry, kept: nil, timeline) {
                            // A negative place is the entry's rank among those the file wrote, not yet its line.
                            let line = event.line < 0 ? try lines.line(of: Int64(-event.line) + entryBase) : event.line
                            try bulk.problem(line, problem.column, problem.reason)
                            refused += 1
                        } else {
                            timeline.append(entry)
                        }
                    } else if let kept = event.kept {
                        if let key = kept.repeating {
                            // Skipped, as the row path skips it, if what it repeats stands.
                            if timeline.entries.contains(where: { DupKey($0) == key }) { continue }
                            unskipped += 1
                            if let before = kept.before {
                                try bulk.problem(event.line, before.column, before.reason)
                                continue
                            }
                        }
                        if let problem = try checks.check(kept.action, on: kept.on, entry: nil, kept: kept, timeline) {
                            try bulk.problem(event.line, problem.column, problem.reason)
                        } else {
                            // A kept row that stands: the row path would have written it.
                            standing = false
                        }
                    }
                }
                try pass.write(subject, fresh: timeline.spans)
                meter.advance(0.75 * Double(events.count))
            }
            bulk.lap("replay \(kind.rawValue)")
            try pass.finish()
            bulk.lap("spans \(kind.rawValue)")
        }
        return standing ? (refused, unskipped) : nil
    }
}

/// A subject's live entries and the spans they fold into, kept as new entries come: an entry on or
/// after the last day extends the spans; one before it folds them again. What `StatusOrder` and the
/// milestone checks read from the span table in the row path, read from here.
struct Timeline {
    let layout: SpanLayout
    private(set) var entries: [Entry] = []
    private(set) var spans: [Span] = []

    init(layout: SpanLayout) { self.layout = layout }

    mutating func load(_ entry: Entry) { entries.append(entry) }

    mutating func finishLoading() { spans = Fold.spans(from: nil, entries: entries, layout) }

    /// A new entry, with an id above every loaded one.
    mutating func append(_ entry: Entry) {
        guard let last = entries.last, entry.effectiveOn < last.effectiveOn else {
            extend(entry)
            entries.append(entry)
            return
        }
        let index = entries.firstIndex { $0.effectiveOn > entry.effectiveOn } ?? entries.count
        entries.insert(entry, at: index)
        spans = Fold.spans(from: nil, entries: entries, layout)
    }

    /// `Fold.spans` for one more entry on or after the last day, from the spans so far.
    private mutating func extend(_ entry: Entry) {
        guard var last = spans.last else {
            spans = Fold.spans(from: nil, entries: entries + [entry], layout)
            return
        }
        let sameDay = entries.last?.effectiveOn == entry.effectiveOn
        guard let state = Fold.apply(entry, to: last.state, layout) else {
            spans = Fold.spans(from: nil, entries: entries + [entry], layout)
            return
        }
        if sameDay, last.from == entry.effectiveOn {
            // The day's state changes again: the span that began today now holds the new state,
            // or, back to the day before's, is one with it.
            if spans.count >= 2, spans[spans.count - 2].state == state {
                spans.removeLast()
                spans[spans.count - 1].to = nil
            } else {
                last.state = state
                spans[spans.count - 1] = last
            }
        } else if state != last.state {
            spans[spans.count - 1].to = entry.effectiveOn
            spans.append(Span(from: entry.effectiveOn, to: nil, state: state))
        }
    }

    var createdOn: Day? { spans.first?.from }

    /// The state on a day, nil before the subject existed.
    func state(on day: Day) -> SpanState? { spans.last { $0.from <= day }?.state }

    func spans(after day: Day) -> [Span] {
        // Mostly a row comes after every span so far: none after it.
        guard let last = spans.last, last.from > day else { return [] }
        var start = spans.count
        while start > 0, spans[start - 1].from > day { start -= 1 }
        return Array(spans[start...])
    }
}

/// The row path's checks on one subject that read its entries (checkEntryDay, StatusOrder, the
/// milestone's state), against a `Timeline`; the subject's code and name are read only for a refusal.
struct SubjectChecks {
    let subject: SubjectID
    let db: Session
    let context: WriteContext
    let ledger: Ledger
    private var found: Subject?

    init(subject: SubjectID, db: Session, context: WriteContext, ledger: Ledger) {
        self.subject = subject
        self.db = db
        self.context = context
        self.ledger = ledger
    }

    private mutating func named() throws -> Subject {
        if let found { return found }
        let named = try References.resolve(String(subject.id), kind: subject.kind, in: db)
        found = named
        return named
    }

    /// The first refusal, in the row path's order, of a row (its entry, or a kept row) at its place.
    mutating func check(_ action: EntryAction, on day: Day, entry: Entry?, kept: BulkUpdates.Kept?, _ timeline: Timeline) throws -> ImportProblem? {
        let line = kept?.line ?? 0
        let between = kept?.between, after = kept?.after
        let layout = timeline.layout
        do {
            switch (subject.kind, action) {
            case (.milestone, .done), (.milestone, .cancel), (.milestone, .reopen):
                if let created = timeline.createdOn, day < created {
                    throw LedgerError.data("节点\(try named().listing)于\(created.iso)立下，不能在此之前（\(day.iso)）\(action.label)")
                }
                if let between { return between }
                guard let now = timeline.state(on: day) else { throw LedgerError.data("节点 \(subject.id) 在\(day.iso)尚未立下") }
                let state = MilestoneStatus(now).state
                switch action {
                case .done: guard state == .open else { throw LedgerError.data("节点\(try named().listing)\(state.label)，不能再标记完成") }
                case .cancel: guard state == .open else { throw LedgerError.data("节点\(try named().listing)\(state.label)，不能再取消") }
                default: guard state != .open else { throw LedgerError.data("节点\(try named().listing)尚未完成或取消，无需重开") }
                }
                let closing = { (state: SpanState?) in [state?[layout, "state"], state?[layout, "closed_on"]] }
                if let later = timeline.spans(after: day).first(where: { closing($0.state) != closing(now) }) {
                    throw LedgerError.data("节点\(try named().listing)在\(later.from.iso)已有完成、取消或重开的记录：不能在它之前再记一次")
                }
            default:
                try checkEntryDay(day, timeline)
                switch (subject.kind, action) {
                case (.milestone, .reschedule):
                    guard let now = timeline.state(on: day) else { throw LedgerError.data("节点 \(subject.id) 在\(day.iso)尚未立下") }
                    let status = MilestoneStatus(now)
                    guard status.state == .open else { throw LedgerError.data("节点\(try named().listing)\(status.state.label)，不能改期") }
                    let due = entry.flatMap { Day.fromDatabaseValue($0["due_on"]) } ?? kept?.due
                    if let due, status.due == due {
                        throw LedgerError.data("节点\(try named().listing)的到期日已是\(due.iso)，无需改期")
                    }
                case (.project, .update):
                    let correction = entry?.correction ?? kept?.correction ?? false
                    guard !correction else { break }
                    let order = StatusOrder(layout: layout, current: timeline.state(on: day), later: timeline.spans(after: day))
                    let stage = entry.flatMap { $0.stage } ?? kept?.stage
                    let progress = entry.flatMap { $0.progress } ?? kept?.progress
                    if let stage { try order.check(stage, column: "stage", subject: try named(), on: day) }
                    if let progress {
                        if let previous = order.before(Int.self, "progress"), progress < previous {
                            throw LedgerError.data("\(try named().listing)的进度已是\(previous)%，改为\(progress)%是倒退：如确为更正，请加 --correction")
                        }
                        if let following = order.after(Int.self, "progress"), following < progress {
                            throw LedgerError.data("\(try named().listing)在\(day.iso)之后已记为\(following)%，此前不能是更高的\(progress)%：如确为更正，请加 --correction")
                        }
                    }
                case (.parcel, .update):
                    let correction = entry?.correction ?? kept?.correction ?? false
                    guard !correction, let status = entry?.parcelStatus ?? kept?.parcelStatus else { break }
                    let order = StatusOrder(layout: layout, current: timeline.state(on: day), later: timeline.spans(after: day))
                    try order.check(status, column: "status", subject: try named(), on: day)
                case (.tenant, .update):
                    let correction = entry?.correction ?? kept?.correction ?? false
                    guard !correction, let status = entry?.tenantStatus ?? kept?.tenantStatus else { break }
                    let order = StatusOrder(layout: layout, current: timeline.state(on: day), later: timeline.spans(after: day))
                    try order.check(status, column: "status", subject: try named(), on: day)
                default:
                    break
                }
            }
        } catch let error as LedgerError {
            return ImportProblem(line: line, column: "", reason: error.message)
        }
        return after
    }

    /// Ledger.checkEntryDay's second half (the first, not in the future, was checked on reading).
    private mutating func checkEntryDay(_ day: Day, _ timeline: Timeline) throws {
        if let created = timeline.createdOn, day < created {
            throw LedgerError.data("\(try named().listing)于\(created.iso)记入账本，不能记录更早（\(day.iso)）的情况")
        }
    }
}

extension StatusOrder {
    /// The order around a day as a `Timeline` has it, rather than the span table.
    init(layout: SpanLayout, current: SpanState?, later: [Span]) {
        self.layout = layout
        self.current = current
        self.later = later
    }
}

/// Subjects named in a history file, found as RowImporter finds them (`References.resolveAny`), and
/// remembered within a bound: a code by a single seek, anything else the row path's way.
struct SubjectCache {
    let db: Session
    private var known: [String: Result<SubjectID, LedgerError>] = [:]

    init(db: Session) { self.db = db }

    mutating func resolve(_ text: String) throws -> SubjectID {
        if let found = known[text] { return try found.get() }
        let result: Result<SubjectID, LedgerError>
        do { result = .success(try find(text)) } catch let error as LedgerError { result = .failure(error) }
        if known.count >= 100_000 { known.removeAll(keepingCapacity: true) }
        known[text] = result
        return try result.get()
    }

    private func find(_ ref: String) throws -> SubjectID {
        let text = ref.trimmingWhitespace()
        if let kind = SubjectKind.allCases.first(where: { References.codeLooksLike(text, $0) }) {
            let layout = SpanLayout.of(kind)
            if let id = try Int64.fetchOne(try db.cachedStatement(sql: """
                SELECT r.id FROM \(kind.table) r JOIN \(layout.table) s ON s.\(layout.key) = r.id AND s.recorded_to IS NULL AND s.valid_to IS NULL
                WHERE r.code = ? COLLATE NOCASE
                """), arguments: [text]) {
                return SubjectID(kind: kind, id: id)
            }
        }
        return try References.resolveAny(ref, in: db).subjectID
    }
}

/// Whether a row's words were seen before in the file, in a few bits per row: "no" is certain,
/// "maybe" is checked against the staged rows.
struct BloomFilter {
    private var bits: [UInt64]
    private let mask: Int

    init(expected: Int) {
        var size = 1 << 16
        while size < expected * 8 { size <<= 1 }
        bits = Array(repeating: 0, count: size / 64)
        mask = size - 1
    }

    private func probes(_ hash: Int) -> [Int] {
        let first = hash, step = (hash >> 29) | 1
        return (0..<3).map { (first &+ $0 &* step) & mask }
    }

    mutating func insert(_ hash: Int) {
        for bit in probes(hash) { bits[bit >> 6] |= 1 << UInt64(bit & 63) }
    }

    func mayContain(_ hash: Int) -> Bool {
        probes(hash).allSatisfy { bits[$0 >> 6] & (1 << UInt64($0 & 63)) != 0 }
    }
}

/// The line of each entry the file wrote, found only when asked (a problem, or kept rows to place
/// among them): the entries went in in line order, so the n-th of them is the n-th row written.
final class LineMap {
    private let db: Session
    private let entryBase: Int64
    private let writing: String
    private var lookup: RawStatement?

    /// Made before the replay's reads begin: SQLite changes no schema under a running statement.
    init(db: Session, entryBase: Int64, writing: String) throws {
        self.db = db
        self.entryBase = entryBase
        self.writing = writing
        try db.execute(sql: """
            DROP TABLE IF EXISTS temp.bulk_line;
            CREATE TEMP TABLE bulk_line (id INTEGER PRIMARY KEY, line INTEGER NOT NULL);
            """)
    }

    func line(of entry: Int64) throws -> Int {
        if lookup == nil {
            try db.execute(sql: """
                INSERT INTO temp.bulk_line (id, line)
                SELECT \(entryBase) + row_number() OVER (ORDER BY line), line FROM temp.bulk_updates WHERE \(writing)
                """)
            lookup = try RawStatement(db, "SELECT line FROM temp.bulk_line WHERE id = ?")
        }
        guard let lookup else { return 0 }
        var rows = lookup.query([entry.databaseValue])
        guard try rows.next() else { return 0 }
        let line = rows.int(0)
        while try rows.next() {}
        return line
    }
}
