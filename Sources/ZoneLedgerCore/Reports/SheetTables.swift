import GRDB

/// The project table: grouped by kind, with the month's entries, the next milestone and a health mark.
enum SheetProjects {
    static func section(asOf: Day, open: [MilestoneLine], behind: [BehindLine], notes: SheetNotes,
                        in db: Database) throws -> MonthlySheet.Section {
        let rows = try Row.fetchAll(db, sql: """
            SELECT p.*, \(latest("stage", "project")), \(latest("progress", "project"))
            FROM project p WHERE \(existed("project", "p"))
            ORDER BY p.id
            """, arguments: ["day": asOf])
        let edits = try EditOverrides(after: asOf, in: db)
        // As on the day: names, kinds and amounts edited later are shown as they were, and grouped so.
        let projects = rows.map { row -> (row: Row, id: SubjectID, kind: ProjectKind?) in
            let id = SubjectID(kind: .project, id: row["id"])
            return (row, id, edits.text(id, "kind", row["kind"]).flatMap(ProjectKind.init(rawValue:)))
        }.enumerated().sorted { a, b in
            let order = { (kind: ProjectKind?) in kind.flatMap { ProjectKind.allCases.firstIndex(of: $0) } ?? 99 }
            return (order(a.element.kind), a.offset) < (order(b.element.kind), b.offset)
        }.map(\.element)
        let behindCodes = Set(behind.map(\.code))
        // One pass over the open milestones, not one per project.
        let openByProject = Dictionary(grouping: open.filter { $0.subjectKind == .project }, by: \.subjectCode)
        let horizon = asOf.adding(days: Ledger.warningDays)
        let table = Table(columns: [
            Column("seq", "序号", "No.", numeric: true), Column("code", "编号", "Code"), Column("name", "项目名称", "Project"),
            Column("kind", "类别", "Kind"), Column("investment_wan", "总投资(万元)", "Investment (10k yuan)", numeric: true),
            Column("stage", "形象进度", "Stage"), Column("progress", "进度%", "Progress %", numeric: true),
            Column("month_notes", "本月进展", "This month"), Column("next_milestone", "下一节点", "Next milestone"),
            Column("status", "状态", "Status"),
        ], rows: projects.enumerated().map { index, project in
            let row = project.row, code: String = row["code"]
            let mine = (openByProject[code] ?? []).sorted { $0.dueOn < $1.dueOn }
            let health: ProjectHealth =
                mine.contains { $0.dueOn < asOf } ? .overdue
                : behindCodes.contains(code) ? .behind
                : mine.contains { $0.dueOn <= horizon } ? .warning : .normal
            return [.integer(Int64(index + 1)), .text(code), .text(edits.text(project.id, "name", row["name"]) ?? ""),
                    .text(project.kind?.label ?? ""), moneyCell(edits.integer(project.id, "investment_yuan", row["investment_yuan"])),
                    .text(label(ProjectStage.self, row["stage"])),
                    .optional(row["progress"] as Int64?), .list(notes.lines(project.id)),
                    .optional(mine.first?.nextText), .text(health.label)]
        })
        return .init(key: "projects", title: "重点项目进度", english: "Projects", table: table)
    }
}

enum SheetOverdue {
    static func section(_ lines: [MilestoneLine]) -> MonthlySheet.Section {
        .init(key: "overdue", title: "逾期节点", english: "Overdue milestones", table: OverdueTables.overdue(lines))
    }
}

/// Overdue and due-soon rows, shared by `overdue` and the sheet.
public enum OverdueTables {
    public static func overdue(_ lines: [MilestoneLine]) -> Table {
        Table(columns: [
            Column("code", "编号", "Code"), Column("subject", "对象", "Subject"), Column("milestone", "节点", "Milestone"),
            Column("due_text", "到期(原话)", "Due (as promised)"), Column("due_on", "到期日", "Due"),
            Column("days_overdue", "逾期天数", "Days overdue", numeric: true),
            Column("reschedules", "改期次数", "Reschedules", numeric: true),
            Column("original_due_text", "原定到期(原话)", "Originally due (as promised)"), Column("original_due_on", "原定到期日", "Originally due"),
            Column("latest_on", "最近记录", "Latest entry"), Column("latest_note", "最新进展", "Latest note"),
            Column("department", "责任部门", "Department"),
        ], rows: lines.map { line in
            [.text(line.code), .text("\(line.subjectKind.label) \(line.subjectCode) \(line.subjectName)"), .text(line.title),
             .text(line.dueText), .day(line.dueOn), .integer(Int64(line.daysOverdue)), .integer(Int64(line.reschedules)),
             line.reschedules > 0 ? .text(line.originalDueText) : .empty, line.reschedules > 0 ? .day(line.originalDueOn) : .empty,
             .optional(line.latestOn), .optional(line.latestNote), .optional(line.department)]
        })
    }

    public static func dueSoon(_ lines: [MilestoneLine]) -> Table {
        var table = overdue(lines)
        table.columns[5] = Column("days_left", "剩余天数", "Days left", numeric: true)
        table.rows = zip(table.rows, lines).map { row, line in
            var row = row
            row[5] = .integer(Int64(-line.daysOverdue))
            return row
        }
        return table
    }

