import GRDB

/// Investment against plan on the sheet: the projects' figures for the month (from
/// `InvestmentSeries`, the one rule), their subtotals, and the zone's line against time progress.
struct SheetInvestment {
    let month: Month
    let series: [Int64: InvestmentSeries]

    init(month: Month, _ view: Viewpoint, in db: Session) throws {
        self.month = month
        series = try Ledger.investmentSeries(through: view.day, view, in: db)
    }

    func figures(_ project: Int64) -> InvestmentFigures {
        series[project]?.figures(month) ?? InvestmentFigures()
    }

    /// "1-2月累计完成投资(万元)"; January is "1月累计".
    var yearToDateLabel: String { Self.yearToDateLabel(month) }
    static func yearToDateLabel(_ month: Month) -> String { month.month == 1 ? "1月累计完成投资(万元)" : "1-\(month.month)月累计完成投资(万元)" }

    /// 完成年度计划%: exact, rounded once to one place.
    static func percent(_ part: Int64?, of whole: Int64?) -> Cell {
        guard let part, let whole, whole > 0 else { return .empty }
        return exactRatioText(ExactDecimal(units: part, scale: 0), ExactDecimal(units: whole, scale: 0), timesHundred: true, places: 1)
            .map(Cell.number) ?? .empty
    }

    /// Percentage points ahead of (positive) or behind time progress N/12: (ytd/plan − N/12) × 100.
    static func pointsAhead(_ yearToDate: Int64, plan: Int64, months: Int) -> String? {
        guard plan > 0 else { return nil }
        let (scaled, overflow) = yearToDate.multipliedReportingOverflow(by: 12)
        let (expected, overflow2) = plan.multipliedReportingOverflow(by: Int64(months))
        guard !overflow, !overflow2 else { return nil }
        return exactRatioText(ExactDecimal(units: scaled - expected, scale: 0), ExactDecimal(units: plan * 12, scale: 0),
                              timesHundred: true, places: 1)
    }

    /// Time progress N/12 as a percentage.
    var timeProgress: String { Self.timeProgress(month) }
    static func timeProgress(_ month: Month) -> String {
        exactRatioText(ExactDecimal(units: Int64(month.month), scale: 0), ExactDecimal(units: 12, scale: 0), timesHundred: true, places: 1) ?? ""
    }
}

/// The zone's figures: the projects on the sheet summed, and 1-k月累计 month by month.
struct ZoneInvestment {
    var sums = InvestmentSums()
    var planned = 0
    /// Σ 1-k月累计 for k = 1 … N: nil for a month before any project reported.
    var yearToDateByMonth: [Int64?] = []

    init(_ investment: SheetInvestment, projects: [Int64]) {
        yearToDateByMonth = Array(repeating: nil, count: investment.month.month)
        for id in projects {
            let figures = investment.figures(id)
            if figures.plan != nil { planned += 1 }
            sums.add(investment: nil, figures)
            for (index, value) in figures.yearToDateByMonth.enumerated() where index < yearToDateByMonth.count {
                if let value { yearToDateByMonth[index] = (yearToDateByMonth[index] ?? 0) + value }
            }
        }
    }

    /// The year's plan spread evenly: what time progress asks for by the end of month k, to the
    /// yuan (half a yuan up); the straight line the chart draws.
    func timeLine(through month: Int) -> Int64? {
        guard let plan = sums.plan else { return nil }
        let (product, overflow) = plan.multipliedReportingOverflow(by: Int64(month))
        guard !overflow else { return nil }
        return (product * 2 + 12) / 24
    }
}

/// Sums of a group of projects' figures: a kind's 小计, or the 合计.
struct InvestmentSums {
    var projects = 0
    var investment: Int64?
    var plan: Int64?
    var month: Int64?
    var yearToDate: Int64?
    var total: Int64?

    private static func add(_ sum: inout Int64?, _ value: Int64?) {
        guard let value else { return }
        sum = (sum ?? 0) + value
    }

    /// Another group's sums added to these: a city adds up its zones' 合计.
    mutating func add(_ other: InvestmentSums) {
        projects += other.projects
        Self.add(&investment, other.investment)
        Self.add(&plan, other.plan)
        Self.add(&month, other.month)
        Self.add(&yearToDate, other.yearToDate)
        Self.add(&total, other.total)
    }

    mutating func add(investment: Int64?, _ figures: InvestmentFigures) {
        projects += 1
        Self.add(&self.investment, investment)
        Self.add(&plan, figures.plan)
        Self.add(&month, figures.month)
        Self.add(&yearToDate, figures.yearToDate)
        Self.add(&total, figures.total)
    }
}

