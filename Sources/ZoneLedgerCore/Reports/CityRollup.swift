/// The city's sheet: each zone's figures as its own sheet shows them, one row per zone, and the
/// 合计 of those rows. Percentages of the 合计 are computed from its sums, never added up.
public enum CityRollup {
    /// The name each row carries: the zone's own, with the ledger's name after it when two ledgers
    /// name the same zone (the seeded ledgers all say "__经济开发区"), so no row is mistaken for another.
    public static func rowNames(zones: [String], sources: [String]) -> [String] {
        zones.enumerated().map { index, zone in
            zones.filter { $0 == zone }.count > 1 ? "\(zone)（\(sources[index])）" : zone
        }
    }

    /// `zones` are the figures of every ledger, read as of the same month; `names` their row names.
    public static func sheet(month: Month, zones: [ZoneFigures], names: [String], recorded: RecordedAt?, generatedAt: String) -> MonthlySheet {
        precondition(zones.count == names.count && !zones.isEmpty)
        let rows = Array(zip(names, zones))
        // A choice column, as the stage table's: JSON gives the 合计 row the key "total" beside its label.
        let zoneColumn = Column("zone", "开发区", "Zone", choice: true)
        let total = Cell.choice(key: "total", label: "合计")
        func table(_ columns: [Column], _ cells: (ZoneFigures) -> [Cell], total totalCells: [Cell]) -> Table {
            Table(columns: [zoneColumn] + columns, rows: rows.map { [.text($0.0)] + cells($0.1) } + [[total] + totalCells])
        }

        // Projects by stage: a column per stage, in the stages' order, and the zone's 合计.
        let stageColumns = ProjectStage.allCases.map { Column($0.rawValue, $0.label, $0.rawValue, numeric: true) }
            + [Column("projects", "合计", "Projects", numeric: true)]
        func stageCells(_ counts: [ProjectStage: Int64]) -> [Cell] {
            ProjectStage.allCases.map { .integer(counts[$0] ?? 0) } + [.integer(counts.values.reduce(0, +))]
        }
        let allStages = zones.reduce(into: [ProjectStage: Int64]()) { sum, zone in sum.merge(zone.stages, uniquingKeysWith: +) }

        var investment = InvestmentSums()
        for zone in zones { investment.add(zone.investment) }
        let planned = zones.map(\.planned).reduce(0, +)
        let land = LandFigures.sum(zones.map(\.land))

        let problemColumns = [
            Column("open", "月末未解决问题", "Open at month end", numeric: true), Column("overdue", "其中逾期", "of which overdue", numeric: true),
            Column("new", "本月新提问题", "Raised this month", numeric: true), Column("resolved", "本月解决问题", "Resolved this month", numeric: true),
            Column("overdue_milestones", "逾期节点", "Overdue milestones", numeric: true),
        ]
        func problemCells(_ open: Int, _ overdue: Int, _ new: Int, _ resolved: Int, _ milestones: Int) -> [Cell] {
            [open, overdue, new, resolved, milestones].map { .integer(Int64($0)) }
        }
        func summed(_ value: (ZoneFigures) -> Int) -> Int { zones.map(value).reduce(0, +) }

        let sections: [MonthlySheet.Section] = [
            .init(key: "projects_by_stage", title: "项目形象进度（按地区）", english: "Projects by stage, by zone",
                  table: table(stageColumns, { stageCells($0.stages) }, total: stageCells(allStages))),
            .init(key: "investment", title: "投资完成情况（按地区）", english: "Investment against plan, by zone",
                  table: table(SheetSummary.investmentColumns(month), { SheetSummary.investmentCells($0.investment, planned: $0.planned, month: month) },
                               total: SheetSummary.investmentCells(investment, planned: planned, month: month))),
            .init(key: "land", title: "土地出让（按地区）", english: "Land sale, by zone",
                  table: table(Array(SheetSummary.landColumns.dropFirst()), { $0.land.cells }, total: land.cells)),
            .init(key: "problems", title: "问题协调与逾期节点（按地区）", english: "Problems and overdue milestones, by zone",
                  table: table(problemColumns, { problemCells($0.problems.open, $0.problems.overdue, $0.problems.new, $0.problems.resolved, $0.overdueMilestoneCount) },
                               total: problemCells(summed(\.problems.open), summed(\.problems.overdue), summed(\.problems.new),
                                                   summed(\.problems.resolved), summed(\.overdueMilestoneCount)))),
            .init(key: "overdue", title: "逾期节点（各区）", english: "Overdue milestones, all zones",
                  table: Table(columns: [Column("zone", "开发区", "Zone")] + OverdueTables.overdueColumns,
                               rows: rows.flatMap { name, zone in zone.overdueMilestones.map { [.text(name)] + $0 } })),
        ]
        return MonthlySheet(zone: names.joined(separator: "、"), month: month, asOf: zones.map(\.asOf).max() ?? month.last,
                            recorded: recorded, generatedAt: generatedAt, sections: sections, kind: .city(zones: names))
    }
}
