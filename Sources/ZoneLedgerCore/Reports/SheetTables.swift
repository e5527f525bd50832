import GRDB

/// The project table: grouped by kind as it was on the day, with the month's entries, the next
/// milestone and a health mark, streamed: one query, each row complete as it comes.
public enum SheetProjects {
    /// A 小计 or 合计 row: in the projects table the rows with no code, elsewhere a row that opens
    /// with the 合计 choice. Renderers style them.
    public static func isSum(_ row: [Cell], _ columns: [Column]) -> Bool {
        if case .choice(key: "total", _)? = row.first { return true }
        guard let code = columns.firstIndex(where: { $0.key == "code" }), columns.contains(where: { $0.key == "plan_wan" }) else { return false }
        return row[code] == .empty
    }


    static func section(_ view: Viewpoint, notes: SheetNotes, investment: SheetInvestment, problems: SheetProblems,
                        in db: Session) -> StreamSection {
        let horizon = view.day.adding(days: Ledger.warningDays)
        let columns = [
            Column("seq", "序号", "No.", numeric: true), Column("code", "编号", "Code"), Column("name", "项目名称", "Project"),
            Column("kind", "类别", "Kind", choice: true), Column("scope", "建设内容及规模", "Scope"),
            Column("investment_wan", "总投资(万元)", "Investment (10k yuan)", numeric: true),
            Column("plan_wan", "\(investment.month.year)年计划投资(万元)", "Annual plan (10k yuan)", numeric: true),
            Column("month_wan", "本月完成投资(万元)", "Invested this month (10k yuan)", numeric: true),
            Column("ytd_wan", investment.yearToDateLabel, "Invested this year (10k yuan)", numeric: true),
            Column("plan_percent", "完成年度计划%", "Of plan %", numeric: true),
            Column("total_wan", "开工累计完成投资(万元)", "Invested since start (10k yuan)", numeric: true),
            Column("total_percent", "占总投资%", "Of investment %", numeric: true),
            Column("stage", "形象进度", "Stage", choice: true), Column("progress", "进度%", "Progress %", numeric: true),
            Column("plan_image", "年度形象进度计划", "Planned this year"),
            Column("month_notes", "本月进展", "This month"), Column("next_milestone", "下一节点", "Next milestone"),
            Column("problems", "存在问题", "Problems"),
            Column("responsible", "责任单位/挂钩领导", "Department / leader"),
            Column("status", "状态", "Status", choice: true),
        ]
        // A kind's 小计 and the 合计: sums in the money columns, their percentages, nothing else.
        func sumRow(_ label: String, kind: Cell, _ sums: InvestmentSums) -> [Cell] {
            [.empty, .empty, .text(label), kind, .empty, moneyCell(sums.investment), moneyCell(sums.plan), moneyCell(sums.month),
             moneyCell(sums.yearToDate), SheetInvestment.percent(sums.yearToDate, of: sums.plan), moneyCell(sums.total),
             SheetInvestment.percent(sums.total, of: sums.investment), .empty, .empty, .empty, .empty, .empty, .empty, .empty, .empty]
        }
        let rows = RowStream(columns: columns) { body in
            let cursor = try SessionRow.fetchCursor(db, sql: """
                SELECT p.id, p.code, s.name, s.kind, s.investment_yuan, s.planned_start, s.planned_completion, s.stage, s.progress,
                  \(NextMilestone.columns), s.scope, s.department, s.leader
                FROM project p \(view.span(.project, "s", of: "p.id"))
                  \(NextMilestone.join("project_id", "p.id", view))
                ORDER BY \(kindOrder("s.kind")), p.id
                """, arguments: view.arguments)
            var seq: Int64 = 0
            var group: (kind: String, sums: InvestmentSums)?
            var all = InvestmentSums()
            func closeGroup() throws {
                guard let group else { return }
                let kind = ProjectKind(rawValue: group.kind)
                try body(sumRow("小计（\(kind?.label ?? group.kind)）", kind: choice(ProjectKind.self, group.kind), group.sums))
            }
            while let row = try cursor.next() {
                seq += 1
                let id: Int64 = row[0], kind: String = row[3], total: Int64? = row[4]
                if group?.kind != kind {
                    try closeGroup()
                    group = (kind, InvestmentSums())
                }
                let next = NextMilestone(row, from: 9)
                // By the same rule as `overdue`'s 滞后 list: planned dates set, as they were on the day.
                let start: Day? = row[5], end: Day? = row[6]
                let behind = start.flatMap { start in end.flatMap { end in
                    BehindLine(code: "", name: "", plannedStart: start, plannedCompletion: end, stage: row[7], progress: row[8], asOf: view.day)
                } } != nil
                let health: ProjectHealth =
                    next.map { $0.due < view.day } == true ? .overdue
                    : behind ? .behind
                    : next.map { $0.due <= horizon } == true ? .warning : .normal
                let figures = investment.figures(id)
                group?.sums.add(investment: total, figures)
                all.add(investment: total, figures)
                let responsible = [row[13] as String?, row[14] as String?].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "／")
                try body([.integer(seq), .text(row[1]), .text(row[2]), choice(ProjectKind.self, row[3]), .optional(row[12] as String?),
                          moneyCell(total), moneyCell(figures.plan), moneyCell(figures.month), moneyCell(figures.yearToDate),
                          SheetInvestment.percent(figures.yearToDate, of: figures.plan), moneyCell(figures.total),
                          SheetInvestment.percent(figures.total, of: total),
                          choice(ProjectStage.self, row[7]), .optional(row[8] as Int64?), .optional(figures.planImage),
                          .list(notes.lines(SubjectID(kind: .project, id: id))), .optional(next?.text),
                          .list(problems.open(project: id)),
                          responsible.isEmpty ? .empty : .text(responsible),
                          .choice(key: health.rawValue, label: health.label)])
            }
            try closeGroup()
            if seq > 0 { try body(sumRow("合计", kind: .empty, all)) }
        }
        return StreamSection(key: "projects", title: "重点项目进度", english: "Projects", rows: rows)
    }
}

