import GRDB

/// The subject a milestone or problem span (alias `s`) is about, as it was on the view's day: its
/// row as `cp`/`cl`/`cy`/`ce` and its span as `np`/`nl`/`ny`/`ne`, and its kind in words.
enum LinkedSubject {
    static let kinds = [SubjectKind.project, .parcel, .park, .tenant]

    static func joins(_ view: Viewpoint) -> String {
        kinds.map { kind in
            let code = "c" + kind.codePrefix.lowercased(), span = "n" + kind.codePrefix.lowercased()
            return "LEFT JOIN \(kind.table) \(code) ON \(code).id = s.\(kind.foreignKey) "
                + view.span(kind, span, of: "s.\(kind.foreignKey)", join: "LEFT JOIN")
        }.joined(separator: "\n  ")
    }

    static let kindCase = kinds.map { "WHEN s.\($0.foreignKey) IS NOT NULL THEN '\($0.rawValue)'" }.joined(separator: " ")
}

/// Milestones on a day, each with its subject as it was that day: one query shape behind the
/// milestone list, `overdue`, the due-soon list and the sheet. The milestones come from their spans
/// (alias `s`) through the index that serves the question asked; everything else on a row is an
/// index seek: the subject's code and span, and the latest notes.
enum MilestoneRows {
    /// Which spans: open and due in a range, or all of one subject's, or all.
    enum Source {
        case openDue(from: Day?, to: Day)
        case subject(SubjectID)
        case all
    }

    static func sql(_ source: Source, _ view: Viewpoint, filter: String = PortableSQL.always) -> String {
        var conditions: [String]
        switch source {
        case .openDue:
            conditions = ["s.state = 'open'", "s.due_on >= :from", "s.due_on <= :to"]
        case .subject(let subject):
            conditions = ["s.\(subject.kind.foreignKey) = :subject"]
        case .all:
            conditions = []
        }
        conditions.insert(view.valid("s"), at: 0)
        conditions.append(filter)
        let joins = LinkedSubject.joins(view), kindCase = LinkedSubject.kindCase
        return """
            SELECT m.id, m.code, s.title, s.due_on, s.due_text, s.original_due_on, s.original_due_text, s.reschedules,
              s.state, s.closed_on, CASE \(kindCase) END AS subject_kind,
              coalesce(cp.code, cl.code, cy.code, ce.code) AS subject_code,
              coalesce(np.name, nl.name, ny.name, ne.name) AS subject_name,
              coalesce(s.department, np.department) AS department,
              mn.effective_on, mn.id, mn.note, sn.effective_on, sn.id, sn.note, s.valid_from
            FROM milestone_span s JOIN milestone m ON m.id = s.milestone_id
              \(joins)
              LEFT JOIN entry mn ON mn.id = s.note_entry
              LEFT JOIN entry sn ON sn.id = coalesce(np.note_entry, nl.note_entry, ny.note_entry, ne.note_entry)
            WHERE \(PortableSQL.all(conditions))
            ORDER BY s.due_on, length(m.code), m.code
            """
    }

    static func arguments(_ view: Viewpoint, from: Day? = nil, to: Day? = nil, subject: SubjectID? = nil, park: Int64? = nil) -> SQLArguments {
        view.arguments + ["from": from?.iso ?? "0000-01-01", "to": to, "subject": subject?.id, "park": park]
    }

    /// Filters by subject kind and park: a park's own milestones, its tenants', its projects',
    /// and those of its projects' parcels, all as they were on the day.
    static func filter(kind: SubjectKind?, park: Int64?, _ view: Viewpoint) -> String {
        var conditions: [String] = []
        if let kind { conditions.append("s.\(kind.foreignKey) IS NOT NULL") }
        if park != nil {
            conditions.append("""
                (s.park_id = :park OR ne.park_id = :park OR np.park_id = :park
                 OR s.parcel_id IS NOT NULL AND EXISTS (SELECT 1 FROM project_span x WHERE x.parcel_id = s.parcel_id AND x.park_id = :park AND \(view.valid("x"))))
                """)
        }
        return PortableSQL.all(conditions)
    }

    /// Rows one at a time, as lines: nothing is held but the line in hand.
    static func each(_ sql: String, _ arguments: SQLArguments, asOf day: Day, in db: Session,
                     _ body: (MilestoneLine) throws -> Void) throws {
        let rows = try SessionRow.fetchCursor(try db.cachedStatement(sql: sql), arguments: arguments)
        while let row = try rows.next() { try body(line(row, asOf: day)) }
    }

    /// Columns by position, in `sql`'s order: a name lookup per cell costs more than the row.
    static func line(_ row: SessionRow, asOf day: Day) -> MilestoneLine {
        let due: Day = row[3]
        // The latest note about the milestone or its subject: the later entry (day, then id) wins.
        let own: (Day, Int64, String)? = (row[14] as Day?).map { ($0, row[15], row[16]) }
        let subject: (Day, Int64, String)? = (row[17] as Day?).map { ($0, row[18], row[19]) }
        let latest = [own, subject].compactMap { $0 }.max { ($0.0, $0.1) < ($1.0, $1.1) }
        let state = (row[8] as String?).flatMap(MilestoneState.init(rawValue:)) ?? .open
        return MilestoneLine(
            code: row[1], title: row[2], subjectKind: SubjectKind(rawValue: row[10]) ?? .project,
            subjectCode: row[11] ?? "", subjectName: row[12] ?? "",
            dueText: row[4], dueOn: due, originalDueText: row[6], originalDueOn: row[5], reschedules: row[7],
            daysOverdue: due.days(until: day), latestOn: latest?.0, latestNote: latest?.2, department: row[13],
            state: state, closedOn: row[9])
    }
}

extension Ledger {
    public func listMilestones(asOf day: Day, state: MilestoneState? = nil) throws -> Table {
        try listMilestones(AsOf(day), state: state)
    }

    public func listMilestones(_ asOf: AsOf, state: MilestoneState? = nil) throws -> Table {
        try read(at: asOf) { db, view in try Self.milestones(view, state: state, subject: nil, in: db) }
    }

    static func milestones(_ view: Viewpoint, state: MilestoneState?, subject: SubjectID?, in db: Session) throws -> Table {
        var lines: [MilestoneLine] = []
        let filter = state.map { "s.state = '\($0.rawValue)'" } ?? PortableSQL.always
        try MilestoneRows.each(MilestoneRows.sql(subject.map { .subject($0) } ?? .all, view, filter: filter),
                               MilestoneRows.arguments(view, subject: subject), asOf: view.day, in: db) { lines.append($0) }
        return Table(columns: [
            Column("code", "编号"), Column("subject", "对象"), Column("title", "节点"),
            Column("due_text", "到期(原话)"), Column("due_on", "到期日"), Column("state", "状态", choice: true),
            Column("reschedules", "改期", numeric: true), Column("original_due_on", "原定到期"), Column("closed_on", "完成/取消日"),
        ], rows: lines.map { line in
            [.text(line.code), .text("\(line.subjectCode) \(line.subjectName)"), .text(line.title),
             .text(line.dueText), .day(line.dueOn), .choice(line.state), .integer(Int64(line.reschedules)),
             line.reschedules > 0 ? .day(line.originalDueOn) : .empty, .optional(line.closedOn)]
        })
    }
}
