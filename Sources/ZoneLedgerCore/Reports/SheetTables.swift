import GRDB

/// The project table: grouped by kind, with the month's entries, the next milestone and a health
/// mark, streamed: one query, each row complete as it comes (its next open milestone joined in).
enum SheetProjects {
    static func section(asOf: Day, notes: SheetNotes, edits: EditOverrides, in db: Database) -> StreamSection {
        let horizon = asOf.adding(days: Ledger.warningDays)
        let columns = [
            Column("seq", "序号", "No.", numeric: true), Column("code", "编号", "Code"), Column("name", "项目名称", "Project"),
            Column("kind", "类别", "Kind"), Column("investment_wan", "总投资(万元)", "Investment (10k yuan)", numeric: true),
            Column("stage", "形象进度", "Stage"), Column("progress", "进度%", "Progress %", numeric: true),
            Column("month_notes", "本月进展", "This month"), Column("next_milestone", "下一节点", "Next milestone"),
            Column("status", "状态", "Status"),
        ]
        let rows = RowStream(columns: columns) { body in
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT p.id, p.code, p.name, p.kind, p.investment_yuan, p.planned_start, p.planned_completion,
                  \(latest("stage", "project")), \(latest("progress", "project")), \(NextMilestone.columns)
                FROM project p LEFT JOIN milestone n ON n.id = \(OpenMilestones.next(where: "m.project_id = p.id"))
                WHERE \(existed("project", "p"))
                ORDER BY \(kindOrder(edits)), p.id
                """, arguments: ["day": asOf, "kinds": kindsAsWere(edits)])
            var seq: Int64 = 0
            while let row = try cursor.next() {
                seq += 1
                let id = SubjectID(kind: .project, id: row[0])
                let next = NextMilestone(row, from: 9, edits: edits)
                let health: ProjectHealth =
                    next.map { $0.due < asOf } == true ? .overdue
                    : isBehind(id, start: row[5], end: row[6], stage: row[7], progress: row[8], asOf: asOf, edits: edits) ? .behind
                    : next.map { $0.due <= horizon } == true ? .warning : .normal
                try body([.integer(seq), .text(row[1]), .text(edits.text(id, "name", row[2]) ?? ""),
                          .text(label(ProjectKind.self, edits.text(id, "kind", row[3]))),
                          moneyCell(edits.integer(id, "investment_yuan", row[4])), .text(label(ProjectStage.self, row[7])),
                          .optional(row[8] as Int64?), .list(notes.lines(id)), .optional(next?.text), .text(health.label)])
            }
        }
        return StreamSection(key: "projects", title: "重点项目进度", english: "Projects", rows: rows)
    }

    /// By the same rule as `overdue`'s 滞后 list: planned dates set (as they are now and as they were).
    private static func isBehind(_ id: SubjectID, start: Day?, end: Day?, stage: String?, progress: Int?,
                                 asOf: Day, edits: EditOverrides) -> Bool {
        guard let start, let end, start < asOf, let wasStart = edits.day(id, "planned_start", start),
              let wasEnd = edits.day(id, "planned_completion", end) else { return false }
        return BehindLine(code: "", name: "", plannedStart: wasStart, plannedCompletion: wasEnd, stage: stage, progress: progress, asOf: asOf) != nil
    }

    /// Kinds in the declared order (工业 first), as they were on the day: a later edit's old kind wins.
    private static func kindOrder(_ edits: EditOverrides) -> String {
        let kind = edits.overrides(.project, "kind").isEmpty ? "p.kind" : "coalesce(json_extract(:kinds, '$.\"' || p.id || '\"'), p.kind)"
        let ranks = ProjectKind.allCases.enumerated().map { "WHEN '\($0.element.rawValue)' THEN \($0.offset)" }.joined(separator: " ")
        return "CASE \(kind) \(ranks) ELSE 99 END"
    }

    /// {"12": "social"}: projects whose kind was edited after the day, with the kind they had.
    private static func kindsAsWere(_ edits: EditOverrides) -> String {
        let pairs = edits.overrides(.project, "kind").sorted { $0.key < $1.key }.compactMap { id, kind in
            kind.map { "\"\(id)\":\"\($0)\"" }
        }
        return "{" + pairs.joined(separator: ",") + "}"
    }
}

/// A subject's next open milestone, joined as `n` with `OpenMilestones.next`.
struct NextMilestone {
    static let columns = "n.id, n.title, n.due_on, n.due_text, \(OpenMilestones.moved("n"))"
    let due: Day
    let text: String

    /// Nil when the subject has no open milestone.
    init?(_ row: Row, from first: Int, edits: EditOverrides) {
        guard let id: Int64 = row[first], let due: Day = row[first + 2] else { return nil }
        let moved: String? = row[first + 4]
        let title = edits.text(SubjectID(kind: .milestone, id: id), "title", row[first + 1]) ?? ""
        self.due = moved.flatMap { Day(iso: String($0.prefix(10))) } ?? due
        let words = moved.map { String($0.dropFirst(10)) } ?? (row[first + 3] as String)
        // "交付企业使用（春节前，2021-02-11）"
        text = "\(title)（\(words)，\(self.due.iso)）"
    }
}

enum SheetOverdue {
    static func section(asOf: Day, edits: EditOverrides, in db: Database) -> StreamSection {
        let rows = RowStream(columns: OverdueTables.overdueColumns) { body in
            try Ledger.eachOverdue(OverdueQuery(asOf: asOf), park: nil, edits: edits, in: db) { try body(OverdueTables.cells($0)) }
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
    static func parks(asOf: Day, notes: SheetNotes, edits: EditOverrides, in db: Database) throws -> MonthlySheet.Section {
        let rows = try Row.fetchAll(db, sql: """
            SELECT y.id, y.code, y.name, y.kind, y.area_mu_hundredths, y.area_approximate, y.investment_yuan,
              (SELECT count(*) FROM tenant t WHERE t.park_id = y.id AND \(existed("tenant", "t"))) AS tenants,
              \(NextMilestone.columns)
            FROM park y LEFT JOIN milestone n ON n.id = \(OpenMilestones.next(where: "m.park_id = y.id"))
            WHERE \(existed("park", "y")) ORDER BY y.id
            """, arguments: ["day": asOf])
        let table = Table(columns: [
            Column("code", "编号", "Code"), Column("name", "名称", "Park"), Column("kind", "类别", "Kind"),
            Column("area_mu", "面积(亩)", "Area (mu)", numeric: true), Column("area_approximate", "约数", "Approximate"),
            Column("investment_wan", "总投资(万元)", "Investment (10k yuan)", numeric: true),
            Column("tenants_listed", "在册企业", "Tenants listed", numeric: true),
            Column("month_notes", "本月进展", "This month"), Column("next_milestone", "下一节点", "Next milestone"),
        ], rows: rows.map { row in
            let id = SubjectID(kind: .park, id: row[0])
            let approximate = edits.text(id, "area_approximate", (row[5] as Bool).description) == "true"
            return [.text(row[1]), .text(edits.text(id, "name", row[2]) ?? ""), .text(label(ParkKind.self, edits.text(id, "kind", row[3]))),
                    areaCell(edits.integer(id, "area_mu_hundredths", row[4])), .flag(approximate),
                    moneyCell(edits.integer(id, "investment_yuan", row[6])),
                    .integer(row[7]), .list(notes.lines(id)), .optional(NextMilestone(row, from: 8, edits: edits)?.text)]
        })
        return .init(key: "parks", title: "园区和平台", english: "Parks and platforms", table: table)
    }

    static func parcels(asOf: Day, notes: SheetNotes, edits: EditOverrides, in db: Database) -> StreamSection {
        let columns = [
            Column("code", "编号", "Code"), Column("name", "地块", "Parcel"), Column("area_mu", "面积(亩)", "Area (mu)", numeric: true),
            Column("status", "状态", "Status"), Column("projects", "项目", "Projects"), Column("month_notes", "本月进展", "This month"),
        ]
        let rows = RowStream(columns: columns) { body in
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT l.id, l.code, l.name, l.area_mu_hundredths, \(latest("parcel_status", "parcel", "l")),
                  (SELECT group_concat(code, '、') FROM project WHERE parcel_id = l.id) AS projects
                FROM parcel l WHERE \(existed("parcel", "l")) ORDER BY l.id
                """, arguments: ["day": asOf])
            while let row = try cursor.next() {
                let id = SubjectID(kind: .parcel, id: row[0])
                try body([.text(row[1]), .text(edits.text(id, "name", row[2]) ?? ""),
                          areaCell(edits.integer(id, "area_mu_hundredths", row[3])),
                          .text(label(ParcelStatus.self, row[4])), .optional(row[5] as String?), .list(notes.lines(id))])
            }
        }
        return StreamSection(key: "parcels", title: "地块", english: "Land parcels", rows: rows)
    }

    /// The latest figure of each metric and scope reported this year by the as-of day.
    static func indicators(asOf: Day, edits: EditOverrides, in db: Database) throws -> MonthlySheet.Section {
        let rows = try Row.fetchAll(db, sql: """
            SELECT f.*, y.name AS park_name FROM live_figure f LEFT JOIN park y ON y.id = f.park_id
            WHERE f.category <> 'target' AND f.period_to <= :day AND substr(f.period_to, 1, 4) = :year
              AND NOT EXISTS (SELECT 1 FROM live_figure g WHERE g.metric = f.metric AND g.park_id IS f.park_id
                              AND g.category <> 'target' AND g.period_to <= :day AND g.period_to > f.period_to)
            ORDER BY f.id
            """, arguments: ["day": asOf, "year": String(asOf.year)])
        // A park renamed later is named as it was.
        let table = Table(columns: Ledger.figureColumns, rows: rows.map { row in
            var cells = Ledger.figureRow(row)
            if let park = row["park_id"] as Int64?, let name = edits.text(SubjectID(kind: .park, id: park), "name", row["park_name"]) {
                cells[3] = .text(name)
            }
            return cells
        })
        return .init(key: "indicators", title: "指标和报告数", english: "Indicators and reported figures", table: table)
    }
}
