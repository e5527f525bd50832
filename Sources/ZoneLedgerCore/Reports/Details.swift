import GRDB

/// One subject shown whole, as it stood on a day: its fields (from its kind's field list),
/// milestones, history and source. Before the subject existed there is nothing to show.
extension Ledger {
    public func show(_ ref: String, kind: SubjectKind, asOf day: Day) throws -> Detail {
        try show(ref, kind: kind, AsOf(day))
    }

    public func show(_ ref: String, kind: SubjectKind, _ asOf: AsOf) throws -> Detail {
        try read(at: asOf) { db, view in
            let subject = try References.resolve(ref, kind: kind, in: db)
            let layout = SpanLayout.of(kind)
            guard let row = try SessionRow.fetchOne(db, sql: """
                SELECT \(SpanStore.selection(layout, alias: "s")) FROM \(kind.table) r \(view.span(kind, "s", of: "r.id")) WHERE r.id = :id
                """, arguments: view.arguments + ["id": subject.id]) else {
                let created = try SpanStore.createdOn(subject.subjectID, in: db)
                if let created, created <= view.day, let recorded = asOf.recorded {
                    throw LedgerError.data("按\(recorded.iso)时账本中的记录，\(kind.label)\(subject.listing)还没有记入账本")
                }
                throw LedgerError.data("\(kind.label)\(subject.listing)于\(created?.iso ?? "之后")记入账本，\(view.day.iso)时还不存在")
            }
            let span = SpanStore.decode(row, layout).span
            let link = { (kind: SubjectKind, id: Int64) in Self.linked(kind, id, view, in: db) }
            var fields: [(Column, Cell)] = [(Column("code", "编号"), .text(subject.code))]
            if kind == .milestone {
                fields += try milestoneFields(span.state, view, in: db)
            } else if kind == .problem {
                fields += try Self.problemFields(subject.id, view, in: db)
            } else {
                fields += kind.fields.map { ($0.column, $0.cell(span.state[layout, $0.spanColumn], link: link)) }
                fields += Self.statusFields(kind, span.state, layout)
            }
            fields.append((Column("created_on", "记入账本"), .optional(try SpanStore.createdOn(subject.subjectID, in: db))))
            fields.append((Column("latest_on", "最近记录"), .day(span.from)))
            var sections: [Detail.Section] = []
            switch kind {
            case .parcel:
                let projects = try Self.projectsByParcel(view, withNames: true, in: db)[subject.id] ?? []
                fields.insert((Column("projects", "项目"), projects.isEmpty ? .empty : .text(projects.joined(separator: "、"))), at: fields.count - 2)
            case .project:
                // Beside the planned days, the actual ones: the first day its stage reached 开工
                // (or beyond) and 竣工 (or beyond), from its spans as the view knows them.
                let actual = try Self.actualDays(subject.id, view, in: db)
                let at = (fields.firstIndex { $0.0.key == "planned_completion" } ?? fields.count - 1) + 1
                fields.insert(contentsOf: [(Column("actual_start", "实际开工"), .optional(actual.start)),
                                           (Column("actual_completion", "实际竣工"), .optional(actual.completion))], at: at)
            case .park:
                sections.append(.init(key: "tenants", label: "在册企业", table: try Self.tenantTable(park: subject.id, view, in: db)))
                let figures = try SessionRow.fetchAll(db, sql: """
                    SELECT f.*, ys.name AS park_name FROM figure f \(view.span(.park, "ys", of: "f.park_id", join: "LEFT JOIN"))
                    WHERE f.park_id = :id AND \(view.liveFigure("f")) ORDER BY f.id
                    """, arguments: view.arguments + ["id": subject.id])
                sections.append(.init(key: "figures", label: "报告数据", table: Table(columns: Self.figureColumns, rows: figures.map(Self.figureRow))))
            default:
                break
            }
            if !kind.isAboutSubject {
                sections.append(.init(key: "milestones", label: "节点", table: try Self.milestones(view, state: nil, subject: subject.subjectID, in: db)))
                let problems = try ProblemRows.lines(view, filter: "s.\(kind.foreignKey) = :subject", arguments: ["subject": subject.id], in: db)
                sections.append(.init(key: "problems", label: "存在问题", table: ProblemTables.table(problems, on: view.day)))
            }
            var upToTheDay = HistoryQuery()
            upToTheDay.until = view.day
            sections.append(.init(key: "history", label: "历史记录", table: try Self.history(upToTheDay, subject: subject, in: db)))
            let quote = try String.fetchOne(db, sql: "SELECT quote FROM \(kind.table) WHERE id = ?", arguments: [subject.id])
            fields.append((Column("quote", "报告原文"), quote.map { .list($0.components(separatedBy: "\n")) } ?? .empty))
            return Detail(title: "\(kind.label) \(subject.code) \(String.fromDatabaseValue(span.state[layout, kind.nameField.spanColumn]) ?? subject.name)",
                          fields: fields, sections: sections)
        }
    }

