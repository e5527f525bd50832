import GRDB

/// The bulk path for files that add subjects: parks, parcels, projects, tenants, milestones.
///
/// A row of these goes, in the row path, through its cells in order and then through the ledger's
/// checks (RowImporter.park … and Ledger.insertPark …). Read here in the same order, each row's first
/// refusal is kept with the segment it falls in, between the checks that need the ledger:
///
///     segment 0 | already there? | segment 1 | name free? (milestones: its subject existed?) |
///     segment 2 | code free? | segment 3 | the row is written | segment 4
///
/// "Already there" skips the row; the other three refuse it. One CASE in SQL then finds each row's
/// outcome; a refusal in segment 4 comes after the subject's row was written (and is one all the same).
struct BulkAdds {
    let bulk: BulkImport
    let reader: AddRowReader
    var subject: SubjectKind { reader.subject }
    /// The entry columns an add of this kind sets.
    var fields: [String] { reader.fields }
    var db: Session { bulk.db }

    init(_ bulk: BulkImport) {
        self.bulk = bulk
        reader = AddRowReader(bulk.kind, ledger: bulk.ledger, context: bulk.context)
    }

    typealias Staged = AddRowReader.Staged

    private static let base = ["seg", "pcol", "preason", "code", "akey", "due", "link", "lkind", "eff", "quote", "note", "given"]

    func run(_ meter: ImportProgress) throws -> BulkImport.Outcome {
        let columns = Self.base + fields
        try db.execute(sql: """
            DROP TABLE IF EXISTS temp.bulk_rows;
            CREATE TEMP TABLE bulk_rows (line INTEGER PRIMARY KEY, \(columns.joined(separator: ", ")));
            """)
        let insert = try RawStatement(db, "INSERT INTO temp.bulk_rows (line, \(columns.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: columns.count + 1).joined(separator: ", ")))")
        let references = ReferenceCache(db: db)
        try bulk.forEachRow(meter, share: 0.5) { record in
            var staged = reader.blank()
            if let problem = bulk.header.extraColumns(record) {
                staged.segment = 0
                staged.problem = problem
            } else {
                let row = ImportRow(line: record.line, fields: record.fields, layout: bulk.header.layout)
                var segment = 0
                do {
                    try reader.read(row, into: &staged, segment: &segment, references)
                } catch {
                    staged.segment = segment
                    staged.problem = try BulkImport.problem(error, line: row.line)
                }
            }
            var arguments: [DatabaseValue] = [
                record.line.databaseValue, staged.segment?.databaseValue ?? .null, staged.problem?.column.databaseValue ?? .null,
                staged.problem?.reason.databaseValue ?? .null, staged.code?.databaseValue ?? .null, staged.name?.databaseValue ?? .null,
                staged.due?.databaseValue ?? .null, staged.link?.databaseValue ?? .null, staged.linkKind?.rawValue.databaseValue ?? .null,
                staged.on?.databaseValue ?? .null, staged.quote?.databaseValue ?? .null, staged.note?.databaseValue ?? .null,
                staged.given.databaseValue,
            ]
            arguments.append(contentsOf: staged.values)
            try insert.execute(arguments)
        }
        bulk.lap("read")
        try decide()
        bulk.lap("decide")
        if try conflicts() { return .fallback }
        bulk.lap("conflicts")
        try compareSkipped()
        bulk.lap("compare")
        let problems = try reportProblems()
        let counts = try SessionRow.fetchOne(db, sql: """
            SELECT count(*) FILTER (WHERE outcome = 'A'), count(*) FILTER (WHERE outcome = 'S') FROM temp.bulk_decided
            """)
        let added: Int = counts?[0] ?? 0, skipped: Int = counts?[1] ?? 0
        // Nothing after this file needs the rows of an import that fails or is only tried.
        if added > 0, bulk.laterFiles || (problems == 0 && !bulk.dryRun) {
            guard try write(added: added, meter) else { return .fallback }
        }
        meter.advance(0.5 * Double(bulk.rows))
        return .done(added: added, skipped: skipped)
    }

    // MARK: - The ledger's checks, in SQL

    /// The current spans of the kind (alias s).
    private var current: String { "s.recorded_to IS NULL AND s.valid_to IS NULL" }

