import GRDB

/// The summary tables at the top of the sheet.
enum SheetSummary {
    static func sections(month: Month, asOf: Day, edits: EditOverrides, in db: Database) throws -> [MonthlySheet.Section] {
        [
            try stages(asOf: asOf, in: db),
            try milestones(month: month, asOf: asOf, in: db),
            try land(asOf: asOf, in: db),
            try tenants(asOf: asOf, edits: edits, in: db),
            try targets(asOf: asOf, in: db),
        ]
    }

    /// Projects by stage, in the stages' order, every stage shown (a zero is news too).
    static func stages(asOf: Day, in db: Database) throws -> MonthlySheet.Section {
        let rows = try Row.fetchAll(db, sql: """
            SELECT \(latest("stage", "project")) FROM project p WHERE \(existed("project", "p"))
            """, arguments: ["day": asOf])
        let stages = rows.compactMap { ($0["stage"] as String?).flatMap(ProjectStage.init(rawValue:)) }
        var table = Table(columns: [Column("stage", "形象进度", "Stage"), Column("projects", "项目数", "Projects", numeric: true)])
        table.rows = ProjectStage.allCases.map { stage in [.text(stage.label), .integer(Int64(stages.filter { $0 == stage }.count))] }
        table.rows.append([.text("合计"), .integer(Int64(stages.count))])
        return .init(key: "projects_by_stage", title: "项目形象进度", english: "Projects by stage", table: table)
    }