    public static func behind(_ lines: [BehindLine]) -> Table {
        Table(columns: [
            Column("code", "编号", "Code"), Column("project", "项目", "Project"),
            Column("planned_start", "计划开工", "Planned start"), Column("planned_completion", "计划竣工", "Planned completion"),
            Column("expected_percent", "应达进度%", "Expected %", numeric: true), Column("progress", "实际进度%", "Progress %", numeric: true),
            Column("latest_on", "最近记录", "Latest entry"), Column("latest_note", "最新进展", "Latest note"),
            Column("department", "责任部门", "Department"),
        ], rows: lines.map { line in
            [.text(line.code), .text(line.name), .day(line.plannedStart), .day(line.plannedCompletion),
             .integer(Int64(line.expectedPercent)), .integer(Int64(line.progress)),
             .optional(line.latestOn), .optional(line.latestNote), .optional(line.department)]
        })
    }
}

/// Parks, parcels and indicators at the end of the sheet.
enum SheetPlaces {
    static func parks(asOf: Day, open: [MilestoneLine], notes: SheetNotes, in db: Database) throws -> MonthlySheet.Section {
        let rows = try Row.fetchAll(db, sql: """
            SELECT y.*, (SELECT count(*) FROM tenant t WHERE t.park_id = y.id AND \(existed("tenant", "t"))) AS tenants
            FROM park y WHERE \(existed("park", "y")) ORDER BY y.id
            """, arguments: ["day": asOf])
        let edits = try EditOverrides(after: asOf, in: db)
        let nextByPark = Dictionary(grouping: open.filter { $0.subjectKind == .park }, by: \.subjectCode)
            .mapValues { $0.min { $0.dueOn < $1.dueOn } }
        let table = Table(columns: [
            Column("code", "编号", "Code"), Column("name", "名称", "Park"), Column("kind", "类别", "Kind"),
            Column("area_mu", "面积(亩)", "Area (mu)", numeric: true), Column("area_approximate", "约数", "Approximate"),
            Column("investment_wan", "总投资(万元)", "Investment (10k yuan)", numeric: true),
            Column("tenants_listed", "在册企业", "Tenants listed", numeric: true),
            Column("month_notes", "本月进展", "This month"), Column("next_milestone", "下一节点", "Next milestone"),
        ], rows: rows.map { row in
            let id = SubjectID(kind: .park, id: row["id"]), code: String = row["code"]
            let approximate = edits.text(id, "area_approximate", (row["area_approximate"] as Bool).description) == "true"
            let area = areaCell(edits.integer(id, "area_mu_hundredths", row["area_mu_hundredths"]))
            let next = nextByPark[code] ?? nil
            return [.text(code), .text(edits.text(id, "name", row["name"]) ?? ""), .text(label(ParkKind.self, edits.text(id, "kind", row["kind"]))),
                    area, .flag(approximate),
                    moneyCell(edits.integer(id, "investment_yuan", row["investment_yuan"])),
                    .integer(row["tenants"]), .list(notes.lines(id)), .optional(next?.nextText)]
        })
        return .init(key: "parks", title: "园区和平台", english: "Parks and platforms", table: table)
    }

    static func parcels(asOf: Day, notes: SheetNotes, in db: Database) throws -> MonthlySheet.Section {
        let rows = try Row.fetchAll(db, sql: """
            SELECT l.*, (SELECT group_concat(code, '、') FROM project WHERE parcel_id = l.id) AS projects,
              \(latest("parcel_status", "parcel", "l"))
            FROM parcel l WHERE \(existed("parcel", "l")) ORDER BY l.id
            """, arguments: ["day": asOf])
        let edits = try EditOverrides(after: asOf, in: db)
        let table = Table(columns: [
            Column("code", "编号", "Code"), Column("name", "地块", "Parcel"), Column("area_mu", "面积(亩)", "Area (mu)", numeric: true),
            Column("status", "状态", "Status"), Column("projects", "项目", "Projects"), Column("month_notes", "本月进展", "This month"),
        ], rows: rows.map { row in
            let id = SubjectID(kind: .parcel, id: row["id"])
            return [.text(row["code"]), .text(edits.text(id, "name", row["name"]) ?? ""),
                    areaCell(edits.integer(id, "area_mu_hundredths", row["area_mu_hundredths"])),
                    .text(label(ParcelStatus.self, row["parcel_status"])), .optional(row["projects"] as String?),
                    .list(notes.lines(id))]
        })
        return .init(key: "parcels", title: "地块", english: "Land parcels", table: table)
    }

    /// The latest figure of each metric and scope reported this year by the as-of day.
    static func indicators(asOf: Day, in db: Database) throws -> MonthlySheet.Section {
        let rows = try Row.fetchAll(db, sql: """
            SELECT f.*, y.name AS park_name FROM live_figure f LEFT JOIN park y ON y.id = f.park_id
            WHERE f.category <> 'target' AND f.period_to <= :day AND substr(f.period_to, 1, 4) = :year
              AND NOT EXISTS (SELECT 1 FROM live_figure g WHERE g.metric = f.metric AND g.park_id IS f.park_id
                              AND g.category <> 'target' AND g.period_to <= :day AND g.period_to > f.period_to)
            ORDER BY f.id
            """, arguments: ["day": asOf, "year": String(asOf.year)])
        // A park renamed later is named as it was.
        let edits = try EditOverrides(after: asOf, in: db)
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
