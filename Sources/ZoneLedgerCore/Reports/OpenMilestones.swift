import GRDB

/// The hot path behind `overdue` and the sheet: open milestones as of `:day`, their state rebuilt
/// from the entries, found through indexes only. Candidates come from `milestone_due` (first
/// promised in the window) and `entry_reschedule` (moved by the day, possibly into the window);
/// every correlated subquery is a seek on `entry_milestone` or a subject's entry index. So the work
/// grows with the milestones due in the window, never with the whole history.
/// `scripts/bench/overdue.sql` is this query with its parameters written in; a test keeps them equal.
enum OpenMilestones {
    /// "2021-01-05done": the latest done, cancel or reopen by the day; the first ten characters are its day.
    static func closing(_ m: String = "m") -> String {
        """
        (SELECT effective_on || action FROM live_entry WHERE milestone_id = \(m).id AND action IN ('done', 'cancel', 'reopen') \
        AND effective_on <= :day ORDER BY effective_on DESC, id DESC LIMIT 1)
        """
    }

    /// "2021-03-31年底前": the latest reschedule by the day, its new due day then its words.
    static func moved(_ m: String = "m") -> String {
        """
        (SELECT due_on || due_text FROM live_entry WHERE milestone_id = \(m).id AND action = 'reschedule' \
        AND effective_on <= :day ORDER BY effective_on DESC, id DESC LIMIT 1)
        """
    }

    /// Open (never closed, or reopened last) by the day.
    static func isOpen(_ closing: String) -> String { "coalesce(substr(\(closing), 11), 'reopen') = 'reopen'" }

    /// The milestone had been set by the day.
    static func existed(_ m: String = "m") -> String {
        "EXISTS (SELECT 1 FROM live_entry WHERE milestone_id = \(m).id AND action = 'add' AND effective_on <= :day)"
    }

    /// Milestones that may fall due between :from and :to: first promised then, or moved by the day.
    static let candidates = """
        (m.due_on BETWEEN :from AND :to \
        OR m.id IN (SELECT milestone_id FROM entry WHERE action = 'reschedule' AND effective_on <= :day))
        """

    /// "2020-11-30000000000000042说明": the latest note about the milestone or its subject by the day;
    /// day and zero-padded id first, so the greater string is the later entry.
    static let latestNoted: String = {
        func key(_ column: String, _ value: String) -> String {
            """
            (SELECT effective_on || printf('%015d', id) || note FROM live_entry WHERE \(column) = \(value) \
            AND note IS NOT NULL AND effective_on <= :day ORDER BY effective_on DESC, id DESC LIMIT 1)
            """
        }
        let subject = SubjectKind.allCases.filter { $0 != .milestone }
            .map { "WHEN m.\($0.foreignKey) IS NOT NULL THEN \(key($0.foreignKey, "m.\($0.foreignKey)"))" }.joined(separator: " ")
        return "(SELECT max(k) FROM (SELECT \(key("milestone_id", "m.id")) AS k UNION ALL SELECT CASE \(subject) END))"
    }()

    /// Open milestones whose due day (as moved by the day) lies in :from…:to, earliest due first,
    /// then by code as people count (M2 before M10): most overdue first.
    static func sql(where filter: String = "1") -> String {
        """
        SELECT m.id, m.code, m.title, m.due_on, m.due_text, s.moved,
          (SELECT count(*) FROM live_entry WHERE milestone_id = m.id AND action = 'reschedule' AND effective_on <= :day) AS reschedules,
          CASE WHEN m.project_id IS NOT NULL THEN 'project' WHEN m.parcel_id IS NOT NULL THEN 'parcel'
               WHEN m.park_id IS NOT NULL THEN 'park' ELSE 'tenant' END AS subject_kind,
          coalesce(m.project_id, m.parcel_id, m.park_id, m.tenant_id) AS subject_id,
          coalesce(p.code, l.code, y.code, t.code) AS subject_code, coalesce(p.name, l.name, y.name, t.name) AS subject_name,
          coalesce(p.department, m.department) AS responsible, \(latestNoted) AS latest
        FROM (SELECT m.id, \(closing()) AS closing, \(moved()) AS moved FROM milestone m
              WHERE \(candidates) AND \(existed())) s
          JOIN milestone m ON m.id = s.id
          LEFT JOIN project p ON p.id = m.project_id LEFT JOIN parcel l ON l.id = m.parcel_id
          LEFT JOIN park y ON y.id = m.park_id LEFT JOIN tenant t ON t.id = m.tenant_id
        WHERE \(isOpen("s.closing")) AND coalesce(substr(s.moved, 1, 10), m.due_on) BETWEEN :from AND :to AND \(filter)
        ORDER BY coalesce(substr(s.moved, 1, 10), m.due_on), length(m.code), m.code
        """
    }

