import GRDB

/// The summary tables at the top of the sheet.
enum SheetSummary {
    static func sections(month: Month, _ investment: SheetInvestment, _ problems: SheetProblems, _ view: Viewpoint,
                         in db: Session) throws -> [MonthlySheet.Section] {
        let zone = try investment.zone(view, in: db)
        return [
            stages(try stageCounts(view, in: db)),
            self.investment(investment, zone),
            investmentByMonth(zone),
            try milestones(month: month, view, in: db),
            problems.summary,
            land(try LandFigures(view, in: db), year: view.day.year),
            try tenants(view, in: db),
            try targets(view, in: db),
        ]
    }

    /// Projects on the day by stage, counted in SQL; a stage with none is absent. (Counts read into
    /// dictionaries are ordered all the same, so both stores give the same rows.)
    static func stageCounts(_ view: Viewpoint, in db: Session) throws -> [ProjectStage: Int64] {
        var counts: [ProjectStage: Int64] = [:]
        for row in try SessionRow.fetchAll(db, sql: """
            SELECT s.stage, count(*) FROM project p \(view.span(.project, "s", of: "p.id")) GROUP BY s.stage ORDER BY s.stage
            """, arguments: view.arguments) {
            guard let stage = ProjectStage(rawValue: row[0]) else { throw LedgerError.data("账本里有未知的项目阶段“\(row[0] as String)”：请运行 zoneledger check") }
            counts[stage] = row[1]
        }
        return counts
    }

    /// Projects by stage, in the stages' order, every stage shown (a zero is news too).
    static func stages(_ counts: [ProjectStage: Int64]) -> MonthlySheet.Section {
        var table = Table(columns: [Column("stage", "形象进度", "Stage", choice: true), Column("projects", "项目数", "Projects", numeric: true)])
        table.rows = ProjectStage.allCases.map { stage in [.choice(stage), .integer(counts[stage] ?? 0)] }
        table.rows.append([.choice(key: "total", label: "合计"), .integer(counts.values.reduce(0, +))])
        return .init(key: "projects_by_stage", title: "项目形象进度", english: "Projects by stage", table: table)
    }

    /// Counted in SQL from the milestones due or done in the month, never from all of them.
    static func milestones(month: Month, _ view: Viewpoint, in db: Session) throws -> MonthlySheet.Section {
        let arguments = view.arguments + ["from": month.first, "to": month.last]
        // Due this month (as moved by the day), by state.
        let dueByState = try Dictionary(uniqueKeysWithValues: SessionRow.fetchAll(db, sql: """
            SELECT s.state, count(*) FROM milestone_span s WHERE \(view.valid("s")) AND s.due_on BETWEEN :from AND :to GROUP BY s.state ORDER BY s.state
            """, arguments: arguments).map { ($0[0] as String, $0[1] as Int) })
        // Done this month, and still done on the day.
        let completed = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM milestone_span s WHERE \(view.valid("s")) AND s.state = 'done' AND s.closed_on BETWEEN :from AND :day
            """, arguments: arguments) ?? 0
        let overdue = try overdueMilestones(view, in: db)
        let entries = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM entry e WHERE e.effective_on BETWEEN :from AND :day AND \(view.liveEntry("e"))
            """, arguments: arguments) ?? 0
        let done = dueByState["done"] ?? 0, open = dueByState["open"] ?? 0
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

    /// Milestones open past their due day on the view's day (the due day itself is not late).
    static func overdueMilestones(_ view: Viewpoint, in db: Session) throws -> Int {
        try Int.fetchOne(db, sql: """
            SELECT count(*) FROM milestone_span s WHERE \(view.valid("s")) AND s.state = 'open' AND s.due_on < :day
            """, arguments: view.arguments) ?? 0
    }

    /// Land sold and listed so far this year against the year's target.
    static func land(_ land: LandFigures, year: Int) -> MonthlySheet.Section {
        let table = Table(columns: landColumns, rows: [[.integer(Int64(year))] + land.cells])
        return .init(key: "land", title: "土地出让", english: "Land sale", table: table)
    }

    /// The land columns after the year; a city's rollup shows the same ones per zone.
    static let landColumns = [
        Column("year", "年度", "Year", numeric: true), Column("target_mu", "全年计划出让(亩)", "Target (mu)", numeric: true),
        Column("sold_mu", "已出让(亩)", "Sold (mu)", numeric: true), Column("sold_count", "已出让(宗)", "Sold (lots)", numeric: true),
        Column("listed_mu", "挂牌中(亩)", "Listed (mu)", numeric: true), Column("listed_count", "挂牌中(宗)", "Listed (lots)", numeric: true),
        Column("sold_percent", "出让完成率%", "Sold %", numeric: true),
        Column("sold_and_listed_percent", "出让+挂牌%", "Sold + listed %", numeric: true),
    ]