/// A subject's next open milestone on the day, joined as `ns`: the open span due first among the
/// subject's, through the subject's milestone index.
struct NextMilestone {
    static let columns = "ns.title, ns.due_on, ns.due_text"

    static func join(_ column: String, _ subject: String, _ view: Viewpoint) -> String {
        """
        LEFT JOIN milestone_span ns ON ns.id = (SELECT x.id FROM milestone_span x WHERE x.\(column) = \(subject) \
        AND \(view.valid("x")) AND x.state = 'open' ORDER BY x.due_on, x.milestone_id LIMIT 1)
        """
    }

    let due: Day
    let text: String

    /// Nil when the subject has no open milestone.
    init?(_ row: SessionRow, from first: Int) {
        guard let title: String = row[first], let due: Day = row[first + 1], let words: String = row[first + 2] else { return nil }
        self.due = due
        // "交付企业使用（春节前，2021-02-11）"
        text = "\(title)（\(words)，\(due.iso)）"
    }
}

enum SheetOverdue {
    static func section(_ view: Viewpoint, in db: Session) -> StreamSection {
        let lines = OverdueLines(query: OverdueQuery(asOf: view.day), view: view, park: nil, db: db)
        let rows = RowStream(columns: OverdueTables.overdueColumns) { body in
            try lines.overdue { try body(OverdueTables.cells($0)) }
        }
        return StreamSection(key: "overdue", title: "逾期节点", english: "Overdue milestones", rows: rows)
    }
}

/// Overdue and due-soon rows, shared by `overdue` and the sheet.
public enum OverdueTables {
    static let overdueColumns = [
        Column("code", "编号", "Code"), Column("subject", "对象", "Subject"), Column("milestone", "节点", "Milestone"),
        Column("due_text", "到期(原话)", "Due (as promised)"), Column("due_on", "到期日", "Due"),
        Column("days_overdue", "逾期天数", "Days overdue", numeric: true),
        Column("reschedules", "改期次数", "Reschedules", numeric: true),
        Column("original_due_text", "原定到期(原话)", "Originally due (as promised)"), Column("original_due_on", "原定到期日", "Originally due"),
        Column("latest_on", "最近记录", "Latest entry"), Column("latest_note", "最新进展", "Latest note"),
        Column("department", "责任部门", "Department"),
    ]

    public static func overdue(_ lines: [MilestoneLine]) -> Table {
        Table(columns: overdueColumns, rows: lines.map(cells))
    }

    static func cells(_ line: MilestoneLine) -> [Cell] {
        [.text(line.code), .text("\(line.subjectKind.label) \(line.subjectCode) \(line.subjectName)"), .text(line.title),
         .text(line.dueText), .day(line.dueOn), .integer(Int64(line.daysOverdue)), .integer(Int64(line.reschedules)),
         line.reschedules > 0 ? .text(line.originalDueText) : .empty, line.reschedules > 0 ? .day(line.originalDueOn) : .empty,
         .optional(line.latestOn), .optional(line.latestNote), .optional(line.department)]
    }

    public static func dueSoon(_ lines: [MilestoneLine]) -> Table {
        var columns = overdueColumns
        columns[5] = Column("days_left", "剩余天数", "Days left", numeric: true)
        return Table(columns: columns, rows: lines.map(dueSoonCells))
    }

    static func dueSoonCells(_ line: MilestoneLine) -> [Cell] {
        var row = cells(line)
        row[5] = .integer(Int64(-line.daysOverdue))
        return row
    }

