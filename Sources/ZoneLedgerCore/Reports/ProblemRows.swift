import GRDB

/// A problem to coordinate as it stood on a day: what, about which subject, who answers for it,
/// its deadline, and how it was resolved.
public struct ProblemLine: Sendable, Equatable {
    public var id: Int64
    public var code: String
    public var text: String
    public var subjectKind: SubjectKind
    public var subjectID: Int64
    public var subjectCode: String
    public var subjectName: String
    public var department: String?
    public var leader: String?
    public var state: ProblemState
    public var raisedOn: Day
    public var closedOn: Day?
    public var dueText: String?
    public var dueOn: Day?
    /// The latest note on the problem: how it was resolved, or where it stands.
    public var latestNote: String?

    /// Days past its deadline on a day, when open and past it (the deadline day itself is not late).
    public func daysOverdue(on day: Day) -> Int? {
        guard state == .open, let dueOn, dueOn < day else { return nil }
        return dueOn.days(until: day)
    }

    /// "土地指标未落实（经发局，期限2021年1月底）": how the sheet's 存在问题 column names it.
    public var briefText: String {
        let who = [department, leader].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "／")
        let parts = [who.isEmpty ? nil : who, dueText.map { "期限" + $0 }].compactMap { $0 }
        return parts.isEmpty ? text : "\(text)（\(parts.joined(separator: "，"))）"
    }
}

/// Problems on a day, each with its subject as it was that day: one query shape behind
/// `problem list`, `overdue --kind problem` and the sheet.
enum ProblemRows {
    static let raisedOrder = "s.raised_on, length(q.code), q.code"

    /// Spans valid on the view's day (alias `s`) that meet `filter`, in `order`.
    static func sql(_ view: Viewpoint, filter: String = PortableSQL.always, order: String = raisedOrder) -> String {
        let joins = LinkedSubject.joins(view), kindCase = LinkedSubject.kindCase
        return """
            SELECT q.id, q.code, s.title, CASE \(kindCase) END AS subject_kind,
              coalesce(s.project_id, s.parcel_id, s.park_id, s.tenant_id) AS subject_id,
              coalesce(cp.code, cl.code, cy.code, ce.code) AS subject_code,
              coalesce(np.name, nl.name, ny.name, ne.name) AS subject_name,
              s.department, s.leader, s.state, s.raised_on, s.closed_on, s.due_text, s.due_on, qn.note
            FROM problem_span s JOIN problem q ON q.id = s.problem_id
              \(joins)
              LEFT JOIN entry qn ON qn.id = s.note_entry
            WHERE \(view.valid("s")) AND \(filter)
            ORDER BY \(order)
            """
    }

    static func lines(_ view: Viewpoint, filter: String = PortableSQL.always, order: String = raisedOrder, arguments: SQLArguments = [:],
                      in db: Session) throws -> [ProblemLine] {
        try SessionRow.fetchAll(try db.cachedStatement(sql: sql(view, filter: filter, order: order)), arguments: view.arguments + arguments).map { row in
            ProblemLine(id: row[0], code: row[1], text: row[2], subjectKind: SubjectKind(rawValue: row[3]) ?? .project, subjectID: row[4],
                        subjectCode: row[5] ?? "", subjectName: row[6] ?? "", department: row[7], leader: row[8],
                        state: ProblemState(rawValue: row[9]) ?? .open, raisedOn: row[10], closedOn: row[11],
                        dueText: row[12], dueOn: row[13], latestNote: row[14])
        }
    }
}

extension Ledger {
    /// Problems as they stood on a day (every one raised by then, or only the open ones), for
    /// `problem list`; `subject` narrows to one project, parcel, park or tenant.
    public func listProblems(_ asOf: AsOf, openOnly: Bool = false, subject: (kind: SubjectKind, ref: String)? = nil) throws -> Table {
        try read(at: asOf) { db, view in
            var conditions = openOnly ? ["s.state = 'open'"] : []
            var arguments: SQLArguments = [:]
            if let subject {
                let found = try References.resolve(subject.ref, kind: subject.kind, in: db)
                conditions.append("s.\(subject.kind.foreignKey) = :subject")
                arguments = ["subject": found.id]
            }
            let lines = try ProblemRows.lines(view, filter: PortableSQL.all(conditions), arguments: arguments, in: db)
            return ProblemTables.table(lines, on: view.day)
        }
    }

    /// Open problems past their deadline on a day, most overdue first: `overdue`'s own part. With a
    /// park: the park's own, its projects' and its tenants' (as they were on the day).
    static func overdueProblems(_ view: Viewpoint, park: Int64? = nil, in db: Session) throws -> [ProblemLine] {
        let filter = "s.state = 'open' AND s.due_on < :day" + (park == nil ? "" : " AND (s.park_id = :park OR np.park_id = :park OR ne.park_id = :park)")
        return try ProblemRows.lines(view, filter: filter, order: "s.due_on, " + ProblemRows.raisedOrder, arguments: ["park": park], in: db)
    }
}

/// How problems are shown as tables, the same in `problem list`, `overdue` and the sheet.
public enum ProblemTables {
    static let columns = [
        Column("code", "编号", "Code"), Column("problem", "存在问题", "Problem"), Column("subject", "对象", "Subject"),
        Column("department", "责任单位", "Department"), Column("leader", "挂钩领导", "Leader"),
        Column("raised_on", "提出日期", "Raised"), Column("due_text", "期限(原话)", "Deadline (as written)"),
        Column("due_on", "期限", "Deadline"), Column("state", "状态", "State", choice: true),
        Column("days_overdue", "逾期天数", "Days overdue", numeric: true),
        Column("closed_on", "解决日期", "Resolved"), Column("latest_note", "解决情况/最新进展", "Resolution / latest note"),
    ]

    static func subjectText(_ line: ProblemLine) -> String {
        "\(line.subjectKind.label) \(line.subjectCode) \(line.subjectName)"
    }

    static func cells(_ line: ProblemLine, on day: Day) -> [Cell] {
        [.text(line.code), .text(line.text), .text(subjectText(line)), .optional(line.department), .optional(line.leader),
         .day(line.raisedOn), .optional(line.dueText), .optional(line.dueOn), .choice(line.state),
         .optional(line.daysOverdue(on: day)), .optional(line.closedOn), .optional(line.latestNote)]
    }

    static func table(_ lines: [ProblemLine], on day: Day) -> Table {
        Table(columns: columns, rows: lines.map { cells($0, on: day) })
    }
}