    /// How many open milestones fall due in :from…:to, by the same rules as `sql`.
    static let countSQL = """
        SELECT count(*) FROM (SELECT \(closing()) AS closing, \(moved()) AS moved, m.due_on FROM milestone m
                              WHERE \(candidates) AND \(existed())) s
        WHERE \(isOpen("s.closing")) AND coalesce(substr(s.moved, 1, 10), s.due_on) BETWEEN :from AND :to
        """

    /// The open milestone due first among those `where` picks (say, one project's), as
    /// `n.id = (…)` for a join: its subject's next milestone.
    static func next(where condition: String) -> String {
        """
        (SELECT m.id FROM milestone m WHERE \(condition) AND \(existed()) AND \(isOpen(closing()))
         ORDER BY coalesce(substr(\(moved()), 1, 10), m.due_on), m.id LIMIT 1)
        """
    }

    /// Filters by subject kind and park: a park's own milestones, its tenants', its projects',
    /// and those of its projects' parcels.
    static func filter(kind: SubjectKind?, park: Int64?) -> String {
        var conditions = ["1"]
        if let kind { conditions.append("m.\(kind.foreignKey) IS NOT NULL") }
        if park != nil {
            conditions.append("""
                (m.park_id = :park OR t.park_id = :park OR p.park_id = :park
                 OR m.parcel_id IN (SELECT parcel_id FROM project WHERE park_id = :park AND parcel_id IS NOT NULL))
                """)
        }
        return conditions.joined(separator: " AND ")
    }

    static func arguments(day: Day, from: Day?, to: Day, park: Int64? = nil) -> StatementArguments {
        ["day": day, "from": from?.iso ?? "0000-01-01", "to": to, "park": park]
    }

    /// Rows of `sql`, one at a time, as lines: nothing is held but the line in hand.
    static func each(_ sql: String, _ arguments: StatementArguments, asOf day: Day, edits: EditOverrides,
                     in db: Database, _ body: (MilestoneLine) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            try body(line(row, asOf: day, edits: edits))
        }
    }

    /// Columns by position, in `sql`'s order: a name lookup per cell costs more than the row.
    static func line(_ row: Row, asOf day: Day, edits: EditOverrides) -> MilestoneLine {
        let moved: String? = row[5]
        let originalDue: Day = row[3], originalText: String = row[4]
        let due = moved.flatMap { Day(iso: String($0.prefix(10))) } ?? originalDue
        let kind = SubjectKind(rawValue: row[7]) ?? .project
        // The latest note's key: day (10), id (15), then the note.
        let latest: String? = row[12]
        let latestOn = latest.flatMap { Day(iso: String($0.prefix(10))) }
        let milestone = SubjectID(kind: .milestone, id: row[0]), subject = SubjectID(kind: kind, id: row[8])
        return MilestoneLine(
            code: row[1], title: edits.text(milestone, "title", row[2]) ?? "", subjectKind: kind,
            subjectCode: row[9], subjectName: edits.text(subject, "name", row[10]) ?? "",
            dueText: moved.map { String($0.dropFirst(10)) } ?? originalText, dueOn: due,
            originalDueText: originalText, originalDueOn: originalDue, reschedules: row[6],
            daysOverdue: due.days(until: day), latestOn: latestOn, latestNote: latest.map { String($0.dropFirst(25)) },
            department: row[11])
    }
}