    public func showFigure(_ ref: String) throws -> Detail {
        try read { db in
            guard let row = try SessionRow.fetchOne(db, sql: """
                SELECT f.*, ys.name AS park_name FROM live_figure f
                  LEFT JOIN park_span ys ON ys.park_id = f.park_id AND ys.recorded_to IS NULL AND ys.valid_to IS NULL
                WHERE f.code = ? COLLATE NOCASE
                """, arguments: [ref.trimmingCharacters(in: .whitespaces)]) else {
                throw LedgerError.data("找不到数据“\(ref)”：请用 figure list 查看编号（如 F1）")
            }
            var fields = Array(zip(Self.figureColumns, Self.figureRow(row)))
            fields.append((Column("quote", "报告原文"), (row["quote"] as String?).map { .list($0.components(separatedBy: "\n")) } ?? .empty))
            return Detail(title: "数据 \(row["code"] as String) \(row["metric"] as String)", fields: fields, sections: [])
        }
    }

    /// A problem's fields as `problem list` shows them, but one per line.
    private static func problemFields(_ id: Int64, _ view: Viewpoint, in db: Session) throws -> [(Column, Cell)] {
        guard let line = try ProblemRows.lines(view, filter: "s.problem_id = :id", arguments: ["id": id], in: db).first else { return [] }
        return Array(zip(ProblemTables.columns, ProblemTables.cells(line, on: view.day)).dropFirst())
    }

    /// Stage, progress or status, after the descriptive fields.
    private static func statusFields(_ kind: SubjectKind, _ state: SpanState, _ layout: SpanLayout) -> [(Column, Cell)] {
        switch kind {
        case .project:
            return [(Column("stage", "阶段", choice: true), choice(ProjectStage.self, String.fromDatabaseValue(state[layout, "stage"]))),
                    (Column("progress", "进度%", numeric: true), .optional(Int64.fromDatabaseValue(state[layout, "progress"])))]
        case .parcel:
            return [(Column("status", "状态", choice: true), choice(ParcelStatus.self, String.fromDatabaseValue(state[layout, "status"])))]
        case .tenant:
            return [(Column("status", "状态", choice: true), choice(TenantStatus.self, String.fromDatabaseValue(state[layout, "status"])))]
        default:
            return []
        }
    }

