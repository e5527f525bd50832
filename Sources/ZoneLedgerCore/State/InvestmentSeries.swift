import GRDB

/// One investment report on a project: an entry naming 本月完成投资, 1-N月累计完成投资,
/// 开工累计完成投资 or a year's plan. Money in yuan.
struct InvestmentReport: Sendable, Equatable {
    var on: Day
    var id: Int64
    var month: Int64?
    var yearToDate: Int64?
    var total: Int64?
    var planYear: Int?
    var plan: Int64?
    var planImage: String?
}

/// A project's investment for one month, derived: what every sheet format shows.
public struct InvestmentFigures: Sendable, Equatable {
    /// 年度计划投资 and 形象进度计划 of the month's year, as in force at the month's end.
    public var plan: Int64?
    public var planImage: String?
    /// 本月完成投资: nil when nothing was reported for the month.
    public var month: Int64?
    /// 1-N月累计完成投资: nil when nothing was reported for the year up to the month.
    public var yearToDate: Int64?
    /// 开工累计完成投资 at the month's end: nil when nothing was ever reported.
    public var total: Int64?
    /// 1-k月累计 for k = 1 … N (nil before the year's first report): the chart's line.
    public var yearToDateByMonth: [Int64?] = []
}

/// The one rule by which investment reports combine, for any month:
///
/// - Reports count in (effective day, id) order, as every entry does; within a month the last
///   report of 本月 or 1-N月累计 stands and earlier ones of that month are replaced, never added.
/// - 1-k月累计 is the month's 1-N月累计 report if that stands, else 1-(k-1)月累计 plus the month's
///   本月 report (nothing reported: carried over). The year starts from nothing.
/// - 本月 is 1-k月累计 minus 1-(k-1)月累计: a month reported as 累计 gives its 本月 by difference,
///   so the figures agree whichever way a month was reported.
/// - 开工累计 is the last 开工累计 report on or before the month's end (an opening balance, as at
///   the end of its month) plus 本月 of every later month; with none, the sum of every 本月.
/// - 年度计划投资 is the last plan for the year effective on or before the month's end.
struct InvestmentSeries {
    let reports: [InvestmentReport]

    /// Reports in (effective day, id) order.
    init(_ reports: [InvestmentReport]) {
        self.reports = reports.sorted { ($0.on, $0.id) < ($1.on, $1.id) }
    }

    /// 1-k月累计 for k = 1 … `through` of a year (nil while nothing is reported), and which
    /// months had a report of their own.
    private func yearToDate(year: Int, through last: Int, until end: Day) -> (totals: [Int64?], reported: [Bool]) {
        // The standing report of each month: the last in order.
        var standing: [Int: InvestmentReport] = [:]
        for report in reports where report.on <= end && report.on.year == year && report.on.month <= last
            && (report.month != nil || report.yearToDate != nil) {
            standing[report.on.month] = report
        }
        var totals: [Int64?] = [], reported: [Bool] = []
        var running: Int64?
        for month in 1...max(1, last) where month <= last {
            if let report = standing[month] {
                running = report.yearToDate ?? ((running ?? 0) + (report.month ?? 0))
                reported.append(true)
            } else {
                reported.append(false)
            }
            totals.append(running)
        }
        return (totals, reported)
    }

    func figures(_ month: Month) -> InvestmentFigures {
        let end = month.last
        var figures = InvestmentFigures()
        if let plan = reports.last(where: { $0.on <= end && $0.planYear == month.year && $0.plan != nil }) {
            figures.plan = plan.plan
            figures.planImage = plan.planImage
        }
        let (totals, reported) = yearToDate(year: month.year, through: month.month, until: end)
        figures.yearToDateByMonth = totals
        figures.yearToDate = totals.last ?? nil
        if reported.last == true {
            figures.month = (totals.last.flatMap { $0 } ?? 0) - (totals.count > 1 ? (totals[totals.count - 2] ?? 0) : 0)
        }
        figures.total = total(through: month, end: end)
        return figures
    }