    static func landSoFar(_ key: String, countKey: String, status: ParcelStatus, _ view: Viewpoint,
                                  in db: Session) throws -> (area: Area?, count: Int64?) {
        let year = view.day.year
        let reported = try latestFigure(key, category: nil, year: year, periodBy: view.day, view, in: db)
        let counted = try latestFigure(countKey, category: nil, year: year, periodBy: view.day, view, in: db)
        let since = reported?.to ?? Day(year: year, month: 1, day: 1)?.adding(days: -1) ?? view.day
        // Parcels with this status on the day, reached after the reported figure's period.
        let parcels = try SessionRow.fetchAll(db, sql: """
            SELECT s.area_mu_hundredths FROM parcel l \(view.span(.parcel, "s", of: "l.id"))
            WHERE s.status = :status AND s.status_since > :since
            """, arguments: view.arguments + ["status": status.rawValue, "since": since])
        let base = reported.flatMap { ExactDecimal($0.value)?.units(atScale: 2) }
        let itemised = parcels.map { $0[0] as Int64 }.reduce(0, +)
        let area = base == nil && parcels.isEmpty ? nil : Area(hundredths: (base ?? 0) + itemised)
        let count = counted.flatMap { Int64($0.value) }.map { $0 + Int64(parcels.count) } ?? (parcels.isEmpty ? nil : Int64(parcels.count))
        return (area, count)
    }

    /// The latest figure known by the view's day with this key whose period lies in the year and
    /// ends by `periodBy`.
    static func latestFigure(_ key: String, category: String?, year: Int, periodBy: Day, _ view: Viewpoint,
                             in db: Session) throws -> (value: String, to: Day)? {
        guard let row = try SessionRow.fetchOne(db, sql: """
            SELECT value, period_to FROM figure f
            WHERE f.key = :key AND (\(PortableSQL.isNull("category", .text)) AND f.category <> 'target' OR f.category = :category)
              AND f.period_to <= :by AND f.period_to >= :year_start AND f.park_id IS NULL AND \(view.liveFigure("f"))
            ORDER BY f.period_to DESC, f.known_on DESC, f.id DESC LIMIT 1
            """, arguments: view.arguments + ["key": key, "category": category, "by": periodBy, "year_start": Day(year: year, month: 1, day: 1)]) else { return nil }
        return (row["value"], row["period_to"])
    }

    /// Tenants by status for each park: the itemised tenants, and what the report counted without names.
    static func tenants(_ view: Viewpoint, in db: Session) throws -> MonthlySheet.Section {
        let rows = try SessionRow.fetchAll(db, sql: """
            SELECT y.id, y.code, s.name FROM park y \(view.span(.park, "s", of: "y.id")) ORDER BY y.id
            """, arguments: view.arguments)
        // Each park's reported figures, in the order they were recorded, joined here: SQLite's
        // group_concat promises no order and PostgreSQL has none.
        var reported: [Int64: [String]] = [:]
        for row in try SessionRow.fetchAll(db, sql: """
            SELECT f.park_id, f.metric || f.value || f.unit FROM figure f
            WHERE f.park_id IS NOT NULL AND f.category <> 'target' AND \(view.liveFigure("f"))
            ORDER BY f.park_id, f.id
            """, arguments: view.arguments) {
            reported[row[0], default: []].append(row[1])
        }
        let statuses = try SessionRow.fetchAll(db, sql: """
            SELECT s.park_id, s.status, count(*) FROM tenant t \(view.span(.tenant, "s", of: "t.id"))
            GROUP BY s.park_id, s.status ORDER BY s.park_id, s.status
            """, arguments: view.arguments)
        var counts: [Int64: [String: Int64]] = [:]
        for row in statuses { counts[row[0], default: [:]][row[1]] = row[2] }
        var columns = [Column("code", "编号", "Code"), Column("park", "园区", "Park")]
        columns += TenantStatus.allCases.map { Column($0.rawValue.replacingOccurrences(of: "-", with: "_"), $0.label, $0.rawValue, numeric: true) }
        columns.append(Column("reported", "报告数(未列名)", "Reported, not itemised"))
        let table = Table(columns: columns, rows: rows.map { row in
            let mine = counts[row[0]] ?? [:]
            return [.text(row[1]), .text(row[2])]
                + TenantStatus.allCases.map { .integer(mine[$0.rawValue] ?? 0) }
                + [.optional(reported[row[0]]?.joined(separator: "；"))]
        })
        return .init(key: "tenants_by_park", title: "园区企业", english: "Tenants by park", table: table)
    }

    /// Each of the year's targets known by the day against the latest figure with the same key: 完成全年任务 %.
    static func targets(_ view: Viewpoint, in db: Session) throws -> MonthlySheet.Section {
        let year = view.day.year
        let rows = try SessionRow.fetchAll(db, sql: """
            SELECT * FROM figure f WHERE f.category = 'target' AND substr(f.period_to, 1, 4) = :year AND \(view.liveFigure("f")) ORDER BY f.id
            """, arguments: view.arguments + ["year": String(year)])
        let table = Table(columns: [
            Column("code", "编号", "Code"), Column("metric", "指标", "Metric"), Column("unit", "单位", "Unit"),
            Column("target", "全年目标", "Target", numeric: true), Column("actual", "完成", "Actual", numeric: true),
            Column("actual_as_of", "截至", "As of"), Column("percent", "完成全年任务%", "Of target %", numeric: true),
        ], rows: try rows.map { row in
            let key: String? = row["key"]
            let actual = try key.flatMap { try latestFigure($0, category: nil, year: year, periodBy: view.day, view, in: db) }
            let rate = actual.flatMap { actual in
                ExactDecimal(actual.value).flatMap { a in ExactDecimal(row["value"] as String).flatMap { exactRatioText(a, $0, timesHundred: true, places: 1) } }
            }
            return [.text(row["code"]), .text(row["metric"]), .text(row["unit"]), .number(row["value"]),
                    actual.map { .number($0.value) } ?? .empty, .optional(actual?.to), rate.map(Cell.number) ?? .empty]
        })
        return .init(key: "targets", title: "目标完成情况", english: "Targets", table: table)
    }
}