    private func milestoneFields(_ state: SpanState, _ view: Viewpoint, in db: Session) throws -> [(Column, Cell)] {
        let layout = SpanLayout.milestone
        let status = MilestoneStatus(state)
        let about = try MilestoneSubject(state, view, in: db)
        let value = { (column: String) in state[layout, column] }
        return [
            (Column("subject", "对象"), .text(about.listing)),
            (Column("title", "节点"), .optional(String.fromDatabaseValue(value("title")))),
            (Column("due_text", "到期(原话)"), .text(status.dueText)), (Column("due_on", "到期日"), .day(status.due)),
            (Column("original_due_text", "原定到期(原话)"), .optional(String.fromDatabaseValue(value("original_due_text")))),
            (Column("original_due_on", "原定到期日"), .optional(Day.fromDatabaseValue(value("original_due_on")))),
            (Column("reschedules", "改期次数", numeric: true), .integer(Int64(status.reschedules))),
            (Column("state", "状态", choice: true), .choice(status.state)), (Column("closed_on", "完成/取消日"), .optional(status.closedOn)),
            (Column("department", "责任部门"), .optional(String.fromDatabaseValue(value("department")) ?? about.department)),
        ]
    }

    /// "Y5 __博通小微园" for a linked subject, named as it was on the day (its code alone if it did not exist then).
    static func linked(_ kind: SubjectKind, _ id: Int64, _ view: Viewpoint, in db: Session) -> String? {
        let row = try? SessionRow.fetchOne(db, sql: """
            SELECT r.code, s.\(kind.nameField.spanColumn) FROM \(kind.table) r \(view.span(kind, "s", of: "r.id", join: "LEFT JOIN")) WHERE r.id = :id
            """, arguments: view.arguments + ["id": id])
        guard let row, let code = row[0] as String? else { return nil }
        return (row[1] as String?).map { "\(code) \($0)" } ?? code
    }

    static func tenantTable(park: Int64, _ view: Viewpoint, in db: Session) throws -> Table {
        let rows = try SessionRow.fetchAll(db, sql: """
            SELECT t.code, s.name, s.status FROM tenant t \(view.span(.tenant, "s", of: "t.id"))
            WHERE s.park_id = :park ORDER BY t.id
            """, arguments: view.arguments + ["park": park])
        return Table(columns: [Column("code", "编号"), Column("name", "企业名称"), Column("status", "状态", choice: true)], rows: rows.map {
            [.text($0[0]), .text($0[1]), choice(TenantStatus.self, $0[2])]
        })
    }
}

/// The subject a milestone is about on a day: kind, code, name, and its department (a project's).
struct MilestoneSubject {
    let kind: SubjectKind
    let id: Int64
    let code: String
    let name: String
    let department: String?
    var listing: String { "\(code) \(name)" }

    init(_ state: SpanState, _ view: Viewpoint, in db: Session) throws {
        let layout = SpanLayout.milestone
        let link = [SubjectKind.project, .parcel, .park, .tenant].lazy.compactMap { kind in
            Int64.fromDatabaseValue(state[layout, kind.foreignKey]).map { (kind, $0) }
        }.first ?? (.project, 0)
        kind = link.0
        id = link.1
        let department = kind == .project ? "s.department" : "NULL"
        let row = try SessionRow.fetchOne(db, sql: """
            SELECT r.code, s.name, \(department) FROM \(kind.table) r \(view.span(kind, "s", of: "r.id", join: "LEFT JOIN")) WHERE r.id = :id
            """, arguments: view.arguments + ["id": id])
        code = row?[0] ?? ""
        name = row?[1] ?? ""
        self.department = row?[2]
    }
}

extension Ledger {
    /// The first day a project's stage was 开工 or later, and 竣工 or later, on or before the view's day.
    static func actualDays(_ project: Int64, _ view: Viewpoint, in db: Session) throws -> (start: Day?, completion: Day?) {
        func first(from stage: ProjectStage) throws -> Day? {
            let stages = ProjectStage.allCases.drop { $0 != stage }.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            return try Day.fetchOne(db, sql: """
                SELECT min(s.valid_from) FROM project_span s
                WHERE s.project_id = :id AND \(view.known("s")) AND s.valid_from <= :day AND s.stage IN (\(stages))
                """, arguments: view.arguments + ["id": project])
        }
        return (try first(from: .started), try first(from: .completed))
    }
}