    /// 本月 of each month from `from` (exclusive) through `to` (inclusive), summed; nil if none reported.
    private func monthsAfter(_ from: Month?, through to: Month, end: Day) -> Int64? {
        let firstYear = from?.year ?? reports.map(\.on.year).min() ?? to.year
        var sum: Int64?
        for year in firstYear...max(firstYear, to.year) where year <= to.year {
            let last = year == to.year ? to.month : 12
            let (totals, reported) = yearToDate(year: year, through: last, until: end)
            for index in totals.indices where reported[index] {
                let monthNumber = index + 1
                if let from, year == from.year, monthNumber <= from.month { continue }
                let previous = index > 0 ? (totals[index - 1] ?? 0) : 0
                sum = (sum ?? 0) + ((totals[index] ?? 0) - previous)
            }
        }
        return sum
    }

    private func total(through month: Month, end: Day) -> Int64? {
        if let balance = reports.last(where: { $0.on <= end && $0.total != nil }), let value = balance.total {
            let since = Month(balance.on)
            return value + (monthsAfter(since, through: month, end: end) ?? 0)
        }
        return monthsAfter(nil, through: month, end: end)
    }
}

extension InvestmentReport {
    /// The entry columns that make an entry a report (a plan has plan_year, its amount and image come with it).
    static let markingColumns = ["invested_month_yuan", "invested_ytd_yuan", "invested_total_yuan", "plan_year"]
    /// The updates file's columns that carry a report or a plan.
    static let importKeys = ["invested", "invested_ytd", "invested_total", "plan_year", "plan_investment", "plan_image"]

    /// Whether an entry is an investment report or a plan.
    static func isReport(_ entry: Entry) -> Bool { markingColumns.contains { !entry[$0].isNull } }

    /// Whether an updates row carries a report or a plan (those take the row path).
    static func isReport(_ row: ImportRow) -> Bool { importKeys.contains { row.text($0) != nil } }

    /// Whether an entry (alias) is an investment report: the partial index's condition.
    static func condition(_ alias: String) -> String {
        "(\(alias).invested_month_yuan IS NOT NULL OR \(alias).invested_ytd_yuan IS NOT NULL OR \(alias).invested_total_yuan IS NOT NULL OR \(alias).plan_year IS NOT NULL)"
    }

    init(row: SessionRow, from first: Int) {
        id = row[first]
        on = row[first + 1]
        month = row[first + 2]
        yearToDate = row[first + 3]
        total = row[first + 4]
        planYear = row[first + 5]
        plan = row[first + 6]
        planImage = row[first + 7]
    }
}

extension Ledger {
    /// Every project's investment reports up to a day, as the viewpoint knows them, grouped by
    /// project: one range scan of the partial index, which holds the reports only. (Named: without
    /// statistics SQLite would take the day index and read every entry up to the day.)
    static func investmentSeries(through end: Day, _ view: Viewpoint, project: Int64? = nil, in db: Session) throws -> [Int64: InvestmentSeries] {
        let rows = try SessionRow.fetchCursor(db, sql: """
            SELECT e.project_id, e.id, e.effective_on, e.invested_month_yuan, e.invested_ytd_yuan, e.invested_total_yuan,
                   e.plan_year, e.plan_investment_yuan, e.plan_image
            FROM entry e INDEXED BY entry_investment
            WHERE \(InvestmentReport.condition("e")) AND e.project_id IS NOT NULL AND e.effective_on <= :end
              \(project == nil ? "" : "AND e.project_id = :project") AND \(view.liveEntry("e"))
            """, arguments: view.arguments + ["end": end, "project": project])
        var byProject: [Int64: [InvestmentReport]] = [:]
        while let row = try rows.next() {
            byProject[row[0], default: []].append(InvestmentReport(row: row, from: 1))
        }
        return byProject.mapValues(InvestmentSeries.init)
    }
}