    /// "Already there": by code when the row gives one, else by what names it.
    private var alreadyThere: String {
        let layout = SpanLayout.of(subject)
        let byCode = """
            EXISTS (SELECT 1 FROM \(subject.table) x JOIN \(layout.table) s ON s.\(layout.key) = x.id AND \(current)
                    WHERE x.code = r.code COLLATE NOCASE)
            """
        let byName: String
        switch subject {
        case .tenant:
            byName = "EXISTS (SELECT 1 FROM tenant_span s WHERE \(current) AND s.name = r.akey AND s.park_id = r.link)"
        case .milestone:
            let branches = [SubjectKind.project, .parcel, .park, .tenant].map { kind in
                """
                WHEN '\(kind.rawValue)' THEN EXISTS (SELECT 1 FROM milestone_span s WHERE \(current) AND s.\(kind.foreignKey) = r.link
                    AND s.title = r.akey AND s.original_due_text = r.due)
                """
            }
            byName = "CASE r.lkind \(branches.joined(separator: " ")) END"
        default:
            byName = "EXISTS (SELECT 1 FROM \(layout.table) s WHERE \(current) AND s.name = r.akey)"
        }
        return "CASE WHEN r.code IS NOT NULL THEN \(byCode) ELSE \(byName) END"
    }

    /// The check between segments 1 and 2, true when it refuses: the name is taken; for a
    /// milestone, its subject entered the ledger after the milestone's day.
    private var stepRefuses: String {
        switch subject {
        case .milestone:
            let branches = [SubjectKind.project, .parcel, .park, .tenant].map { kind in
                """
                WHEN '\(kind.rawValue)' THEN (SELECT valid_from FROM \(kind.rawValue)_span WHERE \(kind.foreignKey) = r.link
                    AND recorded_to IS NULL ORDER BY valid_from LIMIT 1) > r.eff
                """
            }
            return "CASE r.lkind \(branches.joined(separator: " ")) END"
        case .tenant:
            return "EXISTS (SELECT 1 FROM tenant_span s WHERE s.name = r.akey AND \(current) AND s.park_id = r.link)"
        default:
            return "EXISTS (SELECT 1 FROM \(SpanLayout.of(subject).table) s WHERE s.name = r.akey AND \(current))"
        }
    }

    /// Each row's outcome against the ledger as the file found it: A added, S skipped (already
    /// there), P refused by its own cells (segment `seg`), N refused by the step between segments 1
    /// and 2, C refused because its code is taken. `reach`: the last check the row got to.
    private func decide() throws {
        try db.execute(sql: """
            DROP TABLE IF EXISTS temp.bulk_decided;
            CREATE TEMP TABLE bulk_decided (line INTEGER PRIMARY KEY, outcome TEXT NOT NULL, reach INTEGER NOT NULL);
            INSERT INTO temp.bulk_decided (line, outcome, reach)
            SELECT line, outcome, CASE outcome WHEN 'P' THEN seg WHEN 'S' THEN 1 WHEN 'N' THEN 2 WHEN 'C' THEN 3 ELSE 4 END
            FROM (SELECT r.line, r.seg, CASE
                    WHEN r.seg = 0 THEN 'P'
                    WHEN \(alreadyThere) THEN CASE WHEN r.seg IS NULL THEN 'S' ELSE 'P' END
                    WHEN r.seg = 1 THEN 'P'
                    WHEN \(stepRefuses) THEN 'N'
                    WHEN r.seg = 2 THEN 'P'
                    WHEN r.code IS NOT NULL AND EXISTS (SELECT 1 FROM \(subject.table) x WHERE x.code = r.code COLLATE NOCASE) THEN 'C'
                    WHEN r.seg IS NOT NULL THEN 'P'
                    ELSE 'A' END AS outcome
                  FROM temp.bulk_rows r);
            """)
        // The codes of the rows written (refused ones after segment 4 too, as the row path writes
        // them): the file's own, else the next free number, as CodeCounter hands them out in order.
        let prefix = subject.codePrefix
        let numeric = { (column: String) in
            "CASE WHEN \(column) GLOB '\(prefix)[0-9]*' AND substr(\(column), 2) NOT GLOB '*[^0-9]*' AND length(\(column)) <= \(prefix.count + CodeCounter.maxDigits) THEN CAST(substr(\(column), 2) AS INTEGER) END"
        }
        let highest = try Int64.fetchOne(db, sql: "SELECT max(\(numeric("code"))) FROM \(subject.table)") ?? 0
        try db.execute(sql: """
            DROP TABLE IF EXISTS temp.bulk_inserting;
            CREATE TEMP TABLE bulk_inserting (line INTEGER PRIMARY KEY, code TEXT NOT NULL, generated INTEGER NOT NULL, rank INTEGER);
            INSERT INTO temp.bulk_inserting (line, code, generated, rank)
            SELECT line, coalesce(code, '\(prefix)' || (taken + max(:highest, coalesce(top, :highest)))), code IS NULL,
                   CASE WHEN accepted THEN sum(accepted) OVER (ORDER BY line ROWS UNBOUNDED PRECEDING) END
            FROM (SELECT *, max(number - taken) OVER (ORDER BY line ROWS UNBOUNDED PRECEDING) AS top
                  FROM (SELECT *, sum(code IS NULL) OVER (ORDER BY line ROWS UNBOUNDED PRECEDING) AS taken
                        FROM (SELECT r.line, r.code, \(numeric("r.code")) AS number, d.outcome = 'A' AS accepted
                              FROM temp.bulk_rows r JOIN temp.bulk_decided d USING (line) WHERE d.reach = 4)))
            ORDER BY line;
            """, arguments: ["highest": highest])
    }