    public static func behind(_ lines: [BehindLine]) -> Table {
        Table(columns: [
            Column("code", "编号", "Code"), Column("project", "项目", "Project"),
            Column("planned_start", "计划开工", "Planned start"), Column("planned_completion", "计划竣工", "Planned completion"),
            Column("expected_percent", "应达进度%", "Expected %", numeric: true), Column("progress", "实际进度%", "Progress %", numeric: true),
            Column("latest_on", "最近记录", "Latest entry"), Column("latest_note", "最新进展", "Latest note"),
            Column("department", "责任部门", "Department"),
        ], rows: lines.map(cells))
    }

    static func cells(_ line: BehindLine) -> [Cell] {
        [.text(line.code), .text(line.name), .day(line.plannedStart), .day(line.plannedCompletion),
         .integer(Int64(line.expectedPercent)), .integer(Int64(line.progress)),
         .optional(line.latestOn), .optional(line.latestNote), .optional(line.department)]
    }
}

/// Parks, parcels and indicators at the end of the sheet.
enum SheetPlaces {
    static func parks(_ view: Viewpoint, notes: SheetNotes, in db: Session) throws -> MonthlySheet.Section {
        let rows = try SessionRow.fetchAll(db, sql: """
            SELECT y.id, y.code, s.name, s.kind, s.area_mu_hundredths, s.area_approximate, s.investment_yuan,
              (SELECT count(*) FROM tenant_span t WHERE t.park_id = y.id AND \(view.valid("t"))) AS tenants,
              \(NextMilestone.columns)
            FROM park y \(view.span(.park, "s", of: "y.id")) \(NextMilestone.join("park_id", "y.id", view))
            ORDER BY y.id
            """, arguments: view.arguments)
        let table = Table(columns: [
            Column("code", "编号", "Code"), Column("name", "名称", "Park"), Column("kind", "类别", "Kind", choice: true),
            Column("area_mu", "面积(亩)", "Area (mu)", numeric: true), Column("area_approximate", "约数", "Approximate"),
            Column("investment_wan", "总投资(万元)", "Investment (10k yuan)", numeric: true),
            Column("tenants_listed", "在册企业", "Tenants listed", numeric: true),
            Column("month_notes", "本月进展", "This month"), Column("next_milestone", "下一节点", "Next milestone"),
        ], rows: rows.map { row in
            [.text(row[1]), .text(row[2]), choice(ParkKind.self, row[3]), areaCell(row[4]), .flag(row[5]), moneyCell(row[6]),
             .integer(row[7]), .list(notes.lines(SubjectID(kind: .park, id: row[0]))), .optional(NextMilestone(row, from: 8)?.text)]
        })
        return .init(key: "parks", title: "园区和平台", english: "Parks and platforms", table: table)
    }

    static func parcels(_ view: Viewpoint, notes: SheetNotes, in db: Session) -> StreamSection {
        let columns = [
            Column("code", "编号", "Code"), Column("name", "地块", "Parcel"), Column("area_mu", "面积(亩)", "Area (mu)", numeric: true),
            Column("status", "状态", "Status", choice: true), Column("projects", "项目", "Projects"), Column("month_notes", "本月进展", "This month"),
        ]
        let rows = RowStream(columns: columns) { body in
            let projects = try Ledger.projectsByParcel(view, in: db)
            let cursor = try SessionRow.fetchCursor(db, sql: """
                SELECT l.id, l.code, s.name, s.area_mu_hundredths, s.status FROM parcel l \(view.span(.parcel, "s", of: "l.id")) ORDER BY l.id
                """, arguments: view.arguments)
            while let row = try cursor.next() {
                let id: Int64 = row[0]
                try body([.text(row[1]), .text(row[2]), areaCell(row[3]), choice(ParcelStatus.self, row[4]),
                          .optional(projects[id].map { $0.joined(separator: "、") }), .list(notes.lines(SubjectID(kind: .parcel, id: id)))])
            }
        }
        return StreamSection(key: "parcels", title: "地块", english: "Land parcels", rows: rows)
    }

    /// The latest figure of each metric and scope reported this year, known by the day.
    static func indicators(_ view: Viewpoint, in db: Session) throws -> MonthlySheet.Section {
        let known = view.liveFigure("f"), alsoKnown = view.liveFigure("g")
        let rows = try SessionRow.fetchAll(db, sql: """
            SELECT f.*, ys.name AS park_name FROM figure f \(view.span(.park, "ys", of: "f.park_id", join: "LEFT JOIN"))
            WHERE f.category <> 'target' AND f.period_to <= :day AND substr(f.period_to, 1, 4) = :year AND \(known)
              AND NOT EXISTS (SELECT 1 FROM figure g WHERE g.metric = f.metric AND g.park_id IS NOT DISTINCT FROM f.park_id AND g.category <> 'target'
                              AND g.period_to <= :day AND g.period_to > f.period_to AND \(alsoKnown))
            ORDER BY f.id
            """, arguments: view.arguments + ["year": String(view.day.year)])
        let table = Table(columns: Ledger.figureColumns, rows: rows.map(Ledger.figureRow))
        return .init(key: "indicators", title: "指标和报告数", english: "Indicators and reported figures", table: table)
    }
}