    /// Counted in SQL from the milestones due or done in the month, never from all of them.
    static func milestones(month: Month, asOf: Day, in db: Database) throws -> MonthlySheet.Section {
        let arguments: StatementArguments = ["day": asOf, "from": month.first, "to": month.last]
        // Due this month (as moved by the day), by state: 'done', 'cancel', or 'reopen' for open.
        let dueByState = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: """
            SELECT coalesce(substr(s.closing, 11), 'reopen'), count(*)
            FROM (SELECT \(OpenMilestones.closing()) AS closing, \(OpenMilestones.moved()) AS moved, m.due_on FROM milestone m
                  WHERE \(OpenMilestones.candidates) AND \(OpenMilestones.existed())) s
            WHERE coalesce(substr(s.moved, 1, 10), s.due_on) BETWEEN :from AND :to GROUP BY 1
            """, arguments: arguments).map { ($0[0] as String, $0[1] as Int) })
        // Done this month: a done entry in the month that is still the last word on the day.
        let completed = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM (SELECT \(OpenMilestones.closing()) AS closing FROM milestone m
                                  WHERE m.id IN (SELECT milestone_id FROM live_entry WHERE action = 'done' AND effective_on BETWEEN :from AND :day))
            WHERE substr(closing, 11) = 'done' AND substr(closing, 1, 10) >= :from
            """, arguments: arguments) ?? 0
        let overdue = try Int.fetchOne(db, sql: OpenMilestones.countSQL,
                                       arguments: OpenMilestones.arguments(day: asOf, from: nil, to: asOf.adding(days: -1))) ?? 0
        let entries = try Int.fetchOne(db, sql: "SELECT count(*) FROM live_entry WHERE effective_on BETWEEN ? AND ?",
                                       arguments: [month.first, asOf]) ?? 0
        let done = dueByState["done"] ?? 0, open = dueByState["reopen"] ?? 0
        let facts: [(String, String, String, Int)] = [
            ("due_in_month", "本月到期节点", "Due this month", done + open),
            ("due_in_month_done", "其中已完成", "of which done", done),
            ("due_in_month_open", "其中未完成", "of which open", open),
            ("completed_in_month", "本月完成节点", "Completed this month", completed),
            ("overdue", "逾期节点", "Overdue", overdue),
            ("entries_in_month", "本月状态记录", "Entries this month", entries),
        ]
        let table = Table(columns: facts.map { Column($0.0, $0.1, $0.2, numeric: true) },
                          rows: [facts.map { .integer(Int64($0.3)) }])
        return .init(key: "milestone_summary", title: "节点与记录", english: "Milestones and entries", table: table)
    }

    /// Land sold and listed so far this year against the year's target. "So far" is the latest
    /// reported figure for the year plus parcels recorded as sold or listed after that figure's day.
    static func land(asOf: Day, in db: Database) throws -> MonthlySheet.Section {
        let year = asOf.year
        let target = try latestFigure("land_sold_area", category: "target", year: year, asOf: Day(year: year, month: 12, day: 31) ?? asOf, in: db)
        let sold = try landSoFar("land_sold_area", countKey: "land_sold_count", status: .sold, year: year, asOf: asOf, in: db)
        let listed = try landSoFar("land_listed_area", countKey: "land_listed_count", status: .listed, year: year, asOf: asOf, in: db)
        let targetValue = target.flatMap { ExactDecimal($0.value) }
        func percent(_ part: ExactDecimal?) -> Cell {
            guard let part, let targetValue else { return .empty }
            return exactRatioText(part, targetValue, timesHundred: true, places: 1).map(Cell.number) ?? .empty
        }
        let both = sold.area.map { ExactDecimal(units: $0.hundredths + (listed.area?.hundredths ?? 0), scale: 2) }
        let table = Table(columns: [
            Column("year", "年度", "Year", numeric: true), Column("target_mu", "全年计划出让(亩)", "Target (mu)", numeric: true),
            Column("sold_mu", "已出让(亩)", "Sold (mu)", numeric: true), Column("sold_count", "已出让(宗)", "Sold (lots)", numeric: true),
            Column("listed_mu", "挂牌中(亩)", "Listed (mu)", numeric: true), Column("listed_count", "挂牌中(宗)", "Listed (lots)", numeric: true),
            Column("sold_percent", "出让完成率%", "Sold %", numeric: true),
            Column("sold_and_listed_percent", "出让+挂牌%", "Sold + listed %", numeric: true),
        ], rows: [[
            .integer(Int64(year)), target.map { .number($0.value) } ?? .empty,
            sold.area.map { .number($0.description) } ?? .empty, sold.count.map { .integer($0) } ?? .empty,
            listed.area.map { .number($0.description) } ?? .empty, listed.count.map { .integer($0) } ?? .empty,
            percent(sold.area?.decimal), percent(both),
        ]])
        return .init(key: "land", title: "土地出让", english: "Land sale", table: table)
    }

    private static func landSoFar(_ key: String, countKey: String, status: ParcelStatus, year: Int, asOf: Day,
                                  in db: Database) throws -> (area: Area?, count: Int64?) {
        let reported = try latestFigure(key, category: nil, year: year, asOf: asOf, in: db)
        let counted = try latestFigure(countKey, category: nil, year: year, asOf: asOf, in: db)
        let since = reported?.to ?? Day(year: year, month: 1, day: 1)?.adding(days: -1) ?? asOf
        // Parcels whose latest status as of the day is this one, reached after the reported figure.
        let parcels = try Row.fetchAll(db, sql: """
            SELECT l.area_mu_hundredths FROM parcel l
            WHERE (SELECT parcel_status FROM live_entry WHERE parcel_id = l.id AND parcel_status IS NOT NULL AND effective_on <= :day
                   ORDER BY effective_on DESC, id DESC LIMIT 1) = :status
              AND (SELECT min(effective_on) FROM live_entry WHERE parcel_id = l.id AND parcel_status = :status) > :since
            """, arguments: ["day": asOf, "status": status.rawValue, "since": since])
        let base = reported.flatMap { ExactDecimal($0.value)?.units(atScale: 2) }
        let itemised = parcels.map { $0[0] as Int64 }.reduce(0, +)
        let area = base == nil && parcels.isEmpty ? nil : Area(hundredths: (base ?? 0) + itemised)
        let count = counted.flatMap { Int64($0.value) }.map { $0 + Int64(parcels.count) } ?? (parcels.isEmpty ? nil : Int64(parcels.count))
        return (area, count)
    }

    /// The latest figure with this key whose period lies in the year and ends by the day.
    static func latestFigure(_ key: String, category: String?, year: Int, asOf: Day, in db: Database) throws -> (value: String, to: Day)? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT value, period_to FROM live_figure
            WHERE key = :key AND (:category IS NULL AND category <> 'target' OR category = :category)
              AND period_to <= :day AND substr(period_to, 1, 4) = :year AND park_id IS NULL
            ORDER BY period_to DESC, id DESC LIMIT 1
            """, arguments: ["key": key, "category": category, "day": asOf, "year": String(year)]) else { return nil }
        return (row["value"], row["period_to"])
    }

    /// Tenants by status for each park: the itemised tenants, and what the report counted without names.
    static func tenants(asOf: Day, edits: EditOverrides, in db: Database) throws -> MonthlySheet.Section {
        let rows = try Row.fetchAll(db, sql: """
            SELECT y.id, y.code, y.name,
              (SELECT group_concat(metric || value || unit, '；') FROM live_figure f
               WHERE f.park_id = y.id AND f.period_to <= :day AND f.category <> 'target') AS reported
            FROM park y WHERE \(existed("park", "y")) ORDER BY y.id
            """, arguments: ["day": asOf])
        let statuses = try Row.fetchAll(db, sql: """
            SELECT t.park_id, \(latest("tenant_status", "tenant", "t")) FROM tenant t WHERE \(existed("tenant", "t"))
            """, arguments: ["day": asOf])
        var columns = [Column("code", "编号", "Code"), Column("park", "园区", "Park")]
        columns += TenantStatus.allCases.map { Column($0.rawValue.replacingOccurrences(of: "-", with: "_"), $0.label, $0.rawValue, numeric: true) }
        columns.append(Column("reported", "报告数(未列名)", "Reported, not itemised"))
        let byPark = Dictionary(grouping: statuses, by: { $0["park_id"] as Int64 })
        let table = Table(columns: columns, rows: rows.map { row in
            let id: Int64 = row["id"]
            let mine = (byPark[id] ?? []).compactMap { ($0["tenant_status"] as String?) }
            return [.text(row["code"]), .text(edits.text(SubjectID(kind: .park, id: id), "name", row["name"]) ?? "")]
                + TenantStatus.allCases.map { status in .integer(Int64(mine.filter { $0 == status.rawValue }.count)) }
                + [.optional(row["reported"] as String?)]
        })
        return .init(key: "tenants_by_park", title: "园区企业", english: "Tenants by park", table: table)
    }

    /// Each of the year's targets against the latest figure with the same key: 完成全年任务 %.
    static func targets(asOf: Day, in db: Database) throws -> MonthlySheet.Section {
        let rows = try Row.fetchAll(db, sql: """
            SELECT * FROM live_figure WHERE category = 'target' AND substr(period_to, 1, 4) = ? ORDER BY id
            """, arguments: [String(asOf.year)])
        let table = Table(columns: [
            Column("code", "编号", "Code"), Column("metric", "指标", "Metric"), Column("unit", "单位", "Unit"),
            Column("target", "全年目标", "Target", numeric: true), Column("actual", "完成", "Actual", numeric: true),
            Column("actual_as_of", "截至", "As of"), Column("percent", "完成全年任务%", "Of target %", numeric: true),
        ], rows: try rows.map { row in
            let key: String? = row["key"]
            let actual = try key.flatMap { try latestFigure($0, category: nil, year: asOf.year, asOf: asOf, in: db) }
            let rate = actual.flatMap { actual in
                ExactDecimal(actual.value).flatMap { a in ExactDecimal(row["value"] as String).flatMap { exactRatioText(a, $0, timesHundred: true, places: 1) } }
            }
            return [.text(row["code"]), .text(row["metric"]), .text(row["unit"]), .number(row["value"]),
                    actual.map { .number($0.value) } ?? .empty, .optional(actual?.to), rate.map(Cell.number) ?? .empty]
        })
        return .init(key: "targets", title: "目标完成情况", english: "Targets", table: table)
    }
}