extension SheetSummary {
    /// 投资完成情况: the zone's year so far against the year's plans and time progress.
    static func investment(_ investment: SheetInvestment, _ zone: ZoneInvestment) -> MonthlySheet.Section {
        let month = investment.month
        let sentence = investmentSentence(zone.sums, month: month)
        let table = Table(columns: [Column("year", "年度", "Year", numeric: true)] + investmentColumns(month) + [Column("summary", "说明", "Summary")],
                          rows: [[.integer(Int64(month.year))] + investmentCells(zone.sums, planned: zone.planned, month: month)
                                 + [sentence.isEmpty ? .empty : .text(sentence)]])
        return .init(key: "investment", title: "投资完成情况", english: "Investment against plan", table: table)
    }

    /// The investment columns after the year; a city's rollup shows the same ones per zone.
    static func investmentColumns(_ month: Month) -> [Column] {
        [Column("projects_planned", "计划项目数", "Planned", numeric: true),
         Column("plan_wan", "年度计划投资(万元)", "Plan (10k)", numeric: true),
         Column("month_wan", "本月完成投资(万元)", "Month (10k)", numeric: true),
         Column("ytd_wan", SheetInvestment.yearToDateLabel(month), "Year to date (10k)", numeric: true),
         Column("plan_percent", "完成年度计划%", "Of plan %", numeric: true),
         Column("time_percent", "时间进度%", "Time %", numeric: true),
         Column("points_ahead", "较时间进度(百分点)", "vs time (pts)", numeric: true)]
    }

    /// Planned projects, plan, month, year to date, % of plan, time progress, points ahead: exact, from the sums.
    static func investmentCells(_ sums: InvestmentSums, planned: Int, month: Month) -> [Cell] {
        let points = sums.plan.flatMap { SheetInvestment.pointsAhead(sums.yearToDate ?? 0, plan: $0, months: month.month) }
        return [.integer(Int64(planned)), moneyCell(sums.plan), moneyCell(sums.month), moneyCell(sums.yearToDate),
                SheetInvestment.percent(sums.yearToDate ?? 0, of: sums.plan), .number(SheetInvestment.timeProgress(month)),
                points.map(Cell.number) ?? .empty]
    }

    /// "1-3月累计完成投资…，占年度计划…%，落后时间进度…个百分点"; empty without a plan.
    static func investmentSentence(_ sums: InvestmentSums, month: Month) -> String {
        let ytd = sums.yearToDate ?? 0
        guard let plan = sums.plan, plan > 0, let points = SheetInvestment.pointsAhead(ytd, plan: plan, months: month.month) else { return "" }
        let span = month.month == 1 ? "1月" : "1-\(month.month)月"
        let ahead = points.hasPrefix("-") ? "落后时间进度\(points.dropFirst())个百分点" : points == "0.0" ? "与时间进度持平" : "超时间进度\(points)个百分点"
        return "\(span)累计完成投资\(Money(yuan: ytd))，占年度计划\(SheetInvestment.percent(ytd, of: plan).plain)%，\(ahead)"
    }

    /// 投资进度（按月）: 1-k月累计完成投资 for each month of the year so far against time
    /// progress (the plan spread evenly), the data of the sheet's chart.
    static func investmentByMonth(_ zone: ZoneInvestment) -> MonthlySheet.Section {
        // Nothing planned and nothing reported this year: no rows (the section says so), no chart.
        let reported = zone.sums.plan != nil || zone.yearToDateByMonth.contains { $0 != nil }
        let table = Table(columns: [
            Column("month", "月份", "Month"), Column("ytd_wan", "累计完成投资(万元)", "Year to date (10k)", numeric: true),
            Column("time_line_wan", "按时间进度应完成(万元)", "Time progress (10k)", numeric: true),
            Column("plan_wan", "年度计划投资(万元)", "Plan (10k)", numeric: true),
        ], rows: !reported ? [] : zone.yearToDateByMonth.enumerated().map { index, ytd in
            [.text("\(index + 1)月"), moneyCell(ytd), moneyCell(zone.timeLine(through: index + 1)), moneyCell(zone.sums.plan)]
        })
        return .init(key: "investment_by_month", title: "投资进度（按月）", english: "Investment by month", table: table)
    }
}

extension SheetInvestment {
    /// The zone's figures over the projects that exist on the sheet's day.
    func zone(_ view: Viewpoint, in db: Session) throws -> ZoneInvestment {
        let projects = try Int64.fetchAll(db, sql: "SELECT p.id FROM project p \(view.span(.project, "s", of: "p.id")) ORDER BY p.id", arguments: view.arguments)
        return ZoneInvestment(self, projects: projects)
    }
}