    /// Whether two rows of the file could meet: the row path would then check one against the
    /// other, which the checks above, against the ledger alone, do not. A row skipped because the
    /// ledger has it stays skipped whatever the file adds, and adds nothing; a row meets another
    /// only through one the file writes.
    private func conflicts() throws -> Bool {
        // One code twice among the rows that got as far as "already there", one of them written.
        if try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM (SELECT upper(r.code) AS c, d.reach = 4 AS written
                                          FROM temp.bulk_rows r JOIN temp.bulk_decided d USING (line)
                                          WHERE r.code IS NOT NULL AND d.reach >= 1 AND d.outcome <> 'S'
                                          UNION ALL SELECT upper(code), 1 FROM temp.bulk_inserting WHERE generated)
                           GROUP BY c HAVING count(*) > 1 AND max(written) = 1)
            """) == true { return true }
        // A handed-out code the ledger has in another case (p12 for P12).
        if try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM temp.bulk_inserting i JOIN \(subject.table) x ON x.code = i.code COLLATE NOCASE WHERE i.generated)
            """) == true { return true }
        // One name (a milestone: subject, title and due) twice among the rows compared by it, one of them added.
        // A milestone is compared by content only when the row gives no code; a name must be free
        // for every row that gets that far.
        let key: String, compared: String, meets: String
        switch subject {
        case .milestone:
            key = "r.lkind, r.link, r.akey, r.due"
            compared = "(d.reach >= 1 AND r.code IS NULL) OR d.outcome = 'A'"
            meets = "sum(d.reach >= 1 AND r.code IS NULL) >= 1"
        case .tenant:
            key = "r.akey, r.link"
            compared = "(d.reach >= 1 AND r.code IS NULL) OR d.reach >= 2"
            meets = "1"
        default:
            key = "r.akey"
            compared = "(d.reach >= 1 AND r.code IS NULL) OR d.reach >= 2"
            meets = "1"
        }
        return try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM temp.bulk_rows r JOIN temp.bulk_decided d USING (line)
                           WHERE (\(compared)) AND d.outcome <> 'S'
                           GROUP BY \(key) HAVING count(*) > 1 AND max(d.outcome = 'A') = 1 AND \(meets))
            """) == true
    }

    /// A row that names a subject already there is skipped only when it is what that subject's add
    /// recorded: each is compared by the row path's own rule, and a difference is its refusal.
    private func compareSkipped() throws {
        let rows = try SessionRow.fetchCursor(db, sql: """
            SELECT r.* FROM temp.bulk_rows r JOIN temp.bulk_decided d USING (line) WHERE d.outcome = 'S' ORDER BY r.line
            """)
        let layout = bulk.header.layout
        while let row = try rows.next() {
            var staged = reader.blank()
            staged.code = row["code"]
            staged.name = row["akey"]
            staged.due = row["due"]
            staged.link = row["link"]
            staged.linkKind = (row["lkind"] as String?).flatMap(SubjectKind.init(rawValue:))
            staged.on = (row["eff"] as String?).flatMap(Day.init(iso:))
            staged.quote = row["quote"]
            staged.note = row["note"]
            staged.given = row["given"]
            staged.values = fields.map { row[$0] as DatabaseValue }
            guard let id = try reader.matched(staged, in: db) else { continue }
            if let problem = try reader.conflict(staged, subject: id, line: row["line"], header: layout.header, in: db) {
                try bulk.problem(problem.line, problem.column, problem.reason)
            }
        }
    }

    /// The refused rows' problems, in the row path's words: a cell's as read, the ledger's checks'
    /// from the very functions the row path calls (the ledger is still as the file found it).
    private func reportProblems() throws -> Int {
        try db.execute(sql: """
            INSERT INTO temp.bulk_problem (line, seq, col, reason)
            SELECT r.line, 0, r.pcol, r.preason FROM temp.bulk_rows r JOIN temp.bulk_decided d USING (line) WHERE d.outcome = 'P'
            """)
        let refused = try SessionRow.fetchAll(db, sql: """
            SELECT r.line, d.outcome, r.akey, r.code, r.link, r.lkind, r.eff FROM temp.bulk_rows r JOIN temp.bulk_decided d USING (line)
            WHERE d.outcome IN ('N', 'C') ORDER BY r.line
            """)
        for row in refused {
            let line: Int = row[0]
            do {
                if row[1] as String == "C" {
                    try Ledger.checkCodeFree(row[3], subject, in: db)
                } else if subject == .milestone {
                    guard let kind = SubjectKind(rawValue: row[5]), let on = Day(iso: row[6]) else { continue }
                    let about = try References.resolve(String(row[4] as Int64), kind: kind, in: db)
                    try bulk.ledger.checkEntryDay(on, for: about, context: bulk.context, in: db)
                } else {
                    try Ledger.checkNameFree(row[2], subject, park: subject == .tenant ? row[4] : nil, in: db)
                }
            } catch {
                let problem = try BulkImport.problem(error, line: line)
                try bulk.problem(line, problem.column, problem.reason)
            }
        }
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM temp.bulk_problem") ?? 0
    }

    // MARK: - Writing

    /// The added rows' subjects, their add entries (and a parcel's link on its project) and spans,
    /// with the ids the row path would give. False if the ledger refused a row after all.
    private func write(added: Int, _ meter: ImportProgress) throws -> Bool {
        let batch = try bulk.batches.shared(in: db)
        let table = subject.table
        let base = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM \(table)") ?? 0
        let entryBase = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM entry") ?? 0
        try db.execute(sql: """
            INSERT INTO \(table) (id, code, created_batch, quote)
            SELECT :base + i.rank, i.code, :command, r.quote FROM temp.bulk_inserting i JOIN temp.bulk_rows r USING (line)
            WHERE i.rank IS NOT NULL ORDER BY i.line
            """, arguments: ["base": base, "command": batch.command])
        // A parcel serving a project: after its add, an entry of the project's, effective when both exist.
        let links = subject == .parcel ? "(r.link IS NOT NULL)" : "0"
        let entryColumns = fields.joined(separator: ", ")
        do {
            try db.execute(sql: """
                INSERT INTO entry (id, batch_id, effective_on, action, \(subject.foreignKey), correction, note, \(entryColumns))
                SELECT :entries + n, :batch, r.eff, 'add', :base + i.rank, 0, r.note, \(fields.map { "r." + $0 }.joined(separator: ", "))
                FROM (SELECT i.*, sum(1 + \(links)) OVER (ORDER BY i.line ROWS UNBOUNDED PRECEDING) - \(links) AS n
                      FROM temp.bulk_inserting i JOIN temp.bulk_rows r USING (line) WHERE i.rank IS NOT NULL) i
                JOIN temp.bulk_rows r USING (line)
                ORDER BY i.line
                """, arguments: ["entries": entryBase, "batch": batch.id, "base": base])
            if subject == .parcel {
                try db.execute(sql: """
                    INSERT INTO entry (id, batch_id, effective_on, action, project_id, correction, note, set_parcel_id)
                    SELECT :entries + n + 1, :batch,
                           max(r.eff, coalesce((SELECT valid_from FROM project_span WHERE project_id = r.link AND recorded_to IS NULL
                                                ORDER BY valid_from LIMIT 1), r.eff)),
                           'edit', r.link, 0, '地块 ' || i.code || ' 服务此项目', :base + i.rank
                    FROM (SELECT i.*, sum(1 + \(links)) OVER (ORDER BY i.line ROWS UNBOUNDED PRECEDING) - \(links) AS n
                          FROM temp.bulk_inserting i JOIN temp.bulk_rows r USING (line) WHERE i.rank IS NOT NULL) i
                    JOIN temp.bulk_rows r USING (line)
                    WHERE r.link IS NOT NULL
                    ORDER BY i.line
                    """, arguments: ["entries": entryBase, "batch": batch.id, "base": base])
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            // A value the schema refuses that no check above caught: the row path says which row.
            return false
        }
        bulk.lap("write")
        // Each subject added has its add and nothing else: its one span, in SQL.
        try SpanPass.addSpans(subject, command: batch.command, entriesAfter: entryBase, in: db)
        bulk.lap("spans")
        if subject == .parcel {
            try SpanPass.prepareTouched(in: db)
            try db.execute(sql: "INSERT OR IGNORE INTO \(SpanPass.touched) (id) SELECT project_id FROM entry WHERE id > ? AND project_id IS NOT NULL",
                           arguments: [entryBase])
            try SpanPass(.project, command: batch.command, db: db).refreshAll()
        }
        return true
    }
}
